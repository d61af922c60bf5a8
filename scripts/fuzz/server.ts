// The server the fuzzer talks to by default: the real app in this process, on a fresh SQLite
// database in memory, with rate limits off (a fuzzer spends a day's quota in seconds) and the
// cheapest password hash cost the config allows (it signs up many users).
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import { createDb } from '../../src/db/knex.js';
import { migrate } from '../../src/db/migrations.js';
import { createLogger } from '../../src/logger.js';

export interface InProcessServer {
  origin: string;
  close(): Promise<void>;
}

export async function startInProcessServer(): Promise<InProcessServer> {
  const db = createDb('sqlite::memory:');
  await migrate(db);
  const config = {
    bodyLimit: 1_048_576,
    trustProxy: false,
    cursorSecret: 'fuzz-cursor-secret-0123456789',
    // The fuzzer checks every response itself, as a client would see it in production.
    validateResponses: 'off' as const,
    rateLimits: { enabled: false, redisUrl: undefined, failMode: 'open' as const, keyPrefix: 'fuzz:' },
    auth: { tokenTtlSeconds: 3600, passwordHashCost: 10 },
    corsOrigins: [],
  };
  const server = createApp({ config, db, logger: createLogger('silent') }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    },
  };
}
