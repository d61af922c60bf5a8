import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('when nothing is set, then the embedded defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: 'sqlite:data/app.db',
      db: { poolMax: 10, statementTimeoutMs: 5000 },
      webConcurrency: 1,
      shutdownTimeoutMs: 10_000,
      shutdownDrainMs: 5000,
      logLevel: 'info',
      bodyLimit: 1_048_576,
      seedDemoData: true,
      trustProxy: false,
      validateResponses: 'off',
      cursorSecret: expect.stringMatching(/^[0-9a-f]{64}$/),
      rateLimits: { enabled: true, redisUrl: undefined, failMode: 'open', keyPrefix: 'rl:' },
      auth: { tokenTtlSeconds: 86_400, passwordHashCost: 17 },
      corsOrigins: [],
      admin: undefined,
    });
  });

  it('when values are set, then they are parsed to their types', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'sqlite::memory:',
      LOG_LEVEL: 'debug',
      BODY_LIMIT: '2048',
      SEED_DEMO_DATA: 'false',
    });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'sqlite::memory:', logLevel: 'debug', bodyLimit: 2048, seedDemoData: false });
  });

  it('when NODE_ENV is production, then demo data is seeded only if SEED_DEMO_DATA=true asks for it', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemoData).toBe(true);
  });

  it('when rate limits are configured, then they are parsed', () => {
    const config = loadConfig({ RATE_LIMITS: 'off', REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_FAIL: 'closed', TRUST_PROXY: '2' });
    expect(config.rateLimits).toEqual({ enabled: false, redisUrl: 'redis://127.0.0.1:6379', failMode: 'closed', keyPrefix: 'rl:' });
    expect(config.trustProxy).toBe(2);
  });

  it('when the shutdown drain and timeout are set, then they are parsed; a negative drain is refused by name', () => {
    expect(loadConfig({ SHUTDOWN_DRAIN_MS: '0', SHUTDOWN_TIMEOUT_MS: '2000' })).toMatchObject({
      shutdownDrainMs: 0,
      shutdownTimeoutMs: 2000,
    });
    expect(() => loadConfig({ SHUTDOWN_DRAIN_MS: '-1' })).toThrow('SHUTDOWN_DRAIN_MS must be >= 0');
  });

  it('when the token lifetime and the password hash cost are set, then they are parsed', () => {
    expect(loadConfig({ TOKEN_TTL_SECONDS: '3600', PASSWORD_HASH_COST: '12' }).auth).toEqual({
      tokenTtlSeconds: 3600,
      passwordHashCost: 12,
    });
  });

  it('when CORS_ORIGINS lists origins, then each is taken, trimmed', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://app.example.com, http://localhost:5173 ' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it('when ADMIN_EMAIL and ADMIN_PASSWORD are set, then the start-up admin, named Administrator unless ADMIN_NAME says otherwise', () => {
    const env = { ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'a password long enough' };
    expect(loadConfig(env).admin).toEqual({ email: 'ops@example.com', password: 'a password long enough', name: 'Administrator' });
    expect(loadConfig({ ...env, ADMIN_NAME: 'Ops Team' }).admin?.name).toBe('Ops Team');
  });

  it.each([
    ['ADMIN_EMAIL without ADMIN_PASSWORD', { ADMIN_EMAIL: 'ops@example.com' }, 'ADMIN_PASSWORD is required when ADMIN_EMAIL is set'],
    [
      'ADMIN_PASSWORD without ADMIN_EMAIL',
      { ADMIN_PASSWORD: 'a password long enough' },
      'ADMIN_EMAIL is required when ADMIN_PASSWORD is set',
    ],
  ])('when %s is set, then a ConfigError: both or neither', (_, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('when DATABASE_URL is a PostgreSQL URL, then it is taken with the pool settings', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db:5432/app',
      DB_POOL_MAX: '20',
      DB_STATEMENT_TIMEOUT_MS: '2500',
      WEB_CONCURRENCY: '4',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://app@db:5432/app',
      db: { poolMax: 20, statementTimeoutMs: 2500 },
      webConcurrency: 4,
    });
  });

  it('when several workers would each get a private in-memory database, then a ConfigError', () => {
    expect(() => loadConfig({ DATABASE_URL: 'sqlite::memory:', WEB_CONCURRENCY: '2' })).toThrow(
      'WEB_CONCURRENCY above 1 needs a database the workers share',
    );
  });

  it('when a variable is empty, then it counts as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty', 'PORT must be integer'],
    ['PORT', '70000', 'PORT must be <= 65535'],
    ['DATABASE_URL', 'mysql://localhost/app', 'DATABASE_URL must match pattern'],
    ['WEB_CONCURRENCY', '0', 'WEB_CONCURRENCY must be >= 1'],
    ['DB_POOL_MAX', '1000', 'DB_POOL_MAX must be <= 100'],
    ['DATABASE_URL', 'sqlite:', 'DATABASE_URL must match pattern'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be equal to one of the allowed values'],
    ['BODY_LIMIT', '0', 'BODY_LIMIT must be >= 1'],
    ['RATE_LIMITS', 'maybe', 'RATE_LIMITS must be equal to one of the allowed values'],
    ['RATE_LIMIT_FAIL', 'sometimes', 'RATE_LIMIT_FAIL must be equal to one of the allowed values'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL must match pattern'],
    ['CURSOR_SECRET', 'short', 'CURSOR_SECRET must NOT have fewer than 16 characters'],
    ['TOKEN_TTL_SECONDS', '59', 'TOKEN_TTL_SECONDS must be >= 60'],
    ['TOKEN_TTL_SECONDS', '31536001', 'TOKEN_TTL_SECONDS must be <= 31536000'],
    ['PASSWORD_HASH_COST', '9', 'PASSWORD_HASH_COST must be >= 10'],
    ['PASSWORD_HASH_COST', '21', 'PASSWORD_HASH_COST must be <= 20'],
    ['CORS_ORIGINS', 'app.example.com', 'CORS_ORIGINS must match pattern'],
    ['CORS_ORIGINS', 'https://app.example.com/path', 'CORS_ORIGINS must match pattern'],
    ['ADMIN_EMAIL', 'not-an-email', 'ADMIN_EMAIL must match format "email"'],
    ['ADMIN_PASSWORD', 'too short', 'ADMIN_PASSWORD must NOT have fewer than 12 characters'],
  ])('when %s=%s, then a ConfigError naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('when several values are bad, then every one is reported at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
