import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('POST /api/%s/posts (createPost)', (version) => {
  it('when the body is valid, then 201 with the nested author, the tags in order and a Location', async () => {
    const author = await api.createUser({ name: 'Ada Lovelace' });
    const body = { title: 'Notes', body: 'On the engine.', tags: ['maths', 'history', 'maths'], author_id: author.id };
    const res = await api.call(version, 'createPost', { body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Notes', body: 'On the engine.', tags: ['maths', 'history', 'maths'], author: { id: author.id, name: 'Ada Lovelace' } });
    expect(res.body).not.toHaveProperty('author_id');
    expect(res.headers.get('location')).toBe(`${api.server.origin}/api/${version}/posts/${res.body.id}`);
  });

  it('when body and tags are left out, then they default to empty', async () => {
    const author = await api.createUser();
    const res = await api.call(version, 'createPost', { body: { title: 'Just a title', author_id: author.id } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ body: '', tags: [] });
  });

  it('when author_id names no user, then 422 VALIDATION_ERROR on author_id and nothing is stored', async () => {
    const res = await api.call(version, 'createPost', { body: { title: 'Orphan', author_id: 999 } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: { author_id: ['no user has id 999'] } });
    expect(await api.server.db('posts').first()).toBeUndefined();
  });

  const tooManyTags = Array.from({ length: 21 }, (_, i) => `t${i}`);
  it.each([
    ['title missing', { author_id: 1 }, { title: ['is required'] }],
    ['author_id missing', { title: 'T' }, { author_id: ['is required'] }],
    ['an empty title', { title: '', author_id: 1 }, { title: ['must NOT have fewer than 1 characters'] }],
    ['a title of 201 characters', { title: 'x'.repeat(201), author_id: 1 }, { title: ['must NOT have more than 200 characters'] }],
    ['a body of 10,001 characters', { title: 'T', body: 'x'.repeat(10_001), author_id: 1 }, { body: ['must NOT have more than 10000 characters'] }],
    ['an empty tag', { title: 'T', tags: ['ok', ''], author_id: 1 }, { 'tags.1': ['must NOT have fewer than 1 characters'] }],
    ['a tag of 31 characters', { title: 'T', tags: ['x'.repeat(31)], author_id: 1 }, { 'tags.0': ['must NOT have more than 30 characters'] }],
    ['21 tags', { title: 'T', tags: tooManyTags, author_id: 1 }, { tags: ['must NOT have more than 20 items'] }],
    ['a readOnly author', { title: 'T', author_id: 1, author: { id: 1 } }, { author: ['is not a field this operation accepts'] }],
    ['author_id as a string', { title: 'T', author_id: '1' }, { author_id: ['must be integer'] }],
  ])('when %s, then 422 VALIDATION_ERROR with field details', async (_, body, details) => {
    await api.createUser();
    const res = await api.call(version, 'createPost', { body });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details });
    expect(await api.server.db('posts').first()).toBeUndefined();
  });
});
