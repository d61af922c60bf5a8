import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { versionedOperationsOf, versions, type OperationInfo, type Version } from '../support/spec.js';
import { testPassword, useServer } from '../support/use-server.js';
import { validRequest } from '../support/valid-request.js';

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

/** A sign-up: anonymous, so it counts against the address, unless an admin's token comes with it. */
const signUp = (n: number, { headers = {}, token }: { headers?: Record<string, string>; token?: string } = {}) =>
  api.call('v1', 'createUser', {
    body: { email: `limit${n}-${Math.random()}@example.com`, name: `Limit ${n}`, password: testPassword },
    headers,
    token,
  });

describe('rate limits of POST /api/v1/users (createUser: 5 per minute)', () => {
  it('when a client signs up 5 times in a minute, then the 6th gets 429 with the exact body and headers', async () => {
    for (let n = 1; n <= 5; n++) {
      const res = await signUp(n);
      expect(res.status).toBe(201);
      expect(res.headers.get('ratelimit-policy')).toBe(
        '"default-200-per-day";q=200;w=86400, "default-50-per-hour";q=50;w=3600, "createUser-5-per-minute";q=5;w=60',
      );
      expect(res.headers.get('ratelimit')).toBe(
        `"default-200-per-day";r=${200 - n};t=86400, "default-50-per-hour";r=${50 - n};t=3600, "createUser-5-per-minute";r=${5 - n};t=60`,
      );
    }
    vi.setSystemTime(at('10:00:20'));
    const refused = await signUp(6, { headers: { 'x-request-id': 'sixth-signup' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(refused.headers.get('ratelimit')).toBe(
      '"default-200-per-day";r=194;t=86380, "default-50-per-hour";r=44;t=3580, "createUser-5-per-minute";r=0;t=40',
    );
    expect(refused.body).toEqual({
      error: {
        code: 'RATE_LIMIT_EXCEEDED',
        message: 'Too many requests: the limit of 5 per minute is used up; try again in 40 seconds. See /api/docs#section/Rate-limits.',
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
    for (let n = 1; n <= 5; n++) await signUp(n, { headers: { 'x-forwarded-for': `203.0.113.${n}` } });
    expect((await signUp(6, { headers: { 'x-forwarded-for': '198.51.100.7' } })).status).toBe(429);
  });

  it('when other operations are called, then the sign-up budget is not spent', async () => {
    for (let n = 1; n <= 10; n++) await api.call('v1', 'listUsers');
    expect((await signUp(1)).status).toBe(201);
  });
});

describe('rate limits of POST /api/v1/tokens (createToken: 5 per minute)', () => {
  const signIn = (password: string) => api.call('v1', 'createToken', { body: { email: 'guessed@example.com', password } });

  it('when a client tries to sign in 5 times in a minute, then the 6th gets 429, even with the right password', async () => {
    // A sign-up of its own budget, not a sign-in: the address has all 5 sign-in attempts left.
    expect(
      (await api.call('v1', 'createUser', { body: { email: 'guessed@example.com', name: 'Guessed', password: testPassword } })).status,
    ).toBe(201);
    for (let n = 1; n <= 5; n++) {
      const res = await signIn(`wrong guess number ${n}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('ratelimit-policy')).toBe(
        '"default-200-per-day";q=200;w=86400, "default-50-per-hour";q=50;w=3600, "createToken-5-per-minute";q=5;w=60',
      );
      expect(res.headers.get('ratelimit')).toContain(`"createToken-5-per-minute";r=${5 - n};t=60`);
    }
    vi.setSystemTime(at('10:00:30'));
    const refused = await signIn(testPassword);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body.error).toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Too many requests: the limit of 5 per minute is used up; try again in 30 seconds. See /api/docs#section/Rate-limits.',
      retry_after: 30,
    });
    expect(await api.server.count('tokens')).toBe(0);

    vi.setSystemTime(new Date(at('10:01:00').getTime() + 1));
    expect((await signIn(testPassword)).status).toBe(201);
  });
});

/** A request every operation would serve if its budget were not used up: rows that exist, a valid body. */

/** Operations that count against the shared budget: all but the served document (`x-rate-limit-shared: false`). */
const sharing = (o: OperationInfo) => o.operation['x-rate-limit-shared'] !== false;

describe('the budget shared by all operations (50 per hour)', () => {
  /** Uses up the hour of a new member (requests with its token) and of the address (anonymous requests). */
  async function useUpTheHour() {
    const member = await api.createUser(); // the address's first 2
    const post = await api.createPost({}, member); // the member's first
    for (let n = 1; n < 50; n++) expect((await api.call('v2', 'listPosts', { token: member.token })).status).toBe(200);
    for (let n = 2; n < 50; n++) expect((await api.call('v2', 'listPosts')).status).toBe(200);
    vi.setSystemTime(at('10:10:00'));
    return { member, post };
  }

  it.each(
    versions.flatMap((v) =>
      versionedOperationsOf(v)
        .filter(sharing)
        .map((o): [Version, string, OperationInfo] => [v, o.operationId, o]),
    ),
  )('when it is used up, then %s %s gets 429 RATE_LIMIT_EXCEEDED waiting for the hour', async (version, operationId, o) => {
    const { member, post } = await useUpTheHour();
    const res = await api.call(version, operationId, validRequest(o, { ...member, password: testPassword }, post.id));
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(res.headers.get('retry-after')).toBe('3000');
    expect(res.body.error.retry_after).toBe(3000);
    expect(res.body.error.message).toBe(
      'Too many requests: the limit of 50 per hour is used up; try again in 50 minutes. See /api/docs#section/Rate-limits.',
    );
  });

  it.each(versions)('when it is used up, then the %s document and the docs page that loads it are still served', async (version) => {
    const { member } = await useUpTheHour();
    for (const token of [member.token, undefined]) {
      const res = await api.call(version, 'getOpenApiDocument', { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-policy')).toBe('"getOpenApiDocument-60-per-minute";q=60;w=60');
    }
    const docs = await fetch(`${api.server.origin}/api/docs?version=${version.slice(1)}`);
    expect(docs.status).toBe(200);
    expect((await api.call('v2', 'listPosts')).status).toBe(429);
  });

  it.each(versions)(
    'when the %s document is read 60 times in a minute, then the 61st gets 429 from its own budget and the shared one is untouched',
    async (version) => {
      for (let n = 1; n <= 60; n++) expect((await api.call(version, 'getOpenApiDocument')).status).toBe(200);
      vi.setSystemTime(at('10:00:15'));
      const refused = await api.call(version, 'getOpenApiDocument');
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toBe(
        'Too many requests: the limit of 60 per minute is used up; try again in 45 seconds. See /api/docs#section/Rate-limits.',
      );
      expect((await api.call('v1', 'listUsers')).headers.get('ratelimit')).toBe(
        '"default-200-per-day";r=199;t=86400, "default-50-per-hour";r=49;t=3600',
      );
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

describe('whom a request counts against: its user when signed in, its address otherwise', () => {
  it('when two members write from one address, then each has its own budget, and anonymous requests have theirs', async () => {
    const alice = await api.createUser(); // sign-up and sign-in: 2 anonymous requests
    const bob = await api.createUser(); // 2 more
    for (let n = 1; n <= 50; n++)
      expect((await api.call('v1', 'createPost', { body: { title: `Post ${n}` }, token: alice.token })).status).toBe(201);
    const refused = await api.call('v1', 'createPost', { body: { title: 'One too many' }, token: alice.token });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('50 per hour');
    // Alice's budget follows her to every operation, reads too.
    expect((await api.call('v1', 'listPosts', { token: alice.token })).status).toBe(429);

    const bobs = await api.call('v1', 'createPost', { body: { title: 'Bob writes' }, token: bob.token });
    expect(bobs.status).toBe(201);
    expect(bobs.headers.get('ratelimit')).toContain('"default-50-per-hour";r=49;');
    const anonymous = await api.call('v1', 'listPosts');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('ratelimit')).toContain('"default-50-per-hour";r=45;');
  });

  it('when the address has used up its sign-ups, then admins still sign users up, each on a budget of its own', async () => {
    const ops = await api.createAdmin();
    const support = await api.createAdmin();
    for (let n = 1; n <= 5; n++) expect((await signUp(n)).status).toBe(201);
    expect((await signUp(6)).status).toBe(429);

    for (let n = 7; n <= 11; n++) expect((await signUp(n, { token: ops.token })).status).toBe(201);
    const refused = await signUp(12, { token: ops.token });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('5 per minute');
    expect((await signUp(13, { token: support.token })).status).toBe(201);
  });
});

describe('a rate-limit key other than the address, for anonymous requests (createApp rateLimitKey)', () => {
  const byToken = useServer({ rateLimits: { enabled: true }, rateLimitKey: (req) => `token:${req.get('x-demo-token') ?? 'anonymous'}` });
  const signUpAs = (identity: string, n: number, token?: string) =>
    byToken.call('v1', 'createUser', {
      body: { email: `${identity}${n}@example.com`, name: `User ${n}`, password: testPassword },
      headers: { 'x-demo-token': identity },
      token,
    });

  it('when requests carry different identities from one address, then each identity has its own budget', async () => {
    for (let n = 1; n <= 5; n++) expect((await signUpAs('alice', n)).status).toBe(201);
    expect((await signUpAs('alice', 6)).status).toBe(429);
    expect((await signUpAs('bob', 1)).status).toBe(201);
  });

  it('when a signed-in request carries an identity too, then it counts against its user, not the identity', async () => {
    const admin = await byToken.createAdmin();
    for (let n = 1; n <= 5; n++) expect((await signUpAs('alice', n)).status).toBe(201);
    expect((await signUpAs('alice', 6)).status).toBe(429);
    expect((await signUpAs('alice', 7, admin.token)).status).toBe(201);
  });
});
