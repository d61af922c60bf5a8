// Builds a SQLite file with the app's schema and N users (and posts), for benchmarks.
import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createDb } from '../../src/db/knex.js';
import { migrate } from '../../src/db/migrations.js';

function progress(label: string, done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`,
  );
  if (done === total) process.stderr.write('\n');
}

/** Creates (or reuses, when it already holds `users` users) a database file seeded for benchmarks. */
export async function largeDb(file: string, users: number, postsPerUser = 0): Promise<void> {
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    db.close();
    if (n === users) return;
    rmSync(file, { force: true });
  }
  const knex = createDb(`sqlite:${file}`);
  await migrate(knex);
  await knex.destroy();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertUser = db.prepare('INSERT INTO users (email, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertPost = db.prepare('INSERT INTO posts (author_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const start = Date.UTC(2020, 0, 1);
  const batch = 10_000;
  for (let from = 0; from < users; from += batch) {
    db.transaction(() => {
      for (let i = from; i < Math.min(from + batch, users); i++) {
        // Several users share each millisecond, so the id tie-break is exercised at scale.
        const at = new Date(start + Math.floor(i / 3) * 1000).toISOString();
        const { lastInsertRowid } = insertUser.run(`user${i}@example.com`, `User Number ${i}`, i % 50 ? 'user' : 'admin', at, at);
        for (let k = 0; k < postsPerUser; k++)
          insertPost.run(lastInsertRowid, `Post ${k} of user ${i}`, `Body of post ${k} by user ${i}`, at, at);
      }
    })();
    progress('seeding users', Math.min(from + batch, users), users);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
