// Builds a PostgreSQL database with the app's schema (its own migrations) and the same N users as
// large-db.ts writes to SQLite, for benchmarks. Reused when it already holds exactly N users.
import { createDb } from '../../src/db/knex.js';
import { migrate } from '../../src/db/migrations.js';

/** Creates the database of `url` on its server when absent (through the `postgres` database). */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`${url}: no database name`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const knex = createDb(admin.toString());
  try {
    const { rows } = await knex.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name]);
    if (rows.length === 0) await knex.raw(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await knex.destroy();
  }
}

/**
 * Users `user{i}@example.com` / `User Number {i}`, every 50th an admin, three per second from
 * 2020-01-01 (as large-db.ts), inserted server-side 100,000 rows per statement; the app's search
 * trigger indexes each row as the API would.
 */
export async function largePg(url: string, users: number): Promise<void> {
  await ensureDatabase(url);
  // Seeding statements run longer than the app's 5 s statement timeout.
  const knex = createDb(url, { statementTimeoutMs: 600_000 });
  try {
    await migrate(knex);
    const counted = await knex('users').count({ n: '*' }).first();
    if (Number(counted?.n) === users) return;
    await knex.raw('TRUNCATE users, posts, post_tags, tokens, search_index RESTART IDENTITY CASCADE');
    const batch = 100_000;
    for (let from = 0; from < users; from += batch) {
      await knex.raw(
        `INSERT INTO users (email, name, role, created_at, updated_at)
         SELECT 'user' || i || '@example.com', 'User Number ' || i, CASE WHEN i % 50 = 0 THEN 'admin' ELSE 'user' END, at, at
         FROM generate_series(?::int, ?::int) AS i, ` +
          `LATERAL (SELECT timestamptz '2020-01-01 00:00:00+00' + (i / 3) * interval '1 second' AS at) AS t
         ORDER BY i`,
        [from, Math.min(from + batch, users) - 1],
      );
      process.stderr.write(
        `\rseeding PostgreSQL users ${Math.min(from + batch, users).toLocaleString('en')}/${users.toLocaleString('en')}`,
      );
    }
    process.stderr.write('\n');
    await knex.raw('VACUUM ANALYZE users');
    await knex.raw('VACUUM ANALYZE search_index');
  } finally {
    await knex.destroy();
  }
}
