// The baseline: bare Express 5 and better-sqlite3 answering the benchmark's queries with the
// same JSON as the API's v2, with no validation, no limits, no logging. Not part of the product.
import Database from 'better-sqlite3';
import express from 'express';

const db = new Database(process.env.DATABASE_FILE);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
const origin = (req) => `${req.protocol}://${req.host}/api/v2`;
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
const insertUser = db.prepare("INSERT INTO users (email, name, role, created_at, updated_at) VALUES (?, ?, 'user', ?, ?) RETURNING id, email, name, role, created_at, updated_at");
const search = db.prepare('SELECT rowid AS rid, rank AS r FROM search_index WHERE search_index MATCH ? ORDER BY rank, rowid LIMIT ?');

const app = express();
app.disable('x-powered-by');
app.use(express.json());
app.get('/api/v2/users/:id', (req, res) => {
  const row = getUser.get(Number(req.params.id));
  if (!row) return res.status(404).json({ error: { code: 'USER_NOT_FOUND' } });
  res.json(user(row, origin(req)));
});
app.get('/api/v2/users', (req, res) => {
  const perPage = Number(req.query.per_page ?? 20);
  const rows = firstPage.all(perPage + 1);
  const base = origin(req);
  res.json({
    data: rows.slice(0, perPage).map((u) => user(u, base)),
    meta: { version: 2, per_page: perPage, has_more: rows.length > perPage },
    links: { self: `${base}/users?per_page=${perPage}`, next: rows.length > perPage ? `${base}/users?per_page=${perPage}&cursor=x` : null, prev: null },
  });
});
app.post('/api/v2/users', (req, res) => {
  const now = new Date().toISOString();
  const row = insertUser.get(req.body.email, req.body.name, now, now);
  res.status(201).location(`${origin(req)}/users/${row.id}`).json(user(row, origin(req)));
});
app.get('/api/v2/search', (req, res) => {
  const words = String(req.query.q).match(/[\p{L}\p{N}]+/gu) ?? [];
  const hits = search.all(words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' '), 20);
  const users = hits.filter((h) => h.rid % 2 === 0).map((h) => ({ type: 'user', score: -h.r, user: user(getUser.get(h.rid / 2), origin(req)) }));
  res.json({ data: users, meta: { version: 2, per_page: 20, has_more: false }, links: { self: req.originalUrl, next: null, prev: null } });
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('"listening"'));
