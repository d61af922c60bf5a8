// `npm run docs` and GET /api/docs run one Redoc: the built files embed the very bundle the server
// serves, so reviewers see the same page either way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'docs-build-'));

describe('npm run docs', () => {
  let server: TestServer;
  let built: ReturnType<typeof spawnSync>;
  beforeAll(async () => {
    built = spawnSync(process.execPath, ['scripts/build-docs.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DOCS_DIR: dir },
    });
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([['v1'], ['v2']])(
    'when %s.html is built, then it embeds the Redoc bundle GET /api/docs serves, and the served document',
    async (version) => {
      expect(built.status, String(built.stderr)).toBe(0);
      const html = readFileSync(join(dir, `${version}.html`), 'utf8');
      const embedded = /<script src="data:text\/javascript;base64,([^"]+)"><\/script>/.exec(html)?.[1];
      const served = Buffer.from(await (await fetch(`${server.origin}/api/docs/redoc.standalone.js`)).arrayBuffer());
      expect(embedded, 'an embedded bundle').toBeDefined();
      expect(Buffer.from(embedded as string, 'base64').equals(served)).toBe(true);
      const spec = JSON.parse(/<script id="spec" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null');
      expect(spec).toEqual(await (await fetch(`${server.origin}/api/${version}/openapi.json`)).json());
    },
  );
});
