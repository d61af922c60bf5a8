import { describe, expect, it } from 'vitest';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe('GET /api/v1/posts (listPosts)', () => {
  it('when posts exist, then a bare array of posts with authors and tags, newest first', async () => {
    const first = await api.createPost({ title: 'First', tags: ['one', 'two'] });
    const second = await api.createPost({ title: 'Second', tags: [] });
    const res = await api.call('v1', 'listPosts');
    expect(res.status).toBe(200);
    expect(res.body.map((p: { id: number }) => p.id)).toEqual([second.id, first.id]);
    expect(res.body[1]).toMatchObject({ title: 'First', tags: ['one', 'two'], author: { id: first.author.id } });
    expect(res.body[1]).not.toHaveProperty('author_id');
    expect(res.headers.get('x-total-count')).toBe('2');
  });

  it('when per_page is above 100, then 400 BAD_REQUEST', async () => {
    const res = await api.call('v1', 'listPosts', { query: { per_page: 1000 } });
    expect(res.status).toBe(400);
  });
});

describe('GET /api/v2/posts (listPosts)', () => {
  it('when posts exist and no page is asked for, then a cursor-mode envelope', async () => {
    const post = await api.createPost();
    const res = await api.call('v2', 'listPosts', { query: { per_page: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { id: number }) => p.id)).toEqual([post.id]);
    expect(res.body.meta).toEqual({ version: 2, mode: 'cursor', per_page: 1, has_more: false, next_cursor: null });
    expect(res.body.links.next).toBeNull();
  });

  it('when filtered by tag, then only posts with that tag, in both modes', async () => {
    const tagged = await api.createPost({ tags: ['history', 'maths'] });
    await api.createPost({ tags: ['cooking'] });
    for (const query of [{ tag: 'history' }, { tag: 'history', page: 1 }] as Record<string, string | number>[]) {
      const res = await api.call('v2', 'listPosts', { query });
      expect(res.body.data.map((p: { id: number }) => p.id)).toEqual([tagged.id]);
    }
  });

  it('when the page is not a number, then 400 BAD_REQUEST', async () => {
    const res = await api.call('v2', 'listPosts', { query: { page: 'last' } });
    expect(res.status).toBe(400);
  });
});
