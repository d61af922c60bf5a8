import { describe, expect, it } from 'vitest';
import { head } from '../support/contract-client.js';
import { operationsOf, specs, type OperationInfo } from '../support/spec.js';
import { testPassword, useServer } from '../support/use-server.js';
import { validRequest } from '../support/valid-request.js';

const api = useServer();

/**
 * What differs between two answers to the same request by nature: the clock, the request id, the
 * budget left, and the connection's own (hop-by-hop) headers, which the client's HEAD decides.
 */
const perRequest = new Set(['date', 'x-request-id', 'x-response-time', 'ratelimit', 'connection', 'keep-alive']);
const lasting = (headers: Headers, status: number) =>
  // An error body carries its request id, so its ETag differs from one request to the next.
  Object.fromEntries([...headers].filter(([name]) => !perRequest.has(name) && !(status >= 400 && name === 'etag')));

// RFC 9110 §9.3.2: a server that answers GET answers HEAD with the same status and headers, no body.
describe.each(specs)('HEAD on every GET operation of %s', (spec) => {
  const gets = operationsOf(spec)
    .filter((o) => o.method === 'get')
    .map((o): [string, OperationInfo] => [o.operationId, o]);

  it.each(gets)('%s: when asked with HEAD, then the status and headers of GET, and no body', async (operationId, o) => {
    const owner = await api.createUser();
    const post = await api.createPost({}, owner);
    const request = validRequest(o, { ...owner, password: testPassword }, post.id);
    const got = await api.call(spec, operationId, request);
    const headed = await head(api.server.origin, spec, operationId, request);
    expect(headed.status).toBe(got.status);
    expect(lasting(headed.headers, headed.status)).toEqual(lasting(got.headers, got.status));
    expect(headed.text).toBe('');
  });
});

describe('HEAD where GET fails or is not offered', () => {
  it.each([
    ['v1', 'getUser', { userId: 999 }],
    ['v2', 'getPost', { postId: 999 }],
  ] as const)('%s %s: when the resource is missing, then the 404 of GET without its body', async (version, operationId, params) => {
    const got = await api.call(version, operationId, { params });
    const headed = await head(api.server.origin, version, operationId, { params });
    expect(got.status).toBe(404);
    expect(headed.status).toBe(404);
    expect(lasting(headed.headers, headed.status)).toEqual(lasting(got.headers, got.status));
    expect(headed.text).toBe('');
  });

  it('when HEAD asks for the CSV export, then its headers and no body', async () => {
    await api.createUser();
    const headed = await head(api.server.origin, 'v2', 'listUsers', { headers: { accept: 'text/csv' } });
    expect(headed.status).toBe(200);
    expect(headed.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headed.headers.get('content-disposition')).toBe('attachment; filename=users.csv');
    expect(headed.text).toBe('');
  });

  it('when a path has no GET, then HEAD is 405 and Allow does not offer it', async () => {
    const res = await fetch(`${api.server.origin}/api/v2/tokens`, { method: 'HEAD' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
