import { isUniqueViolation } from '../db/errors.js';
import type { UserRecord } from '../db/records.js';
import type { UserFilters, UsersRepository } from '../db/users-repository.js';
import { emailTaken, preconditionFailed, userNotFound } from './errors.js';
import { newestFirstPosition, paginate, readAll, type Page, type PageRequest } from './paging.js';
import { hashPassword } from './passwords.js';
import { mustAssignRole, mustManageUser, type Actor } from './policy.js';
import { userRevisions, type Expected } from './revisions.js';
import type { TokensService } from './tokens.js';
import type { UserCreate, UserUpdate } from './types.js';

export function usersService(repo: UsersRepository, tokens: TokensService, passwordHashCost: number, now: () => string) {
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
      paginate(
        request,
        (window) => repo.list(filters, window),
        () => repo.count(filters),
        newestFirstPosition,
      ),

    export: (filters: UserFilters): AsyncIterable<UserRecord> => readAll((window) => repo.list(filters, window), newestFirstPosition),

    async get(id: number): Promise<UserRecord> {
      const user = await repo.findById(id);
      if (!user) throw userNotFound(id);
      return user;
    },

    /** Sign-up is public; only an admin's token may give a role. */
    async create({ password, role, ...fields }: UserCreate, actor: Actor | undefined): Promise<UserRecord> {
      mustAssignRole(actor, { role });
      const passwordHash = await hashPassword(password, passwordHashCost);
      return guardEmail(fields.email, () => repo.create({ ...fields, role: role ?? 'user', passwordHash }, now()));
    },

    /** With `expected` (If-Match), only the revision the client read is changed, checked in the UPDATE itself. */
    async update(actor: Actor, id: number, { password, ...changes }: UserUpdate, expected?: Expected): Promise<UserRecord> {
      mustManageUser(actor, id, 'change');
      mustAssignRole(actor, changes);
      const passwordHash = password === undefined ? undefined : await hashPassword(password, passwordHashCost);
      const revisions = userRevisions(expected);
      const user = await guardEmail(changes.email, () => repo.update(id, { ...changes, passwordHash }, now(), revisions));
      if (!user) throw revisions && (await repo.exists(id)) ? preconditionFailed('user') : userNotFound(id);
      if (passwordHash) await tokens.endOtherTokens(id, actor.id === id ? actor.tokenId : undefined);
      return user;
    },

    /**
     * The operator's way to an admin (`npm run create-admin`, ADMIN_EMAIL), outside any policy: a
     * new admin, or, with `takeOver`, an existing user made admin with a new password and no tokens.
     */
    async ensureAdmin({ email, name, password }: { email: string; name: string; password: string }, takeOver: boolean) {
      const existing = await repo.findCredentials(email);
      if (existing && !takeOver) return { user: (await repo.findById(existing.id)) as UserRecord, created: false };
      const passwordHash = await hashPassword(password, passwordHashCost);
      if (!existing) return { user: await repo.create({ email, name, role: 'admin', passwordHash }, now()), created: true };
      const user = (await repo.update(existing.id, { role: 'admin', passwordHash }, now())) as UserRecord;
      await tokens.endOtherTokens(existing.id);
      return { user, created: false };
    },

    /** The user's posts and tokens go with it. */
    async delete(actor: Actor, id: number, expected?: Expected): Promise<void> {
      mustManageUser(actor, id, 'delete');
      const revisions = userRevisions(expected);
      if (!(await repo.delete(id, revisions))) throw revisions && (await repo.exists(id)) ? preconditionFailed('user') : userNotFound(id);
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
