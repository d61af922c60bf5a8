import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/contract-client.js';
import { startPrivateRedis, startServerProcess, type ServerProcess } from '../support/processes.js';
import { versionedOperationsOf, versions, type OperationInfo, type Version } from '../support/spec.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { testPassword } from '../support/use-server.js';
import { validRequest } from '../support/valid-request.js';

const redisUrl = process.env.REDIS_URL;
const redisServerInstalled = spawnSync('redis-server', ['--version']).status === 0;
if (!redisUrl) console.warn('NOTICE: REDIS_URL is not set, so the rate-limit tests against a real Redis are skipped.');
if (!redisServerInstalled) console.warn('NOTICE: redis-server is not installed, so the Redis fault tests are skipped.');

describe('rate-limit tests that need Redis', () => {
  it('when CI runs, then they are not skipped', () => {
    if (!process.env.CI) return;
    expect(redisUrl, 'CI must pass REDIS_URL (see .ci/run)').toBeTruthy();
    expect(redisServerInstalled, 'CI needs redis-server for the fault tests').toBe(true);
  });
});

interface Member {
  id: number;
  email: string;
  token: string;
  postId: number;
}

/** Signs a new user up and in on a server, with a post of its own, all through the API. */
async function arrangeMember(origin: string): Promise<Member> {
  const { call } = client(origin);
  const email = `${randomUUID()}@example.com`;
  const user = await call('v1', 'createUser', { body: { email, name: 'Member', password: testPassword } });
  const signedIn = await call('v1', 'createToken', { body: { email, password: testPassword } });
  const post = await call('v1', 'createPost', { body: { title: 'A post' }, token: signedIn.body.token });
  if (post.status !== 201) throw new Error(`arranging a member failed: ${user.text} ${signedIn.text} ${post.text}`);
  return { id: user.body.id, email, token: signedIn.body.token, postId: post.body.id };
}

const validInputOf = (o: OperationInfo, m: Member) => validRequest(o, { ...m, password: testPassword }, m.postId);

const redisClient = (url: string) => {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  return redis;
};

describe.skipIf(!redisUrl)('two server processes sharing one Redis', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    // One fresh key prefix for both, so they share counters with each other and with nothing else.
    const env = {
      REDIS_URL: redisUrl as string,
      RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}:`,
      DATABASE_URL: 'sqlite::memory:',
      SEED_DEMO_DATA: 'false',
      TRUST_PROXY: 'loopback',
      PASSWORD_HASH_COST: '10',
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const signUp = (server: ServerProcess, client: string, n: number) =>
    fetch(`${server.origin}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ email: `${randomUUID()}@example.com`, name: `Client ${n}`, password: testPassword }),
    });

  it('when sign-ups alternate between the processes, then exactly the declared 5 per minute succeed', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 12; n++) statuses.push((await signUp(n % 2 ? b : a, '10.0.0.1', n)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
  });

  it('when 30 sign-ups race across both processes at once, then exactly 5 succeed', async () => {
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, n) => signUp(n % 2 ? b : a, '10.0.0.2', n).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  it('when the processes answer, then both report the shared count in RateLimit', async () => {
    await signUp(a, '10.0.0.3', 1);
    const res = await signUp(b, '10.0.0.3', 2);
    expect(res.headers.get('ratelimit')).toContain('"createUser-5-per-minute";r=3;');
  });
});

describe.skipIf(!redisServerInstalled)('when Redis goes away mid-run', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let open: TestServer;
  let closed: TestServer;
  const clients: Redis[] = [];
  const logged: string[] = [];
  const logger = pino({ level: 'error' }, new Writable({ write: (chunk, _enc, done) => (logged.push(String(chunk)), done()) }));

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const serverWith = async (failMode: 'open' | 'closed') => {
      const store = redisClient(redis.url);
      clients.push(store);
      await once(store, 'ready');
      return startTestServer({ rateLimits: { enabled: true, failMode, keyPrefix: `test-${randomUUID()}:` }, redis: store, logger });
    };
    [open, closed] = await Promise.all([serverWith('open'), serverWith('closed')]);
  });
  afterAll(async () => {
    await Promise.all([open?.close(), closed?.close()]);
    clients.forEach((c) => c.disconnect());
    await redis?.stop();
  });

  it('while Redis is up, then both servers count in Redis and send the headers', async () => {
    for (const server of [open, closed]) {
      const res = await client(server.origin).call('v1', 'listUsers');
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit')).toContain('"default-50-per-hour";r=49;');
    }
  });

  describe('after Redis is stopped', () => {
    /** Signed in on the closed server while Redis was up: what refuses its requests is the store, not a missing token. */
    let closedMember: Member;
    beforeAll(async () => {
      closedMember = await arrangeMember(closed.origin);
      await redis.stop();
    });
    const everyOperation = versions.flatMap((v) =>
      versionedOperationsOf(v).map((o): [Version, string, OperationInfo] => [v, o.operationId, o]),
    );

    it.each(everyOperation)('in open mode, %s %s is served as usual, without limits', async (version, operationId, o) => {
      // Arranged with Redis away, which open mode allows: sign-up, sign-in and a post of its own.
      const res = await client(open.origin).call(version, operationId, validInputOf(o, await arrangeMember(open.origin)));
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('ratelimit')).toBeNull();
    });

    it.each(everyOperation)('in closed mode, %s %s gets 503 SERVICE_UNAVAILABLE', async (version, operationId, o) => {
      const res = await client(closed.origin).call(version, operationId, validInputOf(o, closedMember));
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    });

    it('then GET /ready (getReadiness) answers 503 naming Redis, while /health stays 200', async () => {
      const ready = await client(open.origin).call('service', 'getReadiness');
      expect(ready.status).toBe(503);
      expect(ready.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { redis: ['does not answer'] } });
      expect((await client(open.origin).call('service', 'getHealth')).status).toBe(200);
    });

    it('then the fault is logged once per interval, not once per request', () => {
      const faults = logged.filter((line) => line.includes('rate-limit store unreachable'));
      expect(faults.length).toBeGreaterThanOrEqual(1);
      expect(faults.length).toBeLessThanOrEqual(2); // one per server
    });

    it('when Redis comes back on the same port, then the closed server serves again, and a token from before still writes', async () => {
      redis = await startPrivateRedis(redis.port);
      let status = 0;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
        status = (await fetch(`${closed.origin}/api/v1/users`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      const write = await client(closed.origin).call('v1', 'updateUser', {
        params: { userId: closedMember.id },
        body: { name: 'Back Again' },
        token: closedMember.token,
      });
      expect(write.status).toBe(200);
    });
  });
});
