import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { testPassword, useServer } from '../support/use-server.js';

const api = useServer();
const valid = { email: 'grace@example.com', name: 'Grace Hopper', password: testPassword };
const shown = { email: valid.email, name: valid.name };

describe.each(versions)('POST /api/%s/users (createUser)', (version) => {
  it('when the body is valid, then 201 with the user, its Location and the default role', async () => {
    const res = await api.call(version, 'createUser', { body: valid });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...shown, role: 'user' });
    expect(res.body.created_at).toBe(res.body.updated_at);
    expect(res.headers.get('location')).toBe(`${api.server.origin}/api/${version}/users/${res.body.id}`);
    const fetched = await api.call(version, 'getUser', { params: { userId: res.body.id } });
    expect(fetched.body).toEqual(res.body);
  });

  it('when a user signs up, then the password can sign it in', async () => {
    const res = await api.call(version, 'createUser', { body: valid });
    expect(res.status).toBe(201);
    const token = await api.call(version, 'createToken', { body: { email: valid.email, password: valid.password } });
    expect(token.status).toBe(201);
    expect(token.body.user.id).toBe(res.body.id);
  });

  it('when a user signs up, then no answer about it ever contains the password or its hash', async () => {
    const res = await api.call(version, 'createUser', { body: valid });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('password');
    const answers = [
      res,
      await api.call(version, 'getUser', { params: { userId: res.body.id } }),
      await api.call(version, 'listUsers'),
      await api.call(version, 'listUsers', { headers: { accept: 'text/csv' } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      expect(answer.text).not.toContain(testPassword);
      expect(answer.text.toLowerCase()).not.toContain('password');
    }
    const stored = await api.server.db('users').where({ id: res.body.id }).first();
    expect(stored.password_hash).toEqual(expect.any(String));
    expect(stored.password_hash).not.toContain(testPassword);
  });

  it.each([
    ['12', 'x'.repeat(12)],
    ['128', 'x'.repeat(128)],
  ])('when the password has %s characters (a bound), then 201', async (_, password) => {
    const res = await api.call(version, 'createUser', { body: { ...valid, password } });
    expect(res.status).toBe(201);
  });

  it.each([
    ['admin', 'admin'],
    ['user', 'user'],
  ])('when an admin creates a user with role %s, then 201 and the user has that role', async (_, role) => {
    const admin = await api.createAdmin();
    const res = await api.call(version, 'createUser', { body: { ...valid, role }, token: admin.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...shown, role });
    expect((await api.call(version, 'getUser', { params: { userId: res.body.id } })).body.role).toBe(role);
  });

  it('when an admin creates a user without role, then 201 with the default role', async () => {
    const admin = await api.createAdmin();
    const res = await api.call(version, 'createUser', { body: valid, token: admin.token });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe('user');
  });

  it.each([
    ['an anonymous sign-up', false, 'admin'],
    ['an anonymous sign-up', false, 'user'],
    ['a signed-in non-admin', true, 'admin'],
    ['a signed-in non-admin', true, 'user'],
  ])('when %s sends role %s, then 403 FORBIDDEN and nothing is stored', async (_, signedIn, role) => {
    const token = signedIn ? (await api.createUser()).token : undefined;
    const before = await api.server.count('users');
    const res = await api.call(version, 'createUser', { body: { ...valid, role }, token });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'Only an admin may set a role.' });
    expect(await api.server.count('users')).toBe(before);
    expect(await api.server.db('users').where({ email: valid.email }).first()).toBeUndefined();
  });

  it.each([
    ['the same email', 'grace@example.com'],
    ['the email in other letter case', 'Grace@Example.COM'],
  ])('when another user has %s, then 409 EMAIL_TAKEN and nothing is stored', async (_, email) => {
    await api.createUser(valid);
    const res = await api.call(version, 'createUser', { body: { email, name: 'Someone Else', password: testPassword } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
    expect(await api.server.count('users')).toBe(1);
  });

  it.each([
    ['email missing', { name: 'Grace Hopper', password: testPassword }, { email: ['is required'] }],
    ['name missing', { email: 'g@example.com', password: testPassword }, { name: ['is required'] }],
    ['password missing', { email: 'g@example.com', name: 'Grace Hopper' }, { password: ['is required'] }],
    ['password of 11 characters', { ...valid, password: 'x'.repeat(11) }, { password: ['must NOT have fewer than 12 characters'] }],
    ['password of 129 characters', { ...valid, password: 'x'.repeat(129) }, { password: ['must NOT have more than 128 characters'] }],
    ['password not a string', { ...valid, password: 123456789012 }, { password: ['must be string'] }],
    ['email malformed', { ...valid, email: 'not-an-email' }, { email: ['must match format "email"'] }],
    ['name of 1 character', { ...valid, name: 'G' }, { name: ['must NOT have fewer than 2 characters'] }],
    ['name of 101 characters', { ...valid, name: 'x'.repeat(101) }, { name: ['must NOT have more than 100 characters'] }],
    ['unknown role', { ...valid, role: 'owner' }, { role: ['must be equal to one of the allowed values'] }],
    ['name not a string', { ...valid, name: 42 }, { name: ['must be string'] }],
    ['readOnly id', { ...valid, id: 7 }, { id: ['is not a field this operation accepts'] }],
    ['readOnly created_at', { ...valid, created_at: '2026-01-01T00:00:00Z' }, { created_at: ['is not a field this operation accepts'] }],
    ['unknown field', { ...valid, nickname: 'Amazing Grace' }, { nickname: ['is not a field this operation accepts'] }],
    ['an array body', [valid], { $: ['must be object'] }],
  ])('when %s, then 422 VALIDATION_ERROR with field details', async (_, body, details) => {
    const res = await api.call(version, 'createUser', { body });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details });
    expect(await api.server.count('users')).toBe(0);
  });

  it.each([
    ['of 11 characters', 'short pass!'],
    ['of 129 characters', 'p'.repeat(129)],
  ])('when the password is %s, then the 422 does not echo it', async (_, password) => {
    const res = await api.call(version, 'createUser', { body: { ...valid, password } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details)).toEqual(['password']);
    expect(res.text).not.toContain(password);
  });

  it('when several fields are wrong, then every one is reported', async () => {
    const res = await api.call(version, 'createUser', { body: { email: 'x', name: 'y', role: 'z', password: 'short' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details).sort()).toEqual(['email', 'name', 'password', 'role']);
  });
});
