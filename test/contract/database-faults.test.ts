import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/contract-client.js';
import { privatePostgresAvailable, startPrivatePostgres } from '../support/postgres.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { versionedOperationsOf, versions } from '../support/spec.js';
import { testEngine } from '../support/test-server.js';

// A real server process on a private PostgreSQL cluster that the test stops and starts again.
const run = testEngine === 'postgres';
if (run && !privatePostgresAvailable) throw new Error('the database fault tests need PostgreSQL 15 binaries in /usr/lib/postgresql/15/bin');

describe.skipIf(!run)('when PostgreSQL goes away mid-run', () => {
  let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
  let server: ServerProcess;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    server = await startServerProcess({ DATABASE_URL: pg.url, RATE_LIMITS: 'off', DB_STATEMENT_TIMEOUT_MS: '2000' });
  });
  afterAll(async () => {
    await server?.stop();
    pg?.destroy();
  });

  const everyOperation = versions.flatMap((v) =>
    versionedOperationsOf(v)
      .filter((o) => o.operationId !== 'getOpenApiDocument')
      .map((o): [typeof v, string] => [v, o.operationId]),
  );
  const input = (operationId: string) => ({
    params: { userId: 1, postId: 1 },
    query: (operationId === 'search' ? { q: 'ada' } : {}) as Record<string, string>,
    body: ({ createUser: { email: 'db@example.com', name: 'Db Down' }, updateUser: { name: 'X y' }, createPost: { title: 'T', author_id: 1 }, updatePost: { title: 'T' } } as Record<string, object>)[operationId],
  });

  it('while it is up, then the server serves its seeded data and is ready', async () => {
    expect((await client(server.origin).call('v1', 'getUser', { params: { userId: 1 } })).status).toBe(200);
    expect((await client(server.origin).call('v1', 'getReadiness')).status).toBe(200);
  });

  describe('after it stops', () => {
    beforeAll(() => pg.stop());

    it.each(everyOperation)('%s %s gets 503 SERVICE_UNAVAILABLE in the error shape', async (version, operationId) => {
      const res = await client(server.origin).call(version, operationId, input(operationId));
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    });

    it('then /ready answers 503 naming the database, /health still 200, and the process stays up', async () => {
      const ready = await client(server.origin).call('v2', 'getReadiness');
      expect(ready.status).toBe(503);
      expect(ready.body.error.details).toEqual({ database: ['does not answer'] });
      expect((await client(server.origin).call('v2', 'getHealth')).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
    });

    it('when it starts again, then the same process serves again', async () => {
      pg.start();
      let status = 0;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
        status = (await fetch(`${server.origin}/api/v1/users/1`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      expect((await client(server.origin).call('v2', 'getReadiness')).status).toBe(200);
    });
  });
});
