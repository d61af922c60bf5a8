import type { Knex } from 'knex';
import { windowSql, type Window } from './keyset.js';
import { sqlOf } from './knex.js';
import type { Role, UserRecord } from './records.js';
import { placeholders, type Param } from './sql.js';

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

const columns = 'id, email, name, role, created_at, updated_at, revision';
const userColumns = 'users.id, users.email, users.name, users.role, users.created_at, users.updated_at, users.revision';

/** SQLite hands back the ISO strings it was given; PostgreSQL hands back Dates. */
export const isoTime = (value: unknown): string =>
  typeof value === 'string' && value.length === 24 && value.endsWith('Z') ? value : new Date(value as string).toISOString();

/** Rows come back as the driver gives them: strings from SQLite, Dates from PostgreSQL. */
export function toUserRecord(row: Record<string, unknown>): UserRecord {
  return {
    id: Number(row.id),
    email: String(row.email),
    name: String(row.name),
    role: row.role as Role,
    created_at: isoTime(row.created_at),
    updated_at: isoTime(row.updated_at),
    revision: Number(row.revision),
  };
}

/**
 * ` AND revision IN (?, …)` for a write that must find one of these revisions (If-Match),
 * nothing for one that need not; the check is part of the write's own statement.
 */
/**
 * `updated_at` of a write: now, or a millisecond after the last write when the clock has not
 * moved on (two writes in one millisecond, or a clock set back), so it changes on every write.
 */
export const laterThan = (engine: 'sqlite' | 'postgres', table: string) =>
  engine === 'postgres'
    ? `GREATEST(CAST(? AS timestamptz), ${table}.updated_at + interval '1 millisecond')`
    : `max(?, strftime('%Y-%m-%dT%H:%M:%fZ', ${table}.updated_at, '+0.001 seconds'))`;

export const revisionIn = (revisions: number[] | undefined, column = 'revision') =>
  revisions === undefined ? '' : ` AND ${column} IN (${placeholders(revisions.length)})`;

export function usersRepository(db: Knex) {
  const sql = sqlOf(db);
  const where = (filters: UserFilters): { clause: string; params: Param[] } =>
    filters.role ? { clause: 'WHERE users.role = ?', params: [filters.role] } : { clause: '', params: [] };

  return {
    async list(filters: UserFilters, window: Window): Promise<UserRecord[]> {
      const { clause, params } = where(filters);
      const page = windowSql('users', window, clause !== '');
      const rows = await sql.all(`SELECT ${userColumns} FROM users ${clause} ${page.sql}`, [...params, ...page.params]);
      return rows.map(toUserRecord);
    },

    async count(filters: UserFilters): Promise<number> {
      const { clause, params } = where(filters);
      return Number((await sql.one<{ count: number }>(`SELECT count(*) AS count FROM users ${clause}`, params))?.count ?? 0);
    },

    async findById(id: number): Promise<UserRecord | undefined> {
      const row = await sql.one(`SELECT ${columns} FROM users WHERE id = ?`, [id]);
      return row && toUserRecord(row);
    },

    async findMany(ids: number[]): Promise<UserRecord[]> {
      return ids.length
        ? (await sql.all(`SELECT ${columns} FROM users WHERE id IN (${placeholders(ids.length)})`, ids)).map(toUserRecord)
        : [];
    },

    async exists(id: number): Promise<boolean> {
      return (await sql.one('SELECT 1 AS found FROM users WHERE id = ?', [id])) !== undefined;
    },

    /** The id and password hash of the user with this email, whatever its letter case. */
    async findCredentials(email: string): Promise<{ id: number; passwordHash: string | null } | undefined> {
      const row = await sql.one<{ id: number; password_hash: string | null }>(
        'SELECT id, password_hash FROM users WHERE lower(email) = lower(?)',
        [email],
      );
      return row && { id: Number(row.id), passwordHash: row.password_hash ?? null };
    },

    async create({ passwordHash, email, name, role }: NewUser, now: string): Promise<UserRecord> {
      const row = await sql.one(
        `INSERT INTO users (email, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING ${columns}`,
        [email, name, role, passwordHash, now, now],
      );
      return toUserRecord(row as Record<string, unknown>);
    },

    /**
     * With `revisions` (If-Match), only a user at one of them is changed, in the same statement:
     * undefined then means missing or changed since, and the caller tells which.
     */
    async update(
      id: number,
      { passwordHash, ...changes }: UserChanges,
      now: string,
      revisions?: number[],
    ): Promise<UserRecord | undefined> {
      if (revisions?.length === 0) return undefined;
      const set = { ...changes, ...(passwordHash === undefined ? {} : { password_hash: passwordHash }) };
      const names = Object.keys(set).filter((k) => writable.has(k) && set[k as keyof typeof set] !== undefined);
      const row = await sql.one(
        `UPDATE users SET ${names.map((n) => `${n} = ?, `).join('')}updated_at = ${laterThan(sql.engine, 'users')}, revision = revision + 1
         WHERE id = ?${revisionIn(revisions)} RETURNING ${columns}`,
        [...names.map((n) => set[n as keyof typeof set] as Param), now, id, ...(revisions ?? [])],
      );
      return row && toUserRecord(row);
    },

    /** The user's posts go with it (ON DELETE CASCADE). With `revisions` (If-Match), only at one of them. */
    async delete(id: number, revisions?: number[]): Promise<boolean> {
      if (revisions?.length === 0) return false;
      return (await sql.run(`DELETE FROM users WHERE id = ?${revisionIn(revisions)}`, [id, ...(revisions ?? [])])) > 0;
    },
  };
}

// Column names are never taken from input: only these may appear in an UPDATE.
const writable = new Set(['email', 'name', 'role', 'password_hash']);

export type UsersRepository = ReturnType<typeof usersRepository>;
