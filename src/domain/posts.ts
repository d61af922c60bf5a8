import { isForeignKeyViolation } from '../db/errors.js';
import type { PostFilters, PostsRepository } from '../db/posts-repository.js';
import type { PostRecord } from '../db/records.js';
import type { UsersRepository } from '../db/users-repository.js';
import { postNotFound, preconditionFailed, userNotFound, validationError } from './errors.js';
import { newestFirstPosition, paginate, readAll, type Page, type PageRequest } from './paging.js';
import { mustManagePost, mustWriteAs, type Actor } from './policy.js';
import { postRevisions, type Expected } from './revisions.js';
import type { PostCreate, PostUpdate } from './types.js';

export function postsService(posts: PostsRepository, users: UsersRepository, now: () => string) {
  const authorMustExist = async (filters: PostFilters) => {
    if (filters.authorId !== undefined && !(await users.exists(filters.authorId))) throw userNotFound(filters.authorId);
  };

  /** The post, if the actor may change or delete it: 404 before 403, since posts are public. */
  const managed = async (actor: Actor, id: number, verb: 'change' | 'delete') => {
    const post = await posts.findById(id);
    if (!post) throw postNotFound(id);
    mustManagePost(actor, post.author.id, verb);
    return post;
  };

  return {
    async list(filters: PostFilters, request: PageRequest): Promise<Page<PostRecord>> {
      await authorMustExist(filters);
      return paginate(
        request,
        (window) => posts.list(filters, window),
        () => posts.count(filters),
        newestFirstPosition,
      );
    },

    async export(filters: PostFilters): Promise<AsyncIterable<PostRecord>> {
      await authorMustExist(filters);
      return readAll((window) => posts.list(filters, window), newestFirstPosition);
    },

    async get(id: number): Promise<PostRecord> {
      const post = await posts.findById(id);
      if (!post) throw postNotFound(id);
      return post;
    },

    /** Written by the actor, or by the user an admin names. */
    async create(actor: Actor, { author_id: authorId = actor.id, ...fields }: PostCreate): Promise<PostRecord> {
      mustWriteAs(actor, authorId);
      try {
        return await posts.create({ ...fields, author_id: authorId }, now());
      } catch (err) {
        // The foreign key is the one check that cannot race with a concurrent deleteUser.
        if (isForeignKeyViolation(err)) throw validationError({ author_id: [`no user has id ${authorId}`] });
        throw err;
      }
    },

    /** With `expected` (If-Match), only the revision the client read is changed, checked in the UPDATE itself. */
    async update(actor: Actor, id: number, patch: PostUpdate, expected?: Expected): Promise<PostRecord> {
      await managed(actor, id, 'change');
      const revisions = postRevisions(expected);
      const post = await posts.update(id, patch, now(), revisions);
      if (!post) throw revisions && (await posts.exists(id)) ? preconditionFailed('post') : postNotFound(id);
      return post;
    },

    async delete(actor: Actor, id: number, expected?: Expected): Promise<void> {
      await managed(actor, id, 'delete');
      const revisions = postRevisions(expected);
      if (!(await posts.delete(id, revisions))) throw revisions && (await posts.exists(id)) ? preconditionFailed('post') : postNotFound(id);
    },
  };
}

export type PostsService = ReturnType<typeof postsService>;
