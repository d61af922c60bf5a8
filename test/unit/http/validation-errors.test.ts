import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { requestValidationError } from '../../../src/http/validation-errors.js';

const error = (instancePath: string, keyword: string, params: Record<string, unknown> = {}, message = `fails ${keyword}`): ErrorObject =>
  ({ instancePath, keyword, params, message, schemaPath: '#' }) as ErrorObject;

describe('requestValidationError', () => {
  it.each([
    ['a body field', [error('/requestBody/email', 'format')], 422, { email: ['fails format'] }],
    ['a nested array item', [error('/requestBody/tags/0', 'minLength')], 422, { 'tags.0': ['fails minLength'] }],
    ['a missing body field', [error('/requestBody', 'required', { missingProperty: 'name' })], 422, { name: ['is required'] }],
    ['an extra body field', [error('/requestBody', 'additionalProperties', { additionalProperty: 'id' })], 422, { id: ['is not a field this operation accepts'] }],
    ['a missing body', [error('', 'required', { missingProperty: 'requestBody' })], 422, { $: ['a JSON body is required'] }],
    ['the body as a whole', [error('/requestBody', 'minProperties')], 422, { $: ['fails minProperties'] }],
    ['a query parameter', [error('/query/per_page', 'maximum')], 400, { per_page: ['fails maximum'] }],
    ['a path parameter', [error('/path/userId', 'type')], 400, { userId: ['fails type'] }],
    ['an unknown query parameter', [error('/query', 'additionalProperties', { additionalProperty: 'q' })], 400, { q: ['is not a parameter of this operation'] }],
  ])('when %s fails, then %i with details %o', (_, errors, status, details) => {
    const err = requestValidationError(errors);
    expect(err.status).toBe(status);
    expect(err.code).toBe(status === 400 ? 'BAD_REQUEST' : 'VALIDATION_ERROR');
    expect(err.options.details).toEqual(details);
  });

  it('when a parameter and the body both fail, then 400 for the parameter alone', () => {
    const err = requestValidationError([error('/requestBody/name', 'type'), error('/path/postId', 'minimum')]);
    expect(err.status).toBe(400);
    expect(err.options.details).toEqual({ postId: ['fails minimum'] });
  });

  it('when one field fails twice, then both messages are kept', () => {
    const err = requestValidationError([error('/requestBody/name', 'minLength'), error('/requestBody/name', 'pattern')]);
    expect(err.options.details).toEqual({ name: ['fails minLength', 'fails pattern'] });
  });
});
