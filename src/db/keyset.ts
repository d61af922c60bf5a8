import type { Knex } from 'knex';
import type { Position, Window } from '../domain/paging.js';

/** Newest first, id breaking ties: the order every list uses, served by the (created_at, id) indexes. */
export const newestFirst = (table: string) => [
  { column: `${table}.created_at`, order: 'desc' as const },
  { column: `${table}.id`, order: 'desc' as const },
];

/** Limits a newest-first query to one window: OFFSET in offset mode, a row-value keyset in cursor mode. */
export function applyWindow(q: Knex.QueryBuilder, table: string, window: Window<Position>): Knex.QueryBuilder {
  q.orderBy(newestFirst(table)).limit(window.limit);
  if ('offset' in window) return q.offset(window.offset);
  if (window.after) q.whereRaw(`(${table}.created_at, ${table}.id) < (?, ?)`, [window.after.createdAt, window.after.id]);
  return q;
}
