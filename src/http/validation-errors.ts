import type { ErrorObject } from 'ajv';
import { badRequest, validationError, type ApiError, type ErrorDetails } from '../domain/errors.js';

const segmentsOf = (instancePath: string) =>
  instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** A field path as the error shape names it: `email`, `tags.0`, or `$` for the whole body. */
const fieldOf = (e: ErrorObject, segments: string[]) => {
  const named = e.params.missingProperty ?? e.params.additionalProperty;
  return [...segments, ...(named && named !== '$' ? [String(named)] : [])].join('.') || '$';
};

const messageOf = (e: ErrorObject, isBody: boolean) => {
  if (e.keyword === 'required') return e.params.missingProperty === '$' ? 'a JSON body is required' : 'is required';
  if (e.keyword === 'additionalProperties')
    return isBody ? 'is not a field this operation accepts' : 'is not a parameter of this operation';
  return e.message ?? 'is invalid';
};

function detailsOf(errors: ErrorObject[], isBody: boolean): ErrorDetails {
  // No prototype: a client's field may be called `__proto__` or `constructor`.
  const details: ErrorDetails = Object.create(null);
  for (const e of errors) {
    // Parameter errors come as /path/userId or /query/page: the name is what the client sees.
    const segments = isBody ? segmentsOf(e.instancePath) : segmentsOf(e.instancePath).slice(1);
    (details[fieldOf(e, segments)] ??= []).push(messageOf(e, isBody));
  }
  return details;
}

/** Bad parameters are a 400; a readable body that breaks its schema is a 422 with field-level details. */
export function requestValidationError(paramErrors: ErrorObject[], bodyErrors: ErrorObject[]): ApiError {
  if (paramErrors.length > 0) return badRequest('The request has invalid parameters.', detailsOf(paramErrors, false));
  return validationError(detailsOf(bodyErrors, true));
}
