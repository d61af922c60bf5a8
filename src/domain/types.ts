// What the services take and give. Both versions' request bodies are assignable to these inputs
// (tsc checks it where the handlers call the services); the records are the data access's own
// (src/db/records.ts), re-exported here for the layers above the domain.
import type { Role } from '../db/records.js';

export type { PostRecord, Role, UserRecord } from '../db/records.js';

export interface UserCreate {
  email: string;
  name: string;
  role?: Role;
  password: string;
}
export type UserUpdate = Partial<UserCreate>;

export interface PostCreate {
  title: string;
  body?: string;
  tags?: string[];
  /** Written as this user: the actor's own id when left out. */
  author_id?: number;
}
export type PostUpdate = Partial<Pick<PostCreate, 'title' | 'body' | 'tags'>>;
