// A typed JSON client for the API, from the generated types: a path, method, parameter or body
// that the spec does not have is a compile error. Built on openapi-fetch. (CSV exports are plain
// fetches with `Accept: text/csv`.)
import createClient, { type ClientOptions } from 'openapi-fetch';
import type { paths as V1Paths } from '../generated/v1/types.js';
import type { paths as V2Paths } from '../generated/v2/types.js';

export type { V1Paths, V2Paths };

/** A client of `/api/v1` on `origin` (such as `https://api.example.com`). */
export const createV1Client = (origin: string, options: Omit<ClientOptions, 'baseUrl'> = {}) =>
  createClient<V1Paths, 'application/json'>({ ...options, baseUrl: `${origin.replace(/\/$/, '')}/api/v1` });

/** A client of `/api/v2` on `origin`. */
export const createV2Client = (origin: string, options: Omit<ClientOptions, 'baseUrl'> = {}) =>
  createClient<V2Paths, 'application/json'>({ ...options, baseUrl: `${origin.replace(/\/$/, '')}/api/v2` });
