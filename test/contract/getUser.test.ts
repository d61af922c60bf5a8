import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('GET /api/%s/users/{userId} (getUser)', (version) => {
  it('when the user exists, then 200 with the user', async () => {
    const user = await api.createUser({ name: 'Ada Lovelace', email: 'ada@example.com' });
    const res = await api.call(version, 'getUser', { params: { userId: user.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, name: 'Ada Lovelace', email: 'ada@example.com', role: 'user' });
  });

  it('when the user is missing, then 404 USER_NOT_FOUND', async () => {
    const res = await api.call(version, 'getUser', { params: { userId: 999 } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('USER_NOT_FOUND');
  });

  it.each([['abc'], ['0'], ['-1'], ['1.5'], ['99999999999999999999']])(
    'when the id is %s, then 400 BAD_REQUEST naming userId',
    async (userId) => {
      const res = await api.call(version, 'getUser', { params: { userId } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect(Object.keys(res.body.error.details)).toEqual(['userId']);
    },
  );
});
