import { describe, expect, it } from 'vitest';
import { ifMatch, notModified, parseEntityTags, validators } from '../../../src/http/conditional.js';

describe('entity tags (src/http/conditional.ts)', () => {
  it.each([
    ['"a"', [{ weak: false, opaque: 'a' }]],
    ['W/"a"', [{ weak: true, opaque: 'a' }]],
    [
      ' "a" , W/"b",',
      [
        { weak: false, opaque: 'a' },
        { weak: true, opaque: 'b' },
      ],
    ],
    ['""', [{ weak: false, opaque: '' }]],
    ['*', '*'],
    [' * ', '*'],
  ])('when the value is %j, then it reads as a list of tags', (value, expected) => {
    expect(parseEntityTags(value)).toEqual(expected);
  });

  it.each([[''], ['a'], ['"a" "b"'], ['W/'], ['w/"a"'], ['"a'], ['"a"b'], ['*, "a"'], ['"a\\"b"'], [',']])(
    'when the value is %j, then it is not a list of tags',
    (value) => {
      expect(parseEntityTags(value)).toBeUndefined();
    },
  );

  it('when If-Match names tags, then only the strong ones of this version are kept, unprefixed', () => {
    expect(ifMatch('"v2.r3", W/"v2.r4", "v1.r5", "v2.r6.a1"', 'v2')).toEqual(['r3', 'r6.a1']);
    expect(ifMatch('*', 'v2')).toBe('*');
    expect(ifMatch(undefined, 'v2')).toBeUndefined();
  });

  it('when If-Match is not a list of tags, then 400 BAD_REQUEST naming If-Match', () => {
    expect(() => ifMatch('v2.r3', 'v2')).toThrow(
      expect.objectContaining({ status: 400, code: 'BAD_REQUEST', options: { details: { 'If-Match': ['is not a list of entity tags'] } } }),
    );
  });

  it('when the validators are made, then the tag names the version and Last-Modified is an HTTP-date', () => {
    expect(validators('v1', 'r2.a1', '2026-11-24T09:30:00.900Z')).toEqual({
      ETag: '"v1.r2.a1"',
      'Last-Modified': 'Tue, 24 Nov 2026 09:30:00 GMT',
    });
  });

  const modified = 'Tue, 24 Nov 2026 09:30:00 GMT';
  it.each([
    ['If-None-Match matches, weakly', { 'if-none-match': '"x", W/"v2.r1"' }, '"v2.r1"', true],
    ['If-None-Match matches a weak tag', { 'if-none-match': '"p"' }, 'W/"p"', true],
    ['If-None-Match is *', { 'if-none-match': '*' }, '"v2.r1"', true],
    ['If-None-Match differs', { 'if-none-match': '"v2.r0"' }, '"v2.r1"', false],
    ['If-None-Match is malformed', { 'if-none-match': 'v2.r1' }, '"v2.r1"', false],
    [
      'If-None-Match differs and If-Modified-Since would match',
      { 'if-none-match': '"v2.r0"', 'if-modified-since': modified },
      '"v2.r1"',
      false,
    ],
    ['If-Modified-Since is Last-Modified', { 'if-modified-since': modified }, '"v2.r1"', true],
    ['If-Modified-Since is later', { 'if-modified-since': 'Wed, 25 Nov 2026 00:00:00 GMT' }, '"v2.r1"', true],
    ['If-Modified-Since is a second earlier', { 'if-modified-since': 'Tue, 24 Nov 2026 09:29:59 GMT' }, '"v2.r1"', false],
    ['If-Modified-Since is not a date', { 'if-modified-since': 'soon' }, '"v2.r1"', false],
    ['nothing is sent', {}, '"v2.r1"', false],
  ])('when %s, then notModified is %s', (_name, headers, etag, expected) => {
    expect(notModified(headers, etag, modified)).toBe(expected);
  });
});
