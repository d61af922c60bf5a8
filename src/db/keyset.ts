import type { Param } from './sql.js';

/** Where a newest-first list left off: the keyset of its last item. */
export interface Position {
  createdAt: string;
  id: number;
}

/** How a repository reads one window of a list: by offset, or after a keyset position. */
export type Window<P = Position> = { limit: number; offset: number } | { limit: number; after: P | undefined };

/**
 * One window of a newest-first list (id breaking ties, served by the (created_at, id) indexes):
 * OFFSET in offset mode, a row-value keyset in cursor mode. `filtered` says whether the query
 * already has a WHERE clause for the keyset to join.
 */
export function windowSql(table: string, window: Window<Position>, filtered: boolean): { sql: string; params: Param[] } {
  const order = `ORDER BY ${table}.created_at DESC, ${table}.id DESC LIMIT ?`;
  if ('offset' in window) return { sql: `${order} OFFSET ?`, params: [window.limit, window.offset] };
  if (!window.after) return { sql: order, params: [window.limit] };
  return {
    sql: `${filtered ? 'AND' : 'WHERE'} (${table}.created_at, ${table}.id) < (?, ?) ${order}`,
    params: [window.after.createdAt, window.after.id, window.limit],
  };
}
