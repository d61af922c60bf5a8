import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deprecations } from '../../../scripts/deprecation.mjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const declared = { headers: { Deprecation: {}, Sunset: {}, Link: {} } };
/** A one-operation document: `info` and the operation's own fields as the case gives them. */
const spec = (info: Json, op: Json, response: Json = declared) => {
  const operation = { operationId: 'getUser', responses: { '200': response }, ...op };
  return { document: { info: { title: 't', version: '1', ...info }, paths: {} }, operations: [operation] };
};
const run = (info: Json, op: Json, response?: Json) => {
  const { document, operations } = spec(info, op, response);
  return deprecations('v9', document, operations);
};

describe('deprecations (npm run generate: the deprecation headers of each operation)', () => {
  it('when an operation is deprecated with a date, a sunset and a link, then the three headers (RFC 9745, RFC 8594, RFC 8288)', () => {
    expect(
      run({}, { deprecated: true, 'x-deprecated-at': '2026-12-03', 'x-sunset': '2027-06-30', 'x-deprecation-link': '/guide#v2' }),
    ).toEqual({
      getUser: {
        Deprecation: '@1796256000',
        Sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
        Link: '</guide#v2>; rel="deprecation"; type="text/html", </guide#v2>; rel="sunset"; type="text/html"',
      },
    });
  });

  it('when a date-time with an offset is given, then it is converted to UTC', () => {
    const { getUser } = run(
      {},
      { deprecated: true, 'x-deprecated-at': '2026-12-03T01:00:00+01:00', 'x-sunset': '2027-06-30T12:30:00Z' },
      { headers: { Deprecation: {}, Sunset: {} } },
    );
    expect(getUser).toEqual({ Deprecation: '@1796256000', Sunset: 'Wed, 30 Jun 2027 12:30:00 GMT' });
  });

  it('when the version is deprecated in info, then every operation takes its dates, and an operation may name its own', () => {
    const info = { 'x-deprecated-at': '2026-12-03', 'x-sunset': '2027-06-30', 'x-deprecation-link': '/guide' };
    expect(run(info, { deprecated: true }).getUser?.Sunset).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
    expect(run(info, { deprecated: true, 'x-sunset': '2027-01-31' }).getUser?.Sunset).toBe('Sun, 31 Jan 2027 00:00:00 GMT');
  });

  it('when nothing is deprecated, then no operation has headers', () => {
    expect(run({}, {})).toEqual({});
    expect(run({}, { deprecated: false })).toEqual({});
  });

  it.each<[string, Json, Json, Json, RegExp]>([
    [
      'x-sunset is not a date',
      {},
      { deprecated: true, 'x-deprecated-at': '2026-12-03', 'x-sunset': 'next summer' },
      declared,
      /openapi\/v9\.yaml getUser x-sunset: malformed date "next summer"; write it as YYYY-MM-DD/,
    ],
    [
      'x-sunset is a day that does not exist',
      {},
      { deprecated: true, 'x-deprecated-at': '2026-12-03', 'x-sunset': '2027-02-30' },
      declared,
      /x-sunset: malformed date "2027-02-30"/,
    ],
    [
      'x-sunset is a number',
      {},
      { deprecated: true, 'x-deprecated-at': '2026-12-03', 'x-sunset': 20270630 },
      declared,
      /x-sunset: malformed date 20270630/,
    ],
    [
      'x-deprecated-at is malformed',
      {},
      { deprecated: true, 'x-deprecated-at': '03.12.2026' },
      declared,
      /getUser x-deprecated-at: malformed date "03\.12\.2026"/,
    ],
    [
      'the sunset comes before the deprecation',
      {},
      { deprecated: true, 'x-deprecated-at': '2026-12-03', 'x-sunset': '2026-06-30' },
      declared,
      /x-sunset: "2026-06-30" is not after x-deprecated-at "2026-12-03"/,
    ],
    [
      'the sunset is the day of the deprecation',
      {},
      { deprecated: true, 'x-deprecated-at': '2026-12-03', 'x-sunset': '2026-12-03' },
      declared,
      /is not after x-deprecated-at/,
    ],
    [
      'an operation is deprecated without a date',
      {},
      { deprecated: true, 'x-sunset': '2027-06-30' },
      declared,
      /getUser: a deprecation needs x-deprecated-at/,
    ],
    [
      'an operation has x-sunset without deprecated: true',
      {},
      { 'x-deprecated-at': '2026-12-03', 'x-sunset': '2027-06-30' },
      declared,
      /getUser: x-deprecated-at, x-sunset without deprecated: true/,
    ],
    [
      'the version is deprecated and an operation is not marked',
      { 'x-deprecated-at': '2026-12-03', 'x-sunset': '2027-06-30' },
      {},
      declared,
      /getUser: info deprecates the whole version, so mark the operation deprecated: true too/,
    ],
    [
      'the version marker is malformed',
      { 'x-deprecated-at': '2026-12-03', 'x-sunset': '2027-13-01' },
      { deprecated: true },
      declared,
      /openapi\/v9\.yaml info x-sunset: malformed date "2027-13-01"/,
    ],
    [
      'the link has a space',
      {},
      { deprecated: true, 'x-deprecated-at': '2026-12-03', 'x-deprecation-link': '/a guide' },
      declared,
      /x-deprecation-link: "\/a guide" is not a URI reference/,
    ],
    [
      'a response does not declare the headers',
      {},
      { deprecated: true, 'x-deprecated-at': '2026-12-03', 'x-sunset': '2027-06-30' },
      { headers: { Deprecation: {} } },
      /getUser 200: a deprecated operation's responses carry Sunset; declare it on the response/,
    ],
  ])('when %s, then generation stops naming the spec, the operation and the fix', (_, info, op, response, message) => {
    expect(() => run(info, op, response)).toThrow(message);
  });

  const specOf = (version: string) => parse(readFileSync(new URL(`../../../openapi/${version}.yaml`, import.meta.url), 'utf8'));
  const operationsOf = (document: Json) =>
    Object.values<Json>(document.paths).flatMap((item) => Object.values<Json>(item).filter((op) => op?.operationId));

  it('then in the specs every operation of v1 is deprecated since 2026-12-03 with its sunset on 2027-06-30, and none of v2', () => {
    const v1 = specOf('v1');
    const headers = deprecations('v1', v1, operationsOf(v1));
    expect(Object.keys(headers).sort()).toEqual(
      operationsOf(v1)
        .map((op: Json) => op.operationId)
        .sort(),
    );
    for (const h of Object.values(headers))
      expect(h).toMatchObject({ Deprecation: '@1796256000', Sunset: 'Wed, 30 Jun 2027 00:00:00 GMT' });
    const v2 = specOf('v2');
    expect(deprecations('v2', v2, operationsOf(v2))).toEqual({});
  });
});
