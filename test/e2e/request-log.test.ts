import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'request-log-'));
const file = join(dir, 'app.db');
const password = 'a secret password 1234';
const cookie = 'session=cookie-value-that-must-not-leak';
let server: ServerProcess;

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  [field: string]: unknown;
}
/** Every JSON line the process has written so far. */
const lines = () =>
  server
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
const lineOf = async (requestId: string) => {
  for (let i = 0; i < 100; i++) {
    const line = lines().find((l) => l.msg === 'request' && l.reqId === requestId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no request line for ${requestId}:\n${server.output()}`);
};

const send = (method: string, path: string, { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${server.origin}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  server = await startServerProcess({
    DATABASE_URL: `sqlite:${file}`,
    SEED_DEMO_DATA: 'false',
    PASSWORD_HASH_COST: '10',
    RATE_LIMITS: 'off',
  });
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the request log of a real server process', () => {
  it(
    'when a user signs up, signs in, writes with its token and sends a cookie, then no password, token or cookie ' +
      'reaches the log, and each request has one line with what an operator needs',
    async () => {
      const signUp = await send('POST', '/api/v2/users', { body: { email: 'logged@example.com', name: 'Logged User', password } });
      expect(signUp.status).toBe(201);
      const user = (await signUp.json()) as { id: number };
      const wrong = await send('POST', '/api/v2/tokens', { body: { email: 'logged@example.com', password: `${password}x` } });
      expect(wrong.status).toBe(401);
      const signIn = await send('POST', '/api/v2/tokens', { body: { email: 'logged@example.com', password } });
      expect(signIn.status).toBe(201);
      const { token } = (await signIn.json()) as { token: string };
      const write = await send('POST', '/api/v2/posts?access_token=in-the-query', {
        body: { title: 'Logged' },
        headers: { authorization: `Bearer ${token}`, cookie },
      });
      // An unknown query parameter is refused; the point here is what the log says of it.
      expect(write.status).toBe(400);
      const written = await send('POST', '/api/v2/posts', {
        body: { title: 'Logged' },
        headers: { authorization: `Bearer ${token}`, cookie },
      });
      expect(written.status).toBe(201);
      const read = await send('GET', `/api/v2/users/${user.id}`, { headers: { cookie } });
      expect(read.status).toBe(200);

      const responses = [signUp, wrong, signIn, write, written, read];
      const requestLines = await Promise.all(responses.map((r) => lineOf(r.headers.get('x-request-id') as string)));
      const output = server.output();
      for (const secret of [password, token, token.slice(4, 20), 'cookie-value-that-must-not-leak', 'in-the-query']) {
        expect(output).not.toContain(secret);
      }
      expect(output).not.toMatch(/authorization|"headers"/i);

      for (const [i, line] of requestLines.entries()) {
        expect(Object.keys(line)).toEqual(expect.arrayContaining(['reqId', 'method', 'route', 'path', 'status', 'ms', 'remoteAddress']));
        expect(line.status).toBe(responses[i]?.status);
        expect(line.path).not.toContain('?');
      }
      expect(requestLines[4]).toMatchObject({
        method: 'POST',
        route: '/api/v2/posts',
        path: '/api/v2/posts',
        status: 201,
        userId: user.id,
      });
      expect(requestLines[5]).toMatchObject({
        method: 'GET',
        route: '/api/v2/users/{userId}',
        path: `/api/v2/users/${user.id}`,
        status: 200,
      });
      expect(requestLines[5]?.bytes).toBe(Number(read.headers.get('content-length')));
      expect(requestLines[5]?.userId).toBeUndefined();
    },
  );

  it('when a request fails on our side, then the error is logged under the request id, and the token it carried is not', async () => {
    await send('POST', '/api/v2/users', { body: { email: 'failing@example.com', name: 'Failing User', password } });
    const { token } = (await (await send('POST', '/api/v2/tokens', { body: { email: 'failing@example.com', password } })).json()) as {
      token: string;
    };
    // A table gone under the running server: the token lookup fails, a bug-shaped 500.
    const db = new Database(file);
    db.exec('DROP TABLE tokens');
    db.close();
    const res = await send('DELETE', '/api/v2/tokens/current', { headers: { authorization: `Bearer ${token}`, cookie } });
    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id') as string;
    expect(await lineOf(requestId)).toMatchObject({ status: 500, route: '/api/v2/tokens/current' });
    const errorLine = lines().find((l) => l.msg === 'unhandled error' && l.reqId === requestId);
    expect(errorLine?.err).toBeDefined();
    expect(server.output()).not.toContain(token);
    expect(server.output()).not.toContain('cookie-value-that-must-not-leak');
  });
});
