import { badRequest } from '../../domain/errors.js';
import type { PageRequest } from '../../domain/paging.js';
import type { CursorCodec } from '../cursors.js';

// v2 pages by offset or by cursor; the cursor is signed and bound to its list (../cursors.ts).

/** How a page was asked for, and how to point at the next one in cursor mode. */
export interface Paging<P> {
  request: PageRequest<P>;
  nextCursor(position: P): string;
}

/** The list a cursor belongs to: the operation and its filters, so it cannot be replayed elsewhere. */
export function listScope(operationId: string, filters: Record<string, string | number | undefined>): string {
  const defined = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]): [string, string] => [k, String(v)]);
  return `${operationId}?${new URLSearchParams(defined)}`;
}

/** v2: `page` selects offset mode; without it the list is in cursor mode. */
export function v2Paging<P>(
  query: { page?: number; per_page: number; cursor?: string },
  { cursors }: { cursors: CursorCodec },
  scope: string,
  isPosition: (value: unknown) => value is P,
): Paging<P> {
  if (query.page !== undefined && query.cursor !== undefined) {
    throw badRequest('Send page (offset mode) or cursor (cursor mode), not both.', { cursor: ['cannot be sent with page'] });
  }
  const request: PageRequest<P> =
    query.page !== undefined
      ? { mode: 'offset', page: query.page, perPage: query.per_page }
      : {
          mode: 'cursor',
          after: query.cursor === undefined ? undefined : cursors.decode(query.cursor, scope, isPosition),
          perPage: query.per_page,
        };
  return { request, nextCursor: (position) => cursors.encode(scope, position) };
}
