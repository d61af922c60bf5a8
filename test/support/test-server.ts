import type { AddressInfo } from 'node:net';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/knex.js';
import { migrate } from '../../src/db/migrations.js';
import { createLogger, type Logger } from '../../src/logger.js';

export interface TestServer {
  origin: string;
  db: Db;
  /** Empties every table, so each test arranges its own data on a fresh database. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The real app on a real in-memory SQLite database, listening on an ephemeral port. */
export interface TestServerOptions {
  trustProxy?: boolean | string;
  /** Off unless a test is about limits: the contract tests make more requests than an hour's budget. */
  rateLimits?: Partial<Config['rateLimits']>;
  redis?: Redis;
  rateLimitKey?: (req: Request) => string;
  logger?: Logger;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = createDb('sqlite::memory:');
  await migrate(db);
  const config = {
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy ?? false,
    cursorSecret: 'test-cursor-secret-0123456789',
    rateLimits: { enabled: false, redisUrl: undefined, failMode: 'open' as const, keyPrefix: 'test:', ...options.rateLimits },
  };
  const app = await createApp({ config, db, logger: options.logger ?? createLogger('silent'), redis: options.redis, rateLimitKey: options.rateLimitKey });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    db,
    async reset() {
      await db('post_tags').delete();
      await db('posts').delete();
      await db('users').delete();
      await db('sqlite_sequence').delete();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    },
  };
}
