import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer, type Member } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('DELETE /api/%s/users/{userId} (deleteUser)', (version) => {
  it.each<[string, (owner: Member) => Promise<Member>]>([
    ['the user itself', async (owner) => owner],
    ['an admin', () => api.createAdmin()],
  ])('when the user exists and %s deletes it, then 204 and the user and its posts are gone', async (_, actorFor) => {
    const post = await api.createPost();
    const other = await api.createPost();
    const actor = await actorFor(post.writer);
    const res = await api.call(version, 'deleteUser', { params: { userId: post.author.id }, token: actor.token });
    expect(res.status).toBe(204);
    expect((await api.call(version, 'getUser', { params: { userId: post.author.id } })).status).toBe(404);
    expect((await api.call(version, 'getPost', { params: { postId: post.id } })).status).toBe(404);
    expect((await api.call(version, 'getPost', { params: { postId: other.id } })).status).toBe(200);
    expect((await api.call(version, 'getUser', { params: { userId: other.author.id } })).status).toBe(200);
    expect(await api.server.db('post_tags').where({ post_id: post.id }).first()).toBeUndefined();
  });

  it('when an admin deletes a user that is missing, then 404 USER_NOT_FOUND', async () => {
    const admin = await api.createAdmin();
    const res = await api.call(version, 'deleteUser', { params: { userId: 999 }, token: admin.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('USER_NOT_FOUND');
  });

  it('when the id is zero, then 400 BAD_REQUEST', async () => {
    const user = await api.createUser();
    const res = await api.call(version, 'deleteUser', { params: { userId: 0 }, token: user.token });
    expect(res.status).toBe(400);
  });
});
