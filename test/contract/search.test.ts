import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { versions, type Version } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

type Hit = { type: 'user'; user: { id: number } } | { type: 'post'; post: { id: number } };
const hitsOf = (version: Version, body: unknown) => (version === 'v1' ? body : (body as { data: unknown }).data) as Hit[];
const refs = (hits: Hit[]) => hits.map((h) => (h.type === 'user' ? `user:${h.user.id}` : `post:${h.post.id}`));

describe.each(versions)('GET /api/%s/search (search)', (version: Version) => {
  const search = (query: Record<string, string | number>) => api.call(version, 'search', { query });

  it('when words match names, emails, titles, bodies and tags, then users and posts are found, best match first', async () => {
    const ada = await api.createUser({ name: 'Ada Lovelace', email: 'countess@example.com' });
    const byEmail = await api.createUser({ name: 'Someone Else', email: 'lovelace.fan@example.com' });
    const inTitle = await api.createPost({ title: 'Lovelace and the engine', body: 'text' });
    const inBody = await api.createPost({ title: 'Unrelated', body: 'A note on Lovelace, briefly.' });
    const inTags = await api.createPost({ title: 'Tagged', body: 'text', tags: ['lovelace'] });
    await api.createPost({ title: 'Nothing to see', body: 'at all' });

    const res = await search({ q: 'lovelace' });
    expect(res.status).toBe(200);
    const found = refs(hitsOf(version, res.body));
    expect(found.sort()).toEqual(
      [`user:${ada.id}`, `user:${byEmail.id}`, `post:${inTitle.id}`, `post:${inBody.id}`, `post:${inTags.id}`].sort(),
    );
    const ranked = refs(hitsOf(version, res.body));
    expect(ranked.indexOf(`post:${inTitle.id}`)).toBeLessThan(ranked.indexOf(`post:${inBody.id}`));
  });

  it('when type=users or type=posts, then only that kind', async () => {
    const user = await api.createUser({ name: 'Grace Hopper' });
    const post = await api.createPost({ title: 'Hopper notes' });
    expect(refs(hitsOf(version, (await search({ q: 'hopper', type: 'users' })).body))).toEqual([`user:${user.id}`]);
    expect(refs(hitsOf(version, (await search({ q: 'hopper', type: 'posts' })).body))).toEqual([`post:${post.id}`]);
  });

  it('when the last word is the start of a word, then it matches as a prefix', async () => {
    const user = await api.createUser({ name: 'Barbara Liskov' });
    expect(refs(hitsOf(version, (await search({ q: 'barbara lis' })).body))).toEqual([`user:${user.id}`]);
  });

  it('when a user or post changes or goes, then search follows at once', async () => {
    const user = await api.createUser({ name: 'Old Name' });
    const post = await api.createPost({ title: 'Kept title', tags: ['before'] });
    expect(
      (await api.call(version, 'updateUser', { params: { userId: user.id }, body: { name: 'Fresh Name' }, token: user.token })).status,
    ).toBe(200);
    expect(
      (await api.call(version, 'updatePost', { params: { postId: post.id }, body: { tags: ['after'] }, token: post.token })).status,
    ).toBe(200);
    expect(hitsOf(version, (await search({ q: 'old' })).body)).toEqual([]);
    expect(refs(hitsOf(version, (await search({ q: 'fresh' })).body))).toEqual([`user:${user.id}`]);
    expect(hitsOf(version, (await search({ q: 'before' })).body)).toEqual([]);
    expect(refs(hitsOf(version, (await search({ q: 'after' })).body))).toEqual([`post:${post.id}`]);
    expect((await api.call(version, 'deleteUser', { params: { userId: post.author.id }, token: post.token })).status).toBe(204);
    expect(hitsOf(version, (await search({ q: 'kept' })).body)).toEqual([]);
  });

  it.each([
    ['a lone quote', '"'],
    ['FTS operators', 'ada AND OR NOT'],
    ['a NEAR group', 'NEAR(ada lovelace, 2)'],
    ['column filters', 'title:ada body:x'],
    ['stars and carets', '*ada* ^start'],
    ['parentheses', '((('],
    ['punctuation only', '!!! ??? ...'],
    ['SQL', "'; DROP TABLE users; --"],
  ])('when q holds %s, then 200 and never a 500', async (_, q) => {
    await api.createUser({ name: 'Ada Lovelace' });
    const res = await search({ q });
    expect(res.status).toBe(200);
  });

  it.each([
    ['q missing', {}, 'q'],
    ['q empty', { q: '' }, 'q'],
    ['q of 201 characters', { q: 'a'.repeat(201) }, 'q'],
    ['an unknown type', { q: 'ada', type: 'comments' }, 'type'],
  ])('when %s, then 400 BAD_REQUEST naming %s', async (_, query, name) => {
    const res = await api.call(version, 'search', { query });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details)).toEqual([name]);
  });

  it('when asked for CSV, then every hit as rows', async () => {
    const user = await api.createUser({ name: '=Ada Formula' });
    const res = await api.call(version, 'search', { query: { q: 'ada', per_page: 1 }, headers: { accept: 'text/csv' } });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=search.csv');
    const [header, row] = parse(res.text) as string[][];
    expect(header).toEqual(['type', 'id', 'score', 'name', 'email', 'title', 'author_id', 'created_at']);
    expect(row?.slice(0, 2)).toEqual(['user', String(user.id)]);
    expect(row?.[3]).toBe(`'=Ada Formula`);
  });
});

describe('GET /api/v2/search paging', () => {
  it('when walking the cursor pages of many hits, then each hit is seen once', async () => {
    const expected: string[] = [];
    for (let i = 0; i < 30; i++) expected.push(`user:${(await api.createUser({ name: `Turing Fan ${i}` })).id}`);
    for (let i = 0; i < 15; i++) expected.push(`post:${(await api.createPost({ title: `Turing machine ${i}`, body: 'Turing' })).id}`);
    const seen: string[] = [];
    let url: string | null = `${api.server.origin}/api/v2/search?q=turing&per_page=8`;
    while (url) {
      const body = (await (await fetch(url)).json()) as { data: Hit[]; links: { next: string | null } };
      seen.push(...refs(body.data));
      url = body.links.next;
    }
    expect(seen).toHaveLength(45);
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it('when a cursor of one search is used for another query, then 400 INVALID_CURSOR', async () => {
    await api.createUser({ name: 'Edsger One' });
    await api.createUser({ name: 'Edsger Two' });
    const first = await api.call('v2', 'search', { query: { q: 'edsger', per_page: 1 } });
    const cursor = new URL(first.body.links.next).searchParams.get('cursor') as string;
    const res = await api.call('v2', 'search', { query: { q: 'two', cursor } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_CURSOR');
  });

  it('when page is given, then offset mode with a total', async () => {
    await api.createUser({ name: 'Knuth A' });
    await api.createUser({ name: 'Knuth B' });
    const res = await api.call('v2', 'search', { query: { q: 'knuth', page: 1, per_page: 1 } });
    expect(res.body.meta).toEqual({ version: 2, mode: 'offset', page: 1, per_page: 1, total: 2, pages: 2 });
  });
});
