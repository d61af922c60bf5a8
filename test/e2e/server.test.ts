import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/processes.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'server-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the server process (src/server.ts)', () => {
  it('when started on a new SQLite file, then it migrates, seeds the demo data once, and stops cleanly on SIGTERM', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'nested', 'app.db')}` };
    const first = await startServerProcess(env);
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
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(env);
    const again = await fetch(`${second.origin}/api/v1/users`);
    expect(Number(again.headers.get('x-total-count'))).toBe(total);
    expect(second.output()).not.toContain('seeded');
    expect(await second.stop()).toBe(0);
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
