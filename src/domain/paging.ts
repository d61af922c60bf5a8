import type { Position, Window } from '../db/keyset.js';

// The keyset position and the window a repository reads are the data access's own types.
export type { Position, Window };

/** Offset mode asks for a page number; cursor mode for the items after a position. */
export type PageRequest<P = Position> =
  { mode: 'offset'; page: number; perPage: number } | { mode: 'cursor'; after: P | undefined; perPage: number };

export type Page<T, P = Position> =
  | { mode: 'offset'; items: T[]; total: number; page: number; perPage: number }
  /** `next` is where the following page starts; undefined on the last page. */
  | { mode: 'cursor'; items: T[]; perPage: number; next: P | undefined };

export const pageCount = (total: number, perPage: number) => Math.ceil(total / perPage);

/**
 * Reads one page in either mode. Cursor mode reads one item more than the page holds to learn
 * whether another page follows, and never counts the whole list.
 */
export async function paginate<T, P>(
  request: PageRequest<P>,
  read: (window: Window<P>) => Promise<T[]>,
  count: () => Promise<number>,
  positionOf: (item: T) => P,
): Promise<Page<T, P>> {
  const { perPage } = request;
  if (request.mode === 'offset') {
    const [items, total] = await Promise.all([read({ limit: perPage, offset: (request.page - 1) * perPage }), count()]);
    return { mode: 'offset', items, total, page: request.page, perPage };
  }
  const rows = await read({ limit: perPage + 1, after: request.after });
  const items = rows.slice(0, perPage);
  const last = items.at(-1);
  return { mode: 'cursor', items, perPage, next: rows.length > perPage && last ? positionOf(last) : undefined };
}

/**
 * Every item of a list, read in keyset batches so memory stays flat however long the list is.
 * It stops at the first empty batch, not a short one: a batch may come back short when a row
 * is deleted between reading a match and reading its details.
 */
export async function* readAll<T, P>(read: (window: Window<P>) => Promise<T[]>, positionOf: (item: T) => P, batch = 1000) {
  let after: P | undefined;
  for (;;) {
    const rows = await read({ limit: batch, after });
    if (rows.length === 0) return;
    yield* rows;
    after = positionOf(rows.at(-1) as T);
  }
}

export const newestFirstPosition = (item: { created_at: string; id: number }): Position => ({ createdAt: item.created_at, id: item.id });

/** Checks a decoded cursor position before it reaches SQL. */
export const isPosition = (value: unknown): value is Position => {
  const p = value as Position;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.createdAt === 'string' &&
    !Number.isNaN(Date.parse(p.createdAt)) &&
    Number.isSafeInteger(p.id) &&
    p.id > 0
  );
};
