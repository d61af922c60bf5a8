import type { Server } from 'node:http';
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
  const app = await createApp({ config, db, logger });
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, host: config.host, database: config.databaseUrl }, 'listening');
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'cannot listen');
    process.exit(1);
  });

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => void db.destroy().then(() => process.exit(0)));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
