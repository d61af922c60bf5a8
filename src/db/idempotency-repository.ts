import type { Knex } from 'knex';
import { sqlOf } from './knex.js';

/** One Idempotency-Key of one client: claimed (status null) while its first request runs, then the saved answer. */
export interface IdempotencyRecord {
  /** Whose key: `user:<id>`, or the client address of an anonymous request. */
  scope: string;
  /** SHA-256 of the key, hex; the key itself is never stored. */
  keyHash: string;
  /** SHA-256 of the method, path and canonical body the key was first used with. */
  requestHash: string;
  /** A random id of the claim, so only the request that holds it completes or releases it. */
  owner: string;
  /** The saved answer's status; null while the first request is in flight. */
  status: number | null;
  /** The saved answer, encrypted; null while in flight. */
  response: string | null;
  createdAt: string;
  /** Until when an in-flight claim holds; past it, the claim of a crashed process may be taken over. */
  lockedUntil: string;
  expiresAt: string;
}

const columns = 'scope, key_hash, request_hash, owner, status, response, created_at, locked_until, expires_at';

const toRecord = (row: Record<string, unknown>): IdempotencyRecord => ({
  scope: String(row.scope),
  keyHash: String(row.key_hash),
  requestHash: String(row.request_hash),
  owner: String(row.owner),
  status: row.status === null ? null : Number(row.status),
  response: row.response === null ? null : String(row.response),
  createdAt: new Date(row.created_at as string).toISOString(),
  lockedUntil: new Date(row.locked_until as string).toISOString(),
  expiresAt: new Date(row.expires_at as string).toISOString(),
});

export function idempotencyRepository(db: Knex) {
  const sql = sqlOf(db);
  return {
    /**
     * Claims the key: insert first, so of any number of requests racing for one key, in any
     * number of processes, exactly one inserts the row. Resolves true for that one.
     */
    async claim(record: Omit<IdempotencyRecord, 'status' | 'response'>): Promise<boolean> {
      const changed = await sql.run(
        `INSERT INTO idempotency_keys (scope, key_hash, request_hash, owner, created_at, locked_until, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, key_hash) DO NOTHING`,
        [record.scope, record.keyHash, record.requestHash, record.owner, record.createdAt, record.lockedUntil, record.expiresAt],
      );
      return changed > 0;
    },

    async find(scope: string, keyHash: string): Promise<IdempotencyRecord | undefined> {
      const row = await sql.one(`SELECT ${columns} FROM idempotency_keys WHERE scope = ? AND key_hash = ?`, [scope, keyHash]);
      return row && toRecord(row);
    },

    /**
     * Claims a key whose row is expired, or in flight past its lock (a crashed process): one
     * conditional update, so of two requests taking it over only one changes the row.
     */
    async takeOver(record: Omit<IdempotencyRecord, 'status' | 'response'>, now: string): Promise<boolean> {
      const changed = await sql.run(
        `UPDATE idempotency_keys SET request_hash = ?, owner = ?, status = NULL, response = NULL, ` +
          `created_at = ?, locked_until = ?, expires_at = ?
         WHERE scope = ? AND key_hash = ? AND (expires_at <= ? OR (status IS NULL AND locked_until <= ?))`,
        [record.requestHash, record.owner, record.createdAt, record.lockedUntil, record.expiresAt, record.scope, record.keyHash, now, now],
      );
      return changed > 0;
    },

    /** Saves the answer of the claim's request; false when the claim is no longer this owner's. */
    async complete(scope: string, keyHash: string, owner: string, status: number, response: string): Promise<boolean> {
      const changed = await sql.run(
        'UPDATE idempotency_keys SET status = ?, response = ? WHERE scope = ? AND key_hash = ? AND owner = ? AND status IS NULL',
        [status, response, scope, keyHash, owner],
      );
      return changed > 0;
    },

    /** Gives the key up (the request failed on our side), so a retry runs again. */
    async release(scope: string, keyHash: string, owner: string): Promise<boolean> {
      return (
        (await sql.run('DELETE FROM idempotency_keys WHERE scope = ? AND key_hash = ? AND owner = ? AND status IS NULL', [
          scope,
          keyHash,
          owner,
        ])) > 0
      );
    },

    /** Deletes every key past its 24 hours; resolves to how many. */
    async deleteExpired(now: string): Promise<number> {
      return sql.run('DELETE FROM idempotency_keys WHERE expires_at <= ?', [now]);
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof idempotencyRepository>;
