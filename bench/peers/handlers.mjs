// The benchmark's queries and JSON, shared by the baseline and the two peers (not the product).
import Database from 'better-sqlite3';

/** The v2 root of a request, for links, and the reply of a query result. */
export const base = (req) => `${req.protocol}://${req.host}/api/v2`;
export const reply = (res, { status, body }) => res.status(status).json(body);

export function benchQueries(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
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
  const getUser = db.prepare('SELECT id, email, name, role, created_at, updated_at FROM users WHERE id = ?');
  const firstPage = db.prepare('SELECT id, email, name, role, created_at, updated_at FROM users ORDER BY created_at DESC, id DESC LIMIT ?');
  const insertUser = db.prepare(
    "INSERT INTO users (email, name, role, created_at, updated_at) VALUES (?, ?, 'user', ?, ?) RETURNING id, email, name, role, created_at, updated_at",
  );
  const search = db.prepare('SELECT rowid AS rid, rank AS r FROM search_index WHERE search_index MATCH ? ORDER BY rank, rowid LIMIT ?');
  return {
    getUser(id, base) {
      const row = getUser.get(id);
      return row ? { status: 200, body: user(row, base) } : { status: 404, body: { error: { code: 'USER_NOT_FOUND' } } };
    },
    listUsers(perPage, base) {
      const rows = firstPage.all(perPage + 1);
      return {
        status: 200,
        body: {
          data: rows.slice(0, perPage).map((u) => user(u, base)),
          meta: { version: 2, per_page: perPage, has_more: rows.length > perPage },
          links: { self: `${base}/users?per_page=${perPage}`, next: rows.length > perPage ? `${base}/users?per_page=${perPage}&cursor=x` : null, prev: null },
        },
      };
    },
    createUser(input, base) {
      const now = new Date().toISOString();
      return { status: 201, body: user(insertUser.get(input.email, input.name, now, now), base) };
    },
    search(q, base) {
      const words = String(q).match(/[\p{L}\p{N}]+/gu) ?? [];
      const hits = search.all(words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' '), 21);
      const data = hits.slice(0, 20).filter((h) => h.rid % 2 === 0).map((h) => ({ type: 'user', score: -h.r, user: user(getUser.get(h.rid / 2), base) }));
      return { status: 200, body: { data, meta: { version: 2, per_page: 20, has_more: hits.length > 20 }, links: { self: `${base}/search?q=${q}`, next: null, prev: null } } };
    },
  };
}
