import { forbidden } from './errors.js';
import type { Role } from './types.js';

/** Who makes a request: the user its bearer token acts for, as the user is now. */
export interface Actor {
  id: number;
  role: Role;
  /** The token the request carries, so signing out or a password change can spare or end it. */
  tokenId: number;
}

// Who may do what, in one place: a user manages itself and its own posts, an admin everyone.

export const isAdmin = (actor: Actor | undefined) => actor?.role === 'admin';

export function mustManageUser(actor: Actor, userId: number, verb: 'change' | 'delete') {
  if (actor.id !== userId && !isAdmin(actor)) throw forbidden(`Only an admin may ${verb} another user.`);
}

export function mustManagePost(actor: Actor, authorId: number, verb: 'change' | 'delete') {
  if (actor.id !== authorId && !isAdmin(actor)) throw forbidden(`Only the author or an admin may ${verb} this post.`);
}

export function mustWriteAs(actor: Actor, authorId: number) {
  if (actor.id !== authorId && !isAdmin(actor)) throw forbidden("Only an admin may write a post in another user's name.");
}

/** Mass-assignment guard: a role the caller may not give is refused, not silently dropped. */
export function mustAssignRole(actor: Actor | undefined, fields: { role?: Role }) {
  if (fields.role !== undefined && !isAdmin(actor)) throw forbidden('Only an admin may set a role.');
}
