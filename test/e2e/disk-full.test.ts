import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmdirSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/processes.js';

// The disk-full drill: the SQLite file on a small tmpfs, filled to the last page while the server
// runs. Every write must answer 503 SERVICE_UNAVAILABLE in the error shape (never a 500, never a
// hang), reads go on answering what was written before, and the process stays up; once the space
// returns, writes succeed again without a restart, and the file is whole.
const dir = mkdtempSync(join(tmpdir(), 'disk-full-e2e-'));
const mountFailure = (() => {
  if (process.platform !== 'linux') return `this is ${process.platform}, not Linux`;
  if (process.getuid?.() !== 0) return 'it needs root to mount a tmpfs';
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return `mount -t tmpfs failed: ${(mounted.stderr || mounted.error?.message || '').trim()}`;
  return undefined;
})();
if (mountFailure) console.warn(`NOTICE: the disk-full drill is skipped: ${mountFailure}.`);
afterAll(() => {
  if (!mountFailure) spawnSync('umount', ['-l', dir]);
  rmdirSync(dir);
});

/** Longer than any answer may take; a request past it counts as hung. */
const hungAfterMs = 11_000;
const postsBefore = 20;
/** Rounds of writes (one of each kind) and reads while the disk is full. */
const fullRounds = 10;
const postsAfter = 10;
const password = 'a password long enough';

interface Answer {
  status: number | 'hung' | 'error';
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  requestId: string | null;
  ms: number;
  what: string;
}

async function call(origin: string, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${origin}${path.startsWith('/') ? path : `/api/v2/${path}`}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(hungAfterMs),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : undefined,
      requestId: res.headers.get('x-request-id'),
      ms: performance.now() - started,
      what: `${method} ${path}`,
    };
  } catch (err) {
    return {
      status: (err as Error).name === 'TimeoutError' ? 'hung' : 'error',
      body: undefined,
      requestId: null,
      ms: performance.now() - started,
      what: `${method} ${path}`,
    };
  }
}

/** Writes zeros until the file system has no page left; the filler's path. */
function fill(where: string) {
  const filler = join(where, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const zeros = Buffer.alloc(size);
      for (;;) {
        try {
          writeSync(fd, zeros);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

const tally = (answers: Answer[], byOperation = false) =>
  answers.reduce<Record<string, number>>((t, a) => {
    const key = `${byOperation ? `${a.what.replace(/\/\d+/g, '/{id}')}: ` : ''}${a.status}${a.body?.error ? ` ${a.body.error.code}` : ''}`;
    t[key] = (t[key] ?? 0) + 1;
    return t;
  }, {});

describe.skipIf(mountFailure !== undefined)('disk full (the SQLite file on an 8 MB tmpfs)', () => {
  it('refuses every write with 503 while the disk is full, serves reads, corrupts nothing, writes again once space returns', async () => {
    const file = join(dir, 'app.db');
    const server = await startServerProcess({
      DATABASE_URL: `sqlite:${file}`,
      SEED_DEMO_DATA: 'false',
      RATE_LIMITS: 'off',
      PASSWORD_HASH_COST: '10',
    });
    const { origin } = server;
    let stopped = false;
    try {
      const email = `writer-${randomUUID()}@example.com`;
      const signUp = await call(origin, 'POST', 'users', { email, name: 'Writer', password });
      expect(signUp.status).toBe(201);
      const user = signUp.body as { id: number };
      const { token } = (await call(origin, 'POST', 'tokens', { email, password })).body as { token: string };

      /** Every post answered 201 (or 200 to an update), by id, as it was answered. */
      const posts = new Map<number, unknown>();
      const createPost = async (k: number) => {
        const answer = await call(
          origin,
          'POST',
          'posts',
          { title: `Post ${k}`, body: `Body ${k} `.repeat(20), tags: ['disk', `n${k}`] },
          token,
        );
        if (answer.status === 201) posts.set(answer.body.id, answer.body);
        return answer;
      };
      for (let k = 0; k < postsBefore; k++) expect((await createPost(k)).status).toBe(201);
      const ids = [...posts.keys()];

      const filler = fill(dir);
      const { bfree } = statfsSync(dir);
      const writes: Answer[] = [];
      const reads: Answer[] = [];
      const readsDiffering: string[] = [];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const read = async (path: string, expected: (body: any) => boolean) => {
        const answer = await call(origin, 'GET', path);
        reads.push(answer);
        if (answer.status === 200 && !expected(answer.body)) readsDiffering.push(path);
      };
      for (let round = 0; round < fullRounds; round++) {
        const postId = ids[round % ids.length] as number;
        writes.push(
          await createPost(1000 + round),
          await call(origin, 'POST', 'users', { email: `full-${round}-${randomUUID()}@example.com`, name: `Full ${round}`, password }),
          await call(origin, 'POST', 'tokens', { email, password }),
          await call(origin, 'PATCH', `posts/${postId}`, { title: `Changed ${round}` }, token),
          await call(origin, 'PATCH', `users/${user.id}`, { name: `Renamed ${round}` }, token),
          await call(origin, 'DELETE', `posts/${postId}`, undefined, token),
        );
        await read(`posts/${postId}`, (body) => JSON.stringify(body) === JSON.stringify(posts.get(postId)));
        await read(`posts?page=1&per_page=100`, (body) => body.meta.total === postsBefore && body.data.length === postsBefore);
        await read(`users/${user.id}`, (body) => JSON.stringify(body) === JSON.stringify(signUp.body));
        await read(`users?page=1&per_page=100`, (body) => body.meta.total === 1 && body.data[0].id === user.id);
        await read(`users/${user.id}/posts?page=1&per_page=100`, (body) => body.meta.total === postsBefore);
      }
      const refusedInShape = writes.filter(
        (a) =>
          a.status === 503 &&
          a.body?.error?.code === 'SERVICE_UNAVAILABLE' &&
          typeof a.body.error.message === 'string' &&
          a.body.error.request_id === a.requestId,
      );
      const health = await call(origin, 'GET', '/health');
      const upWhileFull = server.child.exitCode === null && health.status === 200;

      // The space returns: writes go on at once, without a restart.
      const freed = performance.now();
      unlinkSync(filler);
      // From the removal to the first write's answer: the time to resume, for the report only.
      const afterWrites: Answer[] = [await createPost(2000)];
      const resumedMs = performance.now() - freed;
      for (let k = 1; k < postsAfter; k++) afterWrites.push(await createPost(2000 + k));
      const signedUpAfter = await call(origin, 'POST', 'users', { email: `after-${randomUUID()}@example.com`, name: 'After', password });
      const updated = await call(origin, 'PATCH', `posts/${ids[0]}`, { title: 'Changed after' }, token);
      afterWrites.push(signedUpAfter, updated);
      if (updated.status === 200) posts.set(updated.body.id, updated.body);

      // Every post and user answered is there as answered.
      const missingOrDifferent: string[] = [];
      const answered: [string, unknown][] = [
        ...[...posts].map(([id, body]): [string, unknown] => [`posts/${id}`, body]),
        ...[signUp, signedUpAfter].filter((a) => a.status === 201).map((a): [string, unknown] => [`users/${a.body.id}`, a.body]),
      ];
      for (const [path, body] of answered) {
        const got = await call(origin, 'GET', path);
        if (got.status !== 200 || JSON.stringify(got.body) !== JSON.stringify(body)) missingOrDifferent.push(path);
      }
      const log = server.output();
      stopped = true;
      const exitCode = await server.stop();

      const db = new Database(file);
      const integrity = db.pragma('integrity_check');
      let ftsIntegrity = 'ok';
      try {
        // throws if the FTS index disagrees with its content
        db.prepare(`INSERT INTO search_index(search_index) VALUES ('integrity-check')`).run();
      } catch (err) {
        ftsIntegrity = String(err);
      }
      const stored = db.prepare('SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM users) AS users').get();
      const postsWithoutBothTags = (
        db.prepare('SELECT count(*) AS n FROM posts p WHERE (SELECT count(*) FROM post_tags t WHERE t.post_id = p.id) <> 2').get() as {
          n: number;
        }
      ).n;
      db.close();

      // What the store said, as the server logged it.
      const codes: Record<string, number> = {};
      for (const line of log.split('\n')) {
        const code = /"err":\{[^]*?"code":"([^"]+)"/.exec(line)?.[1];
        if (code) codes[code] = (codes[code] ?? 0) + 1;
      }
      const maxMs = (answers: Answer[]) => Math.round(Math.max(...answers.map((a) => a.ms)));
      console.info(
        `disk-full drill: ${bfree} blocks free after the filler; ` +
          `while full ${writes.length} writes: ${JSON.stringify(tally(writes, true))} (slowest ${maxMs(writes)} ms), ` +
          `${reads.length} reads: ${JSON.stringify(tally(reads))} (slowest ${maxMs(reads)} ms, ${readsDiffering.length} differing), ` +
          `process up: ${upWhileFull}; store errors in the log: ${JSON.stringify(codes)}; ` +
          `after the space returned: ${JSON.stringify(tally(afterWrites))}, ` +
          `the first answered ${resumedMs.toFixed(1)} ms after the filler's removal; ` +
          `${answered.length} posts and users answered, ${missingOrDifferent.length} missing or different, ` +
          `stored ${JSON.stringify(stored)}, integrity_check ${JSON.stringify(integrity)}, ` +
          `FTS5 integrity-check ${ftsIntegrity}, exit code ${exitCode}`,
      );

      expect(bfree).toBe(0);
      expect(tally(writes)).toEqual({ '503 SERVICE_UNAVAILABLE': fullRounds * 6 });
      expect(refusedInShape).toHaveLength(writes.length);
      expect(tally(reads)).toEqual({ 200: fullRounds * 5 });
      expect(readsDiffering).toEqual([]);
      expect(upWhileFull).toBe(true);
      expect(tally(afterWrites)).toEqual({ 200: 1, 201: postsAfter + 1 });
      expect(missingOrDifferent).toEqual([]);
      expect(integrity).toEqual([{ integrity_check: 'ok' }]);
      expect(ftsIntegrity).toBe('ok');
      // Nothing refused was stored: the posts and users are exactly those answered 201.
      expect(stored).toEqual({ posts: postsBefore + postsAfter, users: 2 });
      expect(postsWithoutBothTags).toBe(0);
      expect(exitCode).toBe(0);
    } finally {
      if (!stopped) await server.stop();
    }
  }, 60_000);
});
