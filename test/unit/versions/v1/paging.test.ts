import { describe, expect, it } from 'vitest';
import { pagingHeaders } from '../../../../src/versions/v1/paging.js';

const url = new URL('http://api.test/api/v1/users?per_page=10&page=2');
const page = (n: number, total: number) => ({ mode: 'offset' as const, items: [], page: n, perPage: 10, total });
const rels = (link: string) => [...link.matchAll(/<[^>]*[?&]page=(\d+)[^>]*>; rel="(\w+)"/g)].map(([, n, rel]) => `${rel}=${n}`);

describe('pagingHeaders', () => {
  it.each([
    ['the middle page', page(2, 35), ['first=1', 'prev=1', 'next=3', 'last=4']],
    ['the first page', page(1, 35), ['first=1', 'next=2', 'last=4']],
    ['the last page', page(4, 35), ['first=1', 'prev=3', 'last=4']],
    ['an empty list', page(1, 0), ['first=1', 'last=1']],
    ['a page past the end', page(9, 35), ['first=1', 'prev=4', 'last=4']],
  ])('on %s, then Link has %o', (_, p, expected) => {
    expect(rels(pagingHeaders(url, p).Link)).toEqual(expected);
  });

  it('keeps the other query parameters and sets X-Total-Count', () => {
    const headers = pagingHeaders(new URL('http://api.test/api/v1/posts?sort=new&page=1'), page(1, 35));
    expect(headers['X-Total-Count']).toBe('35');
    expect(headers.Link).toContain('<http://api.test/api/v1/posts?sort=new&page=2&per_page=10>; rel="next"');
  });
});
