import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, type FuzzReport } from '../../scripts/fuzz/run.js';
import { startInProcessServer, type InProcessServer } from '../../scripts/fuzz/server.js';
import { startBrokenProxy, type Corruption } from './broken-app.js';

// Bounded: a few hundred requests per version, a fixed seed, a fresh in-memory database each.
const TIMEOUT = 120_000;

describe('npm run fuzz against the real in-process server', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startInProcessServer();
  });
  afterAll(() => server.close());

  it(
    'when it sends 300 generated requests per version, then every check passes',
    async () => {
      const report = await fuzz({ baseUrl: server.origin, seed: 20261202, requests: 300 });
      expect(report.failures.map((f) => `${f.version} ${f.operationId} ${f.kind}: ${f.message}\n${f.curl}`)).toEqual([]);
      for (const v of report.versions) {
        expect(v.sent).toBeGreaterThanOrEqual(300);
        expect(Object.keys(v.byKind).sort()).toEqual(['auth', 'chain', 'negative', 'positive', 'setup']);
      }
    },
    TIMEOUT,
  );
});

describe('npm run fuzz --seed', () => {
  it(
    'when a run is repeated with its seed on a fresh server, then it sends the same requests',
    async () => {
      const runOnce = async () => {
        const server = await startInProcessServer();
        try {
          return await fuzz({ baseUrl: server.origin, seed: 7, requests: 60, versions: ['v2'] });
        } finally {
          await server.close();
        }
      };
      const counts = (r: FuzzReport) => r.versions.map((v) => ({ byKind: v.byKind, byOperation: v.byOperation }));
      expect(counts(await runOnce())).toEqual(counts(await runOnce()));
    },
    TIMEOUT,
  );
});

describe('npm run fuzz against a deliberately broken server', () => {
  const errorBody = (id: string) => JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'Something broke.', request_id: id } });
  const corruptions: Corruption[] = [
    // An undeclared status.
    { method: 'GET', path: /^\/api\/v2\/posts$/, corrupt: (r) => void (r.status = r.status === 200 ? 203 : r.status) },
    // A declared header missing.
    { method: 'GET', path: /^\/api\/v2\/users\/[^/]+$/, corrupt: (r) => void delete r.headers['x-response-time'] },
    // A field the schema does not declare.
    {
      method: 'POST',
      path: /^\/api\/v2\/posts$/,
      corrupt: (r) => {
        if (r.status === 201) r.body = JSON.stringify({ ...JSON.parse(r.body), extra: true });
      },
    },
    // A 500 (declared for search, so only "not a 5xx" catches it).
    {
      method: 'GET',
      path: /^\/api\/v2\/search$/,
      corrupt: (r) => {
        r.status = 500;
        r.headers['content-type'] = 'application/json; charset=utf-8';
        r.body = errorBody(r.headers['x-request-id'] ?? 'x');
      },
    },
  ];
  let server: InProcessServer;
  let proxy: { origin: string; close(): Promise<void> };
  let report: FuzzReport;
  beforeAll(async () => {
    server = await startInProcessServer();
    proxy = await startBrokenProxy(server.origin, corruptions);
    report = await fuzz({
      baseUrl: proxy.origin,
      seed: 1,
      requests: 100,
      versions: ['v2'],
      operations: ['listPosts', 'getUser', 'createPost', 'search'],
    });
  }, TIMEOUT);
  afterAll(async () => {
    await proxy.close();
    await server.close();
  });

  const found = (operationId: string, check: string) =>
    report.failures.filter((f) => f.operationId === operationId && f.checks.includes(check));

  it.each([
    ['an undeclared status', 'listPosts', 'status declared'],
    ['a missing declared header', 'getUser', 'declared header'],
    ['an undeclared field in the body', 'createPost', 'body schema'],
    ['a 500', 'search', 'not a 5xx'],
  ])('when the server answers %s, then the fuzzer reports it for %s (%s) with a curl command', (_what, operationId, check) => {
    const failures = found(operationId, check);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]!.curl).toMatch(new RegExp(`^curl -i -X [A-Z]+ '${proxy.origin}/api/v2/`));
  });

  it('when a failure is found, then it is shrunk: a positive failure of listPosts needs no query parameters', () => {
    const failure = report.failures.find((f) => f.operationId === 'listPosts' && f.kind === 'positive');
    expect(failure?.counterexample).toContain('"query":{}');
  });
});
