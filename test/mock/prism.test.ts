// The Prism mock of each spec against the real server: for every operation, the mock's default
// answer keeps the spec, and has the shape (status, keys, types) of the real server's answer to
// the same request. The real server holds the records the specs' examples show, as the sandbox does.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRecords } from '../../scripts/sandbox-examples.js';
import { clearAll, seedRecords } from '../../src/db/seed.js';
import { assertMatchesSpec, client, type ApiResponse } from '../support/contract-client.js';
import { freePort } from '../support/processes.js';
import { documents, operationsOf, resolve, versions, type Version } from '../support/spec.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const root = new URL('../../', import.meta.url).pathname;

async function startPrism(version: Version): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [`${root}node_modules/@stoplight/prism-cli/dist/index.js`, 'mock', '-h', '127.0.0.1', '-p', String(port), `${root}openapi/${version}.yaml`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
function exampleRequest(version: Version, operationId: string, path: string, operation: { requestBody?: unknown }) {
  const params = { userId: 1, postId: 7 };
  const query: Record<string, string> = operationId === 'search' ? { q: 'engine' } : {};
  const requestBody = resolve(version, operation.requestBody);
  const example = requestBody && Object.values(requestBody.content['application/json'].examples)[0];
  let body = example && structuredClone(resolve(version, example).value);
  // A new user needs an email no example user has, or the real server answers 409.
  if (operationId === 'createUser') body = { ...body, email: 'new.user@example.com' };
  const url = path.replace(/\{(\w+)\}/g, (_, name: keyof typeof params) => String(params[name]));
  return { params, query, body, url: `${url}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`, hasBody: body !== undefined };
}

/** The structure of a value: keys and JSON types, with null standing for "whatever the schema allows". */
function shape(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? ['array', shape(value[0])] : ['array'];
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, shape(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return typeof value;
}
function sameShape(mock: unknown, real: unknown, path = '$'): string[] {
  if (mock === 'null' || real === 'null') return [];
  if (Array.isArray(mock) && Array.isArray(real)) return mock.length > 1 && real.length > 1 ? sameShape(mock[1], real[1], `${path}[0]`) : [];
  if (mock && real && typeof mock === 'object' && typeof real === 'object') {
    const keys = new Set([...Object.keys(mock), ...Object.keys(real)]);
    return [...keys].flatMap((k) =>
      k in mock && k in real ? sameShape((mock as Record<string, unknown>)[k], (real as Record<string, unknown>)[k], `${path}.${k}`) : [`${path}.${k} only in the ${k in mock ? 'mock' : 'real server'}`],
    );
  }
  return mock === real ? [] : [`${path}: ${JSON.stringify(mock)} in the mock, ${JSON.stringify(real)} in the real server`];
}

describe.each(versions)('the Prism mock of %s', (version) => {
  let mock: { origin: string; child: ChildProcess };
  let real: TestServer;
  const records = exampleRecords();
  beforeAll(async () => {
    [mock, real] = await Promise.all([startPrism(version), startTestServer()]);
  });
  afterAll(async () => {
    mock?.child.kill('SIGTERM');
    await real?.close();
  });

  it.each(operationsOf(version).map((o) => [o.operationId, o]))('%s: the default answer keeps the spec and has the real answer\'s shape', async (operationId, op) => {
    const request = exampleRequest(version, operationId, op.path, op.operation);
    const res = await fetch(`${mock.origin}${request.url}`, {
      method: op.method.toUpperCase(),
      headers: request.hasBody ? { 'content-type': 'application/json' } : {},
      body: request.hasBody ? JSON.stringify(request.body) : undefined,
    });
    const text = await res.text();
    const mocked: ApiResponse = { status: res.status, headers: res.headers, text, body: (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text || undefined };
    assertMatchesSpec(version, operationId, mocked);

    await clearAll(real.db);
    await seedRecords(real.db, records.users, records.posts);
    const answered = await client(real.origin).call(version, operationId, { params: request.params, query: request.query, body: request.body });
    expect(mocked.status).toBe(answered.status);
    // The served document is free-form: the mock's example shows its first keys only.
    if (operationId === 'getOpenApiDocument') expect(Object.keys(answered.body)).toEqual(expect.arrayContaining(Object.keys(mocked.body)));
    else expect(sameShape(shape(mocked.body), shape(answered.body))).toEqual([]);
  });

  it('when a client asks for another status or example, then the mock answers with it (Prefer)', async () => {
    const notFound = await fetch(`${mock.origin}/users/1`, { headers: { prefer: 'code=404' } });
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { error: { code: string } }).error.code).toBe('USER_NOT_FOUND');
    const limited = await fetch(`${mock.origin}/users`, { method: 'POST', headers: { prefer: 'code=429', 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.com', name: 'Ab' }) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('42');
  });

  it('when a parameter breaks the bounds the spec states, then the mock refuses it as the server does', async () => {
    const res = await fetch(`${mock.origin}/users?per_page=101`);
    expect(res.status).toBe(400);
    expect(documents[version].components.parameters.PerPage.schema.maximum).toBe(100);
  });
});
