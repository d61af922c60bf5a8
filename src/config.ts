import { createHash } from 'node:crypto';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// The environment is validated like a request body: one schema, every bad value reported at once.
const schema = {
  type: 'object',
  properties: {
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 },
    HOST: { type: 'string', minLength: 1, default: '0.0.0.0' },
    DATABASE_URL: { type: 'string', pattern: '^(sqlite:(:memory:|[^:].*)|postgres(ql)?://.+)$', default: 'sqlite:data/app.db' },
    DB_POOL_MAX: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
    DB_STATEMENT_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 600000, default: 5000 },
    WEB_CONCURRENCY: { type: 'integer', minimum: 1, maximum: 64, default: 1 },
    SHUTDOWN_TIMEOUT_MS: { type: 'integer', minimum: 0, maximum: 120000, default: 10000 },
    // After SIGTERM: not ready, yet still accepting, while load balancers take the process out.
    SHUTDOWN_DRAIN_MS: { type: 'integer', minimum: 0, maximum: 120000, default: 5000 },
    LOG_LEVEL: { type: 'string', enum: levels, default: 'info' },
    BODY_LIMIT: { type: 'integer', minimum: 1, maximum: 104857600, default: 1048576 },
    SEED_DEMO_DATA: { type: 'boolean', default: true },
    // express's `trust proxy`: false, true, a hop count, or addresses/subnets of trusted proxies.
    TRUST_PROXY: { type: 'string', pattern: '^(false|true|\\d+|[0-9A-Za-z.:/, ]+)$', default: 'false' },
    CURSOR_SECRET: { type: 'string', minLength: 16 },
    RATE_LIMITS: { type: 'string', enum: ['on', 'off'], default: 'on' },
    VALIDATE_RESPONSES: { type: 'string', enum: ['off', 'log', 'fail'], default: 'off' },
    REDIS_URL: { type: 'string', pattern: '^rediss?://' },
    RATE_LIMIT_FAIL: { type: 'string', enum: ['open', 'closed'], default: 'open' },
    RATE_LIMIT_KEY_PREFIX: { type: 'string', minLength: 1, maxLength: 64, default: 'rl:' },
    TOKEN_TTL_SECONDS: { type: 'integer', minimum: 60, maximum: 31536000, default: 86400 },
    // log2 of scrypt's N; 17 (128 MiB, r=8, p=1) is OWASP's minimum. Stored hashes carry their own cost.
    PASSWORD_HASH_COST: { type: 'integer', minimum: 10, maximum: 20, default: 17 },
    // Comma-separated origins (scheme://host[:port]) whose browsers may call the API; none by default.
    CORS_ORIGINS: { type: 'string', pattern: '^\\s*(https?://[^,\\s/]+\\s*(,\\s*https?://[^,\\s/]+\\s*)*)?$', default: '' },
    ADMIN_EMAIL: { type: 'string', format: 'email' },
    ADMIN_PASSWORD: { type: 'string', minLength: 12, maxLength: 128 },
    ADMIN_NAME: { type: 'string', minLength: 2, maxLength: 100, default: 'Administrator' },
  },
  dependencies: { ADMIN_EMAIL: ['ADMIN_PASSWORD'], ADMIN_PASSWORD: ['ADMIN_EMAIL'] },
} as const;

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

const ajv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true });
addFormats.default(ajv, ['email']);
const validate = ajv.compile(schema);

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
      `Invalid configuration:\n  ${problems.join('\n  ')}\nDATABASE_URL takes sqlite:<path>, sqlite::memory: or postgres://…; REDIS_URL takes redis://host:port.`,
    );
  }
  if (values.DATABASE_URL === 'sqlite::memory:' && (values.WEB_CONCURRENCY as number) > 1) {
    throw new ConfigError('Invalid configuration:\n  WEB_CONCURRENCY above 1 needs a database the workers share; sqlite::memory: is private to each process.');
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
    seedDemoData: values.SEED_DEMO_DATA as boolean,
    trustProxy: parseTrustProxy(values.TRUST_PROXY as string),
    // Without a secret, one derived from the database keeps cursors valid across restarts and processes.
    cursorSecret: (values.CURSOR_SECRET as string | undefined) ?? createHash('sha256').update(`cursor:${values.DATABASE_URL}`).digest('hex'),
    validateResponses: values.VALIDATE_RESPONSES as Config['validateResponses'],
    rateLimits: {
      enabled: values.RATE_LIMITS === 'on',
      redisUrl: values.REDIS_URL as string | undefined,
      failMode: values.RATE_LIMIT_FAIL as 'open' | 'closed',
      keyPrefix: values.RATE_LIMIT_KEY_PREFIX as string,
    },
    auth: { tokenTtlSeconds: values.TOKEN_TTL_SECONDS as number, passwordHashCost: values.PASSWORD_HASH_COST as number },
    corsOrigins: (values.CORS_ORIGINS as string).split(',').map((o) => o.trim()).filter(Boolean),
    admin: values.ADMIN_EMAIL
      ? { email: values.ADMIN_EMAIL as string, password: values.ADMIN_PASSWORD as string, name: values.ADMIN_NAME as string }
      : undefined,
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
