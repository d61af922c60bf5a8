import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { isUnavailable } from '../db/errors.js';
import {
  ApiError,
  badRequest,
  internalError,
  nothingAt,
  payloadTooLarge,
  serviceUnavailable,
  unsupportedMediaType,
} from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { problemDetails, problemType, wantsProblem, type ErrorMember } from './problem-details.js';
import { requestLogger } from './request-log.js';

/** body-parser marks its errors with a `type`; each maps to a documented client error. */
function fromBodyParser(err: { type?: unknown; limit?: unknown }): ApiError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return badRequest('The request body is not valid JSON.');
    case 'entity.too.large':
      return payloadTooLarge(err.limit);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return unsupportedMediaType('The request body must be UTF-8 application/json, not compressed.');
    case 'request.aborted':
    case 'request.size.invalid':
      return badRequest('The request body ended early or does not match its Content-Length.');
    default:
      return undefined;
  }
}

function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (isUnavailable(err)) return serviceUnavailable();
  if (err instanceof URIError) return badRequest('The request path is not validly percent-encoded.');
  if (err && typeof err === 'object') return fromBodyParser(err);
  return undefined;
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(nothingAt(req.method, req.path));
};

/**
 * An error as it is answered: the status, its extra headers, and the one error shape, or the same
 * error as RFC 9457 problem details (`contentType` set) when the request's Accept asks for them.
 */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: { error: ErrorMember } | ReturnType<typeof problemDetails>;
  contentType?: typeof problemType;
}

/**
 * The one place where an error becomes an answer. Bugs become INTERNAL_ERROR; their detail goes
 * to the log only, under the request's id (the logger's binding) and never with the request.
 */
export function answerError(err: unknown, res: Response, logger: Logger): ErrorAnswer {
  const known = toApiError(err);
  const error = known ?? internalError();
  if (!known) requestLogger(res, logger).error({ err }, 'unhandled error');
  else if (known.status === 503) requestLogger(res, logger).warn({ err }, 'dependency unavailable');
  const { details, headers, retryAfter } = error.options;
  const member: ErrorMember = {
    code: error.code,
    message: error.message,
    ...(details && { details }),
    ...(retryAfter !== undefined && { retry_after: retryAfter }),
    request_id: res.locals.requestId as string,
  };
  const { req } = res;
  if (wantsProblem(req.headers.accept)) {
    // The path as the client sent it: the unversioned alias rewrites req.url, not originalUrl.
    const instance = req.originalUrl.split('?')[0] as string;
    return { status: error.status, headers: headers ?? {}, body: problemDetails(error.status, member, instance), contentType: problemType };
  }
  return { status: error.status, headers: headers ?? {}, body: { error: member } };
}

/** The express form of answerError, for everything outside the versioned API. */
export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (err, _req, res, next) => {
    if (res.headersSent) {
      answerError(err, res, logger);
      return next(err);
    }
    const { status, headers, body, contentType } = answerError(err, res, logger);
    // Errors depend on Accept: problem details for a client that asks for them.
    res.vary('Accept');
    if (contentType) res.type(contentType);
    res.status(status).set(headers).json(body);
  };
