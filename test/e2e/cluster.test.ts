import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/knex.js';
import { client } from '../support/contract-client.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';

// The deployment of the README: PostgreSQL and Redis when the run has them, two workers.
const postgresUrl = process.env.TEST_POSTGRES_URL;
const redisUrl = process.env.REDIS_URL;
const dir = mkdtempSync(join(tmpdir(), 'cluster-e2e-'));
const schema = `test_${randomUUID().replace(/-/g, '')}`;
if (!postgresUrl || !redisUrl)
  console.warn(
    'NOTICE: the cluster test runs on a SQLite file with in-memory limits; set TEST_POSTGRES_URL and REDIS_URL to run it as deployed.',
  );

const databaseUrl = postgresUrl
  ? `${postgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
  : `sqlite:${join(dir, 'app.db')}`;
const countOf = (output: string, text: string) => output.split('\n').filter((line) => line.includes(text)).length;
const waitFor = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

/** One request on a connection of its own, so the primary's round robin hands it to the next worker. */
const onItsOwnConnection = (url: string, method: string, headers: Record<string, string>, body: string) =>
  new Promise<{ status: number; requestId: string }>((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, requestId: String(res.headers['x-request-id']) }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('WEB_CONCURRENCY=2 (node:cluster)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    if (postgresUrl) {
      const admin = createDb(postgresUrl);
      await admin.raw(`CREATE SCHEMA ${schema}`);
      await admin.destroy();
    }
    server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      WEB_CONCURRENCY: '2',
      PASSWORD_HASH_COST: '10',
      ...(redisUrl && { REDIS_URL: redisUrl }),
    });
    await waitFor(() => countOf(server.output(), '"listening"') >= 2);
  });
  afterAll(async () => {
    if (server?.child.exitCode === null) await server.stop();
    if (postgresUrl) {
      const admin = createDb(postgresUrl);
      await admin.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.destroy();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('when two workers serve one port, then the API keeps its contract across them', async () => {
    const api = client(server.origin);
    const credentials = { email: 'cluster@example.com', password: 'a password long enough' };
    const created = await api.call('v2', 'createUser', { body: { ...credentials, name: 'Cluster User' } });
    expect(created.status).toBe(201);
    const signedIn = await api.call('v2', 'createToken', { body: credentials });
    expect(signedIn.status).toBe(201);
    for (let i = 0; i < 6; i++) expect((await api.call('v2', 'getUser', { params: { userId: created.body.id } })).status).toBe(200);
    const renamed = await api.call('v2', 'updateUser', {
      params: { userId: created.body.id },
      body: { name: 'Cluster User Renamed' },
      token: signedIn.body.token,
    });
    expect(renamed.status).toBe(200);
    expect((await api.call('service', 'getReadiness')).body.checks.redis).toBe(redisUrl ? 'up' : 'not configured');
  });

  it('when a token was issued by one worker, then the other worker honours it too', async () => {
    const api = client(server.origin);
    const credentials = { email: 'everywhere@example.com', password: 'a password long enough' };
    const { body: user } = await api.call('v1', 'createUser', { body: { ...credentials, name: 'Everywhere' } });
    const { body: signedIn } = await api.call('v1', 'createToken', { body: credentials });
    const writes: { status: number; requestId: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${signedIn.token}` };
      writes.push(
        await onItsOwnConnection(`${server.origin}/api/v1/users/${user.id}`, 'PATCH', headers, JSON.stringify({ name: `Everywhere ${i}` })),
      );
    }
    expect(writes.map((w) => w.status)).toEqual([200, 200, 200, 200]);
    // Each worker logs the requests it served, with its pid and the request's id.
    const servedBy = (requestId: string) => new RegExp(`"pid":(\\d+),[^\\n]*"reqId":"${requestId}"`).exec(server.output())?.[1];
    await waitFor(() => writes.every((w) => servedBy(w.requestId)));
    expect(new Set(writes.map((w) => servedBy(w.requestId))).size).toBe(2);
  });

  it('when a worker dies, then it is logged and replaced, and the API keeps answering', async () => {
    const pids = [...server.output().matchAll(/"worker":(\d+),"msg":"worker started"/g)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(2);
    process.kill(pids[0] as number, 'SIGKILL');
    await waitFor(() => server.output().includes('worker died; starting another') && countOf(server.output(), '"listening"') >= 3);
    for (let i = 0; i < 6; i++) expect((await fetch(`${server.origin}/api/v1/users?per_page=1`)).status).toBe(200);
  });

  it('when the primary gets SIGTERM, then every worker drains and the exit code is 0', async () => {
    expect(await server.stop()).toBe(0);
    const workerPids = [...server.output().matchAll(/"pid":(\d+),[^\n]*"msg":"listening"/g)].map((m) => Number(m[1]));
    for (const pid of workerPids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
