import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { testPassword, useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('POST /api/%s/tokens (createToken)', (version) => {
  it('when the email and password are right, then 201 with a bearer token that writes as that user', async () => {
    const user = await api.createUser({ email: 'ada@example.com' });
    const before = Date.now();
    const res = await api.call(version, 'createToken', { body: { email: 'ada@example.com', password: testPassword } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ token_type: 'Bearer', user: { id: user.id, email: 'ada@example.com', role: 'user' } });
    expect(res.body.token).toMatch(/^upa_[A-Za-z0-9_-]{43}$/);
    // The test server's tokens last an hour.
    const lifetime = Date.parse(res.body.expires_at) - before;
    expect(lifetime).toBeGreaterThan(3_590_000);
    expect(lifetime).toBeLessThanOrEqual(3_600_000 + 60_000);
    const write = await api.call(version, 'updateUser', { params: { userId: user.id }, body: { name: 'Ada King' }, token: res.body.token });
    expect(write.status).toBe(200);
  });

  it('when the email is in another letter case, then it still signs in', async () => {
    await api.createUser({ email: 'grace@example.com' });
    const res = await api.call(version, 'createToken', { body: { email: 'GRACE@Example.com', password: testPassword } });
    expect(res.status).toBe(201);
  });

  it('when the same user signs in twice, then it holds two tokens that both work', async () => {
    const user = await api.createUser();
    const second = await api.signIn(user.email);
    expect(second).not.toBe(user.token);
    for (const token of [user.token, second]) {
      expect((await api.call(version, 'updateUser', { params: { userId: user.id }, body: { name: 'Both work' }, token })).status).toBe(200);
    }
  });

  it.each([
    ['the password is wrong', 'known@example.com', 'not the password at all'],
    ['the email belongs to no user', 'nobody@example.com', testPassword],
    ['the password differs only in letter case', 'known@example.com', testPassword.toUpperCase()],
  ])('when %s, then 401 INVALID_CREDENTIALS with the same answer and the Bearer challenge', async (_, email, password) => {
    await api.createUser({ email: 'known@example.com' });
    const res = await api.call(version, 'createToken', { body: { email, password } });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'The email or the password is wrong.',
      request_id: res.headers.get('x-request-id'),
    });
    // RFC 9110 §11.6.1: every 401 carries a challenge, this one too.
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    expect(await api.server.count('tokens')).toBe(1); // the arranged user's own
  });

  it('when the user has no password (created before passwords existed), then 401 INVALID_CREDENTIALS', async () => {
    const now = new Date().toISOString();
    await api.server
      .db('users')
      .insert({ email: 'legacy@example.com', name: 'Legacy User', role: 'user', created_at: now, updated_at: now });
    for (const password of ['x', 'anything at all here']) {
      const res = await api.call(version, 'createToken', { body: { email: 'legacy@example.com', password } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it.each([
    ['no password', { email: 'a@example.com' }, { password: ['is required'] }],
    ['an empty password', { email: 'a@example.com', password: '' }, { password: ['must NOT have fewer than 1 characters'] }],
    ['a malformed email', { email: 'nope', password: testPassword }, { email: ['must match format "email"'] }],
    [
      'an extra field',
      { email: 'a@example.com', password: testPassword, role: 'admin' },
      { role: ['is not a field this operation accepts'] },
    ],
  ])('when %s is sent, then 422 VALIDATION_ERROR', async (_, body, details) => {
    const res = await api.call(version, 'createToken', { body });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details });
  });

  it('then only digests are stored: neither the token nor the password is in the database', async () => {
    const user = await api.createUser({ password: 'a very particular password' });
    const token = await api.signIn(user.email, 'a very particular password');
    const stored = JSON.stringify([await api.server.db('tokens').select(), await api.server.db('users').select()]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(4));
    expect(stored).not.toContain('a very particular password');
    const [row] = await api.server.db('users').where({ id: user.id }).select('password_hash');
    expect(row.password_hash).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it('when a token has expired, then it gets 401 UNAUTHORIZED with error="invalid_token"', async () => {
    const user = await api.createUser();
    await api.server
      .db('tokens')
      .where({ user_id: user.id })
      .update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    const res = await api.call(version, 'updateUser', { params: { userId: user.id }, body: { name: 'Too late' }, token: user.token });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"');
  });

  it("when a new token is issued, then the user's expired tokens are cleared away", async () => {
    const user = await api.createUser();
    await api.server
      .db('tokens')
      .where({ user_id: user.id })
      .update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    await api.signIn(user.email);
    expect(await api.server.count('tokens')).toBe(1);
  });
});
