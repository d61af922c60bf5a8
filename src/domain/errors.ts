/** Field path → messages, as in the `details` of the error shape. */
export type ErrorDetails = Record<string, string[]>;

/**
 * The one error class. It carries the stable code the contract promises and the status it is
 * sent with; the central error handler renders it. Anything else thrown is a bug → INTERNAL_ERROR.
 */
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
    readonly code: string,
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
export const badRequest = (message: string, details?: ErrorDetails) =>
  new ApiError(400, 'BAD_REQUEST', message, { details });

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
  new ApiError(401, 'INVALID_CREDENTIALS', 'The email or the password is wrong.', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
export const forbidden = (message: string) => new ApiError(403, 'FORBIDDEN', message);
