import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();
const idsOf = (items: { id: number }[]) => items.map((p) => p.id);

describe.each(versions)('GET /api/%s/users/{userId}/posts (listUserPosts)', (version) => {
  it("when the user has posts, then only that user's posts, newest first", async () => {
    const author = await api.createUser();
    const a = await api.createPost({}, author);
    await api.createPost();
    const b = await api.createPost({}, author);
    const res = await api.call(version, 'listUserPosts', { params: { userId: author.id } });
    expect(res.status).toBe(200);
    expect(idsOf(version === 'v1' ? res.body : res.body.data)).toEqual([b.id, a.id]);
  });

  it('when the user has no posts, then an empty list', async () => {
    const author = await api.createUser();
    const res = await api.call(version, 'listUserPosts', { params: { userId: author.id } });
    expect(version === 'v1' ? res.body : res.body.data).toEqual([]);
  });

  it('when the user is missing, then 404 USER_NOT_FOUND', async () => {
    const res = await api.call(version, 'listUserPosts', { params: { userId: 4242 } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('USER_NOT_FOUND');
  });

  it('when per_page is negative, then 400 BAD_REQUEST', async () => {
    const author = await api.createUser();
    const res = await api.call(version, 'listUserPosts', { params: { userId: author.id }, query: { per_page: -5 } });
    expect(res.status).toBe(400);
  });
});
