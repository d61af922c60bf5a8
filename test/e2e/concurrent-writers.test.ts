import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { processDatabase } from '../support/postgres.js';

// Optimistic concurrency across processes (issue 13): two server processes on one database, and
// writers that all read the same revision of a post and send its ETag in If-Match. The check is
// in the UPDATE's WHERE, so exactly one write may land, whichever process runs it.
const postgresUrl = process.env.TEST_POSTGRES_URL;
if (!postgresUrl) console.warn('NOTICE: TEST_POSTGRES_URL is not set, so the concurrent writers run on SQLite only.');
const dir = mkdtempSync(join(tmpdir(), 'concurrent-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const password = 'a password long enough';
const writers = 20;

const send = async (origin: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${origin}/api/v2/${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
};

const databases = [['SQLite (WAL, one file)', 'sqlite'], ...(postgresUrl ? [['PostgreSQL', 'postgres'] as const] : [])] as const;

describe('two server processes, one database: concurrent writers with one If-Match', () => {
  it.each(databases)(
    'on %s, when 20 writers spread over two processes PATCH one post with the same If-Match, then exactly one ' +
      'succeeds, the others get 412 and only its change is stored',
    async (_label, engine) => {
      const { databaseUrl, drop } = await processDatabase(engine, dir, 'writers', postgresUrl);
      const env = { DATABASE_URL: databaseUrl, RATE_LIMITS: 'off', SEED_DEMO_DATA: 'false', PASSWORD_HASH_COST: '10' };
      const servers: ServerProcess[] = [];
      try {
        // One after the other, so the second finds the schema migrated.
        servers.push(await startServerProcess(env));
        servers.push(await startServerProcess(env));
        const [a, b] = servers.map((s) => s.origin) as [string, string];

        await send(a, 'POST', 'users', { email: 'writer@example.com', name: 'Writer', password });
        const { token } = (await send(b, 'POST', 'tokens', { email: 'writer@example.com', password })).body as { token: string };
        const auth = { authorization: `Bearer ${token}` };
        const created = await send(a, 'POST', 'posts', { title: 'Original', body: 'Original body', tags: ['original'] }, auth);
        const id = created.body.id as number;
        const read = await send(b, 'GET', `posts/${id}`);
        const etag = read.headers.get('etag') as string;
        expect(etag).toBe('"v2.r1.a1"');

        const answers = await Promise.all(
          Array.from({ length: writers }, (_, n) =>
            send(
              n % 2 ? a : b,
              'PATCH',
              `posts/${id}`,
              { title: `Writer ${n}`, body: `Body of writer ${n}`, tags: [`writer-${n}`] },
              { ...auth, 'if-match': etag },
            ),
          ),
        );
        const statuses = answers.map((res) => res.status);
        const won = answers.filter((res) => res.status === 200);
        expect(won, statuses.join(' ')).toHaveLength(1);
        expect(answers.filter((res) => res.status === 412 && res.body.error.code === 'PRECONDITION_FAILED')).toHaveLength(writers - 1);

        // Both processes read the winner's change, whole, at the next revision; nothing of a loser's.
        for (const origin of [a, b]) {
          const stored = await send(origin, 'GET', `posts/${id}`);
          expect(stored.headers.get('etag')).toBe('"v2.r2.a1"');
          expect({ title: stored.body.title, body: stored.body.body, tags: stored.body.tags }).toEqual({
            title: won[0]?.body.title,
            body: won[0]?.body.body,
            tags: won[0]?.body.tags,
          });
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await drop();
      }
    },
  );
});
