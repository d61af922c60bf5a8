import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/db/seed.js';
import { client } from '../support/contract-client.js';
import { freePort, spawnServer, startPrivateRedis, startServerProcess, type SpawnedServer } from '../support/processes.js';

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
    const renamed = await again.call('v1', 'updateUser', {
      params: { userId: created.body.id },
      body: { name: 'Kept And Renamed' },
      token: ada.body.token,
    });
    expect(renamed.status).toBe(200);
    expect(await second.stop()).toBe(0);
  });

  it('when ADMIN_EMAIL and ADMIN_PASSWORD are set, then that admin signs in; a restart with another password leaves it alone', async () => {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'admin.db')}`,
      SEED_DEMO_DATA: 'false',
      PASSWORD_HASH_COST: '10',
      ADMIN_EMAIL: 'ops@example.com',
      ADMIN_PASSWORD: 'the first admin password',
    };
    const signIn = (origin: string, secret: string) =>
      client(origin).call('v1', 'createToken', { body: { email: 'ops@example.com', password: secret } });

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

const redisServerInstalled = spawnSync('redis-server', ['--version']).status === 0;
const waitFor = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};
const linesOf = (output: string, text: string) => output.split('\n').filter((line) => line.includes(text));
/** The stderr lines of a server that is to exit, once it has. */
const exitOf = async (server: SpawnedServer) => ({ code: await server.exited, lines: server.output().trim().split('\n') });

describe('start-up faults', () => {
  describe.skipIf(!redisServerInstalled)('when REDIS_URL names a Redis that is not running', () => {
    it('then with RATE_LIMIT_FAIL=open it serves without limits, is not ready until Redis answers, then counts in Redis', async () => {
      const port = await freePort();
      const env = { DATABASE_URL: 'sqlite::memory:', REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_FAIL: 'open' };
      const server = await startServerProcess(env);
      const list = await fetch(`${server.origin}/api/v2/users?per_page=1`);
      expect(list.status).toBe(200);
      expect(list.headers.get('ratelimit')).toBeNull();
      expect((await fetch(`${server.origin}/ready`)).status).toBe(503);

      const redis = await startPrivateRedis(port);
      try {
        // ioredis retries its connection on its own; the process is not restarted.
        let ready = 0;
        while (ready !== 200) ready = (await fetch(`${server.origin}/ready`)).status;
        expect((await fetch(`${server.origin}/api/v2/users?per_page=1`)).headers.get('ratelimit')).toContain('"default-50-per-hour";r=');
        expect(await server.stop()).toBe(0);
      } finally {
        await redis.stop();
      }
    });

    it('then with RATE_LIMIT_FAIL=closed it starts, answers the API with 503 SERVICE_UNAVAILABLE, stays alive (/health 200)', async () => {
      const env = { DATABASE_URL: 'sqlite::memory:', REDIS_URL: `redis://127.0.0.1:${await freePort()}`, RATE_LIMIT_FAIL: 'closed' };
      const server = await startServerProcess(env);
      const list = await fetch(`${server.origin}/api/v2/users`);
      expect(list.status).toBe(503);
      expect(((await list.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
      expect((await fetch(`${server.origin}/health`)).status).toBe(200);
      expect(await server.stop()).toBe(0);
    });

    it('then with WEB_CONCURRENCY=2 both workers start and serve, and none dies', async () => {
      const env = {
        DATABASE_URL: `sqlite:${join(dir, 'no-redis.db')}`,
        SEED_DEMO_DATA: 'false',
        WEB_CONCURRENCY: '2',
        REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      };
      const server = await startServerProcess(env);
      await waitFor(() => linesOf(server.output(), '"listening"').length >= 2);
      for (let i = 0; i < 4; i++)
        expect((await fetch(`${server.origin}/api/v1/users`, { headers: { connection: 'close' } })).status).toBe(200);
      expect(await server.stop()).toBe(0);
      expect(server.output()).not.toContain('worker died');
    });
  });

  it('when every worker dies at start (port taken), then each is restarted after a doubling delay, not in a tight loop', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const { port } = taken.address() as { port: number };
    const server = await spawnServer({
      DATABASE_URL: `sqlite:${join(dir, 'taken.db')}`,
      SEED_DEMO_DATA: 'false',
      WEB_CONCURRENCY: '2',
      PORT: String(port),
    });
    try {
      await waitFor(() => linesOf(server.output(), 'worker died').length >= 4 || server.child.exitCode !== null);
      const delays = linesOf(server.output(), 'worker died').map((line) => (JSON.parse(line) as { restartInMs: number }).restartInMs);
      expect(delays.slice(0, 4)).toEqual([100, 200, 400, 800]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      taken.close();
    }
  }, 30_000);

  it.each([
    [
      'PostgreSQL does not answer',
      async () => `postgres://postgres@127.0.0.1:${await freePort()}/app`,
      ['PostgreSQL at 127.0.0.1:', 'cannot be reached', 'ECONNREFUSED'],
    ],
    ...(process.env.TEST_POSTGRES_URL
      ? [
          [
            'the database does not exist',
            async () => `${new URL('/no_such_database', process.env.TEST_POSTGRES_URL)}`,
            ['has no database "no_such_database"', 'createdb'],
          ] as const,
        ]
      : []),
  ] as const)('when %s at start, then it exits 1 with one line saying what failed and what to check', async (_, databaseUrl, says) => {
    const { code, lines } = await exitOf(await spawnServer({ DATABASE_URL: await databaseUrl() }));
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    for (const text of says) expect(lines[0]).toContain(text);
    expect(lines[0]).toContain('DATABASE_URL=postgres://postgres@127.0.0.1:');
  });
});
