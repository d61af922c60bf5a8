import { createHash, randomBytes } from 'node:crypto';
import type { TokensRepository } from '../db/tokens-repository.js';
import type { UserRecord } from '../db/records.js';
import type { UsersRepository } from '../db/users-repository.js';
import { invalidCredentials, unauthorized } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Actor } from './policy.js';

export interface TokenSettings {
  ttlSeconds: number;
  passwordHashCost: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: string;
  user: UserRecord;
}

// 32 random bytes as base64url behind a prefix, so a leaked token is recognisable in logs and
// secret scanners; the prefix and length let malformed tokens be refused without a query.
const tokenPrefix = 'upa_';
const tokenPattern = /^upa_[A-Za-z0-9_-]{43}$/;
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export function tokensService(users: UsersRepository, tokens: TokensRepository, settings: TokenSettings, now: () => string) {
  // Unknown emails are checked against a hash of the same cost, so both answers take as long. Made
  // at once (off the event loop), so not even the first unknown email pays for making it.
  const decoy = hashPassword(randomBytes(16).toString('hex'), settings.passwordHashCost);

  return {
    async signIn(email: string, password: string): Promise<IssuedToken> {
      const credentials = await users.findCredentials(email);
      const matches = await verifyPassword(password, credentials?.passwordHash ?? (await decoy));
      if (!credentials?.passwordHash || !matches) throw invalidCredentials();
      const user = await users.findById(credentials.id);
      if (!user) throw invalidCredentials(); // deleted in between
      const createdAt = now();
      const expiresAt = new Date(Date.parse(createdAt) + settings.ttlSeconds * 1000).toISOString();
      const token = `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
      await tokens.deleteExpired(user.id, createdAt);
      await tokens.create({ userId: user.id, tokenHash: digest(token), createdAt, expiresAt });
      return { token, expiresAt, user };
    },

    /** The actor a bearer token stands for; 401 for anything but a live token. */
    async authenticate(token: string): Promise<Actor> {
      const found = tokenPattern.test(token) ? await tokens.findActive(digest(token), now()) : undefined;
      if (!found) throw unauthorized('The bearer token is unknown, expired or malformed.', true);
      return { id: found.user.id, role: found.user.role, tokenId: found.tokenId };
    },

    async signOut(actor: Actor): Promise<void> {
      await tokens.delete(actor.tokenId);
    },

    /** Ends the user's other tokens after a password change: whoever had the old one is out. */
    endOtherTokens: (userId: number, keepTokenId?: number) => tokens.deleteForUser(userId, keepTokenId),
  };
}

export type TokensService = ReturnType<typeof tokensService>;
