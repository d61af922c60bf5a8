import { createHash, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyRepository } from '../../src/db/idempotency-repository.js';
import { problemTypeUri } from '../../src/http/problem-details.js';
import { client, type ApiResponse, type CallOptions } from '../support/contract-client.js';
import { versionedOperationsOf, versions, type OperationInfo, type Version } from '../support/spec.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { testPassword, useServer } from '../support/use-server.js';
import { validRequest } from '../support/valid-request.js';

// Every (operation, error status) pair the specs declare, provoked with
// `Accept: application/problem+json`: the contract client checks each answer against the
// operation's application/problem+json content (test/support/response-check.ts), and the test
// checks what RFC 9457 asks of the members. The error shape (no Accept) is what every other
// contract test checks.
const api = useServer();
/** Limits on, and every anonymous request counts against one client, so one spent budget refuses every operation. */
const limited = useServer({ rateLimits: { enabled: true }, rateLimitKey: () => 'everyone' });
/** Limits that fail closed on a store that never answers: 503 for every operation. */
let unlimited: TestServer;
/** The tables are gone: 500 for every operation. */
let broken: TestServer;
let brokenToken: string;
const deadStore = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
beforeAll(async () => {
  unlimited = await startTestServer({ rateLimits: { enabled: true, failMode: 'closed' }, redis: deadStore });
  broken = await startTestServer();
  // A token of the right form, taken while the database works: the lookup, not its form, fails.
  const { call } = client(broken.origin);
  await call('v1', 'createUser', { body: { email: 'owner@example.com', name: 'Owner', password: testPassword } });
  brokenToken = (await call('v1', 'createToken', { body: { email: 'owner@example.com', password: testPassword } })).body.token;
  for (const table of ['tokens', 'post_tags', 'posts', 'users', 'search_index']) await broken.db.schema.dropTable(table);
});
afterAll(async () => {
  await Promise.all([unlimited?.close(), broken?.close()]);
  deadStore.disconnect();
});

/**
 * What a client that understands problem details sends: JSON for successes, problem details for
 * errors. Accepting problem details alone is 406 on every operation (none of them succeeds with
 * it), which is how the 406 pairs are provoked.
 */
const problemAlongsideJson = { accept: 'application/json, application/problem+json' };
const problemOnly = { accept: 'application/problem+json' };
const json = { 'content-type': 'application/json' };
const missing = 987654;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A request the operation would serve, acting as the author of a fresh post. */
async function served(o: OperationInfo): Promise<CallOptions> {
  const post = await api.createPost();
  return validRequest(o, { ...post.writer, password: testPassword }, post.id);
}

let hourSpent = false;
/**
 * Spends the one anonymous client's shared hourly budget (50) once, and the served document's
 * own budget (60 per minute) until it is refused, right before that operation is asked: its
 * minute may have passed since.
 */
async function spendBudget(operationId: string) {
  if (!hourSpent) for (let n = 0; n < 50; n++) await fetch(`${limited.server.origin}/api/v1/users`);
  hourSpent = true;
  if (operationId !== 'getOpenApiDocument') return;
  for (let n = 0; n <= 60 && (await fetch(`${limited.server.origin}/api/v1/openapi.json`)).status !== 429; n++);
}

type Provoke = (version: Version, o: OperationInfo) => Promise<{ origin: string; request: CallOptions }>;
const on = (request: CallOptions, origin = api.server.origin) => ({ origin, request });

/** Per status, how to make an operation answer with it: the same way the other contract tests do. */
const provoke: Record<string, Provoke> = {
  400: async (_, o) => on({ ...(await served(o)), query: { colour: 'blue' } }),
  401: async (_, o) =>
    o.operationId === 'createToken'
      ? on({ body: { email: 'nobody@example.com', password: 'not the password' } })
      : on({ ...(await served(o)), token: 'not-a-token' }),
  403: async (_, o) => {
    const other = await api.createUser();
    const own = await served(o);
    if (o.operationId === 'createUser') return on({ ...own, body: { ...(own.body as object), role: 'admin' } });
    if (o.operationId === 'createPost') return on({ ...own, body: { title: 'In her name', author_id: other.id } });
    return on({ ...own, token: other.token });
  },
  404: async (_, o) => {
    const admin = await api.createAdmin();
    const own = await served(o);
    return on({ ...own, params: { userId: missing, postId: missing }, token: own.token && admin.token });
  },
  406: async (_, o) => on(await served(o)),
  409: async (version, o) => {
    const own = await served(o);
    // EMAIL_TAKEN where the operation takes an email; createPost and createToken have only the key's 409.
    if (o.operationId !== 'createPost' && o.operationId !== 'createToken') {
      const other = await api.createUser();
      return on({ ...own, body: { ...(own.body as object), email: other.email } });
    }
    // IDEMPOTENCY_KEY_IN_USE: a claim on this very request, in flight in another process (as in idempotency.test.ts).
    const first = randomUUID();
    await client(api.server.origin).call(version, o.operationId, { ...own, headers: { ...own.headers, 'idempotency-key': first } });
    const [row] = await api.server.db('idempotency_keys').where({ key_hash: sha256(first) });
    const key = randomUUID();
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    await idempotencyRepository(api.server.db).claim({
      scope: row.scope,
      requestHash: row.request_hash,
      keyHash: sha256(key),
      owner: randomUUID(),
      createdAt: at(0),
      lockedUntil: at(60_000),
      expiresAt: at(86_400_000),
    });
    return on({ ...own, headers: { ...own.headers, 'idempotency-key': key } });
  },
  // PRECONDITION_FAILED: an entity tag of this version the record never had.
  412: async (version, o) => {
    const own = await served(o);
    return on({ ...own, headers: { ...own.headers, 'if-match': `"${version}.r999999"` } });
  },
  413: async (_, o) =>
    on({ ...(await served(o)), body: undefined, rawBody: JSON.stringify({ name: 'x'.repeat(1_100_000) }), headers: json }),
  415: async (_, o) =>
    on({ ...(await served(o)), body: undefined, rawBody: 'name=Ada', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  422: async (_, o) => on({ ...(await served(o)), body: undefined }),
  429: async (_, o) => {
    await spendBudget(o.operationId);
    return on(
      { ...validRequest(o, { id: 1, email: 'ada@example.com', token: 'unused', password: testPassword }, 1), token: undefined },
      limited.server.origin,
    );
  },
  500: async (_, o) =>
    on(
      { ...validRequest(o, { id: 1, email: 'owner@example.com', token: brokenToken, password: testPassword }, 1), token: brokenToken },
      broken.origin,
    ),
  503: async (_, o) =>
    on(validRequest(o, { id: 1, email: 'ada@example.com', token: 'a-token', password: testPassword }, 1), unlimited.origin),
};

const errorPairs = versions.flatMap((version) =>
  versionedOperationsOf(version).flatMap((o) =>
    Object.keys(o.operation.responses)
      .filter((status) => Number(status) >= 400)
      .map((status): [Version, string, number, OperationInfo] => [version, o.operationId, Number(status), o]),
  ),
);

describe('errors as problem details (Accept: application/problem+json, RFC 9457)', () => {
  it('then every error status the specs declare has a way to provoke it here', () => {
    expect(errorPairs.filter(([, , status]) => !provoke[status])).toEqual([]);
  });

  it.each(errorPairs)(
    '%s %s: when it answers %i, then problem details as the spec declares them',
    async (version, operationId, status, o) => {
      const provoker = provoke[status] as Provoke;
      const { origin, request } = await provoker(version, o);
      const res: ApiResponse = await client(origin).call(version, operationId, {
        ...request,
        headers: { ...request.headers, ...(status === 406 ? problemOnly : problemAlongsideJson) },
      });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(res.body).toMatchObject({ type: problemTypeUri(res.body.code), status, request_id: res.headers.get('x-request-id') });
      expect(res.body.instance).toMatch(new RegExp(`^/api/${version}/`));
      expect(res.body).not.toHaveProperty('error');
    },
  );
});

describe('which shape an error takes', () => {
  it.each([
    ['no Accept', undefined, 'error shape'],
    ['Accept: */*', '*/*', 'error shape'],
    ['Accept: application/json', 'application/json', 'error shape'],
    ['problem details weighted below JSON', 'application/problem+json;q=0.5, application/json', 'error shape'],
    ['Accept: application/json, application/problem+json', 'application/json, application/problem+json', 'problem details'],
    ['problem details preferred to anything else', 'application/problem+json, */*;q=0.1', 'problem details'],
  ])('when the client sends %s, then a missing user is answered in the %s', async (_, accept, shape) => {
    const res = await api.call('v2', 'getUser', { params: { userId: missing }, headers: accept === undefined ? {} : { accept } });
    expect(res.status).toBe(404);
    expect(res.headers.get('vary')).toContain('Accept');
    if (shape === 'error shape') {
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.body.error).toMatchObject({ code: 'USER_NOT_FOUND', message: `No user has id ${missing}.` });
    } else {
      expect(res.body).toEqual({
        type: 'tag:api@example.com,2026:problems/user-not-found',
        title: 'The user does not exist',
        status: 404,
        detail: `No user has id ${missing}.`,
        instance: `/api/v2/users/${missing}`,
        code: 'USER_NOT_FOUND',
        request_id: res.headers.get('x-request-id'),
      });
    }
  });

  it('when a client accepts both, then a success is JSON and a validation error lists its fields in errors', async () => {
    const member = await api.createUser();
    const ok = await api.call('v2', 'getUser', { params: { userId: member.id }, headers: problemAlongsideJson });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const refused = await api.call('v2', 'updateUser', {
      params: { userId: member.id },
      body: { email: 'not an email' },
      token: member.token,
      headers: problemAlongsideJson,
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_ERROR', status: 422, errors: { email: [expect.any(String)] } });
  });

  it.each([
    ['a conditional GET', 'GET', { 'if-none-match': '"x"' }],
    ['a HEAD', 'HEAD', {}],
  ])('when %s fails, then its Content-Type is still application/problem+json', async (_, method, headers) => {
    const res = await fetch(`${api.server.origin}/api/v2/users/${missing}`, { method, headers: { ...problemAlongsideJson, ...headers } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });

  it('when the client asks through the unversioned alias, then instance is the path it sent', async () => {
    const res = await fetch(`${api.server.origin}/api/users/${missing}?x=1`, { headers: { ...problemOnly, 'accept-version': '2' } });
    expect(res.status).toBe(406);
    expect(((await res.json()) as { instance: string }).instance).toBe(`/api/users/${missing}`);
  });
});

describe('errors raised before any operation is found, as problem details', () => {
  it.each([
    ['a version the API does not have', 'GET', '/api/v3/users', {}, 404, 'NOT_FOUND'],
    ['a path outside the API', 'GET', '/nothing-here', {}, 404, 'NOT_FOUND'],
    ['a method the path does not support', 'PUT', '/api/v1/users/1', {}, 405, 'METHOD_NOT_ALLOWED'],
    ['a path that is not validly percent-encoded', 'GET', '/api/v1/users/%E0%A4%A', {}, 400, 'BAD_REQUEST'],
    ['an Accept-Version the API does not have', 'GET', '/api/users', { 'accept-version': '7' }, 400, 'UNSUPPORTED_VERSION'],
    ['a docs version that does not exist', 'GET', '/api/docs?version=9', {}, 400, 'BAD_REQUEST'],
  ])('when %s is asked for, then the error in application/problem+json', async (_, method, path, headers, status, code) => {
    const res = await fetch(`${api.server.origin}${path}`, { method, headers: { ...problemAlongsideJson, ...headers } });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: problemTypeUri(code),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: path.split('?')[0],
      code,
      request_id: res.headers.get('x-request-id'),
    });
  });
});

describe('errors of the service endpoints (openapi/service.yaml), as problem details', () => {
  it('when the reference is asked for an unknown version, then 400 as problem details, as the service document declares', async () => {
    const res = await api.call('service', 'getApiDocs', { query: { version: '9' }, headers: problemAlongsideJson });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST', instance: '/api/docs', errors: { version: ['must be one of 1, 2'] } });
  });

  it('when the server is not ready (Redis does not answer), then 503 as problem details, as the service document declares', async () => {
    const res = await client(unlimited.origin).call('service', 'getReadiness', { headers: problemAlongsideJson });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
      instance: '/ready',
      errors: { redis: ['does not answer'] },
    });
  });
});
