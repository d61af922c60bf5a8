// The typed client as a package of its own (packages/client): packed as npm would publish it,
// installed into an empty project with nothing but its tarball, and used against a real server.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'client-package-'));
const project = join(dir, 'project');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

// Packing runs its prepack build (tsc), and installing reads the npm cache: seconds each, on a busy machine tens.
describe('the users-posts-api-client package', { timeout: 120_000 }, () => {
  let server: TestServer;
  let tarball: string;
  beforeAll(async () => {
    const packed = JSON.parse(npm(['pack', '--json', '--workspace', 'packages/client', '--pack-destination', dir], root)) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = join(dir, (packed[0] as { filename: string }).filename);
    execFileSync('mkdir', [project]);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'someone-elses-app', version: '1.0.0', private: true, type: 'module' }),
    );
    npm(['install', '--prefer-offline', tarball], project);
    server = await startTestServer();
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when installed from its tarball into an empty project, then it brings only openapi-fetch along', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed.sort()).toEqual(['openapi-fetch', 'openapi-typescript-helpers', 'users-posts-api-client']);
    expect(readdirSync(join(project, 'node_modules', 'users-posts-api-client', 'dist', 'src')).sort()).toEqual([
      'client.d.ts',
      'client.js',
    ]);
  });

  it('when the project imports it, then it signs up, signs in and reads through a real server', async () => {
    writeFileSync(
      join(project, 'try.mjs'),
      `import { createV1Client, createV2Client } from 'users-posts-api-client';
const origin = process.argv[2];
const credentials = { email: 'packaged@example.com', password: 'a packaged password' };
const anonymous = createV2Client(origin);
const { data: created } = await anonymous.POST('/users', { body: { ...credentials, name: 'Packaged User' } });
const { data: signedIn } = await anonymous.POST('/tokens', { body: credentials });
const v1 = createV1Client(origin, { headers: { Authorization: 'Bearer ' + signedIn.token } });
const { data: post } = await v1.POST('/posts', { body: { title: 'From the package', tags: ['npm'] } });
const { data: fetched, response } = await v1.GET('/users/{userId}', { params: { path: { userId: created.id } } });
const { error } = await anonymous.GET('/posts/{postId}', { params: { path: { postId: 999999 } } });
console.log(JSON.stringify({
  posts: created._links.posts.href,
  author: post.author.id,
  name: fetched.name,
  version: response.headers.get('api-version'),
  missing: error.error.code,
}));
`,
    );
    // Not execFileSync: the server answering it runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, ['try.mjs', server.origin], { cwd: project, encoding: 'utf8' });
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ name: 'Packaged User', version: '1', missing: 'POST_NOT_FOUND' });
    expect(out.posts).toMatch(new RegExp(`^${server.origin}/api/v2/users/\\d+/posts$`));
  });

  it('when the project type-checks against it, then the types of the API come with it: a wrong path does not compile', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { createV2Client } from 'users-posts-api-client';
const api = createV2Client('http://localhost:3000');
export const ok = api.GET('/users/{userId}', { params: { path: { userId: 1 } } });
// @ts-expect-error a path the API does not have
export const wrong = api.GET('/user/{userId}', { params: { path: { userId: 1 } } });
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    // Throws with tsc's messages if the types are missing or the @ts-expect-error line compiles.
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: project,
      encoding: 'utf8',
    });
  });
});
