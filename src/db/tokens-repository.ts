import type { Knex } from 'knex';
import { sqlOf } from './knex.js';
import type { UserRecord } from './records.js';
import { toUserRecord } from './users-repository.js';

export interface TokenRow {
  userId: number;
  /** SHA-256 of the token, hex; the token itself is never stored. */
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
}

export function tokensRepository(db: Knex) {
  const sql = sqlOf(db);
  return {
    async create(token: TokenRow): Promise<number> {
      const row = await sql.one<{ id: number }>(
        'INSERT INTO tokens (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?) RETURNING id',
        [token.userId, token.tokenHash, token.createdAt, token.expiresAt],
      );
      return Number(row?.id);
    },

    /** The unexpired token with this digest and its user, as the user is now (role included). */
    async findActive(tokenHash: string, now: string): Promise<{ tokenId: number; user: UserRecord } | undefined> {
      const row = await sql.one(
        `SELECT tokens.id AS token_id, users.id, users.email, users.name, users.role, users.created_at, users.updated_at, users.revision
         FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.token_hash = ? AND tokens.expires_at > ?`,
        [tokenHash, now],
      );
      return row && { tokenId: Number(row.token_id), user: toUserRecord(row) };
    },

    async delete(id: number): Promise<boolean> {
      return (await sql.run('DELETE FROM tokens WHERE id = ?', [id])) > 0;
    },

    /** Ends every token of the user but one (the token in use, when it changes its password). */
    async deleteForUser(userId: number, exceptId?: number): Promise<number> {
      return exceptId === undefined
        ? sql.run('DELETE FROM tokens WHERE user_id = ?', [userId])
        : sql.run('DELETE FROM tokens WHERE user_id = ? AND id <> ?', [userId, exceptId]);
    },

    /** Expired tokens answer nothing; this only keeps the table small. */
    async deleteExpired(userId: number, now: string): Promise<number> {
      return sql.run('DELETE FROM tokens WHERE user_id = ? AND expires_at <= ?', [userId, now]);
    },
  };
}

export type TokensRepository = ReturnType<typeof tokensRepository>;
