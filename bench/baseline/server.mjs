// The baseline: bare Express 5 and better-sqlite3 answering the benchmark's queries with the
// same JSON as the API's v2, with no validation, no limits, no logging. Not part of the product.
import express from 'express';
import { base, benchQueries, reply } from '../peers/handlers.mjs';

const q = benchQueries(process.env.DATABASE_FILE);
const app = express();
app.disable('x-powered-by');
app.use(express.json());
app.get('/api/v2/users/:userId', (req, res) => reply(res, q.getUser(Number(req.params.userId), base(req))));
app.get('/api/v2/users', (req, res) => reply(res, q.listUsers(Number(req.query.per_page ?? 20), base(req))));
app.post('/api/v2/users', (req, res) => reply(res, q.createUser(req.body, base(req))));
app.get('/api/v2/search', (req, res) => reply(res, q.search(req.query.q, base(req))));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('"listening"'));
