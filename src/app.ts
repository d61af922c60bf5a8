import express, { type Express, type Request, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';
import responseTime from 'response-time';
import type { Config } from './config.js';
import type { Db } from './db/knex.js';
import { createServices } from './domain/services.js';
import { cursorCodec } from './http/cursors.js';
import { apiDocs, redocScript } from './http/docs.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { jsonBody } from './http/json-body.js';
import { createVersionRouter } from './http/version-router.js';
import { clientAddress, createRateLimiter } from './http/rate-limit.js';
import { probes } from './http/probes.js';
import { requestId } from './http/request-id.js';
import { crossOrigin, securityHeaders } from './http/security-headers.js';
import { versionAlias } from './http/version-alias.js';
import type { Logger } from './logger.js';
import { versions } from './versions.js';

export interface AppDeps {
  config: Pick<Config, 'bodyLimit' | 'trustProxy' | 'cursorSecret' | 'rateLimits' | 'validateResponses' | 'auth' | 'corsOrigins'>;
  db: Db;
  logger: Logger;
  /** The client for REDIS_URL; its owner connects and closes it. */
  redis?: Redis;
  /** Whom an anonymous request counts against for rate limits; the client address by default. */
  rateLimitKey?: (req: Request) => string;
}

/** Builds the app without listening, so tests run it in-process on an ephemeral port. */
export function createApp({ config, db, logger, redis, rateLimitKey = clientAddress }: AppDeps): Express {
  const { enabled, failMode, keyPrefix } = config.rateLimits;
  const deps = {
    services: createServices(db, { ttlSeconds: config.auth.tokenTtlSeconds, passwordHashCost: config.auth.passwordHashCost }),
    cursors: cursorCodec(config.cursorSecret),
    rateLimiter: enabled ? createRateLimiter({ redis, failMode, keyPrefix, logger }) : undefined,
    rateLimitKey,
    validateResponses: config.validateResponses,
  };
  const app = express();
  app.disable('x-powered-by');
  // Links are built from the request's protocol and host; X-Forwarded-* count only from trusted proxies.
  app.set('trust proxy', config.trustProxy);

  app.use(requestId);
  app.use(responseTime({ digits: 3, suffix: true }));
  app.use(securityHeaders(), ...crossOrigin(config.corsOrigins));
  app.use(pinoHttp({ logger, genReqId: (req) => req.id as string }));
  // Plain routes, not a mounted router, so other requests pass them at no cost.
  const { health, ready } = probes({ db, redis });
  app.get('/health', health);
  app.get('/ready', ready);
  app.get('/api/docs', apiDocs);
  app.get('/api/docs/redoc.standalone.js', redocScript);
  app.use(versionAlias(versions.map((v) => v.name.slice(1))));
  const parseJson = jsonBody(config.bodyLimit);
  for (const version of versions) {
    const apiVersion: RequestHandler = (_req, res, next) => {
      res.set('API-Version', version.name.slice(1));
      next();
    };
    app.use(`/api/${version.name}`, apiVersion, parseJson, createVersionRouter(version, deps));
  }
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
