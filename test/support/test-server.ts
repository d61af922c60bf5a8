import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/knex.js';
import { migrate } from '../../src/db/migrations.js';
import { clearAll } from '../../src/db/seed.js';
import { createLogger, type Logger } from '../../src/logger.js';

export interface TestServer {
  origin: string;
  db: Db;
  /** How many rows a table holds, as a number on both engines. */
  count(table: string): Promise<number>;
  /** Empties every table, so each test arranges its own data on a fresh database. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Which engine the suite runs on: the `postgres` vitest project sets TEST_DB. */
export const testEngine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh database for one test server: SQLite in memory, or a schema of its own in the
 * PostgreSQL database of TEST_POSTGRES_URL, so parallel test files never meet.
 */
async function freshDatabase(): Promise<{ db: Db; drop(): Promise<void> }> {
  if (testEngine === 'sqlite') return { db: createDb('sqlite::memory:'), drop: async () => {} };
  const url = process.env.TEST_POSTGRES_URL as string;
  const schema = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = createDb(url);
  await admin.raw(`CREATE SCHEMA ${schema}`);
  return {
    db: createDb(url, { schema, poolMax: 4 }),
    async drop() {
      await admin.raw(`DROP SCHEMA ${schema} CASCADE`);
      await admin.destroy();
    },
  };
}

export interface TestServerOptions {
  trustProxy?: boolean | string;
  /** Off unless a test is about limits: the contract tests make more requests than an hour's budget. */
  rateLimits?: Partial<Config['rateLimits']>;
  redis?: Redis;
  rateLimitKey?: (req: Request) => string;
  logger?: Logger;
  corsOrigins?: string[];
  tokenTtlSeconds?: number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { db, drop } = await freshDatabase();
  await migrate(db);
  const config = {
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy ?? false,
    cursorSecret: 'test-cursor-secret-0123456789',
    // The server checks its own answers too: a response that breaks the spec becomes a 500.
    validateResponses: 'fail' as const,
    rateLimits: { enabled: false, redisUrl: undefined, failMode: 'open' as const, keyPrefix: 'test:', ...options.rateLimits },
    // The cheapest scrypt cost the config allows: tests sign up hundreds of users. Hashes carry their cost.
    auth: { tokenTtlSeconds: options.tokenTtlSeconds ?? 3600, passwordHashCost: 10 },
    corsOrigins: options.corsOrigins ?? [],
  };
  const app = createApp({
    config,
    db,
    logger: options.logger ?? createLogger('silent'),
    redis: options.redis,
    rateLimitKey: options.rateLimitKey,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    db,
    count: async (table) => Number((await db(table).count({ n: '*' }).first())?.n ?? 0),
    async reset() {
      if (testEngine === 'postgres') {
        await db.raw('TRUNCATE idempotency_keys, tokens, post_tags, posts, users, search_index RESTART IDENTITY CASCADE');
        return;
      }
      await clearAll(db);
      await db('sqlite_sequence').delete();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
      await drop();
    },
  };
}
