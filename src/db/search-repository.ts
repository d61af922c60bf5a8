import type { Knex } from 'knex';
import type { Window } from './keyset.js';
import { sqlOf } from './knex.js';
import type { Param } from './sql.js';

export type SearchKind = 'user' | 'post';

/** A match and where it stands: `rank` is FTS5's bm25, lower is better. */
export interface SearchMatch {
  kind: SearchKind;
  id: number;
  rank: number;
}

/** Keyset of a ranked list: rank, then the FTS rowid to break ties. */
export interface SearchPosition {
  rank: number;
  rowid: number;
}

const rowidOf = (m: SearchMatch) => m.id * 2 + (m.kind === 'post' ? 1 : 0);
export const searchPosition = (m: SearchMatch): SearchPosition => ({ rank: m.rank, rowid: rowidOf(m) });

const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The search text as the engine's query: every word must match and the last may be a prefix.
 * Only runs of letters and digits reach the engine, so its query syntax in the text is plain
 * text. Undefined when the text has no words.
 */
export function toEngineQuery(text: string, engine: 'sqlite' | 'postgres'): string | undefined {
  const words = wordsOf(text);
  if (words.length === 0) return undefined;
  const last = words.length - 1;
  return engine === 'postgres'
    ? words.map((w, i) => `${w.toLowerCase()}${i === last ? ':*' : ''}`).join(' & ')
    : words.map((w, i) => `"${w}"${i === last ? '*' : ''}`).join(' ');
}

/** Every match with `rid` (the document id) and `r` (lower is better): FTS5's bm25, or PostgreSQL's negated ts_rank. */
const matchesSql = {
  sqlite: '(SELECT rowid AS rid, rank AS r FROM search_index WHERE search_index MATCH ?) AS m',
  // float8, whose text form round-trips exactly, so a rank in a cursor compares equal to itself.
  postgres: `(SELECT doc_id AS rid, (-ts_rank(document, q))::float8 AS r
              FROM search_index, to_tsquery('simple', ?) AS q WHERE document @@ q) AS m`,
};

export function searchRepository(db: Knex) {
  const sql = sqlOf(db);
  const { engine } = sql;
  const matches = (query: string, kind?: SearchKind) => ({
    text: `SELECT rid, r FROM ${matchesSql[engine]}${kind ? ' WHERE rid % 2 = ?' : ''}`,
    params: kind ? [query, kind === 'post' ? 1 : 0] : [query],
  });

  return {
    /** The engine's query for a search text; undefined when the text has no words. */
    queryOf: (text: string) => toEngineQuery(text, engine),

    async list(fts: string, kind: SearchKind | undefined, window: Window<SearchPosition>): Promise<SearchMatch[]> {
      const { text, params } = matches(fts, kind);
      const page: { sql: string; params: Param[] } =
        'offset' in window
          ? { sql: 'ORDER BY r, rid LIMIT ? OFFSET ?', params: [window.limit, window.offset] }
          : window.after
            ? {
                sql: `${kind ? 'AND' : 'WHERE'} (r, rid) > (?, ?) ORDER BY r, rid LIMIT ?`,
                params: [window.after.rank, window.after.rowid, window.limit],
              }
            : { sql: 'ORDER BY r, rid LIMIT ?', params: [window.limit] };
      const rows = await sql.all<{ rid: number | string; r: number }>(`${text} ${page.sql}`, [...params, ...page.params]);
      return rows.map(({ rid, r }) => ({ kind: Number(rid) % 2 ? 'post' : 'user', id: Math.floor(Number(rid) / 2), rank: Number(r) }));
    },

    async count(fts: string, kind: SearchKind | undefined): Promise<number> {
      const { text, params } = matches(fts, kind);
      return Number((await sql.one<{ count: number }>(`SELECT count(*) AS count FROM (${text}) AS hits`, params))?.count ?? 0);
    },
  };
}

export type SearchRepository = ReturnType<typeof searchRepository>;
