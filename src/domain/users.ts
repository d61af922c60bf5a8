import { isUniqueViolation } from '../db/errors.js';
import type { UserFilters, UserRecord, UsersRepository } from '../db/users-repository.js';
import { emailTaken, userNotFound } from './errors.js';
import { newestFirstPosition, paginate, readAll, type Page, type PageRequest } from './paging.js';
import type { UserCreate, UserUpdate } from './types.js';

export function usersService(repo: UsersRepository, now: () => string) {
  /** A unique-index violation on email is the client's conflict, not our failure. */
  const guardEmail = async <T>(email: string | undefined, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (err) {
      if (email !== undefined && isUniqueViolation(err)) throw emailTaken(email);
      throw err;
    }
  };

  return {
    list: (filters: UserFilters, request: PageRequest): Promise<Page<UserRecord>> =>
      paginate(request, (window) => repo.list(filters, window), () => repo.count(filters), newestFirstPosition),

    export: (filters: UserFilters): AsyncIterable<UserRecord> => readAll((window) => repo.list(filters, window), newestFirstPosition),

    async get(id: number): Promise<UserRecord> {
      const user = await repo.findById(id);
      if (!user) throw userNotFound(id);
      return user;
    },

    create: (input: UserCreate) => guardEmail(input.email, () => repo.create(input, now())),

    async update(id: number, patch: UserUpdate): Promise<UserRecord> {
      const user = await guardEmail(patch.email, () => repo.update(id, patch, now()));
      if (!user) throw userNotFound(id);
      return user;
    },

    async delete(id: number): Promise<void> {
      if (!(await repo.delete(id))) throw userNotFound(id);
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
