import { pageCount, type Page } from '../domain/paging.js';

/** The request URL moved to another page; the other query parameters stay as they were. */
export function pageUrl(url: URL, page: number, perPage: number): string {
  const next = new URL(url);
  next.searchParams.set('page', String(page));
  next.searchParams.set('per_page', String(perPage));
  return next.toString();
}

export interface PageNeighbours {
  first: string;
  last: string;
  self: string;
  prev: string | null;
  next: string | null;
}

export function pageNeighbours(url: URL, { page, perPage, total }: Extract<Page<unknown, unknown>, { mode: 'offset' }>): PageNeighbours {
  const last = Math.max(pageCount(total, perPage), 1);
  const at = (n: number) => pageUrl(url, n, perPage);
  return {
    first: at(1),
    last: at(last),
    self: at(page),
    prev: page > 1 ? at(Math.min(page - 1, last)) : null,
    next: page < last ? at(page + 1) : null,
  };
}
