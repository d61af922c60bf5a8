import type { ErrorObject } from 'ajv';
import type { ApiError} from '../domain/errors.js';
import { badRequest, validationError, type ErrorDetails } from '../domain/errors.js';

// openapi-backend validates one object: { path, query, header, requestBody }. The first segment
// of an error's instancePath says which part of the request failed.
const fieldOf = (e: ErrorObject, segments: string[]) => {
  const named = e.params.missingProperty ?? e.params.additionalProperty;
  return [...segments, ...(named ? [String(named)] : [])].join('.') || '$';
};

const messageOf = (e: ErrorObject, isBody: boolean) => {
  if (e.keyword === 'required') return e.params.missingProperty === 'requestBody' ? 'a JSON body is required' : 'is required';
  if (e.keyword === 'additionalProperties') return isBody ? 'is not a field this operation accepts' : 'is not a parameter of this operation';
  return e.message ?? 'is invalid';
};

/** Bad parameters are a 400; a readable body that breaks its schema is a 422 with field-level details. */
export function requestValidationError(errors: ErrorObject[]): ApiError {
  const params: ErrorDetails = {};
  const body: ErrorDetails = {};
  for (const e of errors) {
    const [part = '', ...segments] = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const isBody = part === 'requestBody' || (part === '' && e.params.missingProperty === 'requestBody');
    const target = isBody ? body : params;
    const field = part === '' && isBody ? '$' : fieldOf(e, segments);
    (target[field] ??= []).push(messageOf(e, isBody));
  }
  if (Object.keys(params).length > 0) return badRequest('The request has invalid parameters.', params);
  return validationError(body);
}
