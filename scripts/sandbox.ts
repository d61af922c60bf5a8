// `npm run sandbox`: a stateful mock for frontend teams. The real server on an in-memory SQLite
// database seeded from the specs' examples, so the data matches the docs, and a POST is visible to
// the next GET. NOT FOR PRODUCTION: no persistence, and every user's password is the demo
// password. Reset with `kill -HUP <pid>`. Rate limits are off unless RATE_LIMITS=on: a sandbox is for trying things.
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/knex.js';
import { migrate } from '../src/db/migrations.js';
import { clearAll, demoPassword, seedRecords } from '../src/db/seed.js';
import { hashPassword } from '../src/domain/passwords.js';
import { createLogger } from '../src/logger.js';
import { exampleRecords } from './sandbox-examples.js';

const config = loadConfig({
  ...process.env,
  DATABASE_URL: 'sqlite::memory:',
  PORT: process.env.PORT ?? '4000',
  RATE_LIMITS: process.env.RATE_LIMITS || 'off',
});
const logger = createLogger(config.logLevel);
const db = createDb('sqlite::memory:');
await migrate(db);
const { users, posts } = exampleRecords();
const passwordHash = await hashPassword(demoPassword, config.auth.passwordHashCost);
const reset = async () => {
  await clearAll(db);
  await seedRecords(db, users, posts, passwordHash);
};
await reset();

createApp({ config, db, logger }).listen(config.port, config.host, () => {
  logger.warn(
    { port: config.port, users: users.length, posts: posts.length, pid: process.pid },
    `SANDBOX, NOT FOR PRODUCTION: in-memory data seeded from the spec examples on http://localhost:${config.port}; ` +
      `every password is "${demoPassword}"; ` +
      `rate limits ${config.rateLimits.enabled ? 'on' : 'off (RATE_LIMITS=on to enforce them)'}; reset with kill -HUP ${process.pid}`,
  );
});
process.on('SIGHUP', () => void reset().then(() => logger.warn('sandbox reset to the spec examples')));
