import { spawnSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/knex.js';
import { startPrivateRedis, startServerProcess, type ServerProcess } from '../support/processes.js';

// The soak: mixed traffic for SOAK_SECONDS (60 by default; longer runs by hand) against two
// workers on PostgreSQL and a private Redis (so its CLIENT LIST holds only this run's clients).
// No 5xx; what each worker's heap holds after a full collection (V8's --trace-gc lines) grows by
// less than 16 MB from the first seconds under load to the last; its RSS, sampled every 5 s, stays
// within 128 MB of the first sample under load, and its open descriptors within 32 of the start;
// no connection left in PostgreSQL or Redis once the server stops.
//
// Why the heap and not RSS decides: RSS follows the collector up and down by 50-60 MB here
// (145-201 MB in a 180 s run, with no trend), so a tight RSS bound fails on a healthy server
// (it did, at 74 MB over a first sample taken in a trough), and a loose one misses a leak. The
// live heap after a mark-compact is what a leak raises; it is read per worker from V8's own trace.
const postgresUrl = process.env.TEST_POSTGRES_URL;
const redisServerInstalled = spawnSync('redis-server', ['--version']).status === 0;
if (!postgresUrl || !redisServerInstalled) console.warn('NOTICE: the soak needs TEST_POSTGRES_URL and redis-server; skipped.');
const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const heapGrowthBoundMb = 16;
const rssBoundMb = 128;
const fdBound = 32;
const password = 'a password long enough';

const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
/**
 * Each worker's live heap after every mark-compact, in MB, in order, from the `--trace-gc` lines
 * (`[pid:isolate]  1234 ms: Mark-Compact 48.6 (81.2) -> 19.0 (77.0) MB, …`). A worker's main
 * isolate is the one with the most collections; helper threads (the log writer) have their own.
 */
function heapsAfterFullGc(output: string, pid: number): number[] {
  const byIsolate = new Map<string, number[]>();
  for (const [, isolate, mb] of output.matchAll(
    new RegExp(`^\\[${pid}:(0x[0-9a-f]+)\\]\\s+\\d+ ms: Mark-Compact[^>]*-> ([\\d.]+) \\(`, 'gm'),
  )) {
    byIsolate.set(isolate as string, [...(byIsolate.get(isolate as string) ?? []), Number(mb)]);
  }
  return [...byIsolate.values()].reduce((a, b) => (b.length > a.length ? b : a), []);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const worker = (pid: number) => ({
  rssMb: Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024,
  fds: readdirSync(`/proc/${pid}/fd`).length,
});

describe.skipIf(!postgresUrl || !redisServerInstalled)(`soak: ${seconds} s of mixed traffic, two workers on PostgreSQL and Redis`, () => {
  const schema = `soak_${randomUUID().replace(/-/g, '')}`;
  const appName = `soak-${randomUUID()}`;
  const databaseUrl = `${postgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}&application_name=${appName}`;
  const admin = createDb(postgresUrl ?? 'postgres://unused');
  let privateRedis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let redis: Redis;
  let server: ServerProcess;
  beforeAll(async () => {
    await admin.raw(`CREATE SCHEMA ${schema}`);
    privateRedis = await startPrivateRedis();
    redis = new Redis(privateRedis.url);
  });
  afterAll(async () => {
    if (server?.child.exitCode === null) await server.stop();
    await admin.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.destroy();
    redis?.disconnect();
    await privateRedis?.stop();
  });
  /** Polls `read` until `done`, at most 100 times 100 ms: a closed connection takes a moment to leave the server's list. */
  const settled = async (read: () => Promise<number>, done: (n: number) => boolean) => {
    let n = await read();
    for (let i = 0; i < 100 && !done(n); i++) n = await new Promise((r) => setTimeout(r, 100)).then(read);
    return n;
  };

  const connectionsInPostgres = async () =>
    Number(
      ((await admin.raw('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ?', [appName])) as { rows: { n: string }[] })
        .rows[0]?.n,
    );
  const connectionsInRedis = async () =>
    String(await redis.call('CLIENT', 'LIST'))
      .split('\n')
      .filter(Boolean).length;

  it(
    'then no 5xx, bounded RSS and descriptors, and no connection left behind',
    async () => {
      const redisBefore = await connectionsInRedis();
      // The server's pg connections carry the URL's application_name, so this run's are told apart.
      server = await startServerProcess(
        {
          DATABASE_URL: databaseUrl,
          REDIS_URL: privateRedis.url,
          WEB_CONCURRENCY: '2',
          TRUST_PROXY: 'true',
          PASSWORD_HASH_COST: '10',
        },
        // cluster.fork() passes the primary's flags on, so each worker traces its collections too.
        ['--trace-gc', '--import', 'tsx', 'src/server.ts'],
      );
      while ([...server.output().matchAll(/"msg":"listening"/g)].length < 2) await new Promise((r) => setTimeout(r, 20));
      const pids = [...server.output().matchAll(/"worker":(\d+),"msg":"worker started"/g)].map((m) => Number(m[1]));

      const statuses: Record<string, number> = {};
      const count = (kind: string, status: number) => (statuses[`${kind} ${status}`] = (statuses[`${kind} ${status}`] ?? 0) + 1);
      const call = async (kind: string, path: string, init: RequestInit & { from?: string } = {}) => {
        const res = await fetch(`${server.origin}${path}`, {
          ...init,
          headers: { 'x-forwarded-for': init.from ?? address(), ...init.headers },
        });
        const text = await res.text();
        count(kind, res.status);
        return { status: res.status, text };
      };
      const json = { 'content-type': 'application/json' };
      /** A new member signs up and in, from an address of its own; its token writes until its hourly budget nears its end. */
      const member = async () => {
        const email = `${randomUUID()}@example.com`;
        const from = address();
        await call('createUser', '/api/v2/users', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email, name: 'Soak Member', password }),
          from,
        });
        const res = await fetch(`${server.origin}/api/v2/tokens`, {
          method: 'POST',
          headers: { ...json, 'x-forwarded-for': from },
          body: JSON.stringify({ email, password }),
        });
        count('createToken', res.status);
        return ((await res.json()) as { token: string }).token;
      };

      // Warm up, then the start figures.
      for (let i = 0; i < 50; i++) await call('warm-up', '/api/v2/users?per_page=20');
      const start = pids.map(worker);
      const outputAtStart = server.output().length;
      const until = Date.now() + seconds * 1000;
      const limitedClient = address();
      const loops = [
        async () => {
          while (Date.now() < until) await call('listUsers', `/api/v2/users?per_page=${randomInt(1, 101)}`);
        },
        async () => {
          while (Date.now() < until) {
            await call('search', `/api/v2/search?q=soak&type=${randomInt(2) ? 'users' : 'posts'}`);
            await call('exportCsv', '/api/v2/posts', { headers: { accept: 'text/csv' } });
            await call('badInput', '/api/v2/users?per_page=101');
            await call('badBody', '/api/v2/users', { method: 'POST', headers: json, body: '{"email": "x"' });
          }
        },
        async () => {
          let token = await member();
          for (let k = 1; Date.now() < until; k++) {
            if (k % 40 === 0) token = await member();
            const created = await call('createPost', '/api/v2/posts', {
              method: 'POST',
              headers: { ...json, authorization: `Bearer ${token}` },
              body: JSON.stringify({ title: `Soak post ${k}`, body: 'soak', tags: ['soak'] }),
            });
            if (created.status === 201) await call('getPost', `/api/v2/posts/${(JSON.parse(created.text) as { id: number }).id}`);
          }
        },
        async () => {
          // One client over its budget: 429s, never a 5xx.
          while (Date.now() < until) await call('limited', '/api/v2/users?per_page=1', { from: limitedClient });
        },
      ];
      const samples: number[][] = [];
      const sampler = setInterval(() => samples.push(pids.map((pid) => Math.round(worker(pid).rssMb))), 5000);
      await Promise.all(loops.map((loop) => loop()));
      clearInterval(sampler);
      const end = pids.map(worker);
      const inPostgresWhileUp = await connectionsInPostgres();
      expect(await server.stop()).toBe(0);
      const inPostgresAfter = await settled(connectionsInPostgres, (n) => n === 0);
      const inRedisAfter = await settled(connectionsInRedis, (n) => n <= redisBefore);

      const heaps = pids.map((pid) => heapsAfterFullGc(server.output().slice(outputAtStart), pid));
      const total = Object.values(statuses).reduce((a, b) => a + b, 0);
      console.info(
        `soak: ${seconds} s, ${total} requests ${JSON.stringify(statuses)}; ` +
          `workers at start ${JSON.stringify(start)}, at end ${JSON.stringify(end)}, RSS MB every 5 s ${JSON.stringify(samples)}; ` +
          `heap MB after each full collection ${JSON.stringify(heaps)}; ` +
          `PostgreSQL connections while up ${inPostgresWhileUp}, after stop ${inPostgresAfter}; ` +
          `Redis clients before ${redisBefore}, after stop ${inRedisAfter}`,
      );
      expect(Object.keys(statuses).filter((key) => / 5\d\d$/.test(key))).toEqual([]);
      expect(statuses['limited 429']).toBeGreaterThan(0);
      expect(statuses['createPost 201']).toBeGreaterThan(0);
      // The live heap: the median of the first quarter of the collections under load against the
      // median of the last quarter (medians, so one collection caught mid-burst decides nothing).
      for (const [i, mbs] of heaps.entries()) {
        // Node 20 made 11-19 full collections a worker in 60 s here, Node 24 as few as 6.
        expect(mbs.length, `worker ${pids[i]}: full collections traced`).toBeGreaterThanOrEqual(3);
        const quarter = Math.max(1, Math.floor(mbs.length / 4));
        expect(median(mbs.slice(-quarter)) - median(mbs.slice(0, quarter))).toBeLessThan(heapGrowthBoundMb);
      }
      // RSS, a coarse guard against memory outside the heap (buffers, native): every later sample
      // within the bound of the first one under load.
      const [underLoad, ...later] = samples;
      expect(underLoad).toBeDefined();
      for (const sample of [...later, end.map((w) => w.rssMb)])
        for (const [i, mb] of sample.entries()) expect(mb - underLoad![i]!).toBeLessThan(rssBoundMb);
      for (const [i, s] of start.entries()) expect(end[i]!.fds - s.fds).toBeLessThan(fdBound);
      expect(inPostgresWhileUp).toBeLessThanOrEqual(2 * 10); // two workers, DB_POOL_MAX 10 each
      expect(inPostgresAfter).toBe(0);
      expect(inRedisAfter).toBeLessThanOrEqual(redisBefore);
    },
    (seconds + 60) * 1000,
  );
});
