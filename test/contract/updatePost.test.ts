import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('PATCH /api/%s/posts/{postId} (updatePost)', (version) => {
  it('when tags are sent, then they replace the old ones and the rest stays', async () => {
    const post = await api.createPost({ title: 'Keep me', tags: ['old', 'older'] });
    const res = await api.call(version, 'updatePost', { params: { postId: post.id }, body: { tags: ['new'] }, token: post.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Keep me', tags: ['new'], author: { id: post.author.id } });
  });

  it('when only the title is sent, then the tags stay', async () => {
    const post = await api.createPost({ tags: ['stay'] });
    const res = await api.call(version, 'updatePost', { params: { postId: post.id }, body: { title: 'Renamed' }, token: post.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Renamed', tags: ['stay'] });
  });

  it('when the post is missing, then 404 POST_NOT_FOUND', async () => {
    const user = await api.createUser();
    const res = await api.call(version, 'updatePost', { params: { postId: 999 }, body: { title: 'Nobody' }, token: user.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('POST_NOT_FOUND');
  });

  it('when the id is not a number, then 400 BAD_REQUEST', async () => {
    const user = await api.createUser();
    const res = await api.call(version, 'updatePost', { params: { postId: 'x' }, body: { title: 'T' }, token: user.token });
    expect(res.status).toBe(400);
  });

  it.each([
    ['an empty body', {}, { $: ['must NOT have fewer than 1 properties'] }],
    ['an author_id (authors never change)', { author_id: 2 }, { author_id: ['is not a field this operation accepts'] }],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, { title: ['must NOT have more than 200 characters'] }],
  ])('when %s is sent, then 422 VALIDATION_ERROR and nothing changes', async (_, body, details) => {
    const post = await api.createPost({ title: 'Unchanged' });
    const res = await api.call(version, 'updatePost', { params: { postId: post.id }, body, token: post.token });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details });
    expect((await api.call(version, 'getPost', { params: { postId: post.id } })).body.title).toBe('Unchanged');
  });
});
