import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('PATCH /api/%s/users/{userId} (updateUser)', (version) => {
  it('when one field is sent, then only it changes and updated_at moves', async () => {
    const user = await api.createUser({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const res = await api.call(version, 'updateUser', { params: { userId: user.id }, body: { name: 'Ada King' }, token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, name: 'Ada King', email: 'ada@example.com' });
    expect(res.body.updated_at >= res.body.created_at).toBe(true);
    expect((await api.call(version, 'getUser', { params: { userId: user.id } })).body.name).toBe('Ada King');
  });

  it('when the user keeps its own email in other letter case, then 200', async () => {
    const user = await api.createUser({ email: 'ada@example.com' });
    const res = await api.call(version, 'updateUser', {
      params: { userId: user.id },
      body: { email: 'ADA@example.com' },
      token: user.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('ADA@example.com');
  });

  it('when the email belongs to another user, then 409 EMAIL_TAKEN and nothing changes', async () => {
    await api.createUser({ email: 'taken@example.com' });
    const user = await api.createUser({ email: 'mine@example.com' });
    const res = await api.call(version, 'updateUser', {
      params: { userId: user.id },
      body: { email: 'taken@example.com' },
      token: user.token,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
    expect((await api.call(version, 'getUser', { params: { userId: user.id } })).body.email).toBe('mine@example.com');
  });

  it('when an admin changes a user that is missing, then 404 USER_NOT_FOUND', async () => {
    const admin = await api.createAdmin();
    const res = await api.call(version, 'updateUser', { params: { userId: 999 }, body: { name: 'Nobody' }, token: admin.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('USER_NOT_FOUND');
  });

  it('when the id is not a number, then 400 BAD_REQUEST', async () => {
    const user = await api.createUser();
    const res = await api.call(version, 'updateUser', { params: { userId: 'me' }, body: { name: 'Nobody' }, token: user.token });
    expect(res.status).toBe(400);
  });

  it.each([
    ['an empty body', {}, { $: ['must NOT have fewer than 1 properties'] }],
    ['a readOnly id', { id: 5 }, { id: ['is not a field this operation accepts'] }],
    ['a null name', { name: null }, { name: ['must be string'] }],
    ['a malformed email', { email: 'nope' }, { email: ['must match format "email"'] }],
    ['a password of 11 characters', { password: 'x'.repeat(11) }, { password: ['must NOT have fewer than 12 characters'] }],
  ])('when %s is sent, then 422 VALIDATION_ERROR and nothing changes', async (_, body, details) => {
    const user = await api.createUser({ name: 'Unchanged' });
    const res = await api.call(version, 'updateUser', { params: { userId: user.id }, body, token: user.token });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details });
    expect((await api.call(version, 'getUser', { params: { userId: user.id } })).body.name).toBe('Unchanged');
  });
});
