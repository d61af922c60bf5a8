import type { Page, PageRequest } from '../../domain/paging.js';
import { pageNeighbours } from '../page-links.js';

/** v1 pages by offset only. */
export const v1Paging = (query: { page: number; per_page: number }): PageRequest<never> => ({
  mode: 'offset',
  page: query.page,
  perPage: query.per_page,
});

/** v1 keeps bare arrays, so the paging travels in RFC 8288 `Link` and `X-Total-Count`. */
export function pagingHeaders(url: URL, page: Page<unknown, unknown>): { 'X-Total-Count': string; Link: string } {
  if (page.mode !== 'offset') throw new Error('v1 lists page by offset only');
  const { first, prev, next, last } = pageNeighbours(url, page);
  const links = Object.entries({ first, prev, next, last })
    .filter(([, href]) => href !== null)
    .map(([rel, href]) => `<${href}>; rel="${rel}"`);
  return { 'X-Total-Count': String(page.total), Link: links.join(', ') };
}
