import type { Knex } from 'knex';
import type { Window } from '../domain/paging.js';
import type { Role } from '../domain/types.js';
import { applyWindow } from './keyset.js';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
  created_at: string;
  updated_at: string;
}

/** A user as stored: the password only as its hash (null: the user cannot sign in). */
export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
}
export type UserChanges = Partial<NewUser>;

export interface UserFilters {
  role?: Role;
}

const fields = ['id', 'email', 'name', 'role', 'created_at', 'updated_at'];
const userColumns = fields.map((c) => `users.${c}`);

/** Rows come back as the driver gives them: strings from SQLite, Dates from PostgreSQL. */
export function toUserRecord(row: Record<string, unknown>): UserRecord {
  return {
    id: Number(row.id),
    email: String(row.email),
    name: String(row.name),
    role: row.role as Role,
    created_at: new Date(row.created_at as string).toISOString(),
    updated_at: new Date(row.updated_at as string).toISOString(),
  };
}

export function usersRepository(db: Knex) {
  const filtered = (filters: UserFilters) => {
    const q = db('users');
    if (filters.role) q.where('users.role', filters.role);
    return q;
  };

  return {
    async list(filters: UserFilters, window: Window): Promise<UserRecord[]> {
      const rows = await applyWindow(filtered(filters).select(userColumns), 'users', window);
      return rows.map(toUserRecord);
    },

    async count(filters: UserFilters): Promise<number> {
      const counted = await filtered(filters).count({ count: '*' }).first();
      return Number(counted?.count ?? 0);
    },

    async findById(id: number): Promise<UserRecord | undefined> {
      const row = await db('users').select(userColumns).where({ id }).first();
      return row && toUserRecord(row);
    },

    async findMany(ids: number[]): Promise<UserRecord[]> {
      return ids.length ? (await db('users').select(userColumns).whereIn('id', ids)).map(toUserRecord) : [];
    },

    async exists(id: number): Promise<boolean> {
      return Boolean(await db('users').select('id').where({ id }).first());
    },

    /** The id and password hash of the user with this email, whatever its letter case. */
    async findCredentials(email: string): Promise<{ id: number; passwordHash: string | null } | undefined> {
      const row = await db('users').select('id', 'password_hash').whereRaw('lower(email) = lower(?)', [email]).first();
      return row && { id: Number(row.id), passwordHash: row.password_hash ?? null };
    },

    async create({ passwordHash, ...user }: NewUser, now: string): Promise<UserRecord> {
      const [row] = await db('users')
        .insert({ ...user, password_hash: passwordHash, created_at: now, updated_at: now })
        .returning(fields);
      return toUserRecord(row);
    },

    async update(id: number, { passwordHash, ...changes }: UserChanges, now: string): Promise<UserRecord | undefined> {
      const [row] = await db('users')
        .where({ id })
        .update({ ...changes, ...(passwordHash === undefined ? {} : { password_hash: passwordHash }), updated_at: now })
        .returning(fields);
      return row && toUserRecord(row);
    },

    /** The user's posts go with it (ON DELETE CASCADE). */
    async delete(id: number): Promise<boolean> {
      return (await db('users').where({ id }).delete()) > 0;
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
