import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { operation, versionedOperationsOf, versions, type OperationInfo, type Version } from '../support/spec.js';
import { snapshotData } from '../support/snapshot.js';
import { testPassword, useServer } from '../support/use-server.js';
import { validRequest } from '../support/valid-request.js';

const api = useServer();

/** Path parameters naming a post and its author, and the author's token where the operation needs one; each test sends its own body. */
async function validRequestTo(o: OperationInfo) {
  const post = await api.createPost();
  const { params, token } = validRequest(o, { ...post.writer, password: testPassword }, post.id);
  return { params, token };
}

describe.each(versions)('every operation of %s', (version: Version) => {
  const everyOperation = versionedOperationsOf(version).map((o): [string, OperationInfo] => [o.operationId, o]);

  it.each(everyOperation)(
    '%s: when the query has a parameter the operation does not declare, then 400 BAD_REQUEST naming it',
    async (operationId, o) => {
      const res = await api.call(version, operationId, { ...(await validRequestTo(o)), query: { colour: 'blue' } });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', details: { colour: ['is not a parameter of this operation'] } });
    },
  );

  it.each(everyOperation)('%s: when the client accepts nothing the operation can send, then 406 NOT_ACCEPTABLE', async (operationId, o) => {
    const res = await api.call(version, operationId, { ...(await validRequestTo(o)), headers: { accept: 'application/xml' } });
    expect(res.status).toBe(406);
    expect(res.body.error.code).toBe('NOT_ACCEPTABLE');
    expect(res.headers.get('vary')).toContain('Accept');
  });

  it.each(everyOperation)('%s: then the response carries X-Request-ID, X-Response-Time and API-Version', async (operationId, o) => {
    const res = await api.call(version, operationId, { ...(await validRequestTo(o)), query: { per_page: 0 } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-response-time')).toMatch(/^\d+\.\d{3}ms$/);
    expect(res.headers.get('api-version')).toBe(version.slice(1));
  });
});

describe.each(versions)('bodies sent to %s', (version: Version) => {
  const validRequest = (operationId: string) => validRequestTo(operation(version, operationId));
  const bodyOperations = versionedOperationsOf(version)
    .filter((o) => o.operation.requestBody)
    .map((o) => o.operationId);

  it('then the operations that take a body are the sign-up, the sign-in and the writes of users and posts', () => {
    expect([...bodyOperations].sort()).toEqual(['createPost', 'createToken', 'createUser', 'updatePost', 'updateUser']);
  });

  it.each(bodyOperations.map((id) => [id]))('%s: when the JSON is malformed, then 400 BAD_REQUEST', async (operationId) => {
    const res = await api.call(version, operationId, {
      ...(await validRequest(operationId)),
      rawBody: '{"name": "Ada",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it.each(bodyOperations.map((id) => [id]))('%s: when the body is not JSON, then 415 UNSUPPORTED_MEDIA_TYPE', async (operationId) => {
    const res = await api.call(version, operationId, {
      ...(await validRequest(operationId)),
      rawBody: 'name=Ada',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it.each(bodyOperations.map((id) => [id]))(
    '%s: when the body is over 1 MB, then 413 PAYLOAD_TOO_LARGE and nothing is stored',
    async (operationId) => {
      const request = await validRequest(operationId);
      const before = await snapshotData(api.server.db);
      const res = await api.call(version, operationId, {
        ...request,
        rawBody: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await snapshotData(api.server.db)).toEqual(before);
    },
  );

  it.each(bodyOperations.map((id) => [id]))('%s: when no body is sent, then 422 VALIDATION_ERROR', async (operationId) => {
    const res = await api.call(version, operationId, await validRequest(operationId));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: { $: ['a JSON body is required'] } });
  });
});

describe('a write without a token', () => {
  const json = { 'content-type': 'application/json' };
  it.each<[string, number, Record<string, unknown>]>([
    ['its JSON is malformed', 400, { rawBody: '{"name": "Ada",', headers: json }],
    ['its body is over 1 MB', 413, { rawBody: JSON.stringify({ name: 'x'.repeat(1_100_000) }), headers: json }],
    ['the client accepts nothing the operation can send', 401, { body: { name: 'Ada King' }, headers: { accept: 'application/xml' } }],
    ['its body is not JSON', 401, { rawBody: 'name=Ada', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
    ['it has no body', 401, {}],
    ['its query has a parameter the operation does not declare', 401, { body: { name: 'Ada King' }, query: { colour: 'blue' } }],
  ])('when %s, then %i: only what is refused before routing comes ahead of the missing token', async (_, status, options) => {
    const user = await api.createUser();
    const res = await api.call('v1', 'updateUser', { params: { userId: user.id }, ...options });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe({ 400: 'BAD_REQUEST', 413: 'PAYLOAD_TOO_LARGE', 401: 'UNAUTHORIZED' }[status]);
  });
});

/** fetch refuses bodies on GET and DELETE; node:http sends them. */
function send(method: string, url: string, body: string, token: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` };
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('bodies on methods that take none', () => {
  it.each([
    ['GET', 'malformed', '{"oops'],
    ['GET', 'oversized', JSON.stringify({ x: 'x'.repeat(1_100_000) })],
    ['DELETE', 'malformed', '{"oops'],
  ])('when a %s carries a %s JSON body, then the body is ignored', async (method, _, body) => {
    const user = await api.createUser();
    const res = await send(method, `${api.server.origin}/api/v1/users/${user.id}`, body, user.token);
    expect(res.status).toBe(method === 'GET' ? 200 : 204);
  });
});

describe('request ids', () => {
  it.each([
    ['a well-formed id', 'req-42:abc_DEF.1', 'req-42:abc_DEF.1'],
    ['an id of 128 characters', 'a'.repeat(128), 'a'.repeat(128)],
  ])('when the client sends %s, then it is echoed in the header and in errors', async (_, sent, expected) => {
    const res = await api.call('v1', 'getUser', { params: { userId: 404 }, headers: { 'x-request-id': sent } });
    expect(res.headers.get('x-request-id')).toBe(expected);
    expect(res.body.error.request_id).toBe(expected);
  });

  it.each([
    ['an id of 129 characters', 'a'.repeat(129)],
    ['an id with spaces', 'hello world'],
    ['an id with a newline escape', 'abc%0d%0a'],
    ['an empty id', ''],
  ])('when the client sends %s, then a new UUID replaces it', async (_, sent) => {
    const res = await api.call('v1', 'getUser', { params: { userId: 404 }, headers: { 'x-request-id': sent } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.body.error.request_id).toBe(id);
  });
});

describe('routes the specs do not declare', () => {
  it.each([
    ['GET', '/api/v1/comments'],
    ['GET', '/api/v3/users'],
    ['GET', '/'],
    ['POST', '/api/v2/users/1/avatar'],
  ])('when %s %s, then 404 NOT_FOUND in the error shape', async (method, path) => {
    const res = await fetch(`${api.server.origin}${path}`, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-response-time')).toBeTruthy();
    expect((await res.json()) as object).toMatchObject({ error: { code: 'NOT_FOUND', request_id: res.headers.get('x-request-id') } });
  });

  it.each([
    ['PUT', '/api/v1/users/1', 'GET, HEAD, PATCH, DELETE'],
    ['DELETE', '/api/v2/users', 'GET, HEAD, POST'],
    ['POST', '/api/v1/posts/3', 'GET, HEAD, PATCH, DELETE'],
    ['GET', '/api/v2/tokens', 'POST'],
  ])('when %s %s, then 405 METHOD_NOT_ALLOWED with Allow: %s', async (method, path, allow) => {
    const res = await fetch(`${api.server.origin}${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('when the path is not validly percent-encoded, then 400 BAD_REQUEST', async () => {
    const res = await fetch(`${api.server.origin}/api/v1/users/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });
});
