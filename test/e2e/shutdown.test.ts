import { request, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largeDb } from '../../scripts/bench/large-db.js';
import { startServerProcess } from '../support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'shutdown-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const users = 20_000;

/** A CSV export on a connection of its own: resolves once its headers are in, with the full body to come. */
const startExport = (url: string) =>
  new Promise<{ res: IncomingMessage; body: Promise<string> }>((resolve, reject) => {
    const req = request(url, { agent: false, headers: { accept: 'text/csv' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      const body = new Promise<string>((done, fail) => {
        res.on('end', () => (res.complete ? done(text) : fail(new Error('response cut short'))));
        res.on('error', fail);
      });
      resolve({ res, body });
    });
    req.on('error', reject);
    req.end();
  });

describe('graceful shutdown (SIGTERM)', () => {
  it('when SIGTERM arrives while exports are streaming, then each is finished in full, new connections are refused, and the exit code is 0', async () => {
    // 20,000 users make each CSV export long enough to be caught in flight.
    const file = join(dir, 'app.db');
    await largeDb(file, users);
    const server = await startServerProcess({ DATABASE_URL: `sqlite:${file}`, RATE_LIMITS: 'off' });
    const url = `${server.origin}/api/v1/users`;

    const inFlight = await Promise.all(Array.from({ length: 8 }, () => startExport(url)));
    server.child.kill('SIGTERM');
    while (!server.output().includes('shutting down')) await new Promise((r) => setTimeout(r, 10));
    const refused = await startExport(url).then(
      () => 'accepted',
      (err: NodeJS.ErrnoException) => err.code,
    );

    const bodies = await Promise.all(inFlight.map(({ body }) => body));
    expect(inFlight.map(({ res }) => res.statusCode)).toEqual(Array(8).fill(200));
    expect(bodies.map((b) => b.split('\r\n').filter(Boolean).length)).toEqual(Array(8).fill(users + 1));
    expect(refused).toBe('ECONNREFUSED');
    expect(await server.exited).toBe(0);
    expect(server.output()).not.toContain('shutdown timeout');
  });
});
