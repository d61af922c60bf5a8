// `npm run seed`: migrate the configured database and fill it with demo data if it has no users.
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/knex.js';
import { migrate } from '../src/db/migrations.js';
import { demoPassword, hasUsers, seedDemoData } from '../src/db/seed.js';
import { hashPassword } from '../src/domain/passwords.js';

const config = loadConfig();
const db = createDb(config.databaseUrl);
await migrate(db);
if (await hasUsers(db)) console.log('The database already has users; nothing seeded.');
else
  console.log(
    'Seeded',
    await seedDemoData(db, await hashPassword(demoPassword, config.auth.passwordHashCost)),
    `(every password: "${demoPassword}")`,
  );
await db.destroy();
