import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, privatePostgresAvailable } from '../support/postgres.js';
import { startPrivateRedis, startServerProcess, type ServerProcess } from '../support/processes.js';

// Outages under load: a private Redis stopped and started, a private PostgreSQL restarted, while
// clients keep reading. During the outage only the documented answers (200 served without limits,
// or 503 SERVICE_UNAVAILABLE); no request hangs; service returns without restarting the process.
const redisServerInstalled = spawnSync('redis-server', ['--version']).status === 0;
if (!redisServerInstalled) console.warn('NOTICE: redis-server is not installed, so the Redis outage drill is skipped.');
if (!privatePostgresAvailable) console.warn('NOTICE: PostgreSQL binaries are not installed, so the PostgreSQL outage drill is skipped.');

/** Longer than any answer may take: the statement timeout (5 s) plus the pool's wait. A request past it counts as hung. */
const hungAfterMs = 11_000;

interface Outcome {
  server: string;
  phase: string;
  status: number | 'hung' | 'error';
  limited: boolean;
  code?: string;
  at: number;
}

/**
 * Clients reading until stopped, each request from a new address (X-Forwarded-For under
 * TRUST_PROXY), so the rate limits are counted but never reached.
 */
function traffic(servers: Record<string, ServerProcess>, clients: number) {
  const outcomes: Outcome[] = [];
  let phase = 'before';
  let running = true;
  const loop = async () => {
    while (running) {
      for (const [name, server] of Object.entries(servers)) {
        const started = phase;
        const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
        try {
          const res = await fetch(`${server.origin}/api/v2/users?per_page=5`, {
            headers: { 'x-forwarded-for': address },
            signal: AbortSignal.timeout(hungAfterMs),
          });
          const body = (await res.json()) as { error?: { code: string } };
          outcomes.push({
            server: name,
            phase: started,
            status: res.status,
            limited: res.headers.has('ratelimit'),
            code: body.error?.code,
            at: Date.now(),
          });
        } catch (err) {
          outcomes.push({
            server: name,
            phase: started,
            status: (err as Error).name === 'TimeoutError' ? 'hung' : 'error',
            limited: false,
            at: Date.now(),
          });
        }
      }
    }
  };
  const loops = Array.from({ length: clients }, loop);
  return {
    outcomes,
    setPhase: (next: string) => (phase = next),
    /** Waits until `count` more requests have answered. */
    async next(count: number) {
      const target = outcomes.length + count;
      while (outcomes.length < target) await new Promise((r) => setTimeout(r, 10));
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/**
 * Waits until, since the service came back, 100 requests in a row have been served in full;
 * resolves with the time the last one that was not ended (or `back`).
 */
async function untilRecovered(load: ReturnType<typeof traffic>, back: number, inFull: (o: Outcome) => boolean) {
  for (;;) {
    await load.next(10);
    // Any request that ended not in full after the outage began, whenever it started.
    const since = load.outcomes.filter((o) => o.phase !== 'before');
    const recovered = Math.max(back, since.findLast((o) => !inFull(o))?.at ?? back);
    if (since.filter((o) => o.at > recovered).length >= 100) return recovered;
  }
}

const tally = (outcomes: Outcome[]) =>
  outcomes.reduce<Record<string, number>>((t, o) => {
    const key = `${o.server} ${o.status}${o.code ? ` ${o.code}` : ''}${o.limited ? ' limited' : ''}`;
    t[key] = (t[key] ?? 0) + 1;
    return t;
  }, {});

describe('outages under load', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it.skipIf(!redisServerInstalled)(
    'when Redis is stopped and started while 4 clients read, then open serves 200 without limits, closed answers ' +
      '503 SERVICE_UNAVAILABLE, and both count in Redis again once it is back',
    async () => {
      let redis = await startPrivateRedis();
      cleanups.push(() => redis.stop());
      const env = { DATABASE_URL: 'sqlite::memory:', REDIS_URL: redis.url, TRUST_PROXY: 'true' };
      const servers = {
        open: await startServerProcess({ ...env, RATE_LIMIT_FAIL: 'open' }),
        closed: await startServerProcess({ ...env, RATE_LIMIT_FAIL: 'closed' }),
      };
      cleanups.push(() => Promise.all(Object.values(servers).map((s) => s.stop())));
      const load = traffic(servers, 4);
      await load.next(100);

      load.setPhase('outage');
      const stoppedAt = Date.now();
      await redis.stop();
      await load.next(200);

      load.setPhase('back');
      redis = await startPrivateRedis(redis.port);
      const backAt = Date.now();
      // Back in full: both servers count in Redis again (RateLimit headers).
      const recovered = await untilRecovered(load, backAt, (o) => o.status === 200 && o.limited);
      await load.stop();

      const { outcomes } = load;
      const during = outcomes.filter((o) => o.at >= stoppedAt && o.at <= recovered);
      const after = outcomes.filter((o) => o.at > recovered);
      console.info(
        `Redis outage drill: ${outcomes.length} requests; outage ${backAt - stoppedAt} ms: ${JSON.stringify(tally(during))}; ` +
          `full service ${Math.max(0, recovered - backAt)} ms after Redis was back; then ${JSON.stringify(tally(after))}`,
      );
      expect(outcomes.filter((o) => o.at < stoppedAt).every((o) => o.status === 200 && o.limited)).toBe(true);
      // Only the documented answers while Redis is away, and nothing hangs.
      for (const o of during) {
        if (o.server === 'open') expect(o.status).toBe(200);
        else expect([200, 503]).toContain(o.status);
        if (o.status === 503) expect(o.code).toBe('SERVICE_UNAVAILABLE');
      }
      expect(during.some((o) => o.server === 'closed' && o.status === 503)).toBe(true);
      expect(after.length).toBeGreaterThanOrEqual(100);
      expect(after.every((o) => o.status === 200 && o.limited)).toBe(true);
    },
    90_000,
  );

  it.skipIf(!privatePostgresAvailable)(
    'when PostgreSQL is restarted while 4 clients read, then only 200 or 503 SERVICE_UNAVAILABLE, nothing hangs, ' +
      'and full service returns without restarting the process',
    async () => {
      const postgres = await startPrivatePostgres();
      cleanups.push(() => postgres.destroy());
      const server = await startServerProcess({
        DATABASE_URL: postgres.url,
        RATE_LIMITS: 'off',
        SEED_DEMO_DATA: 'true',
        PASSWORD_HASH_COST: '10',
      });
      cleanups.push(() => server.stop());
      const load = traffic({ api: server }, 4);
      await load.next(100);

      load.setPhase('outage');
      const stoppedAt = Date.now();
      postgres.stop();
      await load.next(100);

      load.setPhase('back');
      postgres.start();
      const backAt = Date.now();
      const recovered = await untilRecovered(load, backAt, (o) => o.status === 200);
      await load.stop();

      const { outcomes } = load;
      const during = outcomes.filter((o) => o.at >= stoppedAt && o.at <= recovered);
      const after = outcomes.filter((o) => o.at > recovered);
      console.info(
        `PostgreSQL outage drill: ${outcomes.length} requests; outage ${backAt - stoppedAt} ms: ${JSON.stringify(tally(during))}; ` +
          `full service ${Math.max(0, recovered - backAt)} ms after PostgreSQL was back; then ${JSON.stringify(tally(after))}`,
      );
      expect(outcomes.filter((o) => o.at < stoppedAt).every((o) => o.status === 200)).toBe(true);
      for (const o of during) {
        expect([200, 503]).toContain(o.status);
        if (o.status === 503) expect(o.code).toBe('SERVICE_UNAVAILABLE');
      }
      expect(during.some((o) => o.status === 503)).toBe(true);
      expect(after.length).toBeGreaterThanOrEqual(100);
      expect(after.every((o) => o.status === 200)).toBe(true);
      expect(server.child.exitCode).toBeNull();
    },
    90_000,
  );
});
