import type { components } from '../../../generated/v2/types.js';
import { pageCount, type Page } from '../../domain/paging.js';
import { pageNeighbours } from '../page-links.js';
import type { Paging } from './paging.js';

type Schemas = components['schemas'];
type Envelope<T> = { data: T[]; meta: Schemas['PageMeta']; links: Schemas['PageLinks'] };

/** v2 lists carry their paging in the body, in offset or cursor mode. */
export function envelope<R, T, P>(url: URL, page: Page<R, P>, paging: Paging<P>, serialize: (record: R) => T): Envelope<T> {
  const data = page.items.map(serialize);
  if (page.mode === 'offset') {
    const { self, next, prev } = pageNeighbours(url, page);
    return {
      data,
      meta: {
        version: 2,
        mode: 'offset',
        page: page.page,
        per_page: page.perPage,
        total: page.total,
        pages: pageCount(page.total, page.perPage),
      },
      links: { self, next, prev },
    };
  }
  let next: string | null = null;
  let cursor: string | null = null;
  if (page.next !== undefined) {
    cursor = paging.nextCursor(page.next);
    const nextUrl = new URL(url);
    nextUrl.searchParams.set('cursor', cursor);
    nextUrl.searchParams.set('per_page', String(page.perPage));
    next = nextUrl.toString();
  }
  // The cursor also stands alone in meta, so a client need not parse links.next to page.
  return {
    data,
    meta: { version: 2, mode: 'cursor', per_page: page.perPage, has_more: next !== null, next_cursor: cursor },
    links: { self: url.toString(), next, prev: null },
  };
}
