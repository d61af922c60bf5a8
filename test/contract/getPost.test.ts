import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('GET /api/%s/posts/{postId} (getPost)', (version) => {
  it('when the post exists, then 200 with the post and its author', async () => {
    const post = await api.createPost({ title: 'Hello', tags: ['greeting'] });
    const res = await api.call(version, 'getPost', { params: { postId: post.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: post.id, title: 'Hello', tags: ['greeting'], author: { id: post.author.id } });
  });

  it('when the post is missing, then 404 POST_NOT_FOUND', async () => {
    const res = await api.call(version, 'getPost', { params: { postId: 31337 } });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'POST_NOT_FOUND', message: 'No post has id 31337.' });
  });

  it('when the id is not a number, then 400 BAD_REQUEST naming postId', async () => {
    const res = await api.call(version, 'getPost', { params: { postId: "1' OR '1'='1" } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details)).toEqual(['postId']);
  });
});
