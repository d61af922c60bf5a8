import express, { type Express, type Request } from 'express';
import type { Redis } from 'ioredis';
import responseTime from 'response-time';
import type { Config } from './config.js';
import type { Db } from './db/knex.js';
import { createServices } from './domain/services.js';
import { apiDocs, redocScript, serviceDocumentHandler } from './http/docs.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { jsonBody } from './http/json-body.js';
import { probes } from './http/probes.js';
import { clientAddress, createRateLimiter } from './http/rate-limit.js';
import { requestStart } from './http/request-log.js';
import { crossOrigin, securityHeaderList, securityHeaders } from './http/security-headers.js';
import { createApiRouter } from './http/version-router.js';
import type { Logger } from './logger.js';
import { serviceDocument, versions } from './versions.js';
import { cursorCodec } from './versions/cursors.js';

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
  const [varyOrigin, cors] = crossOrigin(config.corsOrigins);
  const app = express();
  app.disable('x-powered-by');
  // Links are built from the request's protocol and host; X-Forwarded-* count only from trusted proxies.
  app.set('trust proxy', config.trustProxy);

  // The versioned API first, ahead of every other layer: it does their work itself (README, "The way a request travels").
  app.use(
    createApiRouter(versions, {
      services: createServices(db, config.auth),
      cursors: cursorCodec(config.cursorSecret),
      rateLimiter: enabled ? createRateLimiter({ redis, failMode, keyPrefix, logger }) : undefined,
      rateLimitKey,
      validateResponses: config.validateResponses,
      logger,
      securityHeaders: securityHeaderList(),
      cors,
      parseJson: jsonBody(config.bodyLimit),
    }),
  );

  // Everything else, described by openapi/service.yaml: probes, docs, its own document; then the 404 of unknown paths.
  app.use(
    requestStart(logger),
    responseTime({ digits: 3, suffix: true }),
    securityHeaders(),
    ...(varyOrigin && cors ? [varyOrigin, cors] : []),
  );
  const { health, ready } = probes({ db, redis });
  app.get('/health', health);
  app.get('/ready', ready);
  app.get('/api/docs', apiDocs);
  app.get('/api/docs/redoc.standalone.js', redocScript);
  app.get('/openapi.json', serviceDocumentHandler(serviceDocument));
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
