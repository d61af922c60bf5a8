import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/db/seed.js';
import { client } from '../support/contract-client.js';
import { freePort } from '../support/processes.js';

const root = new URL('../../', import.meta.url).pathname;

describe('npm run sandbox', () => {
  let origin: string;
  let child: ReturnType<typeof spawn>;
  let output = '';
  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RATE_LIMITS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    while (!output.includes('NOT FOR PRODUCTION')) await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  /** SIGHUP, then waits until the sandbox says it has reset. */
  const reset = async () => {
    const resets = () => output.split('sandbox reset').length - 1;
    const before = resets();
    child.kill('SIGHUP');
    while (resets() === before) await new Promise((r) => setTimeout(r, 20));
  };

  it('when it starts, then it serves the records of the spec examples, labelled not for production', async () => {
    const ada = (await (await fetch(`${origin}/api/v2/users/1`)).json()) as { name: string };
    expect(ada.name).toBe('Ada Lovelace');
    const post = (await (await fetch(`${origin}/api/v1/posts/7`)).json()) as { title: string; author: { id: number } };
    expect(post).toMatchObject({ title: 'Notes on the Analytical Engine', author: { id: 1 } });
    // The log line is JSON, its quotes escaped.
    expect(output).toContain(JSON.stringify(`every password is "${demoPassword}"`).slice(1, -1));
  });

  it('when RATE_LIMITS is not set, then it runs without limits, and says so', async () => {
    const res = await fetch(`${origin}/api/v2/users`);
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-policy')).toBeNull();
    expect(output).toContain('rate limits off (RATE_LIMITS=on to enforce them)');
  });

  it('when a user is created, then the next GET sees it, and SIGHUP resets to the examples', async () => {
    const created = await fetch(`${origin}/api/v2/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sandbox@example.com', name: 'Sandbox User', password: 'a password long enough' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await fetch(`${origin}/api/v2/users/${id}`)).status).toBe(200);
    await reset();
    expect((await fetch(`${origin}/api/v2/users/${id}`)).status).toBe(404);
    expect((await fetch(`${origin}/api/v2/users/1`)).status).toBe(200);
  });

  it('when an example user signs in with the demo password, then its token writes, until SIGHUP ends every token', async () => {
    const api = client(origin);
    const signedIn = await api.call('v2', 'createToken', { body: { email: 'ada@example.com', password: demoPassword } });
    expect(signedIn.status).toBe(201);
    const { token } = signedIn.body;
    const edited = await api.call('v2', 'updatePost', { params: { postId: 7 }, body: { title: 'Edited in the sandbox' }, token });
    expect(edited.status).toBe(200);
    expect((await api.call('v1', 'getPost', { params: { postId: 7 } })).body.title).toBe('Edited in the sandbox');

    await reset();
    expect((await api.call('v1', 'getPost', { params: { postId: 7 } })).body.title).toBe('Notes on the Analytical Engine');
    const afterReset = await api.call('v2', 'updatePost', { params: { postId: 7 }, body: { title: 'Edited again' }, token });
    expect(afterReset.status).toBe(401);
  });
});
