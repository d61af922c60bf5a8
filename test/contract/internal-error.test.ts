import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/contract-client.js';
import { versionedOperationsOf, versions, type Version } from '../support/spec.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// A real fault: the tables are gone, so every query the server makes fails.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  for (const table of ['post_tags', 'posts', 'users', 'search_index']) await server.db.schema.dropTable(table);
});
afterAll(() => server.close());

const validInput: Record<string, object> = {
  createUser: { body: { email: 'ada@example.com', name: 'Ada Lovelace' } },
  updateUser: { body: { name: 'Ada King' } },
  createPost: { body: { title: 'Notes', author_id: 1 } },
  updatePost: { body: { title: 'Notes, revised' } },
  search: { query: { q: 'ada' } },
};

describe.each(versions)('when the database fails under %s', (version: Version) => {
  const databaseOperations = versionedOperationsOf(version).filter((o) => o.operationId !== 'getOpenApiDocument');

  it.each(databaseOperations.map((o) => [o.operationId]))(
    '%s: then 500 INTERNAL_ERROR with neither SQL nor a stack trace in the body',
    async (operationId) => {
      const res = await client(server.origin).call(version, operationId, { params: { userId: 1, postId: 1 }, ...validInput[operationId] });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('INTERNAL_ERROR');
      expect(res.text).not.toMatch(/sqlite|postgres|select|relation|no such table|at .*\.ts/i);
    },
  );
});
