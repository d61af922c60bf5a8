import type { Knex } from 'knex';
import type { Role, UserCreate, UserUpdate } from '../domain/types.js';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
  created_at: string;
  updated_at: string;
}

export const userColumns = ['id', 'email', 'name', 'role', 'created_at', 'updated_at'] as const;
export const newestFirst = [
  { column: 'created_at', order: 'desc' },
  { column: 'id', order: 'desc' },
] as const;

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
  return {
    async list(limit: number, offset: number): Promise<{ rows: UserRecord[]; total: number }> {
      const [rows, counted] = await Promise.all([
        db('users').select(userColumns).orderBy([...newestFirst]).limit(limit).offset(offset),
        db('users').count({ count: '*' }).first(),
      ]);
      return { rows: rows.map(toUserRecord), total: Number(counted?.count ?? 0) };
    },

    async findById(id: number): Promise<UserRecord | undefined> {
      const row = await db('users').select(userColumns).where({ id }).first();
      return row && toUserRecord(row);
    },

    async exists(id: number): Promise<boolean> {
      return Boolean(await db('users').select('id').where({ id }).first());
    },

    async create(input: UserCreate, now: string): Promise<UserRecord> {
      const [row] = await db('users')
        .insert({ email: input.email, name: input.name, role: input.role ?? 'user', created_at: now, updated_at: now })
        .returning(userColumns);
      return toUserRecord(row);
    },

    async update(id: number, patch: UserUpdate, now: string): Promise<UserRecord | undefined> {
      const [row] = await db('users')
        .where({ id })
        .update({ ...patch, updated_at: now })
        .returning(userColumns);
      return row && toUserRecord(row);
    },

    /** The user's posts go with it (ON DELETE CASCADE). */
    async delete(id: number): Promise<boolean> {
      return (await db('users').where({ id }).delete()) > 0;
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
