import type { Knex } from 'knex';
import type { Window } from '../domain/paging.js';

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

/**
 * Words become quoted FTS5 strings, so operators and syntax characters in a query are plain text;
 * every word must match and the last may be a prefix. Undefined when the query has no words.
 */
export function toFtsQuery(text: string): string | undefined {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return undefined;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export function searchRepository(db: Knex) {
  const matches = (fts: string, kind?: SearchKind) => {
    const q = db
      .select('rid', 'r')
      .from(db.raw('(SELECT rowid AS rid, rank AS r FROM search_index WHERE search_index MATCH ?) AS m', [fts]));
    if (kind) q.whereRaw('rid % 2 = ?', [kind === 'post' ? 1 : 0]);
    return q;
  };

  return {
    async list(fts: string, kind: SearchKind | undefined, window: Window<SearchPosition>): Promise<SearchMatch[]> {
      const q = matches(fts, kind).orderBy([{ column: 'r' }, { column: 'rid' }]).limit(window.limit);
      if ('offset' in window) q.offset(window.offset);
      else if (window.after) q.whereRaw('(r, rid) > (?, ?)', [window.after.rank, window.after.rowid]);
      const rows: { rid: number; r: number }[] = await q;
      return rows.map(({ rid, r }) => ({ kind: rid % 2 ? 'post' : 'user', id: Math.floor(rid / 2), rank: r }));
    },

    async count(fts: string, kind: SearchKind | undefined): Promise<number> {
      const counted = await db.count({ count: '*' }).from(matches(fts, kind).as('hits')).first();
      return Number(counted?.count ?? 0);
    },
  };
}

export type SearchRepository = ReturnType<typeof searchRepository>;
