import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'server-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts src/server.ts as its own process, the way `npm start` runs the build of it. */
async function startProcess(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = () => (output.includes('"listening"') ? resolve() : setTimeout(check, 50));
    child.once('exit', () => reject(new Error(`server exited early:\n${output}`)));
    check();
  });
  return { origin: `http://127.0.0.1:${port}`, child, exited, output: () => output };
}

const stop = async ({ child, exited }: { child: ChildProcess; exited: Promise<number | null> }) => {
  child.kill('SIGTERM');
  return exited;
};

describe('the server process (src/server.ts)', () => {
  it('when started on a new SQLite file, then it migrates, seeds the demo data once, and stops cleanly on SIGTERM', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'nested', 'app.db')}` };
    const first = await startProcess(env);
    const users = await fetch(`${first.origin}/api/v1/users`);
    expect(users.status).toBe(200);
    expect(Number(users.headers.get('x-total-count'))).toBeGreaterThanOrEqual(24);
    const created = await fetch(`${first.origin}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kept@example.com', name: 'Kept Across Restarts' }),
    });
    expect(created.status).toBe(201);
    const total = Number((await fetch(`${first.origin}/api/v1/users`)).headers.get('x-total-count'));
    expect(await stop(first)).toBe(0);

    const second = await startProcess(env);
    const again = await fetch(`${second.origin}/api/v1/users`);
    expect(Number(again.headers.get('x-total-count'))).toBe(total);
    expect(second.output()).not.toContain('seeded');
    expect(await stop(second)).toBe(0);
  });

  it('when a setting is invalid, then it exits 1 with a message naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://db' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT must be integer');
    expect(stderr).toContain('DATABASE_URL must match pattern');
  });
});
