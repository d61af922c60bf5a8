// The one place that wires generated code into the app: each version's document, handler map and limits.
import { handlers as v1Handlers } from '../generated/v1/handlers.js';
import v1Document from '../generated/v1/openapi.json' with { type: 'json' };
import v1RateLimits from '../generated/v1/rate-limits.json' with { type: 'json' };
import { handlers as v2Handlers } from '../generated/v2/handlers.js';
import v2Document from '../generated/v2/openapi.json' with { type: 'json' };
import v2RateLimits from '../generated/v2/rate-limits.json' with { type: 'json' };
import type { VersionApi } from './http/openapi-router.js';

export const versions: VersionApi[] = [
  { name: 'v1', document: v1Document, handlers: v1Handlers, rateLimits: v1RateLimits },
  { name: 'v2', document: v2Document, handlers: v2Handlers, rateLimits: v2RateLimits },
];
