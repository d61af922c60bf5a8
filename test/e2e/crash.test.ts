import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/knex.js';
import { startServerProcess } from '../support/processes.js';
import { processDatabase } from '../support/postgres.js';

// The crash drill: kill -9 a server while writers create posts (with tags) and users as fast as
// they can; restart it; every write that was answered 201 must be there as it was answered, and
// nothing may be half-written.
const postgresUrl = process.env.TEST_POSTGRES_URL;
if (!postgresUrl) console.warn('NOTICE: TEST_POSTGRES_URL is not set, so the crash drill runs on SQLite only.');
const dir = mkdtempSync(join(tmpdir(), 'crash-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const writers = 4;
/** Acknowledged writes after which the server is killed; the writers keep going until it dies. */
const killAfter = 300;
const password = 'a password long enough';

interface Acknowledged {
  kind: 'posts' | 'users';
  id: number;
  body: unknown;
}

const post = (origin: string, path: string, body: unknown, token?: string) =>
  fetch(`${origin}/api/v2/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });

/** One writer: signs up and in, then creates posts with two tags, and a user every third write, until the server stops answering. */
async function writer(origin: string, n: number, acknowledged: Acknowledged[], unanswered: { count: number }) {
  const email = `writer-${n}-${randomUUID()}@example.com`;
  const user = await post(origin, 'users', { email, name: `Writer ${n}`, password });
  const signIn = (await (await post(origin, 'tokens', { email, password })).json()) as { token: string };
  acknowledged.push({ kind: 'users', id: ((await user.json()) as { id: number }).id, body: undefined });
  for (let k = 0; ; k++) {
    const [path, body] =
      k % 3 === 2
        ? ['users', { email: `w${n}-${k}-${randomUUID()}@example.com`, name: `Written ${n} ${k}`, password }]
        : ['posts', { title: `Post ${k} of writer ${n}`, body: `Body ${k}`, tags: [`writer-${n}`, `n${k}`] }];
    let res: Response;
    try {
      res = await post(origin, path, body, signIn.token);
    } catch {
      unanswered.count++; // sent, never answered: it may or may not have been written
      return;
    }
    if (res.status !== 201) throw new Error(`writer ${n}: ${res.status} ${await res.text()}`);
    const answered = (await res.json()) as { id: number };
    acknowledged.push({ kind: path as Acknowledged['kind'], id: answered.id, body: answered });
  }
}

const databases = [['SQLite (WAL)', 'sqlite'], ...(postgresUrl ? [['PostgreSQL', 'postgres'] as const] : [])] as const;

describe('crash under write load (kill -9)', () => {
  it.each(databases)(
    'on %s, when the server is killed while 4 writers write, then every acknowledged write is there as answered, ' +
      'and nothing is half-written',
    async (label, engine) => {
      const { databaseUrl, drop } = await processDatabase(engine, dir, 'crash', postgresUrl);
      const env = { DATABASE_URL: databaseUrl, RATE_LIMITS: 'off', SEED_DEMO_DATA: 'false', PASSWORD_HASH_COST: '10' };
      try {
        const first = await startServerProcess(env);
        const acknowledged: Acknowledged[] = [];
        const unanswered = { count: 0 };
        const writing = Promise.all(Array.from({ length: writers }, (_, n) => writer(first.origin, n, acknowledged, unanswered)));
        while (acknowledged.length < killAfter) await new Promise((r) => setTimeout(r, 5));
        first.child.kill('SIGKILL');
        await writing;
        await first.exited;

        // Restarted on the same port, so the answers' links are the same too.
        const second = await startServerProcess({ ...env, PORT: String(new URL(first.origin).port) });
        const missing: Acknowledged[] = [];
        const different: Acknowledged[] = [];
        for (const write of acknowledged) {
          const res = await fetch(`${second.origin}/api/v2/${write.kind}/${write.id}`);
          if (res.status !== 200) missing.push(write);
          else if (write.body !== undefined && JSON.stringify(await res.json()) !== JSON.stringify(write.body)) different.push(write);
        }

        const db = createDb(databaseUrl);
        const count = async (sql: string) => {
          const result = (await db.raw(sql)) as { n: number }[] | { rows: { n: number }[] };
          return Number((Array.isArray(result) ? result : result.rows)[0]?.n);
        };
        const docId = engine === 'postgres' ? 'doc_id' : 'rowid';
        const halfWritten = {
          postsWithoutBothTags: await count(
            'SELECT count(*) AS n FROM posts p WHERE (SELECT count(*) FROM post_tags t WHERE t.post_id = p.id) <> 2',
          ),
          usersNotInSearch: await count(
            `SELECT count(*) AS n FROM users u WHERE NOT EXISTS (SELECT 1 FROM search_index s WHERE s.${docId} = u.id * 2)`,
          ),
          postsNotInSearch: await count(
            `SELECT count(*) AS n FROM posts p WHERE NOT EXISTS (SELECT 1 FROM search_index s WHERE s.${docId} = p.id * 2 + 1)`,
          ),
        };
        const stored = await count('SELECT (SELECT count(*) FROM posts) + (SELECT count(*) FROM users) AS n');
        if (engine === 'sqlite') {
          expect(await db.raw('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
          // throws if the FTS index disagrees with its content
          await db.raw(`INSERT INTO search_index(search_index) VALUES ('integrity-check')`);
        }
        await db.destroy();
        expect(await second.stop()).toBe(0);

        console.info(
          `crash drill on ${label}: ${writers} writers, ${acknowledged.length} writes acknowledged (201), ` +
            `${acknowledged.length - missing.length} found after the restart, ${different.length} different, ` +
            `${unanswered.count} in flight at the kill, ${stored} rows stored, half-written: ${JSON.stringify(halfWritten)}`,
        );
        expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
        expect(missing).toEqual([]);
        expect(different).toEqual([]);
        expect(halfWritten).toEqual({ postsWithoutBothTags: 0, usersNotInSearch: 0, postsNotInSearch: 0 });
        // What was stored is what was acknowledged, plus at most the writes in flight at the kill.
        expect(stored - acknowledged.length).toBeGreaterThanOrEqual(0);
        expect(stored - acknowledged.length).toBeLessThanOrEqual(unanswered.count);
      } finally {
        await drop();
      }
    },
    60_000,
  );
});
