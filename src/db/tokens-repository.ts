import type { Knex } from 'knex';
import { toUserRecord, type UserRecord } from './users-repository.js';

export interface TokenRow {
  userId: number;
  /** SHA-256 of the token, hex; the token itself is never stored. */
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
}

export function tokensRepository(db: Knex) {
  return {
    async create(token: TokenRow): Promise<number> {
      const [row] = await db('tokens')
        .insert({ user_id: token.userId, token_hash: token.tokenHash, created_at: token.createdAt, expires_at: token.expiresAt })
        .returning('id');
      return Number(row.id);
    },

    /** The unexpired token with this digest and its user, as the user is now (role included). */
    async findActive(tokenHash: string, now: string): Promise<{ tokenId: number; user: UserRecord } | undefined> {
      const row = await db('tokens')
        .join('users', 'users.id', 'tokens.user_id')
        .select('tokens.id as token_id', 'users.id', 'users.email', 'users.name', 'users.role', 'users.created_at', 'users.updated_at')
        .where('tokens.token_hash', tokenHash)
        .andWhere('tokens.expires_at', '>', now)
        .first();
      return row && { tokenId: Number(row.token_id), user: toUserRecord(row) };
    },

    async delete(id: number): Promise<boolean> {
      return (await db('tokens').where({ id }).delete()) > 0;
    },

    /** Ends every token of the user but one (the token in use, when it changes its password). */
    async deleteForUser(userId: number, exceptId?: number): Promise<number> {
      const q = db('tokens').where({ user_id: userId });
      if (exceptId !== undefined) q.whereNot({ id: exceptId });
      return q.delete();
    },

    /** Expired tokens answer nothing; this only keeps the table small. */
    async deleteExpired(userId: number, now: string): Promise<number> {
      return db('tokens').where({ user_id: userId }).andWhere('expires_at', '<=', now).delete();
    },
  };
}

export type TokensRepository = ReturnType<typeof tokensRepository>;
