import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import schema from './config-schema.json' with { type: 'json' };

export const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// The environment is validated like a request body: one schema (config-schema.json), every bad
// value reported at once, compiled by `npm run generate` so no Ajv runs at start.
const require = createRequire(import.meta.url);
const validate = require('../generated/config-validator.cjs') as ValidateFunction;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  db: { poolMax: number; statementTimeoutMs: number };
  /** Worker processes behind one port (node:cluster); 1 serves from the main process. */
  webConcurrency: number;
  /** How long a shutdown waits for requests in flight before it closes their connections. */
  shutdownTimeoutMs: number;
  /** After SIGTERM, how long /ready answers 503 while the listener still accepts, before it closes. */
  shutdownDrainMs: number;
  logLevel: (typeof levels)[number];
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Fill a freshly created database with demo users and posts. */
  seedDemoData: boolean;
  /** Whom to believe about X-Forwarded-Proto/Host/For, in express's `trust proxy` terms. */
  trustProxy: boolean | number | string;
  /** Signs pagination cursors; every process serving the same database needs the same one. */
  cursorSecret: string;
  /** Check each JSON response against the spec: `log` a violation, `fail` the request (tests), or `off`. */
  validateResponses: 'off' | 'log' | 'fail';
  rateLimits: {
    enabled: boolean;
    /** Counters shared by every process; in-process counters when absent. */
    redisUrl: string | undefined;
    failMode: 'open' | 'closed';
    keyPrefix: string;
  };
  auth: {
    /** How long a token from createToken lasts. */
    tokenTtlSeconds: number;
    /** log2 of scrypt's N for new password hashes. */
    passwordHashCost: number;
  };
  /** Origins whose browsers get CORS headers. */
  corsOrigins: string[];
  /** An admin to make sure of at start-up (ADMIN_EMAIL and ADMIN_PASSWORD). */
  admin: { email: string; password: string; name: string } | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const names = Object.keys(schema.properties);
  // An empty variable counts as unset, so `PORT= npm start` means the default.
  const values: Record<string, unknown> = Object.fromEntries(names.filter((n) => env[n]).map((n) => [n, env[n]]));
  if (!validate(values)) {
    const problems = (validate.errors ?? []).map((e) => {
      if (e.keyword === 'dependencies') return `${e.params.missingProperty} is required when ${e.params.property} is set`;
      const name = e.instancePath.slice(1);
      return `${name} ${e.message} (got ${JSON.stringify(env[name])})`;
    });
    throw new ConfigError(
      `Invalid configuration:\n  ${problems.join('\n  ')}\n` +
        'DATABASE_URL takes sqlite:<path>, sqlite::memory: or postgres://…; REDIS_URL takes redis://host:port.',
    );
  }
  if (values.DATABASE_URL === 'sqlite::memory:' && (values.WEB_CONCURRENCY as number) > 1) {
    throw new ConfigError(
      'Invalid configuration:\n  WEB_CONCURRENCY above 1 needs a database the workers share; sqlite::memory: is private to each process.',
    );
  }
  return {
    port: values.PORT as number,
    host: values.HOST as string,
    databaseUrl: values.DATABASE_URL as string,
    db: { poolMax: values.DB_POOL_MAX as number, statementTimeoutMs: values.DB_STATEMENT_TIMEOUT_MS as number },
    webConcurrency: values.WEB_CONCURRENCY as number,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS as number,
    shutdownDrainMs: values.SHUTDOWN_DRAIN_MS as number,
    logLevel: values.LOG_LEVEL as Config['logLevel'],
    bodyLimit: values.BODY_LIMIT as number,
    seedDemoData: (values.SEED_DEMO_DATA as boolean | undefined) ?? env.NODE_ENV !== 'production',
    trustProxy: parseTrustProxy(values.TRUST_PROXY as string),
    // Without a secret, one derived from the database keeps cursors valid across restarts and processes.
    cursorSecret:
      (values.CURSOR_SECRET as string | undefined) ?? createHash('sha256').update(`cursor:${values.DATABASE_URL}`).digest('hex'),
    validateResponses: values.VALIDATE_RESPONSES as Config['validateResponses'],
    rateLimits: {
      enabled: values.RATE_LIMITS === 'on',
      redisUrl: values.REDIS_URL as string | undefined,
      failMode: values.RATE_LIMIT_FAIL as 'open' | 'closed',
      keyPrefix: values.RATE_LIMIT_KEY_PREFIX as string,
    },
    auth: { tokenTtlSeconds: values.TOKEN_TTL_SECONDS as number, passwordHashCost: values.PASSWORD_HASH_COST as number },
    corsOrigins: (values.CORS_ORIGINS as string)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    admin: values.ADMIN_EMAIL
      ? { email: values.ADMIN_EMAIL as string, password: values.ADMIN_PASSWORD as string, name: values.ADMIN_NAME as string }
      : undefined,
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
