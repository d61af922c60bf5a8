import { isForeignKeyViolation } from '../db/errors.js';
import type { PostRecord, PostsRepository } from '../db/posts-repository.js';
import type { UsersRepository } from '../db/users-repository.js';
import { postNotFound, userNotFound, validationError } from './errors.js';
import type { Page, PageRequest } from './paging.js';
import type { PostCreate, PostUpdate } from './types.js';

export function postsService(posts: PostsRepository, users: UsersRepository, now: () => string) {
  const listPage = async ({ page, perPage }: PageRequest, authorId?: number): Promise<Page<PostRecord>> => {
    const { rows, total } = await posts.list(perPage, (page - 1) * perPage, authorId);
    return { items: rows, total, page, perPage };
  };

  return {
    list: (paging: PageRequest) => listPage(paging),

    async listByAuthor(userId: number, paging: PageRequest): Promise<Page<PostRecord>> {
      if (!(await users.exists(userId))) throw userNotFound(userId);
      return listPage(paging, userId);
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
