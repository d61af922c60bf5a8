import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { nothingAt, unsupportedVersion } from '../domain/errors.js';
import type { Actor } from '../domain/policy.js';
import type { Services } from '../domain/services.js';
import type { Logger } from '../logger.js';
import type { CursorCodec } from '../versions/cursors.js';
import { authenticate } from './bearer.js';
import { answerError } from './error-handler.js';
import { idempotent } from './idempotency.js';
import { negotiate } from './negotiate.js';
import type { RateLimiter } from './rate-limit.js';
import { describeRequest, requestLogger, startRequest } from './request-log.js';
import { checkMediaType, validateRequest, type ValidRequest } from './request-validation.js';
import { responder, setAll, type Headers } from './respond.js';
import { routeTable, type HandlerResult, type Match, type ServedRoute, type Validate, type VersionApi } from './route-table.js';

export type { Validate, VersionApi } from './route-table.js';

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
  securityHeaders: Headers;
  /** CORS for the allowed origins; absent when CORS_ORIGINS is empty. */
  cors?: RequestHandler;
  /** Reads a JSON body into `req.body`. */
  parseJson: RequestHandler;
}

/** One request on its way through the steps: what each reads, and the headers gathered as data. */
interface Exchange {
  req: Request;
  res: Response;
  /** The path as sent (before the alias is rewritten). */
  path: string;
  headers: Headers;
  vary: string[];
}

interface ServedVersion {
  api: VersionApi;
  match: ReturnType<typeof routeTable>;
  responseValidators: Record<string, Validate> | undefined;
}

const versioned = /^\/api\/(v\d+)(\/.*)?$/;
const docsPaths = new Set(['/api/docs', '/api/docs/redoc.standalone.js']);

/** Runs an express middleware as a step; resolves when it hands on, rejects with its error. */
const runMiddleware = (middleware: RequestHandler, req: Request, res: Response) =>
  new Promise<void>((resolve, reject) => middleware(req, res, ((err?: unknown) => (err ? reject(err) : resolve())) as NextFunction));

/**
 * The versioned API, `/api/v<n>/…` and the unversioned alias `/api/…` (Accept-Version, default 1),
 * ahead of every other layer. `serve` runs the steps in the order of the README's request path,
 * each a named function below: CORS, version, route and body, admission (401, 429),
 * representation (406), media type (415), validation (400/422, If-Match), the handler (through
 * Idempotency-Key), the response check, respond (ETag, 304). Any error becomes an answer in one
 * place, `answerError`, and goes out through the same `respond`.
 */
export function createApiRouter(apis: VersionApi[], deps: RouterDeps): RequestHandler {
  const { services, cursors, rateLimiter, rateLimitKey, validateResponses, logger, securityHeaders, cors, parseJson } = deps;
  const versions = new Map<string, ServedVersion>(
    apis.map((api) => [
      api.name,
      { api, match: routeTable(api), responseValidators: validateResponses === 'off' ? undefined : api.responseValidators() },
    ]),
  );
  const supported = apis.map((api) => api.name.slice(1));
  const { checkResponse, respond } = responder({ securityHeaders, logger, validateResponses });

  /** CORS, only with CORS_ORIGINS and an Origin. False when the cors package answered a preflight itself. */
  function passCors({ req, res, headers, vary }: Exchange): boolean {
    if (!cors || req.headers.origin === undefined) return true;
    // The cors package writes its headers itself and answers a preflight at once (its origin check is synchronous).
    setAll(res, { ...securityHeaders, ...headers, Vary: vary.join(', ') });
    let handedOn = false;
    cors(req, res, () => (handedOn = true));
    return handedOn;
  }

  /** Which version answers: the one in the path, or the alias's Accept-Version (400), whose URL is rewritten. */
  function selectVersion({ req, path, headers, vary }: Exchange): ServedVersion {
    let name = versioned.exec(path)?.[1];
    if (name === undefined) {
      vary.push('Accept-Version');
      const asked = (req.get('accept-version') ?? '').trim() || '1';
      if (!supported.includes(asked)) throw unsupportedVersion(asked, supported);
      req.url = `/api/v${asked}${req.url.slice('/api'.length)}`;
      name = `v${asked}`;
    }
    const version = versions.get(name);
    if (!version) throw nothingAt(req.method, path);
    headers['API-Version'] = version.api.name.slice(1);
    return version;
  }

  /**
   * The route (404, 405) and the JSON body (400, 413). The route is looked up first so that every
   * answer of a deprecated operation says so, a refused body too; a 404 or 405 still comes after
   * the body's 400 or 413.
   */
  async function findRoute({ req, res, path, headers }: Exchange, { api, match }: ServedVersion): Promise<Match> {
    let found: Match | undefined;
    let unrouted: unknown;
    try {
      found = match(req.method, req.path.slice(api.name.length + 5), path);
      if (found.route.deprecation) Object.assign(headers, found.route.deprecation);
    } catch (err) {
      unrouted = err;
    }
    if (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') await runMiddleware(parseJson, req, res);
    if (!found) throw unrouted;
    describeRequest(res, { route: found.route.template });
    return found;
  }

  /**
   * Who asks, as the operation's security says (401), and the client's budget (429): the user's
   * when signed in, else the address's. A refused token still counts against its address.
   */
  async function admit({ req, res, headers }: Exchange, route: ServedRoute): Promise<Actor | undefined> {
    const { actor, error } = await authenticate(route.auth, req.headers.authorization, services.tokens);
    if (actor) describeRequest(res, { userId: actor.id });
    const limitHeaders = await rateLimiter?.(route.limits, actor ? `user:${actor.id}` : rateLimitKey(req));
    if (limitHeaders) Object.assign(headers, limitHeaders);
    if (error) throw error;
    return actor;
  }

  /** What the client can take (406); every answer from here on varies with Accept. */
  function chooseRepresentation({ req, headers, vary }: Exchange, route: ServedRoute): string {
    vary.push('Accept');
    headers.Vary = vary.join(', ');
    return negotiate(req.headers.accept, route.offered);
  }

  /** The handler with its typed context; on a POST that sends Idempotency-Key, through the key's step. */
  function invoke(
    x: Exchange,
    { api }: ServedVersion,
    route: ServedRoute,
    valid: ValidRequest,
    actor: Actor | undefined,
    representation: string,
  ): Promise<HandlerResult> {
    const { req, res, headers } = x;
    const origin = `${req.protocol}://${req.host}`;
    const run = () =>
      route.handler(
        { params: valid.params.path, query: valid.params.query, body: req.body },
        {
          requestId: headers['X-Request-ID'] as string,
          // The versioned URL, also for requests that came in through the unversioned alias;
          // parsed only by the handlers that build links from it.
          get url() {
            return new URL(req.url, origin);
          },
          baseUrl: `${origin}/api/${api.name}`,
          representation,
          services,
          cursors,
          document: api.document,
          // Present wherever the route's auth rule is `required`; admit() refused the request otherwise.
          actor: actor as Actor,
          ifMatch: valid.expected,
        },
      );
    if (!route.idempotent || req.headers['idempotency-key'] === undefined) return run();
    // Scoped like the rate limits: the user, else the address (src/http/idempotency.ts).
    const scope = actor ? `user:${actor.id}` : rateLimitKey(req);
    return idempotent(
      req,
      { service: services.idempotency, scope, render: (err) => answerError(err, res, logger), log: requestLogger(res, logger) },
      run,
    );
  }

  async function serve(x: Exchange) {
    if (!passCors(x)) return;
    const version = selectVersion(x);
    const found = await findRoute(x, version);
    const actor = await admit(x, found.route);
    const representation = chooseRepresentation(x, found.route);
    checkMediaType(found, x.req);
    const valid = validateRequest(found, x.req, version.api.name);
    const result = await invoke(x, version, found.route, valid, actor, representation);
    checkResponse(x.res, version.responseValidators, found.route.operationId, result);
    await respond(x.req, x.res, x.headers, result, found.route.conditional);
  }

  return (req, res, next) => {
    const path = req.path;
    if (!path.startsWith('/api/') || docsPaths.has(path)) return next();
    const x: Exchange = { req, res, path, headers: { 'X-Request-ID': startRequest(req, res, logger) }, vary: cors ? ['Origin'] : [] };
    serve(x).catch((err: unknown) => {
      // Past the first byte of a stream the status cannot change: express ends the connection.
      if (res.headersSent) return next(err);
      // An error depends on Accept too: problem details for a client that asks for them.
      if (!x.vary.includes('Accept')) x.vary.push('Accept');
      x.headers.Vary = x.vary.join(', ');
      void respond(req, res, x.headers, answerError(err, res, logger)).catch(next);
    });
  };
}
