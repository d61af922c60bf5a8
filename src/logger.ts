import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON lines on stdout, written asynchronously (sonic-boom) so a request never waits for the
 * log; request lines carry what an operator needs, not every header. Flush before exiting.
 */
export const createLogger = (level: string): Logger =>
  pino(
    {
      level,
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    level === 'silent' ? undefined : pino.destination({ sync: false }),
  );
