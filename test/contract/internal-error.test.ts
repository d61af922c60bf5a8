import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/contract-client.js';
import { versionedOperationsOf, versions, type OperationInfo, type Version } from '../support/spec.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { testPassword } from '../support/use-server.js';
import { validRequest } from '../support/valid-request.js';

// A real fault: the tables are gone, so every query the server makes fails, the token lookup
// included. The token is taken while the database still works, so no request is refused for
// want of one: every operation gets as far as the database.
let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  const { call } = client(server.origin);
  await call('v1', 'createUser', { body: { email: 'owner@example.com', name: 'Owner', password: testPassword } });
  token = (await call('v1', 'createToken', { body: { email: 'owner@example.com', password: testPassword } })).body.token;
  for (const table of ['tokens', 'post_tags', 'posts', 'users', 'search_index']) await server.db.schema.dropTable(table);
});
afterAll(() => server.close());

describe.each(versions)('when the database fails under %s', (version: Version) => {
  const databaseOperations = versionedOperationsOf(version).map((o): [string, OperationInfo] => [o.operationId, o]);

  it.each(databaseOperations)('%s: then 500 INTERNAL_ERROR with neither SQL nor a stack trace in the body', async (operationId, o) => {
    const owner = { id: 1, email: 'owner@example.com', token, password: testPassword };
    // The served document needs no database, but a token sent with it is looked up there.
    const request = { ...validRequest(o, owner, 1), ...(operationId === 'getOpenApiDocument' && { token }) };
    const res = await client(server.origin).call(version, operationId, request);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL_ERROR');
    expect(res.text).not.toMatch(/sqlite|postgres|select|relation|no such table|at .*\.ts/i);
  });
});
