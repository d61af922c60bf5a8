import type { Server } from 'node:http';
import { once } from 'node:events';
import { setTimeout } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createDb } from './db/knex.js';
import { migrate } from './db/migrations.js';
import { seedDemoData } from './db/seed.js';
import { createLogger } from './logger.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = createDb(config.databaseUrl);
  const fresh = (await migrate(db)) > 0 && !(await db('users').first());
  if (fresh && config.seedDemoData) {
    const seeded = await seedDemoData(db);
    logger.info(seeded, 'seeded a fresh database with demo data');
  }
  // No offline queue: while Redis is away a limit check fails at once instead of hanging the request.
  const redis = config.rateLimits.enabled && config.rateLimits.redisUrl
    ? new Redis(config.rateLimits.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  redis?.on('error', () => {}); // faults are logged by the limiter, once per interval
  // Give Redis a moment to connect, but start without it: the limiter then fails open or closed.
  if (redis) await Promise.race([once(redis, 'ready'), setTimeout(2000)]);
  const app = await createApp({ config, db, logger, redis });
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, host: config.host, database: config.databaseUrl }, 'listening');
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'cannot listen');
    process.exit(1);
  });

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => void Promise.all([db.destroy(), redis?.quit()]).then(() => process.exit(0)));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
