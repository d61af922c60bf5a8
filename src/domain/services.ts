import type { Db } from '../db/knex.js';
import { postsRepository } from '../db/posts-repository.js';
import { searchRepository } from '../db/search-repository.js';
import { usersRepository } from '../db/users-repository.js';
import { postsService } from './posts.js';
import { searchService } from './search.js';
import { usersService } from './users.js';

export interface Services {
  users: ReturnType<typeof usersService>;
  posts: ReturnType<typeof postsService>;
  search: ReturnType<typeof searchService>;
}

export function createServices(db: Db, now: () => string = () => new Date().toISOString()): Services {
  const users = usersRepository(db);
  const posts = postsRepository(db);
  return {
    users: usersService(users, now),
    posts: postsService(posts, users, now),
    search: searchService(searchRepository(db), users, posts),
  };
}
