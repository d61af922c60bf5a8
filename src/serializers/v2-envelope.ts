import type { components } from '../../generated/v2/types.js';
import { pageCount, type Page } from '../domain/paging.js';
import { pageNeighbours } from './page-links.js';

type Envelope<T> = { data: T[]; meta: components['schemas']['PageMeta']; links: components['schemas']['PageLinks'] };

/** v2 lists carry their paging in the body. */
export function envelope<R, T>(url: URL, page: Page<R>, serialize: (record: R) => T): Envelope<T> {
  const { self, next, prev } = pageNeighbours(url, page);
  return {
    data: page.items.map(serialize),
    meta: { version: 2, page: page.page, per_page: page.perPage, total: page.total, pages: pageCount(page.total, page.perPage) },
    links: { self, next, prev },
  };
}
