import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { databaseAnswers, type Db } from '../db/knex.js';
import { serviceUnavailable } from '../domain/errors.js';

const redisAnswers = async (redis: Redis) => {
  try {
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  }
};

let shuttingDown = false;
/** From now on this process reports not ready, so load balancers stop sending it requests. server.ts calls it on SIGTERM. */
export const reportShuttingDown = () => {
  shuttingDown = true;
};

/** `GET /health` (liveness) and `GET /ready` (readiness), at the root: probes need no version and no limits. */
export function probes({ db, redis }: { db: Db; redis?: Redis }): { health: RequestHandler; ready: RequestHandler } {
  const health: RequestHandler = (_req, res) => {
    res.json({ status: 'ok' });
  };
  const ready: RequestHandler = async (_req, res) => {
    if (shuttingDown) {
      throw serviceUnavailable({ server: ['is shutting down'] }, 'Not ready: the process is shutting down.');
    }
    const [database, cache] = await Promise.all([databaseAnswers(db), redis ? redisAnswers(redis) : Promise.resolve(undefined)]);
    const down = [...(database ? [] : ['database']), ...(cache === false ? ['redis'] : [])];
    if (down.length > 0) {
      throw serviceUnavailable(
        Object.fromEntries(down.map((name) => [name, ['does not answer']])),
        `Not ready: ${down.join(' and ')} ${down.length > 1 ? 'do' : 'does'} not answer.`,
      );
    }
    res.json({ status: 'ready', checks: { database: 'up', redis: redis ? 'up' : 'not configured' } });
  };
  return { health, ready };
}
