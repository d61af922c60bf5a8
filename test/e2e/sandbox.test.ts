import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/processes.js';

const root = new URL('../../', import.meta.url).pathname;

describe('npm run sandbox', () => {
  let origin: string;
  let child: ReturnType<typeof spawn>;
  let output = '';
  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts'], { cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    while (!output.includes('NOT FOR PRODUCTION')) await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('when it starts, then it serves the records of the spec examples, labelled not for production', async () => {
    const ada = (await (await fetch(`${origin}/api/v2/users/1`)).json()) as { name: string };
    expect(ada.name).toBe('Ada Lovelace');
    const post = (await (await fetch(`${origin}/api/v1/posts/7`)).json()) as { title: string; author: { id: number } };
    expect(post).toMatchObject({ title: 'Notes on the Analytical Engine', author: { id: 1 } });
  });

  it('when a user is created, then the next GET sees it, and SIGHUP resets to the examples', async () => {
    const created = await fetch(`${origin}/api/v2/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sandbox@example.com', name: 'Sandbox User' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await fetch(`${origin}/api/v2/users/${id}`)).status).toBe(200);
    child.kill('SIGHUP');
    while (!output.includes('sandbox reset')) await new Promise((r) => setTimeout(r, 20));
    expect((await fetch(`${origin}/api/v2/users/${id}`)).status).toBe(404);
    expect((await fetch(`${origin}/api/v2/users/1`)).status).toBe(200);
  });
});
