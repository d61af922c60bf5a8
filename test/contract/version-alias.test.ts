import { describe, expect, it } from 'vitest';
import { assertMatchesSpec } from '../support/contract-client.js';
import { testPassword, useServer } from '../support/use-server.js';

const api = useServer();

async function get(path: string, headers: Record<string, string> = {}) {
  return send('GET', path, headers);
}

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: object) {
  const res = await fetch(`${api.server.origin}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json', ...headers } : headers,
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

describe('/api/<path> without a version (Accept-Version)', () => {
  it('when no Accept-Version is sent, then version 1 answers', async () => {
    await api.createUser();
    const res = await get('/api/users');
    assertMatchesSpec('v1', 'listUsers', res);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.headers.get('api-version')).toBe('1');
    expect(res.headers.get('vary')).toContain('Accept-Version');
  });

  it('when Accept-Version: 2 is sent, then version 2 answers with canonical versioned links', async () => {
    const user = await api.createUser();
    const list = await get('/api/users?per_page=1', { 'accept-version': '2' });
    assertMatchesSpec('v2', 'listUsers', list);
    expect(list.headers.get('api-version')).toBe('2');
    expect(list.body.meta.version).toBe(2);
    expect(list.body.links.self).toBe(`${api.server.origin}/api/v2/users?per_page=1`);
    const one = await get(`/api/users/${user.id}`, { 'accept-version': '2' });
    assertMatchesSpec('v2', 'getUser', one);
    expect(one.body._links.self.href).toBe(`${api.server.origin}/api/v2/users/${user.id}`);
  });

  it('when the alias gets a bad request, then the same validation and error as the versioned path', async () => {
    const res = await get('/api/users?per_page=500', { 'accept-version': '2' });
    assertMatchesSpec('v2', 'listUsers', res);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual({ per_page: ['must be <= 100'] });
  });

  it('when a write comes through the alias, then it needs a token like the versioned path, and a token from the alias works', async () => {
    await api.createUser({ email: 'alias@example.com', password: testPassword });
    const signedIn = await send('POST', '/api/tokens', { 'accept-version': '2' }, { email: 'alias@example.com', password: testPassword });
    assertMatchesSpec('v2', 'createToken', signedIn);
    expect(signedIn.status).toBe(201);
    const { token, user } = signedIn.body;

    const anonymous = await send('PATCH', `/api/users/${user.id}`, { 'accept-version': '2' }, { name: 'Ada King' });
    assertMatchesSpec('v2', 'updateUser', anonymous);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="api"');

    const written = await send(
      'PATCH',
      `/api/users/${user.id}`,
      { 'accept-version': '2', authorization: `Bearer ${token}` },
      { name: 'Ada King' },
    );
    assertMatchesSpec('v2', 'updateUser', written);
    expect(written.status).toBe(200);
    expect(written.body.name).toBe('Ada King');
    expect(written.headers.get('api-version')).toBe('2');
  });

  it.each([['3'], ['0'], ['v2'], ['1.0'], ['latest']])(
    'when Accept-Version is %s, then 400 UNSUPPORTED_VERSION listing 1 and 2',
    async (asked) => {
      const res = await get('/api/users', { 'accept-version': asked });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'UNSUPPORTED_VERSION', details: { 'Accept-Version': ['must be one of 1, 2'] } });
      expect(res.headers.get('vary')).toContain('Accept-Version');
    },
  );

  it('when the path carries a version, then Accept-Version is ignored', async () => {
    const res = await get('/api/v1/users', { 'accept-version': '2' });
    expect(res.headers.get('api-version')).toBe('1');
    expect(res.headers.get('vary')).not.toContain('Accept-Version');
  });
});
