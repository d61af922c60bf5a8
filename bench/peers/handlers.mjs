// The benchmark's queries and JSON, shared by the baselines and the two peers (not the product):
// better-sqlite3 prepared statements, or the same queries through a pg pool. createUser hashes the
// password as the API does (src/domain/passwords.ts: scrypt, r = 8, p = 1, 32 bytes, 16-byte salt)
// at PASSWORD_HASH_COST, so the comparison of sign-up is like with like.
import { randomBytes, scrypt } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

/** The v2 root of a request, for links. */
export const base = (req) => `${req.protocol}://${req.host}/api/v2`;

/** Sends a query result, or the result a promise settles with. */
export function reply(res, result) {
  if (!(result instanceof Promise)) return res.status(result.status).json(result.body);
  return result.then(
    ({ status, body }) => res.status(status).json(body),
    (err) => res.status(500).json({ error: { code: 'INTERNAL', message: err.message } }),
  );
}

/** The four routes the benchmark calls, answered from `q`. */
export function routes(app, q) {
  app.get('/api/v2/users/:userId', (req, res) => reply(res, q.getUser(Number(req.params.userId), base(req))));
  app.get('/api/v2/users', (req, res) => reply(res, q.listUsers(Number(req.query.per_page ?? 20), base(req))));
  app.post('/api/v2/users', (req, res) => reply(res, q.createUser(req.body, base(req))));
  app.get('/api/v2/search', (req, res) => reply(res, q.search(req.query.q, base(req))));
}

const cost = Number(process.env.PASSWORD_HASH_COST ?? 10);
/** `scrypt$<log2 N>$8$1$<salt>$<hash>`, as the API stores it. */
const hashPassword = (password) =>
  new Promise((resolve, reject) => {
    const salt = randomBytes(16);
    const N = 2 ** cost;
    scrypt(String(password).normalize('NFKC'), salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 }, (err, key) =>
      err ? reject(err) : resolve(['scrypt', cost, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')),
    );
  });

const link = (href, method) => ({ href, method });
const user = (u, base) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  created_at: new Date(u.created_at).toISOString(),
  updated_at: new Date(u.updated_at).toISOString(),
  _links: {
    self: link(`${base}/users/${u.id}`, 'GET'),
    posts: link(`${base}/users/${u.id}/posts`, 'GET'),
    update: link(`${base}/users/${u.id}`, 'PATCH'),
    delete: link(`${base}/users/${u.id}`, 'DELETE'),
  },
});
const notFound = { status: 404, body: { error: { code: 'USER_NOT_FOUND' } } };
const page = (rows, perPage, base) => ({
  status: 200,
  body: {
    data: rows.slice(0, perPage).map((u) => user(u, base)),
    meta: { version: 2, per_page: perPage, has_more: rows.length > perPage },
    links: {
      self: `${base}/users?per_page=${perPage}`,
      next: rows.length > perPage ? `${base}/users?per_page=${perPage}&cursor=x` : null,
      prev: null,
    },
  },
});
const searchPage = (data, hasMore, q, base) => ({
  status: 200,
  body: { data, meta: { version: 2, per_page: 20, has_more: hasMore }, links: { self: `${base}/search?q=${q}`, next: null, prev: null } },
});
const wordsOf = (q) => String(q).match(/[\p{L}\p{N}]+/gu) ?? [];

/** The queries on a SQLite file (better-sqlite3, prepared once). */
export function benchQueries(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const getUser = db.prepare('SELECT id, email, name, role, created_at, updated_at FROM users WHERE id = ?');
  const firstPage = db.prepare('SELECT id, email, name, role, created_at, updated_at FROM users ORDER BY created_at DESC, id DESC LIMIT ?');
  const insertUser = db.prepare(
    "INSERT INTO users (email, name, role, password_hash, created_at, updated_at) VALUES (?, ?, 'user', ?, ?, ?) " +
      'RETURNING id, email, name, role, created_at, updated_at',
  );
  const search = db.prepare('SELECT rowid AS rid, rank AS r FROM search_index WHERE search_index MATCH ? ORDER BY rank, rowid LIMIT ?');
  return {
    getUser(id, base) {
      const row = getUser.get(id);
      return row ? { status: 200, body: user(row, base) } : notFound;
    },
    listUsers(perPage, base) {
      return page(firstPage.all(perPage + 1), perPage, base);
    },
    async createUser(input, base) {
      const hash = await hashPassword(input.password);
      const now = new Date().toISOString();
      return { status: 201, body: user(insertUser.get(input.email, input.name, hash, now, now), base) };
    },
    search(q, base) {
      const words = wordsOf(q);
      const hits = search.all(words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' '), 21);
      const data = hits
        .slice(0, 20)
        .filter((h) => h.rid % 2 === 0)
        .map((h) => ({ type: 'user', score: -h.r, user: user(getUser.get(h.rid / 2), base) }));
      return searchPage(data, hits.length > 20, q, base);
    },
  };
}

/** The same queries on PostgreSQL through a pg pool of 10 (the API's DB_POOL_MAX default). */
export function pgQueries(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const columns = 'id, email, name, role, created_at, updated_at';
  return {
    async getUser(id, base) {
      const { rows } = await pool.query(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
      return rows[0] ? { status: 200, body: user(rows[0], base) } : notFound;
    },
    async listUsers(perPage, base) {
      const { rows } = await pool.query(`SELECT ${columns} FROM users ORDER BY created_at DESC, id DESC LIMIT $1`, [perPage + 1]);
      return page(rows, perPage, base);
    },
    async createUser(input, base) {
      const hash = await hashPassword(input.password);
      const now = new Date().toISOString();
      const { rows } = await pool.query(
        `INSERT INTO users (email, name, role, password_hash, created_at, updated_at) VALUES ($1, $2, 'user', $3, $4, $4) ` +
          `RETURNING ${columns}`,
        [input.email, input.name, hash, now],
      );
      return { status: 201, body: user(rows[0], base) };
    },
    async search(q, base) {
      const words = wordsOf(q);
      const query = words.map((w, i) => `${w.toLowerCase()}${i === words.length - 1 ? ':*' : ''}`).join(' & ');
      const { rows: hits } = await pool.query(
        `SELECT doc_id AS rid, (-ts_rank(document, q))::float8 AS r FROM search_index, to_tsquery('simple', $1) AS q ` +
          `WHERE document @@ q ORDER BY r, rid LIMIT 21`,
        [query],
      );
      const users = hits.slice(0, 20).filter((h) => Number(h.rid) % 2 === 0);
      const { rows } = await pool.query(`SELECT ${columns} FROM users WHERE id = ANY($1::int[])`, [users.map((h) => Number(h.rid) / 2)]);
      const byId = new Map(rows.map((u) => [u.id, u]));
      const data = users.flatMap((h) => {
        const u = byId.get(Number(h.rid) / 2);
        return u ? [{ type: 'user', score: -h.r, user: user(u, base) }] : [];
      });
      return searchPage(data, hits.length > 20, q, base);
    },
  };
}

/** The queries for BASELINE_DATABASE: a postgres:// URL, or the path of a SQLite file. */
export const openQueries = (database) => (/^postgres(ql)?:\/\//.test(database) ? pgQueries(database) : benchQueries(database));
