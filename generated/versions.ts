/* eslint-disable */
// DO NOT EDIT. Written by `npm run generate` from the openapi/v<n>.yaml files (scripts/versions.mjs); change the spec and regenerate.

import { handlers as v1Handlers } from './v1/handlers.js';
import v1Document from './v1/openapi.json' with { type: 'json' };
import v1RateLimits from './v1/rate-limits.json' with { type: 'json' };
import v1Routes from './v1/routes.json' with { type: 'json' };
import { handlers as v2Handlers } from './v2/handlers.js';
import v2Document from './v2/openapi.json' with { type: 'json' };
import v2RateLimits from './v2/rate-limits.json' with { type: 'json' };
import v2Routes from './v2/routes.json' with { type: 'json' };

/** The served document, route table, handler map and rate limits of each version, oldest first. */
export const generatedVersions = [
  { name: 'v1', document: v1Document, routes: v1Routes, handlers: v1Handlers, rateLimits: v1RateLimits },
  { name: 'v2', document: v2Document, routes: v2Routes, handlers: v2Handlers, rateLimits: v2RateLimits },
];
