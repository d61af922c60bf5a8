import type { IssuedToken } from '../domain/tokens.js';

/** A freshly issued token with its user, rendered as the version renders users (both versions). */
export const toToken = <U>(issued: IssuedToken, user: U) => ({
  token: issued.token,
  token_type: 'Bearer' as const,
  expires_at: issued.expiresAt,
  user,
});
