import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Where a secret could sit in a logged object. Nothing logs requests or headers whole (the
 * request line is built field by field in http/request-log.ts); this is the second line of
 * defence, should an error or a future line carry one.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'authorization',
  'cookie',
  'password',
  'token',
  'passwordHash',
  'password_hash',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.passwordHash',
  '*.password_hash',
  'body',
  '*.body',
  'err.body',
  'err.config',
  'err.request',
  'err.response',
];

/** JSON lines on stdout, written asynchronously (sonic-boom) so a request never waits for the log. Flush before exiting. */
export const createLogger = (level: string): Logger =>
  pino(
    { level, redact: { paths: redactedPaths, censor: '[redacted]' } },
    level === 'silent' ? undefined : pino.destination({ sync: false }),
  );
