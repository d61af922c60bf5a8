import { pipeline } from 'node:stream/promises';
import type { ErrorObject } from 'ajv';
import etag from 'etag';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { CsvExport } from './handler-types.js';
import { badRequest, methodNotAllowed, nothingAt, unsupportedMediaType, unsupportedVersion } from '../domain/errors.js';
import type { Actor } from '../domain/policy.js';
import type { Services } from '../domain/services.js';
import { authenticate, type AuthRule } from './bearer.js';
import { ifMatch, notModified } from './conditional.js';
import type { CursorCodec } from '../versions/cursors.js';
import { jsonTypes } from './json-body.js';
import type { Logger } from '../logger.js';
import { negotiate } from './negotiate.js';
import type { RateLimiter, RateLimits } from './rate-limit.js';
import type { SignedInContext } from './request-context.js';
import { answerError } from './error-handler.js';
import { idempotent } from './idempotency.js';
import { describeRequest, elapsed, requestLogger, startRequest } from './request-log.js';
import { requestValidationError } from './validation-errors.js';

interface HandlerResult {
  status: number;
  body?: unknown;
  csv?: CsvExport;
  headers?: Record<string, string>;
  /** The JSON media type when it is not `application/json`: problem details. */
  contentType?: string;
}
// The generated map is typed per operation; here every handler is one shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (input: any, ctx: SignedInContext) => Promise<HandlerResult>;

/** A standalone Ajv validator, as generated into generated/v*\/*.cjs. */
export interface Validate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** One operation of the route table `npm run generate` writes (generated/v*\/routes.json). */
export interface Route {
  operationId: string;
  method: string;
  path: string;
  /** Anchored regular expression of the path template, one group per path parameter. */
  pattern: string;
  params: string[];
  body: { required: boolean } | null;
  /** Media types of its success responses, JSON first. */
  offered: string[];
  auth: AuthRule;
  /** It declares 304: a 200 carries an ETag, and If-None-Match / If-Modified-Since may make it a 304. */
  conditional: boolean;
  /** Declares Idempotency-Key: a retry with the same key replays the first answer. */
  idempotent?: boolean;
  /** Deprecation, Sunset and Link of a deprecated operation, from the spec; every response of it carries them. */
  deprecation: Record<string, string> | null;
}

export interface VersionApi {
  /** `v1`, `v2`: the path segment. */
  name: string;
  document: object;
  routes: Route[];
  handlers: Record<string, AnyHandler>;
  validators: { params: Record<string, Validate>; bodies: Record<string, Validate> };
  /** Loaded only when responses are validated, so the server does not pay for it otherwise. */
  responseValidators: () => Record<string, Validate>;
  rateLimits: RateLimits;
}

export interface RouterDeps {
  services: Services;
  cursors: CursorCodec;
  /** Absent when limits are off (`RATE_LIMITS=off`). */
  rateLimiter?: RateLimiter;
  /** Whom an anonymous request counts against; a signed-in one counts against its user. */
  rateLimitKey: (req: Request) => string;
  /** `log` reports a response that breaks the spec; `fail` turns it into a 500 (tests); `off` skips the check. */
  validateResponses: 'off' | 'log' | 'fail';
  logger: Logger;
  /** Headers every API response carries (helmet's, computed once). */
  securityHeaders: Record<string, string>;
  /** CORS for the allowed origins; absent when CORS_ORIGINS is empty. */
  cors?: RequestHandler;
  /** Reads a JSON body into `req.body`. */
  parseJson: RequestHandler;
}

type Headers = Record<string, string>;

const methodOrder = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];
const versioned = /^\/api\/(v\d+)(\/.*)?$/;
const docsPaths = new Set(['/api/docs', '/api/docs/redoc.standalone.js']);

/** Decodes path parameters; a malformed escape is the client's error. */
const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest('The request path is not validly percent-encoded.');
  }
};

/** Runs an express middleware as a step; resolves when it hands on, rejects with its error. */
const step = (middleware: RequestHandler, req: Request, res: Response) =>
  new Promise<void>((resolve, reject) => middleware(req, res, ((err?: unknown) => (err ? reject(err) : resolve())) as NextFunction));

/** Headers gathered as data so far, set on the response for a path that writes through express. */
function setAll(res: Response, headers: Headers) {
  for (const name in headers) res.setHeader(name, headers[name] as string);
  res.setHeader('X-Response-Time', elapsed(res));
}

/** The route table of one version: regular expressions compiled once, 404 and 405 from the table. */
function routeTable(api: VersionApi) {
  const routes = api.routes.map((route) => ({
    ...route,
    regex: new RegExp(route.pattern),
    template: `/api/${api.name}${route.path}`,
    limits: [...api.rateLimits.default, ...(api.rateLimits.operations[route.operationId] ?? [])],
    handler: api.handlers[route.operationId] as AnyHandler,
    validateParams: api.validators.params[`${route.operationId}_params`] as Validate,
    validateBody: api.validators.bodies[`${route.operationId}_body`],
  }));
  return (method: string, path: string, sentPath: string) => {
    // A server that answers GET answers HEAD (RFC 9110 §9.3.2): the GET route runs and no body goes out.
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allowed: string[] = [];
    for (const route of routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method === wanted) return { route, values: found.slice(1) };
      allowed.push(route.method);
      if (route.method === 'GET') allowed.push('HEAD');
    }
    if (allowed.length === 0) throw nothingAt(method, sentPath);
    const allow = allowed.sort((a, b) => methodOrder.indexOf(a) - methodOrder.indexOf(b)).join(', ');
    throw methodNotAllowed(method, allow);
  };
}
type Match = ReturnType<ReturnType<typeof routeTable>>;

/** Request validation: coerces the parameters and fills the spec's defaults in place; 400/422 with every failing field. */
function validateRequest({ route, values }: Match, req: Request) {
  const params = { path: Object.fromEntries(route.params.map((name, i) => [name, decode(values[i] as string)])), query: { ...(req.query as object) }, header: req.headers };
  const paramErrors = route.validateParams(params) ? [] : (route.validateParams.errors ?? []);
  let bodyErrors: ErrorObject[] = [];
  if (route.body && req.body === undefined && route.body.required) bodyErrors = [{ keyword: 'required', instancePath: '', schemaPath: '#', params: { missingProperty: '$' }, message: 'a JSON body is required' }];
  else if (route.validateBody && req.body !== undefined && !route.validateBody(req.body)) bodyErrors = route.validateBody.errors ?? [];
  if (paramErrors.length > 0 || bodyErrors.length > 0) throw requestValidationError(paramErrors, bodyErrors);
  return params;
}

/**
 * The versioned API, `/api/v<n>/…` and the unversioned alias `/api/…` (Accept-Version, default 1),
 * ahead of every other layer. The steps run in the order of the README's request path: start
 * (request id, clock, log line), CORS, body, route (404/405), who asks (401), limits (429),
 * representation (406), media type (415), validation (400/422), handler, respond. Headers are
 * gathered as data: a JSON answer (an error's too, and a 304) goes out in one writeHead and end;
 * a CSV stream goes the ordinary express way.
 */
export function createApiRouter(apis: VersionApi[], deps: RouterDeps): RequestHandler {
  const { services, cursors, rateLimiter, rateLimitKey, validateResponses, logger, securityHeaders, cors, parseJson } = deps;
  const versions = new Map(apis.map((api) => [api.name, { api, match: routeTable(api), responseValidators: validateResponses === 'off' ? undefined : api.responseValidators() }]));
  const supported = apis.map((api) => api.name.slice(1));

  /** Which version answers: the one in the path, or the alias's Accept-Version, whose URL is rewritten. */
  const resolveVersion = (req: Request, path: string, vary: string[]) => {
    const found = versioned.exec(path);
    if (found) return versions.get(found[1] as string);
    vary.push('Accept-Version');
    const asked = (req.get('accept-version') ?? '').trim() || '1';
    if (!supported.includes(asked)) {
      throw unsupportedVersion(asked, supported);
    }
    req.url = `/api/v${asked}${req.url.slice('/api'.length)}`;
    return versions.get(`v${asked}`);
  };

  const checkResponse = (res: Response, responseValidators: Record<string, Validate> | undefined, operationId: string, result: HandlerResult) => {
    const validate = responseValidators?.[`${operationId}_${result.status}`];
    if (!validate || result.body === undefined || validate(result.body)) return;
    requestLogger(res, logger).error({ operationId, status: result.status, errors: validate.errors }, 'response does not match the spec');
    if (validateResponses === 'fail') throw new Error(`${operationId} ${result.status}: response does not match the spec`);
  };

  // writeHead takes a flat [name, value, …] list; copying this one is far cheaper than spreading an object of twenty headers.
  const securityFlat = Object.entries(securityHeaders).flat();

  /**
   * A JSON answer (or none): one writeHead, one end; node sends no body to HEAD or with a 304.
   * Where the operation declares 304, a 200 to a GET has an ETag: the strong one its handler
   * gave (a user, a post), else a weak digest of the JSON (a page of a list); a matching
   * If-None-Match or If-Modified-Since makes it a 304 with the same headers and no body
   * (RFC 9110 §13.2.2, §15.4.5).
   */
  const respond = async (req: Request, res: Response, headers: Headers, result: HandlerResult, conditional = false) => {
    if (result.headers?.Link !== undefined && headers.Link !== undefined) {
      // One Link field: the handler's paging links, then the deprecation links.
      result = { ...result, headers: { ...result.headers, Link: `${result.headers.Link}, ${headers.Link}` } };
      headers = { ...headers };
      delete headers.Link;
    }
    if (result.csv) {
      // The security headers too: a HEAD answer has the headers of the GET answer.
      setAll(res, { ...securityHeaders, ...headers });
      return sendCsv(res, result.status, result.csv, result.headers, requestLogger(res, logger));
    }
    const out = securityFlat.slice();
    for (const name in headers) out.push(name, headers[name] as string);
    for (const name in result.headers) out.push(name, result.headers[name] as string);
    if (result.body === undefined) {
      out.push('X-Response-Time', elapsed(res));
      res.writeHead(result.status, out);
      return void res.end();
    }
    const json = JSON.stringify(result.body);
    const cacheable = conditional && result.status === 200 && (req.method === 'GET' || req.method === 'HEAD');
    if (cacheable) {
      let tag = result.headers?.ETag;
      if (tag === undefined) out.push('ETag', (tag = etag(json, { weak: true })));
      if (notModified(req.headers, tag, result.headers?.['Last-Modified'])) {
        out.push('X-Response-Time', elapsed(res));
        res.writeHead(304, out);
        return void res.end();
      }
    }
    const bytes = Buffer.byteLength(json);
    describeRequest(res, { bytes });
    out.push('Content-Type', `${result.contentType ?? 'application/json'}; charset=utf-8`, 'Content-Length', String(bytes), 'X-Response-Time', elapsed(res));
    res.writeHead(result.status, out);
    res.end(json);
  };

  async function serve(req: Request, res: Response, path: string, headers: Headers, vary: string[]) {
    if (cors && req.headers.origin !== undefined) {
      // The cors package writes its headers itself and answers a preflight on its own, at once
      // (its origin check is synchronous): then there is nothing left to do.
      setAll(res, { ...securityHeaders, ...headers, Vary: vary.join(', ') });
      let handedOn = false;
      cors(req, res, () => (handedOn = true));
      if (!handedOn) return;
    }
    const version = resolveVersion(req, path, vary);
    if (!version) throw nothingAt(req.method, path);
    const { api, match, responseValidators } = version;
    headers['API-Version'] = api.name.slice(1);
    // The route is looked up first so that every answer of a deprecated operation says so, a
    // refused body too; a 404 or 405 still comes after the body's 400, 413 or 415.
    let found: Match | undefined;
    let unrouted: unknown;
    try {
      found = match(req.method, req.path.slice(api.name.length + 5), path);
      if (found.route.deprecation) Object.assign(headers, found.route.deprecation);
    } catch (err) {
      unrouted = err;
    }
    if (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') await step(parseJson, req, res);
    if (!found) throw unrouted;
    const { route } = found;
    describeRequest(res, { route: route.template });
    // First who asks (401, counted against the address), the client's budget (429), what it can
    // take (406), then what it sent (415); a refused request still counts against the budget.
    const { actor, error } = await authenticate(route.auth, req.headers.authorization, services.tokens);
    if (actor) describeRequest(res, { userId: actor.id });
    const limitHeaders = await rateLimiter?.(route.limits, actor ? `user:${actor.id}` : rateLimitKey(req));
    if (limitHeaders) Object.assign(headers, limitHeaders);
    if (error) throw error;
    vary.push('Accept');
    headers.Vary = vary.join(', ');
    const representation = negotiate(req.headers.accept, route.offered);
    const sentBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (route.body && sentBody && !req.is(jsonTypes)) {
      throw unsupportedMediaType();
    }
    const params = validateRequest(found, req);
    // Only writes are conditional on If-Match; a value that is not a list of entity tags is 400.
    const expected = req.method === 'PATCH' || req.method === 'DELETE' ? ifMatch(req.headers['if-match'], api.name) : undefined;

    const origin = `${req.protocol}://${req.host}`;
    const base = `/api/${api.name}`;
    const run = () => route.handler(
      { params: params.path, query: params.query, body: req.body },
      {
        requestId: headers['X-Request-ID'] as string,
        // The versioned URL, also for requests that came in through the unversioned alias;
        // parsed only by the handlers that build links from it.
        get url() {
          return new URL(req.url, origin);
        },
        baseUrl: `${origin}${base}`,
        representation,
        services,
        cursors,
        document: api.document,
        // Present wherever the route's auth rule is `required`; authenticate() refused the request otherwise.
        actor: actor as Actor,
        ifMatch: expected,
      },
    );
    // Idempotency-Key on a POST: a retry replays the first answer (src/http/idempotency.ts).
    // Scoped like rate limits: the user, else the address. Other requests pay one test.
    const result =
      route.idempotent && req.headers['idempotency-key'] !== undefined
        ? await idempotent(req, { service: services.idempotency, scope: actor ? `user:${actor.id}` : rateLimitKey(req), render: (err) => answerError(err, res, logger), log: requestLogger(res, logger) }, run)
        : await run();
    checkResponse(res, responseValidators, route.operationId, result);
    await respond(req, res, headers, result, route.conditional);
  }

  return (req, res, next) => {
    const path = req.path;
    if (!path.startsWith('/api/') || docsPaths.has(path)) return next();
    const headers: Headers = { 'X-Request-ID': startRequest(req, res, logger) };
    const vary: string[] = cors ? ['Origin'] : [];
    serve(req, res, path, headers, vary).catch((err: unknown) => {
      // Past the first byte of a stream the status cannot change: express ends the connection.
      if (res.headersSent) return next(err);
      // An error depends on Accept too: problem details for a client that asks for them.
      if (!vary.includes('Accept')) vary.push('Accept');
      headers.Vary = vary.join(', ');
      const answer = answerError(err, res, logger);
      void respond(req, res, headers, answer).catch(next);
    });
  };
}

/** A CSV export, streamed: it has no ETag (its rows are read as they go out). */
async function sendCsv(res: Response, status: number, csv: CsvExport, headers: Headers | undefined, log: Logger) {
  res.status(status).set(headers ?? {});
  res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename=${csv.filename}` });
  if (res.req.method === 'HEAD') {
    // The headers of the export without reading it: HEAD sends no body.
    csv.stream.destroy();
    return void res.end();
  }
  // Once the first row is out the status cannot change; a failed read cuts the response short.
  await pipeline(csv.stream, res).catch((err: unknown) => {
    log.error({ err }, 'CSV export failed mid-stream');
    res.destroy();
  });
}
