import type { Db } from '../db/knex.js';
import { postsRepository } from '../db/posts-repository.js';
import { searchRepository } from '../db/search-repository.js';
import { tokensRepository } from '../db/tokens-repository.js';
import { usersRepository } from '../db/users-repository.js';
import { postsService } from './posts.js';
import { searchService } from './search.js';
import { tokensService, type TokenSettings } from './tokens.js';
import { usersService } from './users.js';

export interface Services {
  users: ReturnType<typeof usersService>;
  posts: ReturnType<typeof postsService>;
  search: ReturnType<typeof searchService>;
  tokens: ReturnType<typeof tokensService>;
}

export function createServices(db: Db, settings: TokenSettings, now: () => string = () => new Date().toISOString()): Services {
  const users = usersRepository(db);
  const posts = postsRepository(db);
  const tokens = tokensService(users, tokensRepository(db), settings, now);
  return {
    tokens,
    users: usersService(users, tokens, settings.passwordHashCost, now),
    posts: postsService(posts, users, now),
    search: searchService(searchRepository(db), users, posts),
  };
}
