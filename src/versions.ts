// The one place that wires generated code into the app: each version's document, route table,
// validators, handler map and limits, and the service document of the endpoints at the root.
import { createRequire } from 'node:module';
import serviceDocumentJson from '../generated/service/openapi.json' with { type: 'json' };
import { handlers as v1Handlers } from '../generated/v1/handlers.js';
import v1Document from '../generated/v1/openapi.json' with { type: 'json' };
import v1RateLimits from '../generated/v1/rate-limits.json' with { type: 'json' };
import v1Routes from '../generated/v1/routes.json' with { type: 'json' };
import { handlers as v2Handlers } from '../generated/v2/handlers.js';
import v2Document from '../generated/v2/openapi.json' with { type: 'json' };
import v2RateLimits from '../generated/v2/rate-limits.json' with { type: 'json' };
import v2Routes from '../generated/v2/routes.json' with { type: 'json' };
import type { RateLimits, RateWindow } from './http/rate-limit.js';
import type { Validate, VersionApi } from './http/version-router.js';

// Ajv's standalone output is CommonJS; the same relative path holds in src/ and in dist/src/.
const require = createRequire(import.meta.url);
const load = <T>(path: string) => require(path) as T;
type RequestValidators = VersionApi['validators'];

/** generated/v*\/rate-limits.json: the root budget, each operation's own, and the operations the root budget skips. */
interface GeneratedRateLimits extends RateLimits {
  exemptFromDefault: string[];
}

/**
 * The windows each routed operation counts against, resolved here so the router adds nothing:
 * the root budget plus the operation's own, or only its own where the spec says
 * `x-rate-limit-shared: false` (the served document).
 */
export function resolveRateLimits(limits: GeneratedRateLimits, operationIds: readonly string[]): RateLimits {
  const windowsOf = (id: string): RateWindow[] => [...(limits.exemptFromDefault.includes(id) ? [] : limits.default), ...(limits.operations[id] ?? [])];
  return { default: [], operations: Object.fromEntries(operationIds.map((id) => [id, windowsOf(id)])) };
}

export const versions: VersionApi[] = [
  {
    name: 'v1',
    document: v1Document,
    // JSON imports widen the `auth` literals to string; the generator writes only AuthRule values.
    routes: v1Routes as VersionApi['routes'],
    handlers: v1Handlers,
    validators: load<RequestValidators>('../generated/v1/request-validators.cjs'),
    responseValidators: () => load<Record<string, Validate>>('../generated/v1/responses.cjs'),
    rateLimits: resolveRateLimits(v1RateLimits, v1Routes.map((r) => r.operationId)),
  },
  {
    name: 'v2',
    document: v2Document,
    routes: v2Routes as VersionApi['routes'],
    handlers: v2Handlers,
    validators: load<RequestValidators>('../generated/v2/request-validators.cjs'),
    responseValidators: () => load<Record<string, Validate>>('../generated/v2/responses.cjs'),
    rateLimits: resolveRateLimits(v2RateLimits, v2Routes.map((r) => r.operationId)),
  },
];

/** openapi/service.yaml: the probes and docs at the server root, served at `GET /openapi.json`. */
export const serviceDocument: object = serviceDocumentJson;
