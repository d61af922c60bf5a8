// Happy paths through the typed client (src/client.ts): a spec change that breaks these calls
// at the type level breaks `npm run lint`, not just a test.
import { describe, expect, it } from 'vitest';
import { createV1Client, createV2Client } from '../../src/client.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe('the typed v1 client', () => {
  it('when a user and a post are created, then both can be read back and listed', async () => {
    const anonymous = createV1Client(api.server.origin);
    const credentials = { email: 'typed@example.com', password: 'a typed password' };
    const { data: user, response } = await anonymous.POST('/users', { body: { ...credentials, name: 'Typed User' } });
    expect(response.status).toBe(201);
    const userId = user?.id as number;
    const { data: signedIn } = await anonymous.POST('/tokens', { body: credentials });
    expect(signedIn?.user.id).toBe(userId);
    const v1 = createV1Client(api.server.origin, { headers: { Authorization: `Bearer ${signedIn?.token}` } });
    const { data: post } = await v1.POST('/posts', { body: { title: 'Typed', tags: ['ts'] } });
    expect(post?.author.id).toBe(userId);
    const { data: fetched } = await v1.GET('/users/{userId}', { params: { path: { userId } } });
    expect(fetched?.name).toBe('Typed User');
    const { data: list, response: listed } = await v1.GET('/users/{userId}/posts', {
      params: { path: { userId }, query: { per_page: 5 } },
    });
    expect(list?.map((p) => p.id)).toEqual([post?.id]);
    expect(listed.headers.get('x-total-count')).toBe('1');
    const { error } = await v1.GET('/posts/{postId}', { params: { path: { postId: 999 } } });
    expect(error?.error.code).toBe('POST_NOT_FOUND');
  });
});

describe('the typed v2 client', () => {
  it('when users are listed in cursor mode, then links.next leads on, and an update goes through', async () => {
    const anonymous = createV2Client(api.server.origin);
    for (const name of ['First User', 'Second User']) {
      await anonymous.POST('/users', { body: { email: `${name.split(' ')[0]}@example.com`, name, password: 'a typed password' } });
    }
    const { data: signedIn } = await anonymous.POST('/tokens', { body: { email: 'first@example.com', password: 'a typed password' } });
    const v2 = createV2Client(api.server.origin, { headers: { Authorization: `Bearer ${signedIn?.token}` } });
    const { data: page } = await v2.GET('/users', { params: { query: { per_page: 1 } } });
    // meta.mode narrows the union: only cursor mode has next_cursor.
    if (page?.meta.mode !== 'cursor') throw new Error('expected cursor mode');
    expect(page.meta).toEqual({ version: 2, mode: 'cursor', per_page: 1, has_more: true, next_cursor: expect.any(String) });
    const cursor = page.meta.next_cursor as string;
    expect(new URL(page.links.next as string).searchParams.get('cursor')).toBe(cursor);
    const { data: next } = await v2.GET('/users', { params: { query: { per_page: 1, cursor } } });
    expect(next?.data[0]?.name).toBe('First User');
    const id = next?.data[0]?.id as number;
    const { data: updated } = await v2.PATCH('/users/{userId}', { params: { path: { userId: id } }, body: { name: 'Renamed User' } });
    expect(updated?._links.self.href).toBe(`${api.server.origin}/api/v2/users/${id}`);
    const { response } = await v2.DELETE('/users/{userId}', { params: { path: { userId: id } } });
    expect(response.status).toBe(204);
  });
});
