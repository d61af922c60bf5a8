import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers with a policy for JSON: nothing may load from an API response, and no page may
 * frame it. The docs page sets its own, wider policy for Redoc.
 */
export const securityHeaders = (): RequestHandler =>
  helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });

/**
 * The same headers as a list, made once by running helmet against a recorder: the versioned
 * API writes them with its other headers in one writeHead, and helmet still decides them.
 */
export function securityHeaderList(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => (headers[name] = value),
    removeHeader: (name: string) => delete headers[name],
  };
  securityHeaders()({} as Request, recorder as unknown as Response, () => {});
  return headers;
}

// What a browser script on an allowed origin may send and read beyond the CORS-safelisted names.
const allowedHeaders = ['Authorization', 'Content-Type', 'Accept', 'Accept-Version', 'X-Request-ID'];
const exposedHeaders = [
  'API-Version',
  'Content-Disposition',
  'Link',
  'Location',
  'RateLimit',
  'RateLimit-Policy',
  'Retry-After',
  'WWW-Authenticate',
  'X-Request-ID',
  'X-Response-Time',
  'X-Total-Count',
];

/**
 * CORS for the origins of CORS_ORIGINS only: their requests get the CORS headers and their
 * preflights a 204; any other origin gets neither, so its preflight reaches the router (405).
 */
export function crossOrigin(origins: string[]): RequestHandler[] {
  if (origins.length === 0) return [];
  const allowed = new Set(origins);
  return [
    // Answers differ by Origin even when the origin is refused, so caches must keep them apart.
    (_req, res, next) => {
      res.vary('Origin');
      next();
    },
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders,
      exposedHeaders,
      maxAge: 600,
    }),
  ];
}
