import type { PostsRepository } from '../db/posts-repository.js';
import type { PostRecord, UserRecord } from '../db/records.js';
import { searchPosition, type SearchKind, type SearchMatch, type SearchPosition, type SearchRepository } from '../db/search-repository.js';
import type { UsersRepository } from '../db/users-repository.js';
import { paginate, readAll, type Page, type PageRequest, type Window } from './paging.js';

export type { SearchPosition };

export interface SearchInput {
  q: string;
  type?: 'users' | 'posts';
}

/** Higher is better; bm25 is lower-is-better. */
export type SearchHit = { kind: 'user'; score: number; user: UserRecord } | { kind: 'post'; score: number; post: PostRecord };
type Ranked = SearchHit & { match: SearchMatch };

export function searchService(search: SearchRepository, users: UsersRepository, posts: PostsRepository) {
  /** Reads the matches of one window, then their users and posts in two queries, in rank order. */
  const hitsOf = async (query: string | undefined, kind: SearchKind | undefined, window: Window<SearchPosition>): Promise<Ranked[]> => {
    if (!query) return [];
    const matches = await search.list(query, kind, window);
    const ids = (k: SearchKind) => matches.filter((m) => m.kind === k).map((m) => m.id);
    const [userRows, postRows] = await Promise.all([users.findMany(ids('user')), posts.findMany(ids('post'))]);
    const byUser = new Map(userRows.map((u) => [u.id, u]));
    const byPost = new Map(postRows.map((p) => [p.id, p]));
    return matches.flatMap((match): Ranked[] => {
      const score = -match.rank;
      const user = match.kind === 'user' ? byUser.get(match.id) : undefined;
      const post = match.kind === 'post' ? byPost.get(match.id) : undefined;
      // A row deleted between the two reads is left out rather than failing the page.
      if (user) return [{ kind: 'user', score, user, match }];
      if (post) return [{ kind: 'post', score, post, match }];
      return [];
    });
  };
  const kindOf = (input: SearchInput): SearchKind | undefined => (input.type ? (input.type === 'users' ? 'user' : 'post') : undefined);
  const positionOf = (hit: Ranked) => searchPosition(hit.match);

  return {
    list(input: SearchInput, request: PageRequest<SearchPosition>): Promise<Page<SearchHit, SearchPosition>> {
      const query = search.queryOf(input.q);
      const kind = kindOf(input);
      return paginate(
        request,
        (window) => hitsOf(query, kind, window),
        async () => (query ? search.count(query, kind) : 0),
        positionOf,
      );
    },

    export(input: SearchInput): AsyncIterable<SearchHit> {
      const query = search.queryOf(input.q);
      return readAll((window) => hitsOf(query, kindOf(input), window), positionOf);
    },
  };
}

export type SearchService = ReturnType<typeof searchService>;

export const isSearchPosition = (value: unknown): value is SearchPosition => {
  const p = value as SearchPosition;
  return typeof p === 'object' && p !== null && Number.isFinite(p.rank) && Number.isSafeInteger(p.rowid) && p.rowid > 0;
};
