import { afterAll, beforeAll, beforeEach } from 'vitest';
import { client, type CallOptions } from './contract-client.js';
import type { Version } from './spec.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

let sequence = 0;

/**
 * One real server per test file, emptied before each test. Returns accessors, valid once the
 * suite's hooks have run.
 */
export function useServer(options: TestServerOptions = {}) {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  beforeEach(() => server.reset());
  afterAll(() => server.close());

  const call = (version: Version, operationId: string, callOptions?: CallOptions) =>
    client(server.origin).call(version, operationId, callOptions);

  return {
    get server() {
      return server;
    },
    call,
    /** Arranges a user through the API; every field can be overridden. */
    async createUser(fields: Record<string, unknown> = {}) {
      sequence += 1;
      const res = await call('v1', 'createUser', { body: { email: `user${sequence}@example.com`, name: `User ${sequence}`, ...fields } });
      if (res.status !== 201) throw new Error(`arranging a user failed: ${res.text}`);
      return res.body as { id: number; email: string; name: string };
    },
    /** Arranges a post (and its author, unless author_id is given) through the API. */
    async createPost(fields: Record<string, unknown> = {}) {
      const authorId = fields.author_id ?? (await this.createUser()).id;
      const res = await call('v1', 'createPost', { body: { title: 'A post', body: 'Text', tags: ['a'], author_id: authorId, ...fields } });
      if (res.status !== 201) throw new Error(`arranging a post failed: ${res.text}`);
      return res.body as { id: number; title: string; author: { id: number } };
    },
  };
}
