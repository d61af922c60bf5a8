// Errors as RFC 9457 problem details, for a client that asks for them in Accept. The error shape
// `{"error": {...}}` stays the default; this is the same error, member for member.

import type { ErrorCode } from '../domain/errors.js';

export const problemType = 'application/problem+json';

/** The stable `type` of a code: `tag:api@example.com,2026:problems/user-not-found` (RFC 4151). */
export const problemTypeUri = (code: string) => `tag:api@example.com,2026:problems/${code.toLowerCase().replace(/_/g, '-')}`;

/** A short summary per code, the same for every occurrence (RFC 9457 §3.1.3); tsc asks for one per code. */
const titles: Record<ErrorCode, string> = {
  BAD_REQUEST: 'The request could not be read',
  UNSUPPORTED_VERSION: 'The API version is not supported',
  INVALID_CURSOR: 'The cursor is not valid',
  UNAUTHORIZED: 'A valid bearer token is needed',
  INVALID_CREDENTIALS: 'The email or the password is wrong',
  FORBIDDEN: 'Not allowed for this user',
  NOT_FOUND: 'Nothing is at this path',
  USER_NOT_FOUND: 'The user does not exist',
  POST_NOT_FOUND: 'The post does not exist',
  METHOD_NOT_ALLOWED: 'The method is not allowed here',
  NOT_ACCEPTABLE: 'No acceptable representation',
  EMAIL_TAKEN: 'The email is taken',
  IDEMPOTENCY_KEY_IN_USE: 'The Idempotency-Key is in use',
  PRECONDITION_FAILED: 'The entity tag does not match',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'The request body has an unsupported media type',
  VALIDATION_ERROR: 'The request body is invalid',
  IDEMPOTENCY_KEY_REUSED: 'The Idempotency-Key was used with another request',
  RATE_LIMIT_EXCEEDED: 'Too many requests',
  INTERNAL_ERROR: 'Something went wrong on our side',
  SERVICE_UNAVAILABLE: 'The service is briefly unavailable',
};

/** A code without a title of its own gets one from its words: `PRECONDITION_FAILED` → `Precondition failed`. */
export const problemTitle = (code: string) => titles[code as ErrorCode] ?? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

/** The q of each media range in Accept (RFC 9110 §12.5.1), lower-cased, parameters other than q dropped. */
function ranges(accept: string): { type: string; q: number }[] {
  return accept.split(',').flatMap((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!type) return [];
    const q = params.map((p) => /^q=([0-9.]+)$/.exec(p)?.[1]).find((v) => v !== undefined);
    return [{ type, q: q === undefined ? 1 : Number(q) }];
  });
}

/**
 * Whether errors go out as problem details: the client names `application/problem+json` with a
 * q above 0 and at least the q that `application/json` gets (from its own range, else
 * `application/*`, else `*\/*`). So `Accept: application/problem+json` and the common
 * `Accept: application/json, application/problem+json` get problem details; a missing Accept,
 * `*\/*` and `application/json` keep the error shape.
 */
export function wantsProblem(accept: string | undefined): boolean {
  if (!accept || !accept.toLowerCase().includes(problemType)) return false;
  const list = ranges(accept);
  const qOf = (type: string) => Math.max(-1, ...list.filter((r) => r.type === type).map((r) => r.q));
  const problem = qOf(problemType);
  if (problem <= 0) return false;
  const json = [qOf('application/json'), qOf('application/*'), qOf('*/*')].find((q) => q >= 0) ?? 0;
  return problem >= json;
}

/** The error shape's `error` member. */
export interface ErrorMember {
  code: string;
  message: string;
  details?: Record<string, string[]>;
  retry_after?: number;
  request_id: string;
}

/** The error as problem details; `instance` is the request path as the client sent it. */
export function problemDetails(status: number, error: ErrorMember, instance: string) {
  return {
    type: problemTypeUri(error.code),
    title: problemTitle(error.code),
    status,
    detail: error.message,
    instance,
    code: error.code,
    ...(error.details && { errors: error.details }),
    ...(error.retry_after !== undefined && { retry_after: error.retry_after }),
    request_id: error.request_id,
  };
}
