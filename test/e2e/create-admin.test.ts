import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/knex.js';
import { migrate } from '../../src/db/migrations.js';
import { createLogger } from '../../src/logger.js';
import { client } from '../support/contract-client.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'create-admin-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** A SQLite file of the test's own, not there yet. */
const databaseFile = () => join(dir, `app-${++files}.db`);

const password = 'the admin password';

interface Input {
  env?: Record<string, string>;
  stdin?: string;
}

/** Runs `npx tsx scripts/create-admin.ts <args>` on a database file, as an operator would. */
function createAdmin(file: string, args: string[], { env = {}, stdin = '' }: Input) {
  const child = spawn('npx', ['tsx', 'scripts/create-admin.ts', ...args], {
    cwd: root,
    // Whatever the machine has set for the server's start-up admin is not this run's business.
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, PASSWORD_HASH_COST: '10', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

/** The API on that database file, in this process, migrated as the server migrates at start. */
async function serve(file: string) {
  const config = loadConfig({ DATABASE_URL: `sqlite:${file}`, PASSWORD_HASH_COST: '10', RATE_LIMITS: 'off', VALIDATE_RESPONSES: 'fail' });
  const db = createDb(config.databaseUrl);
  await migrate(db);
  const server = createApp({ config, db, logger: createLogger('silent') }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { call } = client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return {
    call,
    signIn: (email: string, secret: string) => call('v1', 'createToken', { body: { email, password: secret } }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    },
  };
}
type Served = Awaited<ReturnType<typeof serve>>;

/** Runs the test against the API on the file, closing it however the test ends. */
async function withServer(file: string, test: (server: Served) => Promise<void>) {
  const server = await serve(file);
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

describe('npm run create-admin (scripts/create-admin.ts)', () => {
  it.each<[string, string[], Input, string]>([
    ['ADMIN_PASSWORD', [], { env: { ADMIN_PASSWORD: password } }, 'Administrator'],
    ['the first line of standard input', ['--name', 'Ops Team'], { stdin: `${password}\n` }, 'Ops Team'],
  ])(
    'when the password comes from %s, then a new admin is created who signs in with it and acts as admin',
    async (_, args, input, name) => {
      const file = databaseFile();
      const run = await createAdmin(file, ['--email', 'ops@example.com', ...args], input);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Created admin ops@example.com (id 1).');
      expect(run.stdout + run.stderr).not.toContain(password);

      await withServer(file, async ({ call, signIn }) => {
        const signedIn = await signIn('ops@example.com', password);
        expect(signedIn.status).toBe(201);
        expect(signedIn.body.user).toMatchObject({ id: 1, email: 'ops@example.com', name, role: 'admin' });
        // What only an admin may do: give another user a role.
        const member = await call('v1', 'createUser', {
          body: { email: 'member@example.com', name: 'Member', password: 'a password long enough' },
        });
        const promoted = await call('v1', 'updateUser', {
          params: { userId: member.body.id },
          body: { role: 'admin' },
          token: signedIn.body.token,
        });
        expect(promoted.status).toBe(200);
        expect(promoted.body.role).toBe('admin');
      });
    },
  );

  it.each<[string, Input]>([
    ['ADMIN_PASSWORD is shorter than 12 characters', { env: { ADMIN_PASSWORD: 'too short' } }],
    ['the line on standard input is shorter than 12 characters', { stdin: 'too short\n' }],
    ['standard input ends without a line', { stdin: '' }],
  ])('when %s, then it exits 2 naming the password rule, and no user is created', async (_, input) => {
    const file = databaseFile();
    const run = await createAdmin(file, ['--email', 'ops@example.com'], input);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Not created: password must NOT have fewer than 12 characters');
    await withServer(file, async ({ call }) => {
      expect((await call('v1', 'listUsers')).headers.get('x-total-count')).toBe('0');
    });
  });

  it('when no --email is given, then it exits 2 with its usage', async () => {
    const run = await createAdmin(databaseFile(), [], { env: { ADMIN_PASSWORD: password } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run create-admin -- --email <email>');
  });

  it('when the email belongs to a user, then that user is made admin with the new password, and its tokens end', async () => {
    const file = databaseFile();
    await withServer(file, async ({ call, signIn }) => {
      const oldPassword = 'the old member password';
      const member = await call('v1', 'createUser', { body: { email: 'grace@example.com', name: 'Grace Hopper', password: oldPassword } });
      expect(member.body.role).toBe('user');
      const oldToken = (await signIn('grace@example.com', oldPassword)).body.token;

      const run = await createAdmin(file, ['--email', 'grace@example.com'], { stdin: `${password}\n` });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Made admin grace@example.com (id ${member.body.id}).`);

      const signedIn = await signIn('grace@example.com', password);
      expect(signedIn.status).toBe(201);
      expect(signedIn.body.user).toMatchObject({ id: member.body.id, name: 'Grace Hopper', role: 'admin' });
      expect((await signIn('grace@example.com', oldPassword)).status).toBe(401);
      const withOldToken = await call('v1', 'updateUser', { params: { userId: member.body.id }, body: { name: 'Grace' }, token: oldToken });
      expect(withOldToken.status).toBe(401);
      expect((await call('v1', 'listUsers')).headers.get('x-total-count')).toBe('1');
    });
  });
});
