import { pipeline } from 'node:stream/promises';
import type { ErrorObject } from 'ajv';
import type { Request, RequestHandler, Response } from 'express';
import type { CsvExport } from '../../generated/handler-types.js';
import { ApiError } from '../domain/errors.js';
import type { Actor } from '../domain/policy.js';
import type { Services } from '../domain/services.js';
import { authenticate, type AuthRule } from './bearer.js';
import type { CursorCodec } from './cursors.js';
import { jsonTypes } from './json-body.js';
import { negotiate } from './negotiate.js';
import type { RateLimiter, RateLimits } from './rate-limit.js';
import type { SignedInContext } from './request-context.js';
import { requestValidationError } from './validation-errors.js';

interface HandlerResult {
  status: number;
  body?: unknown;
  csv?: CsvExport;
  headers?: Record<string, string>;
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
}

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

const methodOrder = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];

/** Decodes path parameters; a malformed escape is the client's error. */
const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ApiError(400, 'BAD_REQUEST', 'The request path is not validly percent-encoded.');
  }
};

/**
 * Serves one version from its generated route table and validators: match the route (regular
 * expressions compiled once, here), count it against its rate limits, negotiate, check the
 * body's media type, validate, call the handler, and send what it returns.
 */
export function createVersionRouter(api: VersionApi, { services, cursors, rateLimiter, rateLimitKey, validateResponses }: RouterDeps): RequestHandler {
  const routes = api.routes.map((route) => ({
    ...route,
    regex: new RegExp(route.pattern),
    limits: [...api.rateLimits.default, ...(api.rateLimits.operations[route.operationId] ?? [])],
    handler: api.handlers[route.operationId] as AnyHandler,
    validateParams: api.validators.params[`${route.operationId}_params`] as Validate,
    validateBody: api.validators.bodies[`${route.operationId}_body`],
  }));
  const responseValidators = validateResponses === 'off' ? undefined : api.responseValidators();

  const match = (method: string, path: string) => {
    const allowed: string[] = [];
    for (const route of routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method === method) return { route, values: found.slice(1) };
      allowed.push(route.method);
    }
    if (allowed.length === 0) throw new ApiError(404, 'NOT_FOUND', `Nothing is at ${method} /api/${api.name}${path}.`);
    const allow = allowed.sort((a, b) => methodOrder.indexOf(a) - methodOrder.indexOf(b)).join(', ');
    throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${allow}.`, { headers: { Allow: allow } });
  };

  const checkResponse = (req: Request, operationId: string, result: HandlerResult) => {
    const validate = responseValidators?.[`${operationId}_${result.status}`];
    if (!validate || result.body === undefined || validate(result.body)) return;
    req.log.error({ operationId, status: result.status, errors: validate.errors }, 'response does not match the spec');
    if (validateResponses === 'fail') throw new Error(`${operationId} ${result.status}: response does not match the spec`);
  };

  return async (req, res, next) => {
    try {
      const { route, values } = match(req.method, req.path);
      // First who asks (401, counted against the address), the client's budget (429), what it can
      // take (406), then what it sent (415); a refused request still counts against the budget.
      const { actor, error } = await authenticate(route.auth, req.get('authorization'), services.tokens);
      await rateLimiter?.(route.limits, actor ? `user:${actor.id}` : rateLimitKey(req), res);
      if (error) throw error;
      res.vary('Accept');
      const representation = negotiate(req.get('accept'), route.offered);
      const sentBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
      if (route.body && sentBody && !req.is(jsonTypes)) {
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be application/json.');
      }

      // Validation coerces the parameters and fills the spec's defaults in place.
      const params = { path: Object.fromEntries(route.params.map((name, i) => [name, decode(values[i] as string)])), query: { ...(req.query as object) } };
      const paramErrors = route.validateParams(params) ? [] : (route.validateParams.errors ?? []);
      let bodyErrors: ErrorObject[] = [];
      if (route.body && req.body === undefined && route.body.required) bodyErrors = [{ keyword: 'required', instancePath: '', schemaPath: '#', params: { missingProperty: '$' }, message: 'a JSON body is required' }];
      else if (route.validateBody && req.body !== undefined && !route.validateBody(req.body)) bodyErrors = route.validateBody.errors ?? [];
      if (paramErrors.length > 0 || bodyErrors.length > 0) throw requestValidationError(paramErrors, bodyErrors);

      const origin = `${req.protocol}://${req.host}`;
      const result = await route.handler(
        { params: params.path, query: params.query, body: req.body },
        {
          requestId: res.locals.requestId as string,
          // The versioned URL, also for requests that came in through the unversioned alias;
          // parsed only by the handlers that build links from it.
          get url() {
            return new URL(`${req.baseUrl}${req.url}`, origin);
          },
          baseUrl: `${origin}${req.baseUrl}`,
          representation,
          services,
          cursors,
          document: api.document,
          // Present wherever the route's auth rule is `required`; authenticate() refused the request otherwise.
          actor: actor as Actor,
        },
      );
      checkResponse(req, route.operationId, result);
      await send(res, result);
    } catch (err) {
      next(err);
    }
  };
}
