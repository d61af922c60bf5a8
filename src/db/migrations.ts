import type { Knex } from 'knex';
import { isPostgres } from './knex.js';
import { postgresSearch, sqliteSearch } from './search-index.js';

// Migrations are listed here rather than read from a folder, so the compiled server and the
// TypeScript tests run the same list without knex guessing file extensions.
const migrations: Record<string, Knex.Migration> = {
  '001_users_posts_tags': {
    async up(db) {
      await db.schema.createTable('users', (t) => {
        t.increments('id');
        t.string('email', 254).notNullable();
        t.string('name', 100).notNullable();
        t.string('role', 10).notNullable().defaultTo('user');
        t.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
        t.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
        t.index(['created_at', 'id']);
      });
      // Emails are unique whatever their letter case.
      await db.raw('CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))');
      await db.schema.createTable('posts', (t) => {
        t.increments('id');
        t.integer('author_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE');
        t.string('title', 200).notNullable();
        t.text('body').notNullable().defaultTo('');
        t.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
        t.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
        t.index(['created_at', 'id']);
        t.index(['author_id', 'created_at', 'id']);
      });
      await db.schema.createTable('post_tags', (t) => {
        t.integer('post_id').unsigned().notNullable().references('id').inTable('posts').onDelete('CASCADE');
        t.integer('position').notNullable();
        t.string('tag', 30).notNullable();
        t.primary(['post_id', 'position']);
        t.index(['tag']);
      });
    },
    async down(db) {
      await db.schema.dropTable('post_tags');
      await db.schema.dropTable('posts');
      await db.schema.dropTable('users');
    },
  },
  // Full-text search over users and posts, kept in step by triggers so no write path can forget
  // it. A document's id encodes its row: 2·id for a user, 2·id + 1 for a post.
  '002_search_index': {
    up: (db) => (isPostgres(db) ? postgresSearch.up(db) : sqliteSearch.up(db)),
    down: (db) => (isPostgres(db) ? postgresSearch.down(db) : sqliteSearch.down(db)),
  },
  // Passwords and bearer tokens. Users from before this migration have no password and cannot
  // sign in until an admin gives them one. Tokens are stored as SHA-256 digests only.
  '003_passwords_tokens': {
    async up(db) {
      await db.schema.alterTable('users', (t) => {
        t.string('password_hash', 255).nullable();
      });
      await db.schema.createTable('tokens', (t) => {
        t.increments('id');
        t.integer('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE');
        t.string('token_hash', 64).notNullable().unique();
        t.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
        t.timestamp('expires_at', { useTz: true, precision: 3 }).notNullable();
        t.index(['user_id']);
      });
    },
    async down(db) {
      await db.schema.dropTable('tokens');
      await db.schema.alterTable('users', (t) => {
        t.dropColumn('password_hash');
      });
    },
  },
  // The revision a strong ETag is made of (issue 13): 1 when a record is written first, one more
  // in the same UPDATE as every later write, so If-Match is checked in that statement's WHERE.
  // `updated_at` has been set on every write since 001 (NOT NULL, set to `created_at` at
  // creation), so existing rows need no backfill; they start at revision 1.
  '004_revisions': {
    async up(db) {
      for (const table of ['users', 'posts']) {
        await db.schema.alterTable(table, (t) => {
          t.integer('revision').notNullable().defaultTo(1);
        });
      }
    },
    async down(db) {
      for (const table of ['posts', 'users']) {
        await db.schema.alterTable(table, (t) => {
          t.dropColumn('revision');
        });
      }
    },
  },
  // Idempotency-Key claims and the answers they replay (issue 13), in the database so every
  // process sees them. Only the key's SHA-256 is stored; the answer is encrypted under a key
  // derived from the Idempotency-Key itself. `status` is null while the first request runs.
  '005_idempotency_keys': {
    async up(db) {
      await db.schema.createTable('idempotency_keys', (t) => {
        t.string('scope', 300).notNullable();
        t.string('key_hash', 64).notNullable();
        t.string('request_hash', 64).notNullable();
        t.string('owner', 36).notNullable();
        t.integer('status').nullable();
        t.text('response').nullable();
        t.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
        t.timestamp('locked_until', { useTz: true, precision: 3 }).notNullable();
        t.timestamp('expires_at', { useTz: true, precision: 3 }).notNullable();
        t.primary(['scope', 'key_hash']);
        t.index(['expires_at']);
      });
    },
    async down(db) {
      await db.schema.dropTable('idempotency_keys');
    },
  },
};

const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name] as Knex.Migration,
};

/** Brings the schema up to date; returns how many migrations ran. */
export async function migrate(db: Knex): Promise<number> {
  const [, ran] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
  return ran.length;
}
