// The Prism mock of each spec against the real server: for every operation, the mock's default
// answer keeps the spec, and has the shape (status, keys, types) of the real server's answer to
// the same request. The real server holds the records the specs' examples show, as the sandbox does.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRecords } from '../../scripts/sandbox-examples.js';
import { clearAll, demoPassword, seedRecords } from '../../src/db/seed.js';
import { hashPassword } from '../../src/domain/passwords.js';
import { createServices } from '../../src/domain/services.js';
import { assertMatchesSpec, client, type ApiResponse } from '../support/contract-client.js';
import { freePort } from '../support/processes.js';
import { documents, needsToken, operationsOf, resolve, versions, type OperationInfo, type Spec } from '../support/spec.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { testPassword } from '../support/use-server.js';

const root = new URL('../../', import.meta.url).pathname;

async function startPrism(version: Spec, extra: string[] = []): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      `${root}node_modules/@stoplight/prism-cli/dist/index.js`,
      'mock',
      ...extra,
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      `${root}openapi/${version}.yaml`,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await new Promise<void>((done, fail) => {
    child.once('exit', () => fail(new Error(`prism exited:\n${output}`)));
    const check = () => (output.includes('Prism is listening') ? done() : setTimeout(check, 50));
    check();
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

/** The request of the specs' examples for one operation. */
function exampleRequest(version: Spec, operationId: string, path: string, operation: { requestBody?: unknown }) {
  const params = { userId: 1, postId: 7 };
  const query: Record<string, string> = operationId === 'search' ? { q: 'engine' } : {};
  const requestBody = resolve(version, operation.requestBody);
  const example = requestBody && Object.values(requestBody.content['application/json'].examples)[0];
  let body = example && structuredClone(resolve(version, example).value);
  // A new user needs an email no example user has, or the real server answers 409.
  if (operationId === 'createUser') body = { ...body, email: 'new.user@example.com' };
  const url = path.replace(/\{(\w+)\}/g, (_, name: keyof typeof params) => String(params[name]));
  return {
    params,
    query,
    body,
    url: `${url}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`,
    hasBody: body !== undefined,
  };
}

/** The structure of a value: keys and JSON types, with null standing for "whatever the schema allows". */
function shape(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? ['array', shape(value[0])] : ['array'];
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as object)
        .map(([k, v]) => [k, shape(v)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return typeof value;
}
function sameShape(mock: unknown, real: unknown, path = '$'): string[] {
  if (mock === 'null' || real === 'null') return [];
  if (Array.isArray(mock) && Array.isArray(real))
    return mock.length > 1 && real.length > 1 ? sameShape(mock[1], real[1], `${path}[0]`) : [];
  if (mock && real && typeof mock === 'object' && typeof real === 'object') {
    const keys = new Set([...Object.keys(mock), ...Object.keys(real)]);
    return [...keys].flatMap((k) =>
      k in mock && k in real
        ? sameShape((mock as Record<string, unknown>)[k], (real as Record<string, unknown>)[k], `${path}.${k}`)
        : [`${path}.${k} only in the ${k in mock ? 'mock' : 'real server'}`],
    );
  }
  return mock === real ? [] : [`${path}: ${JSON.stringify(mock)} in the mock, ${JSON.stringify(real)} in the real server`];
}

/** The base the examples' links point at: the sandbox (`npm run sandbox`, port 4000), which holds the examples' records. */
const sandboxBase = 'http://localhost:4000';

/** Every `{href, method}` link and URL in a body, by its JSON path, with the origin cut off (a URL must start with `origin`). */
function urlsOf(value: unknown, origin: string, path = '$', found: Record<string, string> = {}): Record<string, string> {
  if (typeof value === 'string' && /^https?:\/\//.test(value)) {
    found[path] = value.startsWith(`${origin}/`) ? value.slice(origin.length) : `NOT UNDER ${origin}: ${value}`;
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) urlsOf(v, origin, `${path}.${k}`, found);
  }
  return found;
}

/** The methods of the `_links` in a body, by JSON path. */
function methodsOf(value: unknown, path = '$', found: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'method' && typeof v === 'string') found[path] = v;
      else methodsOf(v, `${path}.${k}`, found);
    }
  }
  return found;
}

/**
 * Paths and values without what the data decides (which ids, how many items, which cursor), as a
 * sorted list: `$.data[]._links.update = PATCH`, `$.links.self = /api/v2/users?per_page={n}`.
 */
const generic = (found: Record<string, string>) =>
  [
    ...new Set(
      Object.entries(found).map(
        ([path, value]) => `${path.replace(/\.\d+(?=\.|$)/g, '[]')} = ${value.replace(/\/\d+/g, '/{id}').replace(/=[^&]+/g, '={v}')}`,
      ),
    ),
  ].sort();

/** Prism checks that a bearer token is there, not what it is. */
const mockToken = `upa_${'x'.repeat(43)}`;

describe.each(versions)('the Prism mock of %s', (version) => {
  let mock: { origin: string; child: ChildProcess };
  let real: TestServer;
  let passwordHash: string;
  const records = exampleRecords();
  beforeAll(async () => {
    [mock, real, passwordHash] = await Promise.all([startPrism(version), startTestServer(), hashPassword(demoPassword, 10)]);
  });

  /**
   * The real server as the sandbox holds it: the examples' records, every user with the demo
   * password, and an admin signed in, whose token may do what the examples do on the examples' ids.
   */
  async function resetRealServer(): Promise<string> {
    await clearAll(real.db);
    await seedRecords(real.db, records.users, records.posts, passwordHash);
    const admin = { email: 'prism.admin@example.com', name: 'Prism Admin', password: testPassword };
    await createServices(real.db, { tokenTtlSeconds: 3600, passwordHashCost: 10 }).users.ensureAdmin(admin, true);
    const signedIn = await client(real.origin).call('v1', 'createToken', { body: { email: admin.email, password: admin.password } });
    if (signedIn.status !== 201) throw new Error(`the admin could not sign in: ${signedIn.text}`);
    return signedIn.body.token;
  }
  afterAll(async () => {
    mock?.child.kill('SIGTERM');
    await real?.close();
  });

  /** The mock's answer to an example request, with a bearer token when one is given. */
  async function askMock(op: OperationInfo, request: ReturnType<typeof exampleRequest>, token?: string): Promise<ApiResponse> {
    const res = await fetch(`${mock.origin}${request.url}`, {
      method: op.method.toUpperCase(),
      headers: { ...(request.hasBody && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      body: request.hasBody ? JSON.stringify(request.body) : undefined,
    });
    const text = await res.text();
    const headers = new Headers(res.headers);
    if (op.operation.deprecated) {
      // Prism writes `Deprecation: true` (the 2020 draft) on every answer of a deprecated
      // operation, over the declared header's example (stoplightio/prism#1563); the server sends
      // RFC 9745's `@<seconds>`. The mock's Sunset and Link are still checked against the spec.
      expect(headers.get('deprecation')).toBe('true');
      headers.set(
        'deprecation',
        String(resolve(version, resolve(version, op.operation.responses[String(res.status)]).headers.Deprecation).example),
      );
    }
    const mocked = {
      status: res.status,
      headers,
      text,
      body: (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text || undefined,
    };
    assertMatchesSpec(version, op.operationId, mocked);
    return mocked;
  }

  it.each(operationsOf(version).map((o) => [o.operationId, o]))(
    "%s: the default answer keeps the spec and has the real answer's shape",
    async (operationId, op) => {
      const request = exampleRequest(version, operationId, op.path, op.operation);
      const mocked = await askMock(op, request, needsToken(op) ? mockToken : undefined);

      const token = await resetRealServer();
      const answered = await client(real.origin).call(version, operationId, {
        params: request.params,
        query: request.query,
        body: request.body,
        token: needsToken(op) ? token : undefined,
      });
      expect(answered.status, `the real server's answer: ${answered.text.slice(0, 300)}`).toBeLessThan(300);
      expect(mocked.status).toBe(answered.status);
      // The served document is free-form: the mock's example shows its first keys only.
      if (operationId === 'getOpenApiDocument')
        expect(Object.keys(answered.body)).toEqual(expect.arrayContaining(Object.keys(mocked.body)));
      else expect(sameShape(shape(mocked.body), shape(answered.body))).toEqual([]);
      // Values too: the links name the same methods and paths as the real ones, under the sandbox.
      if (operationId !== 'getOpenApiDocument') {
        // Each named link has the method the real one has (which items a list shows is the example's choice).
        const byName = (found: Record<string, string>) =>
          [...new Set(Object.entries(found).map(([path, m]) => `${path.split('.').slice(-2).join('.')} = ${m}`))].sort();
        expect(byName(methodsOf(mocked.body))).toEqual(expect.arrayContaining(byName(methodsOf(answered.body))));
        expect(Object.values(urlsOf(mocked.body, sandboxBase)).filter((url) => url.startsWith('NOT UNDER'))).toEqual([]);
        const location = mocked.headers.get('location');
        if (location)
          expect(generic({ location: location.replace(sandboxBase, '') })).toEqual(
            generic({ location: answered.headers.get('location')?.replace(real.origin, '') ?? '' }),
          );
      }
      // Retry-After belongs to a 429 only.
      expect(mocked.headers.get('retry-after')).toBeNull();
    },
  );

  it.each(
    operationsOf(version)
      .filter(needsToken)
      .map((o) => [o.operationId, o]),
  )('%s: when no token is sent, then the mock answers 401 UNAUTHORIZED, as the server does', async (operationId, op) => {
    const request = exampleRequest(version, operationId, op.path, op.operation);
    const mocked = await askMock(op, request);
    expect(mocked.status).toBe(401);
    expect(mocked.body.error.code).toBe('UNAUTHORIZED');

    await resetRealServer();
    const answered = await client(real.origin).call(version, operationId, {
      params: request.params,
      query: request.query,
      body: request.body,
    });
    expect(answered.status).toBe(401);
  });

  it('when a client asks for another status or example, then the mock answers with it (Prefer)', async () => {
    const notFound = await fetch(`${mock.origin}/users/1`, { headers: { prefer: 'code=404' } });
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { error: { code: string } }).error.code).toBe('USER_NOT_FOUND');
    const limited = await fetch(`${mock.origin}/users`, {
      method: 'POST',
      headers: { prefer: 'code=429', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', name: 'Ab', password: testPassword }),
    });
    expect(limited.status).toBe(429);
    const { error } = (await limited.json()) as { error: { retry_after: number } };
    expect(limited.headers.get('retry-after')).toBe(String(error.retry_after));
  });

  it('when a parameter breaks the bounds the spec states, then the mock refuses it as the server does', async () => {
    const res = await fetch(`${mock.origin}/users?per_page=101`);
    expect(res.status).toBe(400);
    expect(documents[version].components.parameters.PerPage.schema.maximum).toBe(100);
  });
});

describe('the Prism mock of the service document (probes and docs)', () => {
  let mock: { origin: string; child: ChildProcess };
  let real: TestServer;
  beforeAll(async () => {
    [mock, real] = await Promise.all([startPrism('service'), startTestServer()]);
  });
  afterAll(async () => {
    mock?.child.kill('SIGTERM');
    await real?.close();
  });

  it.each(operationsOf('service').map((o) => [o.operationId, o]))(
    '%s: the default answer keeps the spec and has the status and media type of the real answer',
    async (operationId, op) => {
      const res = await fetch(`${mock.origin}${op.path}`);
      const text = await res.text();
      const mocked = {
        status: res.status,
        headers: res.headers,
        text,
        body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
      };
      assertMatchesSpec('service', operationId, mocked);
      const answered = await client(real.origin).call('service', operationId);
      expect(mocked.status).toBe(answered.status);
      expect(mocked.headers.get('content-type')?.split(';')[0]).toBe(answered.headers.get('content-type')?.split(';')[0]);
      // The documents are free-form: the mock's example shows their first keys only.
      if (operationId === 'getServiceDocument')
        expect(Object.keys(answered.body)).toEqual(expect.arrayContaining(Object.keys(mocked.body)));
      else if (typeof answered.body === 'object') expect(sameShape(shape(mocked.body), shape(answered.body))).toEqual([]);
    },
  );
});

describe('the Prism mock of v2 with --dynamic', () => {
  let mock: { origin: string; child: ChildProcess };
  beforeAll(async () => {
    mock = await startPrism('v2', ['--dynamic']);
  });
  afterAll(() => {
    mock?.child.kill('SIGTERM');
  });

  it.each([['/users/1'], ['/posts/7'], ['/posts']])('when %s is generated, then every link has the method of its kind', async (path) => {
    // A generated list may come back empty: ask again (a bounded number of times) until it has links.
    let methods: Record<string, string> = {};
    for (let i = 0; i < 20 && Object.keys(methods).length === 0; i++)
      methods = methodsOf(await (await fetch(`${mock.origin}${path}`)).json());
    const expected: Record<string, string> = { self: 'GET', posts: 'GET', author: 'GET', update: 'PATCH', delete: 'DELETE' };
    expect(Object.keys(methods).length).toBeGreaterThan(0);
    for (const [where, method] of Object.entries(methods)) expect(method, where).toBe(expected[where.split('.').pop() as string]);
  });
});
