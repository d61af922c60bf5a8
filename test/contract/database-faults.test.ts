import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/db/seed.js';
import { client } from '../support/contract-client.js';
import { privatePostgresAvailable, startPrivatePostgres } from '../support/postgres.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { versionedOperationsOf, versions, type OperationInfo } from '../support/spec.js';
import { testEngine } from '../support/test-server.js';
import { validRequest } from '../support/valid-request.js';

// A real server process on a private PostgreSQL cluster that the test stops and starts again.
const run = testEngine === 'postgres';
if (run && !privatePostgresAvailable) throw new Error('the database fault tests need PostgreSQL 15 binaries in /usr/lib/postgresql/15/bin');
if (!run) {
  console.warn(
    process.env.TEST_POSTGRES_URL
      ? 'NOTICE: the database fault tests run in the postgres project only (a private PostgreSQL cluster), not on SQLite.'
      : 'NOTICE: the database fault tests need PostgreSQL: set TEST_POSTGRES_URL to run them (on a private cluster they start).',
  );
}

describe.skipIf(!run)('when PostgreSQL goes away mid-run', () => {
  let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
  let server: ServerProcess;
  /** The demo admin's, taken while the database is up: a write is then refused by the fault, not for want of a token. */
  let token: string;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    server = await startServerProcess({
      DATABASE_URL: pg.url,
      RATE_LIMITS: 'off',
      DB_STATEMENT_TIMEOUT_MS: '2000',
      PASSWORD_HASH_COST: '10',
    });
    const signedIn = await client(server.origin).call('v1', 'createToken', {
      body: { email: 'ada.lovelace@example.com', password: demoPassword },
    });
    if (signedIn.status !== 201) throw new Error(`the demo admin could not sign in: ${signedIn.text}`);
    token = signedIn.body.token;
  });
  afterAll(async () => {
    await server?.stop();
    pg?.destroy();
  });

  const everyOperation = versions.flatMap((v) =>
    versionedOperationsOf(v)
      .filter((o) => o.operationId !== 'getOpenApiDocument')
      .map((o): [typeof v, string, OperationInfo] => [v, o.operationId, o]),
  );
  // The seeded demo admin (user 1, who wrote post 1) acts, with the token it got while the database was up.
  const input = (o: OperationInfo) => validRequest(o, { id: 1, email: 'ada.lovelace@example.com', token, password: demoPassword }, 1);

  it('while it is up, then the server serves its seeded data, its admin writes, and it is ready', async () => {
    expect((await client(server.origin).call('v1', 'getUser', { params: { userId: 1 } })).status).toBe(200);
    expect(
      (await client(server.origin).call('v1', 'updateUser', { params: { userId: 2 }, body: { name: 'Renamed By Ada' }, token })).status,
    ).toBe(200);
    expect((await client(server.origin).call('service', 'getReadiness')).status).toBe(200);
  });

  describe('after it stops', () => {
    beforeAll(() => pg.stop());

    it.each(everyOperation)('%s %s gets 503 SERVICE_UNAVAILABLE in the error shape', async (version, operationId, o) => {
      const res = await client(server.origin).call(version, operationId, input(o));
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    });

    it('then /ready answers 503 naming the database, /health still 200, and the process stays up', async () => {
      const ready = await client(server.origin).call('service', 'getReadiness');
      expect(ready.status).toBe(503);
      expect(ready.body.error.details).toEqual({ database: ['does not answer'] });
      expect((await client(server.origin).call('service', 'getHealth')).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
    });

    it('when it starts again, then the same process serves again, and a token from before still writes', async () => {
      pg.start();
      let status = 0;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
        status = (await fetch(`${server.origin}/api/v1/users/1`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      expect((await client(server.origin).call('service', 'getReadiness')).status).toBe(200);
      expect(
        (await client(server.origin).call('v2', 'updateUser', { params: { userId: 2 }, body: { name: 'Back Again' }, token })).status,
      ).toBe(200);
    });
  });
});
