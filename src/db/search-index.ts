import type { Knex } from 'knex';

interface Migration {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

const run = async (db: Knex, statements: string[]) => {
  for (const sql of statements) await db.raw(sql);
};

/** SQLite: an FTS5 table whose rowid is the document id. Title weighs 10, tags 4, body 1 (bm25). */
export const sqliteSearch: Migration = {
  async up(db) {
    const tagsOf = (post: string) => `coalesce((SELECT group_concat(tag, ' ') FROM post_tags WHERE post_id = ${post}), '')`;
    await run(db, [
      `CREATE VIRTUAL TABLE search_index USING fts5(title, body, tags, tokenize = 'unicode61 remove_diacritics 2')`,
      `INSERT INTO search_index(search_index, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)')`,
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
    ]);
  },
  async down(db) {
    for (const t of ['users', 'posts', 'post_tags']) {
      for (const op of ['insert', 'update', 'delete']) await db.raw(`DROP TRIGGER IF EXISTS ${t}_search_${op}`);
    }
    await db.raw('DROP TABLE search_index');
  },
};

/**
 * PostgreSQL: a tsvector per document under a GIN index. Text is cut into runs of letters and
 * digits first, as SQLite's tokenizer does, so `ada@example.com` is found by `ada`. Weights: title A
 * (1.0), tags B (0.4), body D (0.1) in ts_rank, the ratios of the SQLite weights.
 */
export const postgresSearch: Migration = {
  async up(db) {
    const words = (text: string) => `to_tsvector('simple', regexp_replace(coalesce(${text}, ''), '[^[:alnum:]]+', ' ', 'g'))`;
    await run(db, [
      `CREATE TABLE search_index (doc_id bigint PRIMARY KEY, document tsvector NOT NULL)`,
      `CREATE INDEX search_index_document ON search_index USING GIN (document)`,
      `CREATE FUNCTION search_index_user() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           DELETE FROM search_index WHERE doc_id = OLD.id * 2;
           RETURN OLD;
         END IF;
         INSERT INTO search_index (doc_id, document)
         VALUES (NEW.id * 2, setweight(${words('NEW.name')}, 'A') || setweight(${words('NEW.email')}, 'D'))
         ON CONFLICT (doc_id) DO UPDATE SET document = EXCLUDED.document;
         RETURN NEW;
       END $$`,
      `CREATE TRIGGER users_search AFTER INSERT OR UPDATE OF name, email OR DELETE ON users
       FOR EACH ROW EXECUTE FUNCTION search_index_user()`,
      `CREATE FUNCTION search_index_refresh_post(post bigint) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM search_index WHERE doc_id = post * 2 + 1;
         INSERT INTO search_index (doc_id, document)
         SELECT p.id * 2 + 1,
                setweight(${words('p.title')}, 'A')
                || setweight(${words("(SELECT string_agg(tag, ' ') FROM post_tags WHERE post_id = p.id)")}, 'B')
                || setweight(${words('p.body')}, 'D')
         FROM posts p WHERE p.id = post;
       END $$`,
      `CREATE FUNCTION search_index_post() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM search_index_refresh_post(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER posts_search AFTER INSERT OR UPDATE OF title, body OR DELETE ON posts
       FOR EACH ROW EXECUTE FUNCTION search_index_post()`,
      `CREATE FUNCTION search_index_post_tags() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM search_index_refresh_post(CASE WHEN TG_OP = 'DELETE' THEN OLD.post_id ELSE NEW.post_id END);
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER post_tags_search AFTER INSERT OR DELETE ON post_tags
       FOR EACH ROW EXECUTE FUNCTION search_index_post_tags()`,
      `INSERT INTO search_index (doc_id, document)
       SELECT id * 2, setweight(${words('name')}, 'A') || setweight(${words('email')}, 'D') FROM users`,
      `SELECT search_index_refresh_post(id) FROM posts`,
    ]);
  },
  async down(db) {
    await run(db, [
      'DROP TRIGGER IF EXISTS users_search ON users',
      'DROP TRIGGER IF EXISTS posts_search ON posts',
      'DROP TRIGGER IF EXISTS post_tags_search ON post_tags',
      'DROP FUNCTION IF EXISTS search_index_user, search_index_post, search_index_post_tags, search_index_refresh_post',
      'DROP TABLE search_index',
    ]);
  },
};
