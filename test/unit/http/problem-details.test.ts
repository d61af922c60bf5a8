import { describe, expect, it } from 'vitest';
import { problemDetails, problemTitle, problemTypeUri, wantsProblem } from '../../../src/http/problem-details.js';

describe('wantsProblem (which errors go out as RFC 9457 problem details)', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['application/json', false],
    ['text/csv', false],
    ['application/problem+json', true],
    ['Application/Problem+JSON', true],
    ['application/json, application/problem+json', true],
    ['application/problem+json, application/json', true],
    ['application/problem+json;q=0.5, application/json', false],
    ['application/problem+json;q=0.5, application/json;q=0.5', true],
    ['application/problem+json;q=0', false],
    ['application/problem+json, */*;q=0.1', true],
    ['application/*;q=0.9, application/problem+json;q=0.8', false],
    ['text/html, application/problem+json;q=0.9', true],
  ])('when Accept is %j, then %s', (accept, expected) => {
    expect(wantsProblem(accept)).toBe(expected);
  });
});

describe('problemDetails', () => {
  it('then the error shape becomes type, title, status, detail, instance and its own members, details as errors', () => {
    expect(
      problemDetails(
        422,
        { code: 'VALIDATION_ERROR', message: 'The request body is invalid.', details: { email: ['is invalid'] }, request_id: 'r1' },
        '/api/v2/users',
      ),
    ).toEqual({
      type: 'tag:api@example.com,2026:problems/validation-error',
      title: 'The request body is invalid',
      status: 422,
      detail: 'The request body is invalid.',
      instance: '/api/v2/users',
      code: 'VALIDATION_ERROR',
      errors: { email: ['is invalid'] },
      request_id: 'r1',
    });
  });

  it('when a code has no title of its own, then its words are the title', () => {
    expect(problemTitle('SOMETHING_NEW')).toBe('Something new');
    expect(problemTypeUri('PRECONDITION_FAILED')).toBe('tag:api@example.com,2026:problems/precondition-failed');
  });
});
