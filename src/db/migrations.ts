import type { Knex } from 'knex';

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
  // Full-text search over users and posts, kept in step by triggers so no write path can forget it.
  // The FTS rowid encodes the row: 2·id for a user, 2·id + 1 for a post, so updates find their row by key.
  '002_search_index': {
    async up(db) {
      await db.raw(`CREATE VIRTUAL TABLE search_index USING fts5(title, body, tags, tokenize = 'unicode61 remove_diacritics 2')`);
      // Title (a user's name) weighs most, then tags, then the body (a user's email).
      await db.raw(`INSERT INTO search_index(search_index, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)')`);
      const tagsOf = (post: string) => `coalesce((SELECT group_concat(tag, ' ') FROM post_tags WHERE post_id = ${post}), '')`;
      for (const sql of [
        `CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN
           INSERT INTO search_index(rowid, title, body, tags) VALUES (NEW.id * 2, NEW.name, NEW.email, ''); END`,
        `CREATE TRIGGER users_search_update AFTER UPDATE OF name, email ON users BEGIN
           UPDATE search_index SET title = NEW.name, body = NEW.email WHERE rowid = NEW.id * 2; END`,
        `CREATE TRIGGER users_search_delete AFTER DELETE ON users BEGIN
           DELETE FROM search_index WHERE rowid = OLD.id * 2; END`,
        `CREATE TRIGGER posts_search_insert AFTER INSERT ON posts BEGIN
           INSERT INTO search_index(rowid, title, body, tags) VALUES (NEW.id * 2 + 1, NEW.title, NEW.body, ''); END`,
        `CREATE TRIGGER posts_search_update AFTER UPDATE OF title, body ON posts BEGIN
           UPDATE search_index SET title = NEW.title, body = NEW.body WHERE rowid = NEW.id * 2 + 1; END`,
        `CREATE TRIGGER posts_search_delete AFTER DELETE ON posts BEGIN
           DELETE FROM search_index WHERE rowid = OLD.id * 2 + 1; END`,
        `CREATE TRIGGER post_tags_search_insert AFTER INSERT ON post_tags BEGIN
           UPDATE search_index SET tags = ${tagsOf('NEW.post_id')} WHERE rowid = NEW.post_id * 2 + 1; END`,
        `CREATE TRIGGER post_tags_search_delete AFTER DELETE ON post_tags BEGIN
           UPDATE search_index SET tags = ${tagsOf('OLD.post_id')} WHERE rowid = OLD.post_id * 2 + 1; END`,
        `INSERT INTO search_index(rowid, title, body, tags) SELECT id * 2, name, email, '' FROM users`,
        `INSERT INTO search_index(rowid, title, body, tags) SELECT id * 2 + 1, title, body, ${tagsOf('posts.id')} FROM posts`,
      ]) {
        await db.raw(sql);
      }
    },
    async down(db) {
      for (const t of ['users', 'posts', 'post_tags']) {
        for (const op of ['insert', 'update', 'delete']) await db.raw(`DROP TRIGGER IF EXISTS ${t}_search_${op}`);
      }
      await db.raw('DROP TABLE search_index');
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
