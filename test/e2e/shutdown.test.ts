import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeDb } from '../../scripts/bench/large-db.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'shutdown-e2e-'));
const file = join(dir, 'app.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// 20,000 users make each CSV export long enough to be caught in flight.
const users = 20_000;
const drainMs = 3000;

interface Outcome {
  id: string;
  /** `ok`: a complete response; `refused`: ECONNREFUSED; `failed`: any other error, such as a reset; `cut`: a body cut short. */
  kind: 'ok' | 'refused' | 'failed' | 'cut';
  status?: number;
  connection?: string;
  body?: string;
  code?: string;
}

/**
 * One request on a fresh connection that asks to be kept alive (so `Connection: close` in the
 * answer is the server's choice). `headers` resolves once the response has begun, `done` when
 * it ends, however it ends.
 */
function onFreshConnection(url: string, id: string, accept = 'application/json') {
  const agent = new Agent({ keepAlive: true });
  let begun: (value: void) => void = () => {};
  const headers = new Promise<void>((resolve) => (begun = resolve));
  const done = new Promise<Outcome>((resolve) => {
    const settle = (outcome: Outcome) => {
      agent.destroy();
      begun();
      resolve(outcome);
    };
    const req = request(url, { agent, headers: { accept, 'x-request-id': id } }, (res) => {
      begun();
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      const base = { id, status: res.statusCode, connection: res.headers.connection, body };
      res.on('end', () => settle({ ...base, body, kind: res.complete ? 'ok' : 'cut' }));
      res.on('error', (err: NodeJS.ErrnoException) => settle({ ...base, body, kind: 'cut', code: err.code }));
      res.on('close', () => settle({ ...base, body, kind: res.complete ? 'ok' : 'cut' }));
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      settle({ id, kind: err.code === 'ECONNREFUSED' ? 'refused' : 'failed', code: err.code }),
    );
    req.end();
  });
  return { headers, done };
}

/**
 * A POST whose body is held back: with `Expect: 100-continue`, the `100 Continue` shows that the
 * server has begun the request; `send` sends the body and resolves with the outcome.
 */
function withHeldBody(url: string, id: string, body: string) {
  const agent = new Agent({ keepAlive: true });
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    expect: '100-continue',
    'x-request-id': id,
  };
  const req = request(url, { method: 'POST', agent, headers });
  const continued = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  const done = new Promise<Outcome>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ id, kind: res.complete ? 'ok' : 'cut', status: res.statusCode, connection: res.headers.connection, body: text }),
      );
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ id, kind: 'failed', code: err.code }));
  }).finally(() => agent.destroy());
  req.flushHeaders();
  return { continued, send: () => (req.end(body), done) };
}

const waitFor = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};
const countOf = (output: string, text: string) => output.split('\n').filter((line) => line.includes(text)).length;

/**
 * For each request id, whether the process that served it logged the request after it logged
 * the signal: pino writes a process's lines in the order things happened in it.
 */
function servedAfterSignal(output: string): Map<string, boolean> {
  const signalled = new Set<number>();
  const after = new Map<string, boolean>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { pid: number; msg: string; req?: { id: string } };
    if (entry.msg.startsWith('shutting down')) signalled.add(entry.pid);
    if (entry.req) after.set(entry.req.id, signalled.has(entry.pid));
  }
  return after;
}

/**
 * The drill: CSV exports streaming, then a burst of JSON reads, each on a fresh connection;
 * SIGTERM when half the burst has answered; more fresh connections during the drain; and
 * fresh connections once every listener has closed.
 */
async function burstWithSigterm(server: ServerProcess, workers: number) {
  const list = `${server.origin}/api/v2/users?per_page=50`;
  const exports = Array.from({ length: 4 }, (_, i) => onFreshConnection(`${server.origin}/api/v1/users`, `export-${i}`, 'text/csv'));
  await Promise.all(exports.map((e) => e.headers));
  // A sign-in that fails (401) writes nothing, so the exports' row counts stay known.
  const body = JSON.stringify({ email: 'nobody@example.com', password: 'a password long enough' });
  const held = withHeldBody(`${server.origin}/api/v2/tokens`, 'held', body);
  await held.continued;
  const before = Array.from({ length: 150 }, (_, i) => onFreshConnection(list, `before-${i}`).done);
  let settled = 0;
  for (const outcome of before) void outcome.then(() => settled++);
  await waitFor(() => settled >= 75);
  server.child.kill('SIGTERM');

  const exited = () => server.child.exitCode !== null;
  await waitFor(() => countOf(server.output(), 'shutting down') >= workers || exited());
  const ready = await onFreshConnection(`${server.origin}/ready`, 'ready-draining').done;
  // Begun before the signal, answered after it.
  const signIn = await held.send();
  const during = Array.from({ length: 60 }, (_, i) => onFreshConnection(list, `during-${i}`).done);
  const duringOutcomes = await Promise.all(during);

  // Behind cluster the port stays open until the primary has every worker's close: it says so.
  await waitFor(
    () => (workers > 1 ? countOf(server.output(), 'port closed') >= 1 : countOf(server.output(), 'listener closed') >= 1) || exited(),
  );
  const after = await Promise.all(Array.from({ length: 10 }, (_, i) => onFreshConnection(list, `after-${i}`).done));
  const exported = await Promise.all(exports.map((e) => e.done));
  const exitCode = await server.exited;
  return { exported, before: await Promise.all(before), ready, signIn, during: duringOutcomes, after, exitCode };
}

const describeOutcomes = (outcomes: Outcome[]) =>
  outcomes.reduce<Record<string, number>>((tally, o) => {
    const key = o.kind === 'ok' ? `${o.status}` : `${o.kind}${o.code ? ` ${o.code}` : ''}`;
    tally[key] = (tally[key] ?? 0) + 1;
    return tally;
  }, {});

function expectDrained(server: ServerProcess, result: Awaited<ReturnType<typeof burstWithSigterm>>) {
  const { exported, before, ready, signIn, during, after, exitCode } = result;
  const all = [...exported, ...before, ready, signIn, ...during, ...after];
  expect(all.length).toBeGreaterThanOrEqual(200);
  // Every request that reached the process is served in full; the only failure is a refusal once closed.
  expect(describeOutcomes([...exported, ...before, ...during])).toEqual({ 200: exported.length + before.length + during.length });
  expect(describeOutcomes(after)).toEqual({ 'refused ECONNREFUSED': after.length });
  expect(exported.map((e) => e.body?.split('\r\n').filter(Boolean).length)).toEqual(Array(exported.length).fill(users + 1));
  for (const o of [...before, ...during]) expect((JSON.parse(o.body ?? '') as { data: unknown[] }).data).toHaveLength(50);

  // Not ready from the signal on, and every response written after it ends its connection.
  expect(ready).toMatchObject({ kind: 'ok', status: 503, connection: 'close' });
  expect(JSON.parse(ready.body ?? '')).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE', details: { server: ['is shutting down'] } } });
  expect(signIn).toMatchObject({ kind: 'ok', status: 401, connection: 'close' });
  expect(during.map((o) => o.connection)).toEqual(Array(during.length).fill('close'));
  // Of the burst, those the process finished after the signal (how many varies from run to run).
  const afterSignal = servedAfterSignal(server.output());
  const finishedAfter = before.filter((o) => afterSignal.get(o.id));
  expect(finishedAfter.map((o) => o.connection)).toEqual(Array(finishedAfter.length).fill('close'));

  expect(exitCode).toBe(0);
  expect(server.output()).not.toContain('shutdown timeout');
}

describe('graceful shutdown (SIGTERM)', () => {
  beforeAll(() => largeDb(file, users), 60_000);

  it(
    'when SIGTERM arrives in the middle of a burst on fresh connections, then /ready is 503, every request that ' +
      'reached the process is served in full with Connection: close, later ones are refused, and the exit code is 0',
    async () => {
      const server = await startServerProcess({
        DATABASE_URL: `sqlite:${file}`,
        RATE_LIMITS: 'off',
        PASSWORD_HASH_COST: '10',
        SHUTDOWN_DRAIN_MS: String(drainMs),
      });
      expectDrained(server, await burstWithSigterm(server, 1));
    },
    60_000,
  );

  it('when SIGTERM reaches the primary of two workers mid-burst, then each worker drains the same way and the exit code is 0', async () => {
    const server = await startServerProcess({
      DATABASE_URL: `sqlite:${file}`,
      RATE_LIMITS: 'off',
      PASSWORD_HASH_COST: '10',
      WEB_CONCURRENCY: '2',
      SHUTDOWN_DRAIN_MS: String(drainMs),
    });
    await waitFor(() => countOf(server.output(), '"listening"') >= 2);
    expectDrained(server, await burstWithSigterm(server, 2));
    // The requests refused "after" were sent once the primary said the port was closed, not at its exit.
    expect(countOf(server.output(), 'port closed')).toBe(1);
  }, 60_000);
});
