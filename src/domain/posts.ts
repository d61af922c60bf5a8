import { isForeignKeyViolation } from '../db/errors.js';
import type { PostFilters, PostRecord, PostsRepository } from '../db/posts-repository.js';
import type { UsersRepository } from '../db/users-repository.js';
import { postNotFound, userNotFound, validationError } from './errors.js';
import { newestFirstPosition, paginate, readAll, type Page, type PageRequest } from './paging.js';
import type { PostCreate, PostUpdate } from './types.js';

export function postsService(posts: PostsRepository, users: UsersRepository, now: () => string) {
  const authorMustExist = async (filters: PostFilters) => {
    if (filters.authorId !== undefined && !(await users.exists(filters.authorId))) throw userNotFound(filters.authorId);
  };

  return {
    async list(filters: PostFilters, request: PageRequest): Promise<Page<PostRecord>> {
      await authorMustExist(filters);
      return paginate(request, (window) => posts.list(filters, window), () => posts.count(filters), newestFirstPosition);
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

    async create(input: PostCreate): Promise<PostRecord> {
      try {
        return await posts.create(input, now());
      } catch (err) {
        // The foreign key is the one check that cannot race with a concurrent deleteUser.
        if (isForeignKeyViolation(err)) throw validationError({ author_id: [`no user has id ${input.author_id}`] });
        throw err;
      }
    },

    async update(id: number, patch: PostUpdate): Promise<PostRecord> {
      const post = await posts.update(id, patch, now());
      if (!post) throw postNotFound(id);
      return post;
    },

    async delete(id: number): Promise<void> {
      if (!(await posts.delete(id))) throw postNotFound(id);
    },
  };
}

export type PostsService = ReturnType<typeof postsService>;
