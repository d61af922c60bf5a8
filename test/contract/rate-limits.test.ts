import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { versionedOperationsOf, versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

// Limits on, in memory, with the clock under the test's control (only Date is faked, so real
// HTTP keeps working). Each test starts two days after the last, so every window is fresh.
const api = useServer({ rateLimits: { enabled: true } });
let day = 0;
/** A moment of this test's own day: `at('10:00:20')`. */
let at = (_time: string) => new Date();
beforeEach(() => {
  day += 2;
  const date = new Date(Date.UTC(2026, 10, 24 + day)).toISOString().slice(0, 10);
  at = (time) => new Date(`${date}T${time}.000Z`);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at('10:00:00'));
});
afterEach(() => vi.useRealTimers());

const signUp = (n: number, headers: Record<string, string> = {}) =>
  api.call('v1', 'createUser', { body: { email: `limit${n}-${Math.random()}@example.com`, name: `Limit ${n}` }, headers });

describe('rate limits of POST /api/v1/users (createUser: 5 per minute)', () => {
  it('when a client signs up 5 times in a minute, then the 6th gets 429 with the exact body and headers', async () => {
    for (let n = 1; n <= 5; n++) {
      const res = await signUp(n);
      expect(res.status).toBe(201);
      expect(res.headers.get('ratelimit-policy')).toBe(
        '"default-200-per-day";q=200;w=86400, "default-50-per-hour";q=50;w=3600, "createUser-5-per-minute";q=5;w=60',
      );
      expect(res.headers.get('ratelimit')).toBe(`"default-200-per-day";r=${200 - n};t=86400, "default-50-per-hour";r=${50 - n};t=3600, "createUser-5-per-minute";r=${5 - n};t=60`);
    }
    vi.setSystemTime(at('10:00:20'));
    const refused = await signUp(6, { 'x-request-id': 'sixth-signup' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(refused.headers.get('ratelimit')).toBe('"default-200-per-day";r=194;t=86380, "default-50-per-hour";r=44;t=3580, "createUser-5-per-minute";r=0;t=40');
    expect(refused.body).toEqual({
      error: {
        code: 'RATE_LIMIT_EXCEEDED',
        message: 'Too many requests: the limit of 5 per minute is used up; try again in 40 seconds.',
        retry_after: 40,
        request_id: 'sixth-signup',
      },
    });
    expect(await api.server.count('users')).toBe(5);
  });

  it('when the minute has passed, then the client may sign up again', async () => {
    for (let n = 1; n <= 6; n++) await signUp(n);
    vi.setSystemTime(new Date(at('10:01:00').getTime() + 1));
    expect((await signUp(7)).status).toBe(201);
  });

  it('when the proxy is not trusted, then a made-up X-Forwarded-For buys no more requests', async () => {
    for (let n = 1; n <= 5; n++) await signUp(n, { 'x-forwarded-for': `203.0.113.${n}` });
    expect((await signUp(6, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
  });

  it('when other operations are called, then the sign-up budget is not spent', async () => {
    for (let n = 1; n <= 10; n++) await api.call('v1', 'listUsers');
    expect((await signUp(1)).status).toBe(201);
  });
});

describe('the budget shared by all operations (50 per hour)', () => {
  it.each(versions.flatMap((v) => versionedOperationsOf(v).map((o): [string, string] => [v, o.operationId])))(
    'when it is used up, then %s %s gets 429 RATE_LIMIT_EXCEEDED waiting for the hour',
    async (version, operationId) => {
      for (let n = 0; n < 50; n++) expect((await api.call('v2', 'getOpenApiDocument')).status).toBe(200);
      vi.setSystemTime(at('10:10:00'));
      const res = await api.call(version as 'v1' | 'v2', operationId, { params: { userId: 1, postId: 1 }, query: operationId === 'search' ? { q: 'x' } : {} });
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
      expect(res.headers.get('retry-after')).toBe('3000');
      expect(res.body.error.retry_after).toBe(3000);
    },
  );
});

describe('several windows used up at once', () => {
  it('when the minute and the hour are both used up, then Retry-After waits for the later one', async () => {
    for (let n = 0; n < 45; n++) await api.call('v1', 'listUsers');
    for (let n = 1; n <= 5; n++) expect((await signUp(n)).status).toBe(201);
    const res = await signUp(6);
    expect(res.status).toBe(429);
    expect(res.body.error.message).toContain('50 per hour');
    expect(res.headers.get('retry-after')).toBe('3600');
  });
});

describe('a rate-limit key other than the address', () => {
  const byToken = useServer({ rateLimits: { enabled: true }, rateLimitKey: (req) => `token:${req.get('x-demo-token') ?? 'anonymous'}` });

  it('when requests carry different identities from one address, then each identity has its own budget', async () => {
    const signUpAs = (token: string, n: number) =>
      byToken.call('v1', 'createUser', { body: { email: `${token}${n}@example.com`, name: `User ${n}` }, headers: { 'x-demo-token': token } });
    for (let n = 1; n <= 5; n++) expect((await signUpAs('alice', n)).status).toBe(201);
    expect((await signUpAs('alice', 6)).status).toBe(429);
    expect((await signUpAs('bob', 1)).status).toBe(201);
  });
});
