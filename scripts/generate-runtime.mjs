// The runtime half of `npm run generate`: the route table and standalone Ajv validators of one
// spec, so the server compiles no schema and runs no `new Function` when it starts or serves.
// openapi-backend reads and dereferences the definition and lists its operations (the route table);
// Ajv's standalone code generation turns every schema into plain functions.
import { Ajv } from 'ajv';
import { Ajv2020, _ } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { OpenAPIBackend } from 'openapi-backend';

/** Probes (path items with servers of their own) are served at the root, not by the version router. */
export const isVersioned = (pathItem) => !pathItem.servers;

/** Formats the specs use beyond ajv-formats'. The generated validators require this module. */
export const formatsModule = `/* eslint-disable */
// DO NOT EDIT. Written by \`npm run generate\` (scripts/generate-runtime.mjs).
'use strict';
const { fullFormats } = require('ajv-formats/dist/formats');
module.exports = {
  ...fullFormats,
  int32: { type: 'number', validate: (n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 },
  int64: { type: 'number', validate: (n) => Number.isSafeInteger(n) },
};
`;

function newAjv(options) {
  // The formats come from formats.cjs, beside the version folders, in the generated code.
  const ajv = new Ajv2020({ ...options, allErrors: true, strict: false, code: { source: true, formats: _`require("../formats.cjs")` } });
  addFormats.default(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isSafeInteger(n) });
  return ajv;
}

/**
 * The environment's schema (src/config-schema.json, draft-07 like the Ajv config.ts used to
 * compile at start) as a standalone validator: coerced, defaults filled, every error reported.
 */
export function configValidator(schema) {
  const ajv = new Ajv({
    coerceTypes: true,
    useDefaults: true,
    allErrors: true,
    code: { source: true, formats: _`require("./formats.cjs")` },
  });
  addFormats.default(ajv, ['email']);
  return `${banner('src/config-schema.json')}${standaloneCode.default(ajv, ajv.compile(schema))}\n`;
}

/** `/users/{userId}/posts` → `^/users/([^/]+)/posts/?$` and its parameter names. */
function pathPattern(path) {
  const params = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name) => {
    params.push(name);
    return '([^/]+)';
  });
  return { pattern: `^${source}/?$`, params };
}

/**
 * What the operation's `security` asks of a bearer token: `required` when every alternative
 * names bearerAuth, `optional` when `{}` is one of them, `none` when bearerAuth is not named.
 */
export function authOf(security) {
  const bearer = security.filter((s) => 'bearerAuth' in s);
  if (bearer.length === 0) return 'none';
  return security.some((s) => Object.keys(s).length === 0) ? 'optional' : 'required';
}

const banner = (source) => `/* eslint-disable */\n// DO NOT EDIT. Written by \`npm run generate\` from ${source}.\n`;

/** `deprecated`: operationId → the Deprecation, Sunset and Link headers of its responses (scripts/deprecation.mjs). */
export async function runtimeArtifacts(version, document, deprecated = {}) {
  const versioned = { ...document, paths: Object.fromEntries(Object.entries(document.paths).filter(([, item]) => isVersioned(item))) };
  const backend = new OpenAPIBackend({ definition: structuredClone(versioned), quick: true, validate: false });
  await backend.init();

  const params = newAjv({ coerceTypes: true, useDefaults: true });
  const bodies = newAjv({ useDefaults: true });
  const responses = newAjv({});
  const routes = [];
  for (const op of backend.router.getOperations()) {
    const { operationId } = op;
    // Like openapi-backend's own request schema: unknown query parameters are refused.
    // Header parameters are checked as node has them (lower-case names) and other headers pass.
    const group = (where) => {
      const list = op.parameters.filter((p) => p.in === where);
      const nameOf = (p) => (where === 'header' ? p.name.toLowerCase() : p.name);
      return {
        type: 'object',
        additionalProperties: where === 'header',
        properties: Object.fromEntries(list.map((p) => [nameOf(p), p.schema])),
        required: list.filter((p) => p.required).map(nameOf),
      };
    };
    params.addSchema(
      { type: 'object', properties: { path: group('path'), query: group('query'), header: group('header') }, required: ['path', 'query'] },
      `${operationId}_params`,
    );
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    if (bodySchema) bodies.addSchema(bodySchema, `${operationId}_body`);
    const statuses = {};
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const schema = response.content?.['application/json']?.schema;
      if (schema) responses.addSchema(schema, `${operationId}_${status}`);
      statuses[status] = Object.keys(response.content ?? {});
    }
    const offered = [
      ...new Set([
        'application/json',
        ...Object.entries(statuses)
          .filter(([s]) => s.startsWith('2'))
          .flatMap(([, types]) => types),
      ]),
    ];
    routes.push({
      operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      ...pathPattern(op.path),
      body: bodySchema ? { required: Boolean(op.requestBody.required) } : null,
      offered,
      auth: authOf(op.security ?? document.security ?? []),
      // The operation declares 304: its 200 carries an ETag and a matching If-None-Match or If-Modified-Since is answered 304.
      conditional: '304' in statuses,
      // A POST that declares Idempotency-Key replays its first answer to a retry with the same key.
      idempotent: op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
      // Headers every response of a deprecated operation carries, success or error; null otherwise.
      deprecation: deprecated[operationId] ?? null,
    });
  }

  const source = `openapi/${version}.yaml`;
  const standalone = (ajv) => `${banner(source)}${standaloneCode.default(ajv)}\n`;
  return {
    routes: `${JSON.stringify(routes, null, 2)}\n`,
    'request-validators.cjs':
      `${banner(source)}// Parameters (coerced, defaults filled) as { path, query }, and JSON bodies, per operationId.\n` +
      `module.exports = {\n  params: require('./params.cjs'),\n  bodies: require('./bodies.cjs'),\n};\n`,
    'params.cjs': standalone(params),
    'bodies.cjs': standalone(bodies),
    'responses.cjs': standalone(responses),
  };
}
