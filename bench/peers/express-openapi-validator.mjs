// Peer: express-openapi-validator 5.6 validating requests against the v2 spec at run time,
// with the baseline's queries and routes.
import express from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import document from '../../generated/v2/openapi.json' with { type: 'json' };
import { base, benchQueries, reply } from './handlers.mjs';

const q = benchQueries(process.env.BASELINE_DATABASE);
const app = express();
app.disable('x-powered-by');
app.use(express.json());
app.use(
  OpenApiValidator.middleware({
    apiSpec: structuredClone(document),
    validateRequests: true,
    validateResponses: false,
    validateFormats: true,
  }),
);
app.get('/api/v2/users/:userId', (req, res) => reply(res, q.getUser(Number(req.params.userId), base(req))));
app.get('/api/v2/users', (req, res) => reply(res, q.listUsers(Number(req.query.per_page ?? 20), base(req))));
app.post('/api/v2/users', (req, res) => reply(res, q.createUser(req.body, base(req))));
app.get('/api/v2/search', (req, res) => reply(res, q.search(req.query.q, base(req))));
app.use((err, _req, res, _next) => res.status(err.status ?? 500).json({ error: { code: 'ERROR', message: err.message } }));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('"listening"'));
