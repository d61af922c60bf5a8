import type { Knex } from 'knex';
import { windowSql, type Window } from './keyset.js';
import { sqlOf } from './knex.js';
import type { PostRecord } from './records.js';
import { placeholders, type Param, type Row, type Sql } from './sql.js';
import { isoTime, laterThan, toUserRecord } from './users-repository.js';

/** A post to store: the body defaults to empty and the tags to none. */
export interface NewPost {
  author_id: number;
  title: string;
  body?: string;
  tags?: string[];
}

/** A revision of a post as a client read it: its own and its author's (If-Match). */
export interface PostRevision {
  revision: number;
  authorRevision: number;
}
/** The fields to change; tags, when given, replace the post's tags. */
export type PostChanges = Partial<Pick<NewPost, 'title' | 'body' | 'tags'>>;

export interface PostFilters {
  authorId?: number;
  tag?: string;
}

const postColumns = `posts.id, posts.title, posts.body, posts.created_at, posts.updated_at, posts.revision,
  users.id AS author_id, users.email AS author_email, users.name AS author_name, users.role AS author_role,
  users.created_at AS author_created_at, users.updated_at AS author_updated_at, users.revision AS author_revision`;
const withAuthor = `SELECT ${postColumns} FROM posts JOIN users ON users.id = posts.author_id`;

const toPostRecord = (r: Row, tags: string[]): PostRecord => ({
  id: Number(r.id),
  title: String(r.title),
  body: String(r.body),
  tags,
  author: toUserRecord({
    id: r.author_id,
    email: r.author_email,
    name: r.author_name,
    role: r.author_role,
    created_at: r.author_created_at,
    updated_at: r.author_updated_at,
    revision: r.author_revision,
  }),
  created_at: isoTime(r.created_at),
  updated_at: isoTime(r.updated_at),
  revision: Number(r.revision),
});

const revisionMatch = '(posts.revision = ? AND (SELECT users.revision FROM users WHERE users.id = posts.author_id) = ?)';
/**
 * ` AND (…)` for a write that must find the post at one of these revisions, its author at the
 * paired one (If-Match); the author is read by primary key in the same statement.
 */
const revisionsMatch = (revisions: PostRevision[] | undefined) =>
  revisions === undefined
    ? { sql: '', params: [] }
    : {
        sql: ` AND (${revisions.map(() => revisionMatch).join(' OR ')})`,
        params: revisions.flatMap((r) => [r.revision, r.authorRevision]),
      };

export function postsRepository(db: Knex) {
  const root = sqlOf(db);
  const where = (filters: PostFilters): { clause: string; params: Param[] } => {
    const conditions: string[] = [];
    const params: Param[] = [];
    if (filters.authorId !== undefined) {
      conditions.push('posts.author_id = ?');
      params.push(filters.authorId);
    }
    if (filters.tag !== undefined) {
      conditions.push('EXISTS (SELECT 1 FROM post_tags WHERE post_tags.post_id = posts.id AND post_tags.tag = ?)');
      params.push(filters.tag);
    }
    return { clause: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
  };

  /** One query for the tags of all the posts read, not one per post. */
  async function attachTags(rows: Row[], sql: Sql = root): Promise<PostRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r.id));
    const tagRows = await sql.all<{ post_id: number; tag: string }>(
      `SELECT post_id, tag FROM post_tags WHERE post_id IN (${placeholders(ids.length)}) ORDER BY post_id, position`,
      ids,
    );
    const tagsOf = new Map<number, string[]>(ids.map((id) => [id, []]));
    for (const { post_id, tag } of tagRows) tagsOf.get(Number(post_id))?.push(tag);
    return rows.map((r) => toPostRecord(r, tagsOf.get(Number(r.id)) ?? []));
  }

  async function findById(id: number, sql: Sql = root): Promise<PostRecord | undefined> {
    const row = await sql.one(`${withAuthor} WHERE posts.id = ?`, [id]);
    return row ? (await attachTags([row], sql))[0] : undefined;
  }

  const replaceTags = async (sql: Sql, postId: number, tags: string[]) => {
    await sql.run('DELETE FROM post_tags WHERE post_id = ?', [postId]);
    if (tags.length) {
      await sql.run(
        `INSERT INTO post_tags (post_id, position, tag) VALUES ${tags.map(() => '(?, ?, ?)').join(', ')}`,
        tags.flatMap((tag, position) => [postId, position, tag]),
      );
    }
  };

  return {
    findById: (id: number) => findById(id),

    async findMany(ids: number[]): Promise<PostRecord[]> {
      return ids.length ? attachTags(await root.all(`${withAuthor} WHERE posts.id IN (${placeholders(ids.length)})`, ids)) : [];
    },

    async list(filters: PostFilters, window: Window): Promise<PostRecord[]> {
      const { clause, params } = where(filters);
      const page = windowSql('posts', window, clause !== '');
      return attachTags(await root.all(`${withAuthor} ${clause} ${page.sql}`, [...params, ...page.params]));
    },

    async count(filters: PostFilters): Promise<number> {
      const { clause, params } = where(filters);
      return Number((await root.one<{ count: number }>(`SELECT count(*) AS count FROM posts ${clause}`, params))?.count ?? 0);
    },

    /** Throws the driver's foreign-key violation when author_id names no user. */
    async create(input: NewPost, now: string): Promise<PostRecord> {
      return root.transaction(async (sql) => {
        const row = await sql.one<{ id: number }>(
          'INSERT INTO posts (author_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
          [input.author_id, input.title, input.body ?? '', now, now],
        );
        const id = Number(row?.id);
        await replaceTags(sql, id, input.tags ?? []);
        return (await findById(id, sql)) as PostRecord;
      });
    },

    async exists(id: number): Promise<boolean> {
      return (await root.one('SELECT 1 AS found FROM posts WHERE id = ?', [id])) !== undefined;
    },

    /**
     * With `revisions` (If-Match), only a post at one of them is changed, checked in the UPDATE
     * itself: undefined then means missing or changed since, and the caller tells which.
     */
    async update(id: number, patch: PostChanges, now: string, revisions?: PostRevision[]): Promise<PostRecord | undefined> {
      if (revisions?.length === 0) return undefined;
      const match = revisionsMatch(revisions);
      return root.transaction(async (sql) => {
        const { tags, title, body } = patch;
        const set = Object.entries({ title, body }).filter(([, v]) => v !== undefined);
        const assignments = set.map(([n]) => `${n} = ?, `).join('');
        const changed = await sql.run(
          `UPDATE posts SET ${assignments}updated_at = ${laterThan(sql.engine, 'posts')}, revision = revision + 1 WHERE id = ?${match.sql}`,
          [...set.map(([, v]) => v as Param), now, id, ...match.params],
        );
        if (!changed) return undefined;
        if (tags) await replaceTags(sql, id, tags);
        return findById(id, sql);
      });
    },

    /** With `revisions` (If-Match), only a post at one of them, checked in the DELETE itself. */
    async delete(id: number, revisions?: PostRevision[]): Promise<boolean> {
      if (revisions?.length === 0) return false;
      const match = revisionsMatch(revisions);
      return (await root.run(`DELETE FROM posts WHERE id = ?${match.sql}`, [id, ...match.params])) > 0;
    },
  };
}

export type PostsRepository = ReturnType<typeof postsRepository>;
