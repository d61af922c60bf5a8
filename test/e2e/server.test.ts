import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/db/seed.js';
import { client } from '../support/contract-client.js';
import { startServerProcess } from '../support/processes.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'server-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const password = 'a password long enough';

describe('the server process (src/server.ts)', () => {
  // At the default PASSWORD_HASH_COST, so the production cost of a password hash is run once.
  it('when started on a new SQLite file, then it migrates, seeds the demo data once, and stops cleanly on SIGTERM', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'nested', 'app.db')}` };
    const first = await startServerProcess(env);
    const api = client(first.origin);
    const users = await api.call('v1', 'listUsers');
    expect(users.status).toBe(200);
    expect(Number(users.headers.get('x-total-count'))).toBeGreaterThanOrEqual(24);
    // The demo data's admin signs in with the demo password of the README.
    const ada = await api.call('v1', 'createToken', { body: { email: 'ada.lovelace@example.com', password: demoPassword } });
    expect(ada.status).toBe(201);
    expect(ada.body.user).toMatchObject({ id: 1, role: 'admin' });
    const created = await api.call('v1', 'createUser', { body: { email: 'kept@example.com', name: 'Kept Across Restarts', password } });
    expect(created.status).toBe(201);
    const total = Number((await api.call('v1', 'listUsers')).headers.get('x-total-count'));
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(env);
    const again = client(second.origin);
    expect(Number((await again.call('v1', 'listUsers')).headers.get('x-total-count'))).toBe(total);
    expect(second.output()).not.toContain('seeded');
    // Accounts and tokens are kept in the database, so they outlive the process.
    expect((await again.call('v1', 'createToken', { body: { email: 'kept@example.com', password } })).status).toBe(201);
    const renamed = await again.call('v1', 'updateUser', { params: { userId: created.body.id }, body: { name: 'Kept And Renamed' }, token: ada.body.token });
    expect(renamed.status).toBe(200);
    expect(await second.stop()).toBe(0);
  });

  it('when ADMIN_EMAIL and ADMIN_PASSWORD are set, then that admin signs in, and a restart with another password leaves it as it is', async () => {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'admin.db')}`,
      SEED_DEMO_DATA: 'false',
      PASSWORD_HASH_COST: '10',
      ADMIN_EMAIL: 'ops@example.com',
      ADMIN_PASSWORD: 'the first admin password',
    };
    const signIn = (origin: string, secret: string) => client(origin).call('v1', 'createToken', { body: { email: 'ops@example.com', password: secret } });

    const first = await startServerProcess(env);
    expect(first.output()).toContain('created the admin of ADMIN_EMAIL');
    const signedIn = await signIn(first.origin, 'the first admin password');
    expect(signedIn.status).toBe(201);
    expect(signedIn.body.user).toMatchObject({ email: 'ops@example.com', name: 'Administrator', role: 'admin' });
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess({ ...env, ADMIN_PASSWORD: 'the second admin password' });
    expect(second.output()).toContain('the user of ADMIN_EMAIL exists; left as it is');
    expect((await signIn(second.origin, 'the first admin password')).status).toBe(201);
    expect((await signIn(second.origin, 'the second admin password')).status).toBe(401);
    expect((await client(second.origin).call('v1', 'listUsers')).headers.get('x-total-count')).toBe('1');
    expect(await second.stop()).toBe(0);
    expect(first.output() + second.output()).not.toMatch(/admin password/);
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
