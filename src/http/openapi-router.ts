import { pipeline } from 'node:stream/promises';
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Request, RequestHandler, Response } from 'express';
import { OpenAPIBackend, type Context, type Document } from 'openapi-backend';
import type { CsvExport } from '../../generated/handler-types.js';
import { ApiError } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import type { CursorCodec } from './cursors.js';
import type { RateLimiter, RateLimits } from './rate-limit.js';
import { jsonTypes } from './json-body.js';
import { negotiate, offeredTypes } from './negotiate.js';
import type { RequestContext } from './request-context.js';
import { requestValidationError } from './validation-errors.js';

interface HandlerResult {
  status: number;
  body?: unknown;
  csv?: CsvExport;
  headers?: Record<string, string>;
}
// The generated map is typed per operation; here every handler is one shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (input: any, ctx: RequestContext) => Promise<HandlerResult>;

export interface VersionApi {
  /** `v1`, `v2`: the path segment. */
  name: string;
  document: object;
  handlers: Record<string, AnyHandler>;
  rateLimits: RateLimits;
}

export interface RouterDeps {
  services: Services;
  cursors: CursorCodec;
  /** Absent when limits are off (`RATE_LIMITS=off`). */
  rateLimiter?: RateLimiter;
}

/** openapi-backend checks documents against the OpenAPI 3.0 meta-schema only; Redocly lints our 3.1 specs instead. */
class OpenApi31Backend extends OpenAPIBackend {
  override validateDefinition() {
    return this.document;
  }
}

/**
 * Its default Ajv is draft-07 and ignores 2020-12 keywords; the specs are 3.1, so validate with 2020-12.
 * Not strict: openapi-backend wraps our schemas in its own (defaults at their root), and Redocly lints ours.
 */
function ajv2020(_default: unknown, options: Options) {
  const ajv = new Ajv2020({ ...options, allErrors: true, useDefaults: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  return ajv;
}

const methods = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];

async function send(res: Response, result: HandlerResult) {
  res.status(result.status).set(result.headers ?? {});
  if (result.csv) {
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename=${result.csv.filename}` });
    // Once the first row is out the status cannot change; a failed read cuts the response short.
    await pipeline(result.csv.stream, res).catch((err: unknown) => {
      res.log.error({ err }, 'CSV export failed mid-stream');
      res.destroy();
    });
  } else if (result.body === undefined) res.end();
  else res.json(result.body);
}

/** The document without the path items that carry servers of their own (the probes at the root). */
function versionedPaths(document: object): Document {
  const copy = structuredClone(document) as Document & { paths: Record<string, { servers?: unknown }> };
  for (const [path, item] of Object.entries(copy.paths)) if (item.servers) delete copy.paths[path];
  return copy;
}

export async function createVersionRouter(api: VersionApi, { services, cursors, rateLimiter }: RouterDeps): Promise<RequestHandler> {
  const backend = new OpenApi31Backend({
    definition: versionedPaths(api.document),
    strict: true,
    // Quick mode compiles each request validator on first use and never the response validators,
    // which we do not use in production; its eager compile also chokes on schemas shared by
    // several responses (its decycle() turns a shared `properties` map into a `$ref`).
    quick: true,
    coerceTypes: true,
    customizeAjv: ajv2020 as never,
  });

  const allowedMethods = (path: string) =>
    methods.filter((method) => backend.router.matchOperation({ method, path, headers: {} })).map((m) => m.toUpperCase());

  backend.register({
    notFound: (c: Context) => {
      throw new ApiError(404, 'NOT_FOUND', `Nothing is at ${c.request.method.toUpperCase()} /api/${api.name}${c.request.path}.`);
    },
    methodNotAllowed: (c: Context) => {
      const allow = allowedMethods(c.request.path).join(', ');
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${c.request.method.toUpperCase()} is not allowed here; use ${allow}.`, {
        headers: { Allow: allow },
      });
    },
    // Runs before validation: first the client's budget (429), then what it can take (406),
    // then what it sent (415); a refused request still counts against the budget.
    postRoutingHandler: async (c: Context, req: Request, res: Response) => {
      if (!c.operation) return;
      await rateLimiter?.([...api.rateLimits.default, ...(api.rateLimits.operations[c.operation.operationId as string] ?? [])], req, res);
      res.vary('Accept');
      res.locals.representation = negotiate(req.get('accept'), offeredTypes(c.operation.responses as never));
      // An empty body (Content-Length: 0) is a missing body, reported by validation as a 422.
      const sentBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
      if (c.operation.requestBody && sentBody && !req.is(jsonTypes)) {
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be application/json.');
      }
    },
    validationFail: (c: Context) => {
      throw requestValidationError(c.validation.errors ?? []);
    },
  });

  for (const [operationId, handler] of Object.entries(api.handlers)) {
    backend.register(operationId, async (c: Context, req: Request, res: Response) => {
      const origin = `${req.protocol}://${req.host}`;
      const result = await handler(
        // `coerced` holds the parameters after type coercion and the spec's defaults.
        { params: c.validation.coerced.params ?? {}, query: c.validation.coerced.query ?? {}, body: c.request.requestBody },
        {
          requestId: res.locals.requestId as string,
          // The versioned URL, also for requests that came in through the unversioned alias.
          url: new URL(`${req.baseUrl}${req.url}`, origin),
          baseUrl: `${origin}${req.baseUrl}`,
          representation: res.locals.representation as string,
          services,
          cursors,
          document: api.document,
        },
      );
      await send(res, result);
    });
  }

  await backend.init();
  return (req, res, next) => {
    backend
      .handleRequest({ method: req.method, path: req.path, query: req.query as never, headers: req.headers as never, body: req.body }, req, res)
      .catch(next);
  };
}
