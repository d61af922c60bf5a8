import { ApiError, unauthorized } from '../domain/errors.js';
import type { Actor } from '../domain/policy.js';
import type { TokensService } from '../domain/tokens.js';

/** What an operation's `security` asks of a bearer token, as `npm run generate` reads it. */
export type AuthRule = 'none' | 'optional' | 'required';

const bearer = /^Bearer +([^\s]+) *$/i;

/**
 * The actor of the request, or the 401 to answer with. A token is checked wherever the
 * operation's security names bearerAuth, also where it is optional: a bad token is refused,
 * never ignored. The error is returned, not thrown, so the request still counts against its
 * rate limit before it is refused.
 */
export async function authenticate(
  rule: AuthRule,
  header: string | undefined,
  tokens: TokensService,
): Promise<{ actor?: Actor; error?: ApiError }> {
  if (rule === 'none') return {};
  if (header === undefined) return rule === 'required' ? { error: unauthorized('This operation needs a bearer token.', false) } : {};
  const token = bearer.exec(header)?.[1];
  if (token === undefined) return { error: unauthorized('The Authorization header must be "Bearer <token>".', true) };
  try {
    return { actor: await tokens.authenticate(token) };
  } catch (err) {
    if (err instanceof ApiError) return { error: err };
    throw err;
  }
}
