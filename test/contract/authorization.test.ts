import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { needsToken, operation, versionedOperationsOf, versions, type Version } from '../support/spec.js';
import { snapshotData } from '../support/snapshot.js';
import { testPassword, useServer, type Member } from '../support/use-server.js';
import { validRequest } from '../support/valid-request.js';

const api = useServer();

/** The owner's user and post, and a valid request on them (the token is each test's), so only who asks can fail. */
async function arrange(version: Version, operationId: string) {
  const post = await api.createPost();
  const { params, body } = validRequest(operation(version, operationId), { ...post.writer, password: testPassword }, post.id);
  return { params, body, owner: post.writer };
}

const guarded = (version: Version) => versionedOperationsOf(version).filter((o) => o.operationId !== 'createToken');
const required = (version: Version) => guarded(version).filter(needsToken);
const forged = () => `upa_${randomBytes(32).toString('base64url')}`;

describe.each(versions)('who is asking, on every operation of %s', (version) => {
  it('then the spec declares bearerAuth on every versioned operation but createToken, and required exactly on the writes', () => {
    expect(
      required(version)
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(['createPost', 'deletePost', 'deleteToken', 'deleteUser', 'updatePost', 'updateUser']);
    for (const o of guarded(version)) expect(o.operation.security).toContainEqual({ bearerAuth: [] });
    expect(versionedOperationsOf(version).find((o) => o.operationId === 'createToken')?.operation.security).toEqual([]);
  });

  it.each(required(version).map((o) => [o.operationId]))(
    '%s: when no token is sent, then 401 UNAUTHORIZED with a Bearer challenge and nothing changes',
    async (operationId) => {
      const { params, body } = await arrange(version, operationId);
      const before = await snapshot();
      const res = await api.call(version, operationId, { params, body });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: 'This operation needs a bearer token.' });
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="api"');
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(guarded(version).map((o) => [o.operationId]))(
    '%s: when the token is forged, then 401 UNAUTHORIZED with error="invalid_token"',
    async (operationId) => {
      const { params, body } = await arrange(version, operationId);
      const before = await snapshot();
      const res = await api.call(version, operationId, { params, body, token: forged() });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"');
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each([
    ['another scheme', (t: string) => `Basic ${Buffer.from(`a:${t}`).toString('base64')}`],
    ['no token after the scheme', () => 'Bearer'],
    ['two tokens', (t: string) => `Bearer ${t} ${t}`],
    ['a truncated token', (t: string) => `Bearer ${t.slice(0, -1)}`],
    ['a token with one character changed', (t: string) => `Bearer ${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`],
    ['the token without its prefix', (t: string) => `Bearer ${t.slice(4)}`],
  ])('when the Authorization header has %s, then 401 UNAUTHORIZED, also on a public read', async (_, header) => {
    const user = await api.createUser();
    for (const operationId of ['updateUser', 'getUser']) {
      const res = await api.call(version, operationId, {
        params: { userId: user.id },
        body: operationId === 'updateUser' ? { name: 'Nope' } : undefined,
        headers: { authorization: header(user.token) },
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
    expect((await api.call(version, 'getUser', { params: { userId: user.id } })).body.name).toBe(user.name);
  });

  it('when a valid token comes with a public read, then the read is answered as usual', async () => {
    const user = await api.createUser();
    const res = await api.call(version, 'listUsers', { token: user.token });
    expect(res.status).toBe(200);
  });
});

const snapshot = () => snapshotData(api.server.db);

type Actor = 'the owner' | 'another user' | 'an admin';

describe.each(versions)('who may do what (%s)', (version) => {
  /** The acting user for a case: the owner of the resource, someone else, or an admin. */
  const actorFor = async (who: Actor, owner: Member) =>
    who === 'the owner' ? owner : who === 'an admin' ? api.createAdmin() : api.createUser();

  it.each<[string, Actor, number]>([
    ['updateUser', 'another user', 403],
    ['updateUser', 'the owner', 200],
    ['updateUser', 'an admin', 200],
    ['deleteUser', 'another user', 403],
    ['deleteUser', 'the owner', 204],
    ['deleteUser', 'an admin', 204],
    ['updatePost', 'another user', 403],
    ['updatePost', 'the owner', 200],
    ['updatePost', 'an admin', 200],
    ['deletePost', 'another user', 403],
    ['deletePost', 'the owner', 204],
    ['deletePost', 'an admin', 204],
  ])('%s by %s, then %i', async (operationId, who, status) => {
    const { params, body, owner } = await arrange(version, operationId);
    const actor = await actorFor(who, owner);
    const before = await snapshot();
    const res = await api.call(version, operationId, { params, body, token: actor.token });
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    }
  });

  it.each<[string, Record<string, unknown>]>([
    ['its own role', { role: 'admin' }],
    ['its own role, unchanged', { role: 'user' }],
    ['its role with its name', { name: 'Sneaky', role: 'admin' }],
  ])('when a user sets %s, then 403 FORBIDDEN and nothing changes, not even the other fields', async (_, body) => {
    const user = await api.createUser();
    const before = await snapshot();
    const res = await api.call(version, 'updateUser', { params: { userId: user.id }, body, token: user.token });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'Only an admin may set a role.' });
    expect(await snapshot()).toEqual(before);
  });

  it('when an admin sets a role, then the user gets it and can use it at once', async () => {
    const admin = await api.createAdmin();
    const user = await api.createUser();
    const other = await api.createUser();
    const res = await api.call(version, 'updateUser', { params: { userId: user.id }, body: { role: 'admin' }, token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('admin');
    const now = await api.call(version, 'updateUser', { params: { userId: other.id }, body: { name: 'Managed' }, token: user.token });
    expect(now.status).toBe(200);
  });

  it.each<[Actor, number, string]>([
    ['another user', 403, 'FORBIDDEN'],
    ['an admin', 404, 'USER_NOT_FOUND'],
  ])('when %s changes a user that does not exist, then %i %s', async (who, status, code) => {
    const actor = await actorFor(who, await api.createUser());
    const res = await api.call(version, 'updateUser', { params: { userId: 999_999 }, body: { name: 'Nobody' }, token: actor.token });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('when a user changes a post that does not exist, then 404 POST_NOT_FOUND (posts are public, so nothing is hidden)', async () => {
    const user = await api.createUser();
    const res = await api.call(version, 'deletePost', { params: { postId: 999_999 }, token: user.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('POST_NOT_FOUND');
  });
});
