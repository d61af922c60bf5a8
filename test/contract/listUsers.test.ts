import { describe, expect, it } from 'vitest';
import { useServer } from '../support/use-server.js';

const api = useServer();

const arrangeUsers = async (n: number) => {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await api.createUser()).id);
  return ids.reverse(); // newest first
};

describe('GET /api/v1/users (listUsers)', () => {
  it('when there are more users than a page, then a bare array newest first with Link and X-Total-Count', async () => {
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
  it('when there are more users than a page, then an envelope with meta and absolute links', async () => {
    const ids = await arrangeUsers(5);
    const res = await api.call('v2', 'listUsers', { query: { page: 3, per_page: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((u: { id: number }) => u.id)).toEqual(ids.slice(4));
    expect(res.body.meta).toEqual({ version: 2, page: 3, per_page: 2, total: 5, pages: 3 });
    const base = `${api.server.origin}/api/v2/users`;
    expect(res.body.links).toEqual({ self: `${base}?page=3&per_page=2`, next: null, prev: `${base}?page=2&per_page=2` });
  });

  it('when following links.next from the first page, then every user is visited once', async () => {
    const ids = await arrangeUsers(7);
    const seen: number[] = [];
    let url: string | null = `${api.server.origin}/api/v2/users?per_page=3`;
    while (url) {
      const body = (await (await fetch(url)).json()) as { data: { id: number }[]; links: { next: string | null } };
      seen.push(...body.data.map((u) => u.id));
      url = body.links.next;
    }
    expect(seen).toEqual(ids);
  });

  it('when the page is past the end, then an empty page with prev pointing at the last page', async () => {
    await arrangeUsers(3);
    const res = await api.call('v2', 'listUsers', { query: { page: 9, per_page: 2 } });
    expect(res.body.data).toEqual([]);
    expect(res.body.links.prev).toBe(`${api.server.origin}/api/v2/users?page=2&per_page=2`);
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
