import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('DELETE /api/%s/posts/{postId} (deletePost)', (version) => {
  it('when the post exists, then 204, it is gone and its author stays', async () => {
    const post = await api.createPost();
    const res = await api.call(version, 'deletePost', { params: { postId: post.id }, token: post.token });
    expect(res.status).toBe(204);
    expect((await api.call(version, 'getPost', { params: { postId: post.id } })).status).toBe(404);
    expect((await api.call(version, 'getUser', { params: { userId: post.author.id } })).status).toBe(200);
  });

  it('when the post is missing, then 404 POST_NOT_FOUND', async () => {
    const user = await api.createUser();
    const res = await api.call(version, 'deletePost', { params: { postId: 999 }, token: user.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('POST_NOT_FOUND');
  });

  it('when the id is negative, then 400 BAD_REQUEST', async () => {
    const user = await api.createUser();
    const res = await api.call(version, 'deletePost', { params: { postId: -3 }, token: user.token });
    expect(res.status).toBe(400);
  });
});
