import type { Db } from '../db/knex.js';
import { postsRepository } from '../db/posts-repository.js';
import { usersRepository } from '../db/users-repository.js';
import { postsService } from './posts.js';
import { usersService } from './users.js';

export interface Services {
  users: ReturnType<typeof usersService>;
  posts: ReturnType<typeof postsService>;
}

export function createServices(db: Db, now: () => string = () => new Date().toISOString()): Services {
  const users = usersRepository(db);
  return { users: usersService(users, now), posts: postsService(postsRepository(db), users, now) };
}
