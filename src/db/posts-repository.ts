import type { Knex } from 'knex';
import type { Window } from '../domain/paging.js';
import type { PostCreate, PostUpdate } from '../domain/types.js';
import { applyWindow } from './keyset.js';
import { toUserRecord, type UserRecord } from './users-repository.js';

export interface PostRecord {
  id: number;
  title: string;
  body: string;
  tags: string[];
  author: UserRecord;
  created_at: string;
  updated_at: string;
}

export interface PostFilters {
  authorId?: number;
  tag?: string;
}

const postColumns = [
  'posts.id',
  'posts.title',
  'posts.body',
  'posts.created_at',
  'posts.updated_at',
  'users.id as author_id',
  'users.email as author_email',
  'users.name as author_name',
  'users.role as author_role',
  'users.created_at as author_created_at',
  'users.updated_at as author_updated_at',
];

export function postsRepository(db: Knex) {
  const filtered = (filters: PostFilters, q: Knex = db) => {
    const query = q('posts');
    if (filters.authorId !== undefined) query.where('posts.author_id', filters.authorId);
    if (filters.tag !== undefined) {
      query.whereExists((sub) => sub.select(db.raw('1')).from('post_tags').whereRaw('post_tags.post_id = posts.id').andWhere('post_tags.tag', filters.tag as string));
    }
    return query;
  };
  const withAuthor = (query: Knex.QueryBuilder) => query.join('users', 'users.id', 'posts.author_id').select(postColumns);

  /** One query for the tags of all the posts read, not one per post. */
  async function attachTags(rows: Record<string, unknown>[], q: Knex = db): Promise<PostRecord[]> {
    const ids = rows.map((r) => Number(r.id));
    const tagRows: { post_id: number; tag: string }[] = ids.length
      ? await q('post_tags').select('post_id', 'tag').whereIn('post_id', ids).orderBy(['post_id', 'position'])
      : [];
    const tagsOf = new Map<number, string[]>(ids.map((id) => [id, []]));
    for (const { post_id, tag } of tagRows) tagsOf.get(Number(post_id))?.push(tag);
    return rows.map((r) => ({
      id: Number(r.id),
      title: String(r.title),
      body: String(r.body),
      tags: tagsOf.get(Number(r.id)) ?? [],
      author: toUserRecord({
        id: r.author_id,
        email: r.author_email,
        name: r.author_name,
        role: r.author_role,
        created_at: r.author_created_at,
        updated_at: r.author_updated_at,
      }),
      created_at: new Date(r.created_at as string).toISOString(),
      updated_at: new Date(r.updated_at as string).toISOString(),
    }));
  }

  async function findById(id: number, q: Knex = db): Promise<PostRecord | undefined> {
    const row = await withAuthor(q('posts')).where('posts.id', id).first();
    return row ? (await attachTags([row], q))[0] : undefined;
  }

  const replaceTags = async (trx: Knex, postId: number, tags: string[]) => {
    await trx('post_tags').where({ post_id: postId }).delete();
    if (tags.length) await trx('post_tags').insert(tags.map((tag, position) => ({ post_id: postId, position, tag })));
  };

  return {
    findById: (id: number) => findById(id),

    async findMany(ids: number[]): Promise<PostRecord[]> {
      return ids.length ? attachTags(await withAuthor(db('posts')).whereIn('posts.id', ids)) : [];
    },

    async list(filters: PostFilters, window: Window): Promise<PostRecord[]> {
      return attachTags(await applyWindow(withAuthor(filtered(filters)), 'posts', window));
    },

    async count(filters: PostFilters): Promise<number> {
      const counted = await filtered(filters).count({ count: '*' }).first();
      return Number(counted?.count ?? 0);
    },

    /** Throws the driver's foreign-key violation when author_id names no user. */
    async create(input: PostCreate & { author_id: number }, now: string): Promise<PostRecord> {
      return db.transaction(async (trx) => {
        const [row] = await trx('posts')
          .insert({ author_id: input.author_id, title: input.title, body: input.body ?? '', created_at: now, updated_at: now })
          .returning('id');
        const id = Number(row.id);
        await replaceTags(trx, id, input.tags ?? []);
        return (await findById(id, trx)) as PostRecord;
      });
    },

    async update(id: number, patch: PostUpdate, now: string): Promise<PostRecord | undefined> {
      return db.transaction(async (trx) => {
        const { tags, ...fields } = patch;
        const changed = await trx('posts')
          .where({ id })
          .update({ ...fields, updated_at: now });
        if (!changed) return undefined;
        if (tags) await replaceTags(trx, id, tags);
        return findById(id, trx);
      });
    },

    async delete(id: number): Promise<boolean> {
      return (await db('posts').where({ id }).delete()) > 0;
    },
  };
}

export type PostsRepository = ReturnType<typeof postsRepository>;
