import { idempotencyRepository } from '../db/idempotency-repository.js';
import type { Db } from '../db/knex.js';
import { postsRepository } from '../db/posts-repository.js';
import { searchRepository } from '../db/search-repository.js';
import { tokensRepository } from '../db/tokens-repository.js';
import { usersRepository } from '../db/users-repository.js';
import { idempotencyService } from './idempotency.js';
import { postsService } from './posts.js';
import { searchService } from './search.js';
import { tokensService } from './tokens.js';
import { usersService } from './users.js';

export interface Services {
  users: ReturnType<typeof usersService>;
  posts: ReturnType<typeof postsService>;
  search: ReturnType<typeof searchService>;
  tokens: ReturnType<typeof tokensService>;
  idempotency: ReturnType<typeof idempotencyService>;
}

/** The auth settings as the config holds them (`config.auth`). */
export interface AuthSettings {
  tokenTtlSeconds: number;
  passwordHashCost: number;
}

/** The one place the services are wired to their repositories: the app, the server and the scripts call it with `config.auth`. */
export function createServices(db: Db, auth: AuthSettings, now: () => string = () => new Date().toISOString()): Services {
  const users = usersRepository(db);
  const posts = postsRepository(db);
  const tokens = tokensService(
    users,
    tokensRepository(db),
    { ttlSeconds: auth.tokenTtlSeconds, passwordHashCost: auth.passwordHashCost },
    now,
  );
  return {
    tokens,
    users: usersService(users, tokens, auth.passwordHashCost, now),
    posts: postsService(posts, users, now),
    search: searchService(searchRepository(db), users, posts),
    idempotency: idempotencyService(idempotencyRepository(db), now),
  };
}
