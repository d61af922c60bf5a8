// The one place that wires generated code into the app: each version's document, route table,
// validators, handler map and limits, and the service document of the endpoints at the root.
import { createRequire } from 'node:module';
import serviceDocumentJson from '../generated/service/openapi.json' with { type: 'json' };
import { generatedVersions } from '../generated/versions.js';
import type { RateLimits, RateWindow } from './http/rate-limit.js';
import type { Validate, VersionApi } from './http/route-table.js';

// Ajv's standalone output is CommonJS; the same relative path holds in src/ and in dist/src/ (the
// bundle), which is why this file stays at src/ rather than in src/versions/ beside the version code.
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
  const windowsOf = (id: string): RateWindow[] => [
    ...(limits.exemptFromDefault.includes(id) ? [] : limits.default),
    ...(limits.operations[id] ?? []),
  ];
  return { default: [], operations: Object.fromEntries(operationIds.map((id) => [id, windowsOf(id)])) };
}

/** One per openapi/v<n>.yaml (the list `npm run generate` writes in generated/versions.ts), oldest first. */
export const versions: VersionApi[] = generatedVersions.map(({ name, document, routes, handlers, rateLimits }) => ({
  name,
  document,
  // JSON imports widen the `auth` literals to string; the generator writes only AuthRule values.
  routes: routes as VersionApi['routes'],
  handlers,
  validators: load<RequestValidators>(`../generated/${name}/request-validators.cjs`),
  responseValidators: () => load<Record<string, Validate>>(`../generated/${name}/responses.cjs`),
  rateLimits: resolveRateLimits(
    rateLimits,
    routes.map((r) => r.operationId),
  ),
}));

/** openapi/service.yaml: the probes and docs at the server root, served at `GET /openapi.json`. */
export const serviceDocument: object = serviceDocumentJson;
