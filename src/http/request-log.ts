import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';

const wellFormedId = /^[A-Za-z0-9._:-]{1,128}$/;

/** What the request line says, gathered while the request is served. */
interface Track {
  id: string;
  startedAt: number;
  logger: Logger;
  child?: Logger;
  /** The route template that answered, such as `/api/v2/users/{userId}`. */
  route?: string;
  /** The user of the request's bearer token. */
  userId?: number;
  /** The body's size, where it was written without express (which keeps Content-Length readable). */
  bytes?: number;
}

const tracks = new WeakMap<Response, Track>();

/**
 * The request line's logger: the app's, without its redaction. The line holds only the scalar
 * fields built below, none of them a redacted path, so redaction could never change it; it cost
 * about 5% of a getUser's CPU (pino runs every value through the wildcard paths' redactor).
 * Everything else, errors included, goes through the redacting logger.
 */
const lineLoggers = new WeakMap<Logger, Logger>();
const lineLoggerOf = (logger: Logger) => {
  let line = lineLoggers.get(logger);
  if (!line) lineLoggers.set(logger, (line = logger.child({}, { redact: [] })));
  return line;
};

/** `1.234ms`, as X-Response-Time has always been written. */
export const elapsed = (res: Response) => `${(performance.now() - (tracks.get(res)?.startedAt ?? performance.now())).toFixed(3)}ms`;

/** The path without its query: a query string may carry a secret, so it is never logged. */
const pathOf = (url: string) => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/**
 * Starts the request: its id (a well-formed incoming X-Request-ID is echoed, else a UUID), its
 * clock, and one log line when it ends. The line is built field by field, so no header, body or
 * query string reaches the log, whatever the request carried.
 */
export function startRequest(req: Request, res: Response, logger: Logger): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && wellFormedId.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  const track: Track = { id, startedAt: performance.now(), logger };
  tracks.set(res, track);
  const path = pathOf(req.originalUrl);
  const lines = lineLoggerOf(logger);
  res.once('close', () => {
    const line = {
      reqId: id,
      method: req.method,
      route: track.route,
      path,
      status: res.statusCode,
      ms: Math.round((performance.now() - track.startedAt) * 1000) / 1000,
      userId: track.userId,
      remoteAddress: req.socket.remoteAddress,
      bytes: track.bytes ?? (Number(res.getHeader('content-length') ?? 0) || undefined),
      ...(!res.writableFinished && { aborted: true }),
    };
    if (res.statusCode >= 500) lines.error(line, 'request');
    else lines.info(line, 'request');
  });
  return id;
}

/** Records what the request line should say about who and what answered. */
export function describeRequest(res: Response, facts: Pick<Track, 'route' | 'userId' | 'bytes'>) {
  const track = tracks.get(res);
  if (track) Object.assign(track, facts);
}

/** A logger bound to the request's id, made only when something logs through it. */
export function requestLogger(res: Response, fallback: Logger): Logger {
  const track = tracks.get(res);
  if (!track) return fallback;
  track.child ??= track.logger.child({ reqId: track.id });
  return track.child;
}

/** The middleware form, for the routes outside the versioned API (probes, docs, 404). */
export const requestStart =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    res.setHeader('X-Request-ID', startRequest(req, res, logger));
    next();
  };
