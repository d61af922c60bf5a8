import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { testPassword, useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('DELETE /api/%s/tokens/current (deleteToken)', (version) => {
  it('when a user signs out, then that token stops working and its other tokens go on', async () => {
    const user = await api.createUser();
    const other = await api.signIn(user.email);
    const res = await api.call(version, 'deleteToken', { token: user.token });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const again = await api.call(version, 'deleteToken', { token: user.token });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('UNAUTHORIZED');
    const write = await api.call(version, 'updateUser', { params: { userId: user.id }, body: { name: 'Still in' }, token: other });
    expect(write.status).toBe(200);
  });

  it('when no token is sent, then 401 UNAUTHORIZED with a Bearer challenge', async () => {
    const res = await api.call(version, 'deleteToken');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="api"');
  });
});

describe.each(versions)('tokens and the user behind them (%s)', (version) => {
  it('when a user changes its password, then its other tokens end, the one in use goes on and only the new password signs in', async () => {
    const user = await api.createUser();
    const elsewhere = await api.signIn(user.email);
    const res = await api.call(version, 'updateUser', {
      params: { userId: user.id },
      body: { password: 'a brand new password' },
      token: user.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('password');
    expect((await api.call(version, 'deleteToken', { token: elsewhere })).status).toBe(401);
    expect((await api.call(version, 'updateUser', { params: { userId: user.id }, body: { name: 'Kept' }, token: user.token })).status).toBe(
      200,
    );
    expect((await api.call(version, 'createToken', { body: { email: user.email, password: testPassword } })).status).toBe(401);
    expect((await api.call(version, 'createToken', { body: { email: user.email, password: 'a brand new password' } })).status).toBe(201);
  });

  it("when an admin sets another user's password, then every token of that user ends", async () => {
    const admin = await api.createAdmin();
    const user = await api.createUser();
    const res = await api.call(version, 'updateUser', {
      params: { userId: user.id },
      body: { password: 'set by the admin' },
      token: admin.token,
    });
    expect(res.status).toBe(200);
    expect((await api.call(version, 'deleteToken', { token: user.token })).status).toBe(401);
    expect((await api.call(version, 'deleteToken', { token: admin.token })).status).toBe(204);
  });

  it('when a user is deleted, then its tokens die with it', async () => {
    const user = await api.createUser();
    const spare = await api.signIn(user.email);
    expect((await api.call(version, 'deleteUser', { params: { userId: user.id }, token: user.token })).status).toBe(204);
    expect((await api.call(version, 'deleteToken', { token: spare })).status).toBe(401);
    expect(await api.server.count('tokens')).toBe(0);
  });

  it('when an admin is demoted, then its token loses admin rights on the next request', async () => {
    const admin = await api.createAdmin();
    const other = await api.createAdmin();
    const user = await api.createUser();
    expect(
      (await api.call(version, 'updateUser', { params: { userId: admin.id }, body: { role: 'user' }, token: other.token })).status,
    ).toBe(200);
    const res = await api.call(version, 'updateUser', { params: { userId: user.id }, body: { name: 'Not any more' }, token: admin.token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});
