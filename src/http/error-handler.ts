import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isUnavailable } from '../db/errors.js';
import { ApiError, badRequest } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { requestLogger } from './request-log.js';

/** body-parser marks its errors with a `type`; each maps to a documented client error. */
function fromBodyParser(err: { type?: unknown; limit?: unknown }): ApiError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return badRequest('The request body is not valid JSON.');
    case 'entity.too.large':
      return new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${String(err.limit)} bytes.`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 application/json, not compressed.');
    case 'request.aborted':
    case 'request.size.invalid':
      return badRequest('The request body ended early or does not match its Content-Length.');
    default:
      return undefined;
  }
}

export const serviceUnavailable = (details?: Record<string, string[]>) =>
  new ApiError(503, 'SERVICE_UNAVAILABLE', 'The service is briefly unavailable; try again shortly.', { details });

function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (isUnavailable(err)) return serviceUnavailable();
  if (err instanceof URIError) return badRequest('The request path is not validly percent-encoded.');
  if (err && typeof err === 'object') return fromBodyParser(err);
  return undefined;
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'NOT_FOUND', `Nothing is at ${req.method} ${req.path}.`));
};

/** The one place where an error becomes a response. Bugs become INTERNAL_ERROR; their detail goes to the log only. */
export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (err, _req, res, next) => {
  const known = toApiError(err);
  const error =
    known ?? new ApiError(500, 'INTERNAL_ERROR', 'Something went wrong on our side; quote the request id when you report it.');
  // The request is named by its id (the logger's binding); the error, never the request, is logged.
  if (!known) requestLogger(res, logger).error({ err }, 'unhandled error');
  else if (known.status === 503) requestLogger(res, logger).warn({ err }, 'dependency unavailable');
  if (res.headersSent) return next(err);
  const { details, headers, retryAfter } = error.options;
  res
    .status(error.status)
    .set(headers ?? {})
    .json({
      error: {
        code: error.code,
        message: error.message,
        ...(details && { details }),
        ...(retryAfter !== undefined && { retry_after: retryAfter }),
        request_id: res.locals.requestId as string,
      },
    });
};
