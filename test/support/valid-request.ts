import { randomUUID } from 'node:crypto';
import type { CallOptions } from './contract-client.js';
import { needsToken, type OperationInfo } from './spec.js';

/** Whose rows a request names and acts with. */
export interface Owner {
  id: number;
  email: string;
  /** Sent where the operation needs a token. */
  token: string;
  /** For createToken. */
  password: string;
}

/**
 * A request the operation serves when nothing is wrong: the owner's user and post, a valid
 * body, and the owner's token where the operation needs one. Sweeps over every operation use
 * it, so only the aspect under test can fail.
 */
export function validRequest(o: OperationInfo, owner: Owner, postId: number): CallOptions {
  const bodies: Record<string, object> = {
    createUser: { email: `${randomUUID()}@example.com`, name: 'Another User', password: 'a password long enough' },
    updateUser: { name: 'Renamed' },
    createPost: { title: 'Another post' },
    updatePost: { title: 'Retitled' },
    createToken: { email: owner.email, password: owner.password },
  };
  return {
    params: { userId: owner.id, postId },
    query: o.operationId === 'search' ? { q: 'ada' } : {},
    body: bodies[o.operationId],
    token: needsToken(o) ? owner.token : undefined,
  };
}
