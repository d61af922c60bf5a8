// The one place that wires generated code into the app: each version's document, route table,
// validators, handler map and limits.
import { createRequire } from 'node:module';
import { handlers as v1Handlers } from '../generated/v1/handlers.js';
import v1Document from '../generated/v1/openapi.json' with { type: 'json' };
import v1RateLimits from '../generated/v1/rate-limits.json' with { type: 'json' };
import v1Routes from '../generated/v1/routes.json' with { type: 'json' };
import { handlers as v2Handlers } from '../generated/v2/handlers.js';
import v2Document from '../generated/v2/openapi.json' with { type: 'json' };
import v2RateLimits from '../generated/v2/rate-limits.json' with { type: 'json' };
import v2Routes from '../generated/v2/routes.json' with { type: 'json' };
import type { Validate, VersionApi } from './http/version-router.js';

// Ajv's standalone output is CommonJS; the same relative path holds in src/ and in dist/src/.
const require = createRequire(import.meta.url);
const load = <T>(path: string) => require(path) as T;
type RequestValidators = VersionApi['validators'];

export const versions: VersionApi[] = [
  {
    name: 'v1',
    document: v1Document,
    // JSON imports widen the `auth` literals to string; the generator writes only AuthRule values.
    routes: v1Routes as VersionApi['routes'],
    handlers: v1Handlers,
    validators: load<RequestValidators>('../generated/v1/request-validators.cjs'),
    responseValidators: () => load<Record<string, Validate>>('../generated/v1/responses.cjs'),
    rateLimits: v1RateLimits,
  },
  {
    name: 'v2',
    document: v2Document,
    routes: v2Routes as VersionApi['routes'],
    handlers: v2Handlers,
    validators: load<RequestValidators>('../generated/v2/request-validators.cjs'),
    responseValidators: () => load<Record<string, Validate>>('../generated/v2/responses.cjs'),
    rateLimits: v2RateLimits,
  },
];
