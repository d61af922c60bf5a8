import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import responseTime from 'response-time';
import type { Config } from './config.js';
import type { Db } from './db/knex.js';
import { createServices } from './domain/services.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { jsonBody } from './http/json-body.js';
import { createVersionRouter } from './http/openapi-router.js';
import { requestId } from './http/request-id.js';
import type { Logger } from './logger.js';
import { versions } from './versions.js';

export interface AppDeps {
  config: Pick<Config, 'bodyLimit'>;
  db: Db;
  logger: Logger;
}

/** Builds the app without listening, so tests run it in-process on an ephemeral port. */
export async function createApp({ config, db, logger }: AppDeps): Promise<Express> {
  const services = createServices(db);
  const app = express();
  app.disable('x-powered-by');

  app.use(requestId);
  app.use(responseTime({ digits: 3, suffix: true }));
  app.use(pinoHttp({ logger, genReqId: (req) => req.id as string }));
  app.use('/api', jsonBody(config.bodyLimit));
  for (const version of versions) {
    app.use(`/api/${version.name}`, await createVersionRouter(version, services));
  }
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
