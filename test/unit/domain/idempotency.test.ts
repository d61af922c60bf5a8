import type { Request } from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idempotencyRepository, type IdempotencyRepository } from '../../../src/db/idempotency-repository.js';
import { createDb, type Db } from '../../../src/db/knex.js';
import { migrate } from '../../../src/db/migrations.js';
import { canonicalJson, defaultIdempotencySettings, idempotencyService } from '../../../src/domain/idempotency.js';
import { idempotent } from '../../../src/http/idempotency.js';
import { createLogger } from '../../../src/logger.js';

// The service and the HTTP step on a real (in-memory SQLite) database.
let db: Db;
let repo: IdempotencyRepository;
beforeEach(async () => {
  db = createDb('sqlite::memory:');
  await migrate(db);
  repo = idempotencyRepository(db);
});
afterEach(() => db.destroy());

const now = () => new Date().toISOString();
const answer = { status: 201, headers: { Location: 'http://localhost/api/v2/posts/1' }, body: { id: 1 } };

describe('canonicalJson (the body in a request fingerprint)', () => {
  it('when two bodies differ only in key order, then they read the same', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'x' })).toBe(canonicalJson({ a: 'x', b: [1, { c: 3, d: 2 }] }));
  });
  it('when the values differ, then they read differently', () => {
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});

describe('idempotencyService.begin', () => {
  it('when a request finds its key in flight and the first one then finishes, then it waits and replays that answer', async () => {
    // The real repository, watched: the first request completes only once the second has seen the key in flight.
    let sawInFlight!: () => void;
    const seen = new Promise<void>((resolve) => (sawInFlight = resolve));
    const watched = {
      ...repo,
      find: async (scope: string, keyHash: string) => {
        const found = await repo.find(scope, keyHash);
        if (found?.status === null) sawInFlight();
        return found;
      },
    };
    const service = idempotencyService(watched, now);
    const first = await service.begin('user:1', 'key', 'POST /posts\n{}');
    const second = service.begin('user:1', 'key', 'POST /posts\n{}');
    await seen;
    await service.complete(first.claim!, answer);
    expect(await second).toEqual({ replay: answer });
  });

  it('when the key stays in flight past the wait, then 409 IDEMPOTENCY_KEY_IN_USE', async () => {
    const service = idempotencyService(repo, now, { ...defaultIdempotencySettings, waitMs: 100, pollMs: 10 });
    await service.begin('user:1', 'key', 'POST /posts\n{}');
    await expect(service.begin('user:1', 'key', 'POST /posts\n{}')).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' });
  });

  it('when the saved answer was altered in the database, then it is not replayed', async () => {
    const service = idempotencyService(repo, now);
    await service.complete((await service.begin('user:1', 'key', 'f')).claim!, answer);
    const [row] = await db('idempotency_keys').select('response');
    const bytes = Buffer.from(row.response, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    await db('idempotency_keys').update({ response: bytes.toString('base64') });
    await expect(service.begin('user:1', 'key', 'f')).rejects.toThrow(/authenticate/);
  });
});

describe('the Idempotency-Key step (src/http/idempotency.ts)', () => {
  const req = { method: 'POST', path: '/api/v2/posts', headers: { 'idempotency-key': 'key' }, body: { title: 'T' } } as unknown as Request;
  const step = () => ({
    service: idempotencyService(repo, now),
    scope: 'user:1',
    render: () => ({ status: 500 }),
    log: createLogger('silent'),
  });

  it.each([
    ['a 5xx answer', async () => ({ status: 503, body: { error: 'away' } })],
    [
      'a thrown bug',
      async (): Promise<never> => {
        throw new Error('bug');
      },
    ],
  ])('when the handler gives %s, then the key is released, so the retry runs', async (_, run) => {
    await idempotent(req, step(), run).catch(() => undefined);
    expect(await db('idempotency_keys').count({ n: '*' }).first()).toEqual({ n: 0 });
    let ran = false;
    const retried = await idempotent(req, step(), async () => ((ran = true), answer));
    expect(ran).toBe(true);
    expect(retried).toEqual(answer);
  });
});
