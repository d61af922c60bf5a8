import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idempotencyRepository } from '../../src/db/idempotency-repository.js';
import { idempotencyService } from '../../src/domain/idempotency.js';
import { versions, type Version } from '../support/spec.js';
import { testEngine } from '../support/test-server.js';
import { testPassword, useServer, type Member } from '../support/use-server.js';

// Anonymous requests are scoped to their address: X-Forwarded-For, believed under trustProxy.
const api = useServer({ trustProxy: true });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const iso = (fromNowMs: number) => new Date(Date.now() + fromNowMs).toISOString();
const keyRows = () => api.server.db('idempotency_keys').select();
const repository = () => idempotencyRepository(api.server.db);

type Operation = 'createUser' | 'createPost' | 'createToken';
interface Arranged {
  body: Record<string, unknown>;
  /** Another request of the same operation. */
  other: Record<string, unknown>;
  token?: string;
  /** The table the operation adds a row to. */
  table: string;
}

let sequence = 0;
const arrange: Record<Operation, () => Promise<Arranged>> = {
  async createUser() {
    sequence += 1;
    const body = { email: `idem${sequence}@example.com`, name: 'Idem', password: testPassword };
    return { body, other: { ...body, name: 'Someone else' }, table: 'users' };
  },
  async createPost() {
    const author = await api.createUser();
    return { body: { title: 'Once', body: 'Only once.', tags: ['a'] }, other: { title: 'Twice' }, token: author.token, table: 'posts' };
  },
  async createToken() {
    const user = await api.createUser();
    return {
      body: { email: user.email, password: testPassword },
      other: { email: user.email, password: 'not the password at all' },
      table: 'tokens',
    };
  },
};
const operations = Object.keys(arrange) as Operation[];

describe.each(versions)('Idempotency-Key on the POST operations of %s', (version: Version) => {
  const send = (operationId: string, body: unknown, key: string, extra: { token?: string; headers?: Record<string, string> } = {}) =>
    api.call(version, operationId, { body, token: extra.token, headers: { 'idempotency-key': key, ...extra.headers } });

  describe.each(operations)('%s', (operationId) => {
    it('when retried with the same key and body, then the first answer replays (Idempotent-Replayed: true), one record made', async () => {
      const { body, token, table } = await arrange[operationId]();
      const before = await api.server.count(table);
      const key = randomUUID();
      const first = await send(operationId, body, key, { token });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const again = await send(operationId, body, key, { token });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
      // The replay's own request id.
      expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
      expect(await api.server.count(table)).toBe(before + 1);
    });

    it('when the same key comes with another body, then 422 IDEMPOTENCY_KEY_REUSED and nothing is done', async () => {
      const { body, other, token, table } = await arrange[operationId]();
      const key = randomUUID();
      expect((await send(operationId, body, key, { token })).status).toBe(201);
      const before = await api.server.count(table);
      const res = await send(operationId, other, key, { token });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { 'Idempotency-Key': [expect.any(String)] } });
      expect(await api.server.count(table)).toBe(before);
    });

    it('when a request with the key is still in flight, then 409 IDEMPOTENCY_KEY_IN_USE and nothing is done', async () => {
      const { body, token, table } = await arrange[operationId]();
      // The fingerprint of this very request, from a first use of it under another key.
      expect((await send(operationId, body, 'first-use', { token })).status).toBe(201);
      const [{ scope, request_hash: requestHash }] = await keyRows();
      const before = await api.server.count(table);
      const key = randomUUID();
      // A claim that another process holds: in flight, its lock good for another minute.
      await repository().claim({
        scope,
        requestHash,
        keyHash: sha256(key),
        owner: randomUUID(),
        createdAt: iso(0),
        lockedUntil: iso(60_000),
        expiresAt: iso(86_400_000),
      });
      const res = await send(operationId, body, key, { token });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
      expect(await api.server.count(table)).toBe(before);
    });
  });

  it('when the claim in flight is past its lock (its process crashed), then the request runs and its answer is saved', async () => {
    const author = await api.createUser();
    const body = { title: 'After a crash' };
    expect((await send('createPost', body, 'first-use', { token: author.token })).status).toBe(201);
    const [{ scope, request_hash: requestHash }] = await keyRows();
    const key = randomUUID();
    await repository().claim({
      scope,
      requestHash,
      keyHash: sha256(key),
      owner: randomUUID(),
      createdAt: iso(-120_000),
      lockedUntil: iso(-60_000),
      expiresAt: iso(86_400_000),
    });
    const res = await send('createPost', body, key, { token: author.token });
    expect(res.status).toBe(201);
    const again = await send('createPost', body, key, { token: author.token });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(res.body.id);
    expect(await api.server.count('posts')).toBe(2);
  });

  it('when the key is past its 24 hours, then it is a new request, even with another body', async () => {
    const author = await api.createUser();
    const key = randomUUID();
    const first = await send('createPost', { title: 'Yesterday' }, key, { token: author.token });
    await api.server.db('idempotency_keys').update({ created_at: iso(-90_000_000), expires_at: iso(-3_600_000) });
    const res = await send('createPost', { title: 'Today' }, key, { token: author.token });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(res.body.id).not.toBe(first.body.id);
  });

  it('when the key was used on another path by the same client, then 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const admin = await api.createAdmin();
    const key = randomUUID();
    expect((await send('createPost', { title: 'A post' }, key, { token: admin.token })).status).toBe(201);
    const res = await send('createUser', { email: 'new@example.com', name: 'New', password: testPassword }, key, { token: admin.token });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  describe('scopes', () => {
    it('when two users send the same key, then each gets its own post', async () => {
      const [a, b] = [await api.createUser(), await api.createUser()];
      const key = 'shared-key';
      const first = await send('createPost', { title: 'Mine' }, key, { token: a.token });
      const second = await send('createPost', { title: 'Mine' }, key, { token: b.token });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.headers.get('idempotent-replayed')).toBeNull();
      expect([first.body.author.id, second.body.author.id]).toEqual([a.id, b.id]);
    });

    it('when two addresses sign up with the same key, then they are independent; one address reusing it is refused', async () => {
      const key = 'sign-up-key';
      const signUp = (n: number, from: string) =>
        send('createUser', { email: `scoped${n}@example.com`, name: 'Scoped', password: testPassword }, key, {
          headers: { 'x-forwarded-for': from },
        });
      expect((await signUp(1, '203.0.113.1')).status).toBe(201);
      expect((await signUp(2, '203.0.113.2')).status).toBe(201);
      const reused = await signUp(3, '203.0.113.1');
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('what is saved', () => {
    it.each([
      ['a body that breaks the schema (422 VALIDATION_ERROR)', { title: '' }, true, 422],
      ['no token (401 UNAUTHORIZED)', { title: 'A post' }, false, 401],
    ])(
      'when a request is refused before the handler, for %s, then nothing is saved and the key still works',
      async (_, body, signedIn, status) => {
        const author = await api.createUser();
        const key = randomUUID();
        const refused = await send('createPost', body, key, signedIn ? { token: author.token } : {});
        expect(refused.status).toBe(status);
        expect(await keyRows()).toEqual([]);
        const res = await send('createPost', { title: 'Now right' }, key, { token: author.token });
        expect(res.status).toBe(201);
        expect(res.headers.get('idempotent-replayed')).toBeNull();
      },
    );

    it('when the handler refuses (409 EMAIL_TAKEN), then that answer is saved and replayed', async () => {
      const taken: Member = await api.createUser();
      const body = { email: taken.email, name: 'Again', password: testPassword };
      const key = randomUUID();
      const first = await send('createUser', body, key);
      expect(first.status).toBe(409);
      expect(first.body.error.code).toBe('EMAIL_TAKEN');
      // Even once the email is free, the retry gets the first answer.
      await api.call(version, 'deleteUser', { params: { userId: taken.id }, token: taken.token });
      const again = await send('createUser', body, key);
      expect(again.status).toBe(409);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    });

    it('when the handler fails on our side (500), then the key is released and the retry runs', async () => {
      const author = await api.createUser();
      const db = api.server.db;
      if (testEngine === 'postgres') {
        await db.raw(`CREATE FUNCTION refuse_posts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`);
        await db.raw('CREATE TRIGGER refuse_posts BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION refuse_posts()');
      } else await db.raw(`CREATE TRIGGER refuse_posts BEFORE INSERT ON posts BEGIN SELECT RAISE(ABORT, 'refused'); END`);
      const key = randomUUID();
      try {
        const failed = await send('createPost', { title: 'Unlucky' }, key, { token: author.token });
        expect(failed.status).toBe(500);
        expect(await keyRows()).toEqual([]);
      } finally {
        await db.raw('DROP TRIGGER refuse_posts' + (testEngine === 'postgres' ? ' ON posts' : ''));
        if (testEngine === 'postgres') await db.raw('DROP FUNCTION refuse_posts()');
      }
      const res = await send('createPost', { title: 'Unlucky' }, key, { token: author.token });
      expect(res.status).toBe(201);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
    });

    it('when a token is issued under a key, then neither key nor token is stored in the clear; the replay is a working token', async () => {
      const user = await api.createUser();
      const key = randomUUID();
      const first = await send('createToken', { email: user.email, password: testPassword }, key);
      const [row] = await keyRows();
      expect(row.key_hash).toBe(sha256(key));
      const stored = JSON.stringify(row);
      for (const secret of [key, first.body.token, sha256(first.body.token), user.email]) expect(stored).not.toContain(secret);
      // Nor encoded: the saved answer is ciphertext.
      expect(Buffer.from(row.response, 'base64').toString('latin1')).not.toContain(first.body.token);
      const again = await send('createToken', { email: user.email, password: testPassword }, key);
      expect(again.body.token).toBe(first.body.token);
      expect((await api.call(version, 'getUser', { params: { userId: user.id }, token: again.body.token })).status).toBe(200);
    });
  });

  it.each([
    ['256 characters', 'k'.repeat(256)],
    ['a space', 'two words'],
    ['a character outside ASCII', 'clé'],
    ['nothing', ''],
  ])('when the Idempotency-Key has %s, then 400 BAD_REQUEST names it and nothing is saved', async (_, key) => {
    const author = await api.createUser();
    const res = await api.call(version, 'createPost', {
      body: { title: 'A post' },
      token: author.token,
      headers: { 'idempotency-key': key },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BAD_REQUEST',
      details: { 'idempotency-key': expect.arrayContaining([expect.any(String)]) },
    });
    expect(await api.server.count('posts')).toBe(0);
    expect(await keyRows()).toEqual([]);
  });

  it('when the key has 255 visible characters, then it is accepted', async () => {
    const author = await api.createUser();
    expect((await send('createPost', { title: 'A post' }, '~'.repeat(255), { token: author.token })).status).toBe(201);
  });
});

describe('sweeping expired keys', () => {
  it('when keys are past their 24 hours, then the sweep deletes them and keeps the others', async () => {
    const repo = repository();
    const row = (key: string, expiresAt: string) => ({
      scope: 'user:1',
      keyHash: sha256(key),
      requestHash: sha256('POST /x'),
      owner: randomUUID(),
      createdAt: iso(-1000),
      lockedUntil: iso(-500),
      expiresAt,
    });
    await repo.claim(row('old', iso(-1)));
    await repo.claim(row('older', iso(-86_400_000)));
    await repo.claim(row('live', iso(3_600_000)));
    expect(await idempotencyService(repo, () => new Date().toISOString()).sweep()).toBe(2);
    expect((await keyRows()).map((r) => r.key_hash)).toEqual([sha256('live')]);
  });
});
