import type { RequestHandler } from 'express';
import { ApiError } from '../domain/errors.js';

const versioned = /^\/api\/v\d+(\/|$)/;

/**
 * `/api/<path>` without a version is an alias: `Accept-Version` (default 1) picks the version,
 * and the request is rewritten to `/api/v<n>/<path>` so it meets the same router, validators
 * and handlers as the versioned URL.
 */
export function versionAlias(supported: string[]): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith('/api/') || versioned.test(req.path)) return next();
    res.vary('Accept-Version');
    const asked = (req.get('accept-version') ?? '').trim() || '1';
    if (!supported.includes(asked)) {
      const list = supported.join(', ');
      return next(
        new ApiError(400, 'UNSUPPORTED_VERSION', `Accept-Version ${asked} is not supported; use ${supported.join(' or ')}.`, {
          details: { 'Accept-Version': [`must be one of ${list}`] },
        }),
      );
    }
    req.url = `/api/v${asked}${req.url.slice('/api'.length)}`;
    next();
  };
}
