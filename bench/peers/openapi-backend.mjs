// Peer: openapi-backend 5.21 routing and validating the v2 spec (Ajv 2020, coercion) at run time,
// with the baseline's queries. `quick` mode: its eager start-up compile fails on this spec.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import express from 'express';
import { OpenAPIBackend } from 'openapi-backend';
import document from '../../generated/v2/openapi.json' with { type: 'json' };
import { base, benchQueries, reply } from './handlers.mjs';

const q = benchQueries(process.env.BASELINE_DATABASE);
class Backend extends OpenAPIBackend {
  validateDefinition() {
    return this.document;
  }
}
const api = new Backend({
  definition: structuredClone(document),
  quick: true,
  coerceTypes: true,
  customizeAjv: (_ajv, options) => {
    const ajv = new Ajv2020({ ...options, strict: false, allErrors: true, useDefaults: true });
    addFormats.default(ajv);
    ajv.addFormat('int64', true);
    ajv.addFormat('int32', true);
    return ajv;
  },
});
api.register({
  getUser: (c, req, res) => reply(res, q.getUser(Number(c.request.params.userId), base(req))),
  listUsers: (c, req, res) => reply(res, q.listUsers(Number(c.request.query.per_page ?? 20), base(req))),
  createUser: (c, req, res) => reply(res, q.createUser(c.request.requestBody, base(req))),
  search: (c, req, res) => reply(res, q.search(c.request.query.q, base(req))),
  validationFail: (c, _req, res) => res.status(400).json({ error: { code: 'BAD_REQUEST', details: c.validation.errors } }),
  notFound: (_c, _req, res) => res.status(404).json({ error: { code: 'NOT_FOUND' } }),
  notImplemented: (_c, _req, res) => res.status(501).json({ error: { code: 'NOT_IMPLEMENTED' } }),
});
await api.init();
const app = express();
app.disable('x-powered-by');
app.use(express.json());
app.use('/api/v2', (req, res) =>
  api.handleRequest({ method: req.method, path: req.path, query: req.query, headers: req.headers, body: req.body }, req, res),
);
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('"listening"'));
