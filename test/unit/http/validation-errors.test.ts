import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { requestValidationError } from '../../../src/http/validation-errors.js';

const error = (instancePath: string, keyword: string, params: Record<string, unknown> = {}, message = `fails ${keyword}`): ErrorObject =>
  ({ instancePath, keyword, params, message, schemaPath: '#' }) as ErrorObject;

describe('requestValidationError', () => {
  it.each([
    ['a body field', [error('/email', 'format')], { email: ['fails format'] }],
    ['a nested array item', [error('/tags/0', 'minLength')], { 'tags.0': ['fails minLength'] }],
    ['a missing body field', [error('', 'required', { missingProperty: 'name' })], { name: ['is required'] }],
    [
      'an extra body field',
      [error('', 'additionalProperties', { additionalProperty: 'id' })],
      { id: ['is not a field this operation accepts'] },
    ],
    ['a missing body', [error('', 'required', { missingProperty: '$' })], { $: ['a JSON body is required'] }],
    ['the body as a whole', [error('', 'minProperties')], { $: ['fails minProperties'] }],
  ])('when %s fails, then 422 VALIDATION_ERROR with details %o', (_, errors, details) => {
    const err = requestValidationError([], errors);
    expect(err.status).toBe(422);
    expect(err.code).toBe('VALIDATION_ERROR');
    expect(err.options.details).toEqual(details);
  });

  it.each([
    ['a query parameter', [error('/query/per_page', 'maximum')], { per_page: ['fails maximum'] }],
    ['a path parameter', [error('/path/userId', 'type')], { userId: ['fails type'] }],
    [
      'an unknown query parameter',
      [error('/query', 'additionalProperties', { additionalProperty: 'q' })],
      { q: ['is not a parameter of this operation'] },
    ],
  ])('when %s fails, then 400 BAD_REQUEST with details %o', (_, errors, details) => {
    const err = requestValidationError(errors, []);
    expect(err.status).toBe(400);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.options.details).toEqual(details);
  });

  it('when a parameter and the body both fail, then 400 for the parameter alone', () => {
    const err = requestValidationError([error('/path/postId', 'minimum')], [error('/name', 'type')]);
    expect(err.status).toBe(400);
    expect(err.options.details).toEqual({ postId: ['fails minimum'] });
  });

  it('when one field fails twice, then both messages are kept', () => {
    const err = requestValidationError([], [error('/name', 'minLength'), error('/name', 'pattern')]);
    expect(err.options.details).toEqual({ name: ['fails minLength', 'fails pattern'] });
  });
});
