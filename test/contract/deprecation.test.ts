import { describe, expect, it } from 'vitest';
import { head } from '../support/contract-client.js';
import { versionedOperationsOf, versions, type OperationInfo, type Version } from '../support/spec.js';
import { testPassword, useServer } from '../support/use-server.js';
import { validRequest } from '../support/valid-request.js';

const api = useServer();

// v1 is deprecated as a whole in openapi/v1.yaml (info: x-deprecated-at, x-sunset, x-deprecation-link).
const guide = '/api/docs?version=2#section/Migrating-from-v1';
const deprecation = {
  deprecation: '@1796256000',
  sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
  links: [`<${guide}>; rel="deprecation"; type="text/html"`, `<${guide}>; rel="sunset"; type="text/html"`],
};

/** The deprecation headers of a response, as a client reads them. */
const deprecationOf = (headers: Headers) => ({
  deprecation: headers.get('deprecation'),
  sunset: headers.get('sunset'),
  links: (headers.get('link') ?? '').split(/, (?=<)/).filter((l) => /rel="(deprecation|sunset)"/.test(l)),
});

async function validRequestTo(o: OperationInfo) {
  const post = await api.createPost();
  return validRequest(o, { ...post.writer, password: testPassword }, post.id);
}

describe.each(versions)('every operation of %s', (version: Version) => {
  const everyOperation = versionedOperationsOf(version).map((o): [string, OperationInfo] => [o.operationId, o]);
  const expected = version === 'v1' ? deprecation : { deprecation: null, sunset: null, links: [] };
  const says = version === 'v1' ? 'Deprecation, Sunset and the Link to the migration guide' : 'no deprecation headers';

  it.each(everyOperation)(`%s: when it succeeds, then ${says}`, async (operationId, o) => {
    const res = await api.call(version, operationId, await validRequestTo(o));
    expect(res.status).toBeLessThan(300);
    expect(deprecationOf(res.headers)).toEqual(expected);
  });

  it.each(everyOperation)(`%s: when it fails (400, 406), then ${says} too`, async (operationId, o) => {
    const request = await validRequestTo(o);
    const refused = await api.call(version, operationId, { ...request, query: { colour: 'blue' } });
    expect(refused.status).toBe(400);
    expect(deprecationOf(refused.headers)).toEqual(expected);
    const unacceptable = await api.call(version, operationId, { ...request, headers: { accept: 'application/problem+json' } });
    expect(unacceptable.status).toBe(406);
    expect(deprecationOf(unacceptable.headers)).toEqual(expected);
  });
});

describe('deprecation on the edges of v1', () => {
  it('when a body is refused before the operation runs (malformed JSON), then the deprecation headers still come', async () => {
    const res = await api.call('v1', 'createUser', { rawBody: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(deprecationOf(res.headers)).toEqual(deprecation);
  });

  it('when a v1 list is paged, then one Link field holds the paging links and then the guide', async () => {
    for (let n = 0; n < 3; n++) await api.createUser();
    const res = await api.call('v1', 'listUsers', { query: { per_page: 1 } });
    const links = (res.headers.get('link') ?? '').split(/, (?=<)/);
    expect(links.map((l) => /rel="(\w+)"/.exec(l)?.[1])).toEqual(['first', 'next', 'last', 'deprecation', 'sunset']);
    const asHead = await head(api.server.origin, 'v1', 'listUsers', { query: { per_page: 1 } });
    expect(asHead.headers.get('link')).toBe(res.headers.get('link'));
    expect(asHead.headers.get('deprecation')).toBe(deprecation.deprecation);
  });

  it.each([
    ['no Accept-Version (1 by default)', {}, deprecation],
    ['Accept-Version: 1', { 'accept-version': '1' }, deprecation],
    ['Accept-Version: 2', { 'accept-version': '2' }, { deprecation: null, sunset: null, links: [] }],
  ])(
    'when /api/users is called with %s, then the answer carries the deprecation of the version that answered',
    async (_, headers, expected) => {
      const ok = await fetch(`${api.server.origin}/api/users`, { headers });
      expect(ok.status).toBe(200);
      expect(deprecationOf(ok.headers)).toEqual(expected);
      const missing = await fetch(`${api.server.origin}/api/users/424242`, { headers });
      expect(missing.status).toBe(404);
      expect(deprecationOf(missing.headers)).toEqual(expected);
    },
  );

  it('when the served v1 document is read, then every operation says deprecated and info names the dates and the guide', async () => {
    const res = await api.call('v1', 'getOpenApiDocument');
    const operations = Object.values<Record<string, { operationId?: string; deprecated?: boolean }>>(res.body.paths).flatMap((item) =>
      Object.values(item).filter((op) => op.operationId),
    );
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.every((op) => op.deprecated === true)).toBe(true);
    expect(res.body.info).toMatchObject({ 'x-deprecated-at': '2026-12-03', 'x-sunset': '2027-06-30', 'x-deprecation-link': guide });
  });
});
