import cluster from 'node:cluster';
import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connectionFailure } from './db/errors.js';
import { idempotencyRepository } from './db/idempotency-repository.js';
import { createDb, type Db } from './db/knex.js';
import { migrate } from './db/migrations.js';
import { demoPassword, hasUsers, seedDemoData } from './db/seed.js';
import { idempotencyService, sweepPeriodically } from './domain/idempotency.js';
import { hashPassword } from './domain/passwords.js';
import { createServices } from './domain/services.js';
import { reportShuttingDown } from './http/probes.js';
import { createLogger, type Logger } from './logger.js';

/**
 * Migrates, seeds a database that has just been created, and creates the admin of ADMIN_EMAIL
 * unless that user exists. Runs once, before any worker serves.
 */
async function prepare(db: Db, config: Config, logger: Logger) {
  const fresh = (await migrate(db)) > 0 && !(await hasUsers(db));
  if (fresh && config.seedDemoData) {
    const seeded = await seedDemoData(db, await hashPassword(demoPassword, config.auth.passwordHashCost));
    logger.info(seeded, 'seeded a fresh database with demo data');
  }
  if (config.admin) {
    const services = createServices(db, config.auth);
    const { user, created } = await services.users.ensureAdmin(config.admin, false);
    logger.info(
      { userId: user.id, email: user.email },
      created ? 'created the admin of ADMIN_EMAIL' : 'the user of ADMIN_EMAIL exists; left as it is',
    );
  }
}

/** Serves HTTP until SIGTERM/SIGINT, then drains (see `stopGracefully`). */
async function serve(db: Db, config: Config, logger: Logger) {
  // No offline queue: while Redis is away a limit check fails at once instead of hanging the request.
  // ioredis loads only where it is used.
  const redis: Redis | undefined =
    config.rateLimits.enabled && config.rateLimits.redisUrl
      ? new (await import('ioredis')).Redis(config.rateLimits.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : undefined;
  redis?.on('error', () => {}); // faults are logged by the limiter, once per interval
  // Give Redis a moment to connect, but start without it: the limiter then fails open or closed.
  // (Not events.once: it rejects on the 'error' a refused connection emits, which would stop the server.)
  if (redis) await Promise.race([new Promise((resolve) => redis.once('ready', resolve)), delay(2000)]);

  const app = createApp({ config, db, logger, redis });
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, host: config.host }, 'listening');
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'cannot listen');
    logger.flush(() => process.exit(1));
  });
  // Idempotency keys past their 24 hours are swept every ten minutes (one indexed DELETE).
  const idempotency = idempotencyService(idempotencyRepository(db), () => new Date().toISOString());
  const stopSweeping = sweepPeriodically(idempotency, 10 * 60_000, (err) =>
    logger.warn({ err }, 'sweeping expired idempotency keys failed'),
  );
  const stop = stopGracefully(server, config, logger, async () => {
    stopSweeping();
    await Promise.allSettled([db.destroy(), redis?.quit()]);
  });
  // SIGTERM (orchestrators, `docker stop`) drains first; SIGINT (Ctrl-C) closes the listener at
  // once. A second signal ends the drain early.
  process.on('SIGTERM', () => stop('SIGTERM', config.shutdownDrainMs));
  process.on('SIGINT', () => stop('SIGINT', 0));
}

/**
 * The shutdown: from the signal on, `/ready` answers 503 and every response not yet written
 * carries `Connection: close`; the listener keeps accepting for the drain period, so requests a
 * load balancer still sends (and connections the kernel has already accepted) are served; then
 * it closes, idle connections are ended, and the process exits once the requests in flight are
 * done, or after SHUTDOWN_TIMEOUT_MS with code 1.
 */
function stopGracefully(server: Server, config: Config, logger: Logger, release: () => Promise<void>) {
  // Each connection's requests in flight and served, so only idle ones are ended: a connection
  // that has been accepted but whose request is not read yet is not idle, it is about to be served.
  const sockets = new Map<Socket, { inFlight: number; served: number }>();
  const pending = new Set<ServerResponse>();
  let closing = false;
  let listenerClosed = false;
  let drain: NodeJS.Timeout | undefined;
  const endIfIdle = (socket: Socket, state: { inFlight: number; served: number }) => {
    if (state.served > 0 && state.inFlight === 0) socket.destroySoon();
  };
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { inFlight: 0, served: 0 });
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = sockets.get(req.socket) ?? { inFlight: 0, served: 0 };
    state.inFlight++;
    pending.add(res);
    if (closing) res.setHeader('Connection', 'close');
    res.once('close', () => {
      pending.delete(res);
      state.inFlight--;
      state.served++;
      // A response that went out keep-alive before the signal: end its connection now it is idle.
      if (closing) endIfIdle(req.socket, state);
    });
  });

  const closeListener = () => {
    if (listenerClosed) return;
    listenerClosed = true;
    clearTimeout(drain);
    // net.Server#close stops accepting and calls back once every connection has ended. (http's
    // close would also destroy every connection without a request in progress, including those
    // just accepted whose request is still to be read: their clients would see a reset.)
    NetServer.prototype.close.call(server, () => {
      void release().then(() => {
        logger.info('stopped');
        logger.flush(() => process.exit(process.exitCode ?? 0));
      });
    });
    for (const [socket, state] of sockets) endIfIdle(socket, state);
    logger.info({ connections: sockets.size }, 'listener closed: finishing requests in flight');
    // Behind cluster the primary owns the port and stops accepting only once every worker's close
    // has reached it; this message follows that close on the same channel, so the primary knows.
    if (cluster.isWorker) process.send?.({ listenerClosed: true });
    const forced = setTimeout(() => {
      logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timeout: closing the connections still open');
      server.closeAllConnections();
      process.exitCode = 1;
    }, config.shutdownTimeoutMs);
    forced.unref();
  };

  return (signal: NodeJS.Signals, drainMs: number) => {
    if (closing) return closeListener();
    closing = true;
    reportShuttingDown();
    for (const res of pending) if (!res.headersSent) res.setHeader('Connection', 'close');
    logger.info({ signal, drainMs }, 'shutting down: not ready, still accepting for the drain period');
    drain = setTimeout(closeListener, drainMs);
  };
}

/**
 * WEB_CONCURRENCY workers behind one port; a worker that dies is replaced, a signal stops them
 * all. A worker that dies within a minute of starting is replaced after a delay that doubles with
 * each such death (0.1 s up to 10 s), so a fault at start-up does not become a crash loop; a
 * worker that lived longer is replaced at once, and the delay starts again from 0.1 s.
 */
function supervise(config: Config, logger: Logger) {
  let stopping = false;
  let quickDeaths = 0;
  const startedAt = new Map<number, number>();
  const start = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    logger.info({ worker: worker.process.pid }, 'worker started');
  };
  for (let i = 0; i < config.webConcurrency; i++) start();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    quickDeaths = lived < 60_000 ? quickDeaths + 1 : 0;
    const restartInMs = quickDeaths === 0 ? 0 : Math.min(100 * 2 ** (quickDeaths - 1), 10_000);
    logger.error({ worker: worker.process.pid, code, signal, livedMs: lived, restartInMs }, 'worker died; starting another');
    setTimeout(() => stopping || start(), restartInMs);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the workers');
    const workers = Object.values(cluster.workers ?? {});
    // Until the last worker's listener has closed, the primary still accepts on the port (and
    // hands connections to the workers still listening); from then on the kernel refuses them.
    let listening = workers.length;
    for (const worker of workers) {
      worker?.on('message', (message: { listenerClosed?: boolean }) => {
        if (message?.listenerClosed && --listening === 0) logger.info('port closed: no worker accepts connections any more');
      });
    }
    for (const worker of workers) worker?.process.kill(signal);
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
  const dbOptions = {
    poolMax: config.db.poolMax,
    statementTimeoutMs: config.db.statementTimeoutMs,
    // knex warns of each failed connection attempt with its stack; the failure itself reaches the
    // request's 503 (logged) or the start-up's one line, so its warning is only for debugging.
    onWarning: (message: string) => logger.debug({ detail: message.split('\n')[0] }, 'knex warning'),
  };
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
  // A bad setting or a database that cannot be opened: one line saying what to check. Anything
  // else is a bug, shown in full.
  const databaseUrl = process.env.DATABASE_URL || 'sqlite:data/app.db';
  const known = err instanceof ConfigError ? err.message : connectionFailure(err, databaseUrl);
  console.error(known ?? err);
  process.exit(1);
});
