import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('POST /api/%s/posts (createPost)', (version) => {
  it('when the body is valid, then 201 with the nested author, the tags in order and a Location', async () => {
    const author = await api.createUser({ name: 'Ada Lovelace' });
    const body = { title: 'Notes', body: 'On the engine.', tags: ['maths', 'history', 'maths'] };
    const res = await api.call(version, 'createPost', { body, token: author.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Notes',
      body: 'On the engine.',
      tags: ['maths', 'history', 'maths'],
      author: { id: author.id, name: 'Ada Lovelace' },
    });
    expect(res.body).not.toHaveProperty('author_id');
    expect(res.headers.get('location')).toBe(`${api.server.origin}/api/${version}/posts/${res.body.id}`);
  });

  it('when body and tags are left out, then they default to empty', async () => {
    const author = await api.createUser();
    const res = await api.call(version, 'createPost', { body: { title: 'Just a title' }, token: author.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ body: '', tags: [] });
  });

  it.each([
    ['a user leaves out author_id', false, false],
    ['a user names itself as author_id', false, true],
    ['an admin leaves out author_id', true, false],
    ['an admin names itself as author_id', true, true],
  ])('when %s, then the author is the caller', async (_, asAdmin, namesItself) => {
    await api.createUser(); // someone else, who must not become the author
    const caller = asAdmin ? await api.createAdmin() : await api.createUser();
    const res = await api.call(version, 'createPost', {
      body: { title: 'Mine', ...(namesItself && { author_id: caller.id }) },
      token: caller.token,
    });
    expect(res.status).toBe(201);
    expect(res.body.author).toMatchObject({ id: caller.id, name: caller.name, role: caller.role });
    expect((await api.call(version, 'getPost', { params: { postId: res.body.id } })).body.author.id).toBe(caller.id);
  });

  it('when a non-admin names another author, then 403 FORBIDDEN and nothing is stored', async () => {
    const other = await api.createUser();
    const caller = await api.createUser();
    const res = await api.call(version, 'createPost', { body: { title: 'In your name', author_id: other.id }, token: caller.token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await api.server.db('posts').first()).toBeUndefined();
  });

  it('when an admin names another author, then 201 with that author', async () => {
    const author = await api.createUser({ name: 'Ada Lovelace' });
    const admin = await api.createAdmin();
    const res = await api.call(version, 'createPost', { body: { title: 'On behalf', author_id: author.id }, token: admin.token });
    expect(res.status).toBe(201);
    expect(res.body.author).toMatchObject({ id: author.id, name: 'Ada Lovelace', role: 'user' });
    expect(res.headers.get('location')).toBe(`${api.server.origin}/api/${version}/posts/${res.body.id}`);
    const listed = await api.call(version, 'listUserPosts', { params: { userId: author.id } });
    expect((version === 'v1' ? listed.body : listed.body.data).map((p: { id: number }) => p.id)).toEqual([res.body.id]);
  });

  it('when an admin names an author_id of no user, then 422 VALIDATION_ERROR on author_id and nothing is stored', async () => {
    const admin = await api.createAdmin();
    const res = await api.call(version, 'createPost', { body: { title: 'Orphan', author_id: 999 }, token: admin.token });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: { author_id: ['no user has id 999'] } });
    expect(await api.server.db('posts').first()).toBeUndefined();
  });

  const tooManyTags = Array.from({ length: 21 }, (_, i) => `t${i}`);
  it.each([
    ['title missing', { body: 'Text' }, { title: ['is required'] }],
    ['an empty title', { title: '' }, { title: ['must NOT have fewer than 1 characters'] }],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, { title: ['must NOT have more than 200 characters'] }],
    ['a body of 10,001 characters', { title: 'T', body: 'x'.repeat(10_001) }, { body: ['must NOT have more than 10000 characters'] }],
    ['an empty tag', { title: 'T', tags: ['ok', ''] }, { 'tags.1': ['must NOT have fewer than 1 characters'] }],
    ['a tag of 31 characters', { title: 'T', tags: ['x'.repeat(31)] }, { 'tags.0': ['must NOT have more than 30 characters'] }],
    ['21 tags', { title: 'T', tags: tooManyTags }, { tags: ['must NOT have more than 20 items'] }],
    ['a readOnly author', { title: 'T', author: { id: 1 } }, { author: ['is not a field this operation accepts'] }],
    ['author_id as a string', { title: 'T', author_id: '1' }, { author_id: ['must be integer'] }],
    ['author_id of zero', { title: 'T', author_id: 0 }, { author_id: ['must be >= 1'] }],
  ])('when %s, then 422 VALIDATION_ERROR with field details', async (_, body, details) => {
    const author = await api.createUser();
    const res = await api.call(version, 'createPost', { body, token: author.token });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details });
    expect(await api.server.db('posts').first()).toBeUndefined();
  });
});
