/**
 * The stable codes of the contract (the `ErrorCode` enum of every spec; test/unit/error-codes.test.ts
 * fails tsc when the two lists differ). Written here, not imported from generated/, so the domain
 * depends on no version's types.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNSUPPORTED_VERSION'
  | 'INVALID_CURSOR'
  | 'UNAUTHORIZED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_ACCEPTABLE'
  | 'EMAIL_TAKEN'
  | 'IDEMPOTENCY_KEY_IN_USE'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'VALIDATION_ERROR'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMIT_EXCEEDED'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE';

/** Field path → messages, as in the `details` of the error shape. */
export type ErrorDetails = Record<string, string[]>;

/** What an ApiError may carry besides its status, code and message. */
export interface ApiErrorOptions {
  /** Field path → messages. */
  details?: ErrorDetails;
  /** Extra response headers, such as `Allow` or `Retry-After`. */
  headers?: Record<string, string>;
  /** Seconds until a refused client may try again; rendered as `retry_after`. */
  retryAfter?: number;
}

/**
 * The one error class. It carries the stable code the contract promises and the status it is
 * sent with; the central error handler renders it. Anything else thrown is a bug → INTERNAL_ERROR.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const userNotFound = (id: number) => new ApiError(404, 'USER_NOT_FOUND', `No user has id ${id}.`);
export const postNotFound = (id: number) => new ApiError(404, 'POST_NOT_FOUND', `No post has id ${id}.`);
export const emailTaken = (email: string) =>
  new ApiError(409, 'EMAIL_TAKEN', `Another user already has the email ${email}.`, { details: { email: ['is taken'] } });
export const validationError = (details: ErrorDetails, message = 'The request body is invalid.') =>
  new ApiError(422, 'VALIDATION_ERROR', message, { details });
/** If-Match named no current entity tag of the record: it changed since the client read it; nothing was written. */
export const preconditionFailed = (what: 'user' | 'post') =>
  new ApiError(
    412,
    'PRECONDITION_FAILED',
    `The ${what} changed since it was read: If-Match names none of its current entity tags. Read it again and send its new ETag.`,
  );
export const badRequest = (message: string, details?: ErrorDetails) => new ApiError(400, 'BAD_REQUEST', message, { details });

/**
 * 401 with the RFC 6750 challenge. `invalid_token` tells a client that the token it sent is
 * refused (unknown, expired, malformed), as opposed to none having been sent.
 */
export const unauthorized = (message: string, invalidToken: boolean) =>
  new ApiError(401, 'UNAUTHORIZED', message, {
    headers: { 'WWW-Authenticate': invalidToken ? 'Bearer realm="api", error="invalid_token"' : 'Bearer realm="api"' },
  });
/** 401 for wrong sign-in credentials; it carries the challenge too, as RFC 9110 §11.6.1 asks of every 401. */
export const invalidCredentials = () =>
  new ApiError(401, 'INVALID_CREDENTIALS', 'The email or the password is wrong.', {
    headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
  });
export const forbidden = (message: string) => new ApiError(403, 'FORBIDDEN', message);

// The protocol's refusals, named once here so every layer that refuses says it the same way.
export const nothingAt = (method: string, path: string) => new ApiError(404, 'NOT_FOUND', `Nothing is at ${method} ${path}.`);
export const methodNotAllowed = (method: string, allow: string) =>
  new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${allow}.`, { headers: { Allow: allow } });
export const unsupportedVersion = (asked: string, supported: string[]) =>
  new ApiError(400, 'UNSUPPORTED_VERSION', `Accept-Version ${asked} is not supported; use ${supported.join(' or ')}.`, {
    details: { 'Accept-Version': [`must be one of ${supported.join(', ')}`] },
  });
export const notAcceptable = (offered: string[]) =>
  new ApiError(406, 'NOT_ACCEPTABLE', `This operation can answer with ${offered.join(', ')}.`);
export const unsupportedMediaType = (message = 'The request body must be application/json.') =>
  new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', message);
export const payloadTooLarge = (limit: unknown) =>
  new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${String(limit)} bytes.`);
export const invalidCursor = (why: string) =>
  new ApiError(400, 'INVALID_CURSOR', `${why}; start again without a cursor.`, { details: { cursor: ['is not a cursor of this list'] } });
export const rateLimitExceeded = (message: string, headers: Record<string, string>, retryAfter: number) =>
  new ApiError(429, 'RATE_LIMIT_EXCEEDED', message, { headers, retryAfter });
export const serviceUnavailable = (details?: ErrorDetails, message = 'The service is briefly unavailable; try again shortly.') =>
  new ApiError(503, 'SERVICE_UNAVAILABLE', message, { details });
export const internalError = () =>
  new ApiError(500, 'INTERNAL_ERROR', 'Something went wrong on our side; quote the request id when you report it.');

// Idempotent retries (Idempotency-Key, Stripe's semantics).
export const idempotencyKeyReused = () =>
  new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request; use a new key for a new request.', {
    details: { 'Idempotency-Key': ['was used with another method, path or body'] },
  });
export const idempotencyKeyInUse = () =>
  new ApiError(
    409,
    'IDEMPOTENCY_KEY_IN_USE',
    'A request with this Idempotency-Key is still being processed; retry it later with the same key.',
  );
