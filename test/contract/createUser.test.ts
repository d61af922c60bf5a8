import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();
const valid = { email: 'grace@example.com', name: 'Grace Hopper' };

describe.each(versions)('POST /api/%s/users (createUser)', (version) => {
  it('when the body is valid, then 201 with the user, its Location and the default role', async () => {
    const res = await api.call(version, 'createUser', { body: valid });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...valid, role: 'user' });
    expect(res.body.created_at).toBe(res.body.updated_at);
    expect(res.headers.get('location')).toBe(`${api.server.origin}/api/${version}/users/${res.body.id}`);
    const fetched = await api.call(version, 'getUser', { params: { userId: res.body.id } });
    expect(fetched.body).toEqual(res.body);
  });

  it('when role admin is sent, then the user is an admin', async () => {
    const res = await api.call(version, 'createUser', { body: { ...valid, role: 'admin' } });
    expect(res.body.role).toBe('admin');
  });

  it.each([
    ['the same email', 'grace@example.com'],
    ['the email in other letter case', 'Grace@Example.COM'],
  ])('when another user has %s, then 409 EMAIL_TAKEN and nothing is stored', async (_, email) => {
    await api.createUser(valid);
    const res = await api.call(version, 'createUser', { body: { email, name: 'Someone Else' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
    expect(await api.server.count('users')).toBe(1);
  });

  it.each([
    ['email missing', { name: 'Grace Hopper' }, { email: ['is required'] }],
    ['name missing', { email: 'g@example.com' }, { name: ['is required'] }],
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

  it('when several fields are wrong, then every one is reported', async () => {
    const res = await api.call(version, 'createUser', { body: { email: 'x', name: 'y', role: 'z' } });
    expect(Object.keys(res.body.error.details).sort()).toEqual(['email', 'name', 'role']);
  });
});
