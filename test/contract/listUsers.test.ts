import { describe, expect, it } from 'vitest';
import { useServer } from '../support/use-server.js';

const api = useServer();

const arrangeUsers = async (n: number) => {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await api.createUser()).id);
  return ids.reverse(); // newest first
};

describe('GET /api/v1/users (listUsers)', () => {
  it('when users exceed a page, then a bare array newest first, Link (paging, then the deprecation guide), X-Total-Count', async () => {
    const ids = await arrangeUsers(5);
    const res = await api.call('v1', 'listUsers', { query: { page: 2, per_page: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.map((u: { id: number }) => u.id)).toEqual(ids.slice(2, 4));
    expect(res.headers.get('x-total-count')).toBe('5');
    const base = `${api.server.origin}/api/v1/users`;
    expect(res.headers.get('link')).toBe(
      [
        `<${base}?page=1&per_page=2>; rel="first"`,
        `<${base}?page=1&per_page=2>; rel="prev"`,
        `<${base}?page=3&per_page=2>; rel="next"`,
        `<${base}?page=3&per_page=2>; rel="last"`,
        // v1 is deprecated: the same field carries the migration guide (test/contract/deprecation.test.ts).
        '</api/docs?version=2#section/Migrating-from-v1>; rel="deprecation"; type="text/html"',
        '</api/docs?version=2#section/Migrating-from-v1>; rel="sunset"; type="text/html"',
      ].join(', '),
    );
  });

  it('when no paging is asked for, then the first 20 users', async () => {
    await arrangeUsers(21);
    const res = await api.call('v1', 'listUsers');
    expect(res.body).toHaveLength(20);
    expect(res.headers.get('link')).not.toContain('rel="prev"');
  });

  it('when there are no users, then an empty array and a Link to page 1', async () => {
    const res = await api.call('v1', 'listUsers');
    expect(res.body).toEqual([]);
    expect(res.headers.get('x-total-count')).toBe('0');
  });
});

describe('GET /api/v2/users (listUsers)', () => {
  it('when no page is asked for, then cursor mode: has_more, the next cursor in meta and in the next link, no total', async () => {
    const ids = await arrangeUsers(5);
    const res = await api.call('v2', 'listUsers', { query: { per_page: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((u: { id: number }) => u.id)).toEqual(ids.slice(0, 2));
    expect(res.body.meta).toEqual({
      version: 2,
      mode: 'cursor',
      per_page: 2,
      has_more: true,
      next_cursor: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
    });
    expect(res.body.links.prev).toBeNull();
    const next = new URL(res.body.links.next);
    expect(next.pathname).toBe('/api/v2/users');
    expect(next.searchParams.get('cursor')).toBe(res.body.meta.next_cursor);
    expect(next.searchParams.has('page')).toBe(false);
  });

  it('when the cursor of meta.next_cursor is sent, then the next page, and on the last page next_cursor is null', async () => {
    const ids = await arrangeUsers(3);
    const first = await api.call('v2', 'listUsers', { query: { per_page: 2 } });
    const last = await api.call('v2', 'listUsers', { query: { per_page: 2, cursor: first.body.meta.next_cursor } });
    expect(last.body.data.map((u: { id: number }) => u.id)).toEqual(ids.slice(2));
    expect(last.body.meta).toEqual({ version: 2, mode: 'cursor', per_page: 2, has_more: false, next_cursor: null });
    expect(last.body.links.next).toBeNull();
  });

  it('when there are more users than a page and page is given, then offset mode with meta and absolute links', async () => {
    const ids = await arrangeUsers(5);
    const res = await api.call('v2', 'listUsers', { query: { page: 3, per_page: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((u: { id: number }) => u.id)).toEqual(ids.slice(4));
    expect(res.body.meta).toEqual({ version: 2, mode: 'offset', page: 3, per_page: 2, total: 5, pages: 3 });
    const base = `${api.server.origin}/api/v2/users`;
    expect(res.body.links).toEqual({ self: `${base}?page=3&per_page=2`, next: null, prev: `${base}?page=2&per_page=2` });
  });

  it('when the page is past the end, then an empty page with prev pointing at the last page', async () => {
    await arrangeUsers(3);
    const res = await api.call('v2', 'listUsers', { query: { page: 9, per_page: 2 } });
    expect(res.body.data).toEqual([]);
    expect(res.body.links.prev).toBe(`${api.server.origin}/api/v2/users?page=2&per_page=2`);
  });

  it('when filtered by role, then only that role, and the cursor keeps the filter', async () => {
    const admins = [(await api.createAdmin()).id, (await api.createAdmin()).id].reverse();
    await api.createUser();
    const first = await api.call('v2', 'listUsers', { query: { role: 'admin', per_page: 1 } });
    expect(first.body.data.map((u: { id: number }) => u.id)).toEqual(admins.slice(0, 1));
    const second = await fetch(first.body.links.next).then((r) => r.json() as Promise<{ data: { id: number }[] }>);
    expect(second.data.map((u) => u.id)).toEqual(admins.slice(1));
  });

  it('when page and cursor are both sent, then 400 BAD_REQUEST naming cursor', async () => {
    const res = await api.call('v2', 'listUsers', { query: { page: 1, cursor: 'abc.def' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', details: { cursor: ['cannot be sent with page'] } });
  });

  const nextCursor = async (query: Record<string, string | number>, operationId = 'listUsers', params?: Record<string, number>) => {
    const res = await api.call('v2', operationId, { query: { per_page: 1, ...query }, params });
    return new URL(res.body.links.next).searchParams.get('cursor') as string;
  };
  const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

  it.each([
    ['altered in its payload', async () => flip(await nextCursor({}), 3)],
    [
      'altered in its signature',
      async () => {
        const c = await nextCursor({});
        return flip(c, c.length - 2);
      },
    ],
    ['truncated', async () => (await nextCursor({})).slice(0, -5)],
    ['without its signature', async () => (await nextCursor({})).split('.')[0] as string],
    ['not a cursor at all', async () => 'hello'],
    ['from another filter', async () => nextCursor({ role: 'user' })],
    ['from another list', async () => nextCursor({}, 'listPosts')],
  ])('when the cursor is %s, then 400 INVALID_CURSOR', async (_, cursorOf) => {
    await arrangeUsers(3);
    await api.createPost();
    await api.createPost();
    const res = await api.call('v2', 'listUsers', { query: { cursor: await cursorOf() } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_CURSOR', details: { cursor: ['is not a cursor of this list'] } });
  });
});

describe.each(['v1', 'v2'] as const)('GET /api/%s/users with bad paging', (version) => {
  it.each([
    [{ page: 0 }, 'page'],
    [{ page: 'two' }, 'page'],
    [{ per_page: 0 }, 'per_page'],
    [{ per_page: 101 }, 'per_page'],
    [{ per_page: 2.5 }, 'per_page'],
  ])('when the query is %o, then 400 BAD_REQUEST naming %s', async (query, name) => {
    const res = await api.call(version, 'listUsers', { query });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(Object.keys(res.body.error.details)).toEqual([name]);
  });
});
