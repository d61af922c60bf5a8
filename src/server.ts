import cluster from 'node:cluster';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createDb, type Db } from './db/knex.js';
import { migrate } from './db/migrations.js';
import { demoPassword, seedDemoData } from './db/seed.js';
import { hashPassword } from './domain/passwords.js';
import { createServices } from './domain/services.js';
import { createLogger, type Logger } from './logger.js';

/**
 * Migrates, seeds a database that has just been created, and creates the admin of ADMIN_EMAIL
 * unless that user exists. Runs once, before any worker serves.
 */
async function prepare(db: Db, config: Config, logger: Logger) {
  const fresh = (await migrate(db)) > 0 && !(await db('users').first());
  if (fresh && config.seedDemoData) {
    const seeded = await seedDemoData(db, await hashPassword(demoPassword, config.auth.passwordHashCost));
    logger.info(seeded, 'seeded a fresh database with demo data');
  }
  if (config.admin) {
    const services = createServices(db, { ttlSeconds: config.auth.tokenTtlSeconds, passwordHashCost: config.auth.passwordHashCost });
    const { user, created } = await services.users.ensureAdmin(config.admin, false);
    logger.info({ userId: user.id, email: user.email }, created ? 'created the admin of ADMIN_EMAIL' : 'the user of ADMIN_EMAIL exists; left as it is');
  }
}

/** Serves HTTP until SIGTERM/SIGINT, then drains: no new connections, in-flight requests finish. */
async function serve(db: Db, config: Config, logger: Logger) {
  // No offline queue: while Redis is away a limit check fails at once instead of hanging the request.
  // ioredis loads only where it is used.
  const redis: Redis | undefined =
    config.rateLimits.enabled && config.rateLimits.redisUrl
      ? new (await import('ioredis')).Redis(config.rateLimits.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : undefined;
  redis?.on('error', () => {}); // faults are logged by the limiter, once per interval
  // Give Redis a moment to connect, but start without it: the limiter then fails open or closed.
  if (redis) await Promise.race([once(redis, 'ready'), delay(2000)]);

  const app = createApp({ config, db, logger, redis });
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, host: config.host }, 'listening');
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'cannot listen');
    logger.flush(() => process.exit(1));
  });

  let closing = false;
  // Once closing, every response ends its connection, so keep-alive clients move on.
  server.on('request', (_req, res) => closing && res.setHeader('Connection', 'close'));
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const forced = setTimeout(() => {
      logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timeout: closing the connections still open');
      server.closeAllConnections();
      process.exitCode = 1;
    }, config.shutdownTimeoutMs);
    forced.unref();
    server.close(async () => {
      await Promise.allSettled([db.destroy(), redis?.quit()]);
      logger.info('stopped');
      logger.flush(() => process.exit(process.exitCode ?? 0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** WEB_CONCURRENCY workers behind one port; a worker that dies is replaced, a signal stops them all. */
function supervise(config: Config, logger: Logger) {
  let stopping = false;
  const start = () => logger.info({ worker: cluster.fork().process.pid }, 'worker started');
  for (let i = 0; i < config.webConcurrency; i++) start();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ worker: worker.process.pid, code, signal }, 'worker died; starting another');
    start();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the workers');
    const workers = Object.values(cluster.workers ?? {});
    for (const worker of workers) worker?.process.kill('SIGTERM');
    void Promise.all(workers.map((w) => (w && !w.isDead() ? once(w, 'exit') : undefined))).then((exits) => {
      const failed = exits.some((e) => e && e[0] !== 0);
      logger.flush(() => process.exit(failed ? 1 : 0));
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dbOptions = { poolMax: config.db.poolMax, statementTimeoutMs: config.db.statementTimeoutMs };
  if (cluster.isPrimary) {
    const db = createDb(config.databaseUrl, dbOptions);
    await prepare(db, config, logger);
    if (config.webConcurrency === 1) return serve(db, config, logger);
    await db.destroy();
    return supervise(config, logger);
  }
  return serve(createDb(config.databaseUrl, dbOptions), config, logger);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
