// `npm run create-admin -- --email ops@example.com [--name "Ops Team"]`: makes sure an admin can
// sign in to the configured database. A new email becomes a new admin; an existing user is made
// admin with the new password, and its tokens end. The password comes from ADMIN_PASSWORD or,
// so it stays out of the shell history, from the first line of standard input.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/knex.js';
import { migrate } from '../src/db/migrations.js';
import { createServices } from '../src/domain/services.js';
import { requestValidationError } from '../src/http/validation-errors.js';
import { versions } from '../src/versions.js';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string', default: 'Administrator' } } });

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (12 to 128 characters, shown as you type): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const fail = (message: string) => {
  console.error(message);
  process.exit(2);
};

if (!values.email) fail('Usage: npm run create-admin -- --email <email> [--name <name>]; password from ADMIN_PASSWORD or standard input.');
const admin = { email: values.email as string, name: values.name as string, password: await readPassword() };
// The rules of sign-up, from the spec: the same email, name and password bounds.
const validate = versions[0]!.validators.bodies.createUser_body!;
if (!validate(admin)) {
  const { details } = requestValidationError([], validate.errors ?? []).options;
  fail(
    `Not created: ${Object.entries(details ?? {})
      .map(([field, messages]) => `${field} ${messages.join(', ')}`)
      .join('; ')}`,
  );
}

// ADMIN_PASSWORD was read above; without ADMIN_EMAIL it is not the server's start-up admin pair.
const config = loadConfig({ ...process.env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
const db = createDb(config.databaseUrl);
try {
  await migrate(db);
  const services = createServices(db, config.auth);
  const { user, created } = await services.users.ensureAdmin(admin, true);
  console.log(`${created ? 'Created' : 'Made'} admin ${user.email} (id ${user.id}).`);
} finally {
  await db.destroy();
}
