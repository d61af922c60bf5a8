// The route table of one version, from generated/v*/routes.json: the first step of a versioned
// request after the version is known, and the source of its 404 and 405.
import type { ErrorObject } from 'ajv';
import { methodNotAllowed, nothingAt } from '../domain/errors.js';
import type { AuthRule } from './bearer.js';
import type { CsvExport } from './handler-types.js';
import type { RateLimits, RateWindow } from './rate-limit.js';
import type { SignedInContext } from './request-context.js';

/** What a handler hands back, and what the error handler's answer looks like too. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  csv?: CsvExport;
  headers?: Record<string, string>;
  /** The JSON media type when it is not `application/json`: problem details. */
  contentType?: string;
}
// The generated map is typed per operation; here every handler is one shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = (input: any, ctx: SignedInContext) => Promise<HandlerResult>;

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

/** One version as the router serves it: its document, route table, handlers, validators and limits. */
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

/** A route with what serving it needs, resolved once at start. */
export interface ServedRoute extends Route {
  regex: RegExp;
  /** `/api/v2/users/{userId}`: the route as the request log names it. */
  template: string;
  limits: RateWindow[];
  handler: AnyHandler;
  validateParams: Validate;
  validateBody: Validate | undefined;
}

/** The route a request matched, and the raw values of its path parameters. */
export interface Match {
  route: ServedRoute;
  values: string[];
}

const methodOrder = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];

/**
 * The route table of one version: regular expressions compiled once. The matcher takes the path
 * below `/api/v<n>` and the path as sent (for the 404's message); it throws 404 NOT_FOUND when no
 * route has the path and 405 METHOD_NOT_ALLOWED, with `Allow`, when none has the method.
 */
export function routeTable(api: VersionApi): (method: string, path: string, sentPath: string) => Match {
  const routes: ServedRoute[] = api.routes.map((route) => ({
    ...route,
    regex: new RegExp(route.pattern),
    template: `/api/${api.name}${route.path}`,
    limits: [...api.rateLimits.default, ...(api.rateLimits.operations[route.operationId] ?? [])],
    handler: api.handlers[route.operationId] as AnyHandler,
    validateParams: api.validators.params[`${route.operationId}_params`] as Validate,
    validateBody: api.validators.bodies[`${route.operationId}_body`],
  }));
  return (method, path, sentPath) => {
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
