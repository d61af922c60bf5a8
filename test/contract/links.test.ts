import { describe, expect, it } from 'vitest';
import { assertMatchesSpec } from '../support/contract-client.js';
import { testPassword, useServer } from '../support/use-server.js';

const api = useServer();

interface Link {
  href: string;
  method: string;
}

/** Follows a HATEOAS link with its method; the answer must still keep the contract of the operation it leads to. */
async function follow(link: Link, operationId: string, { body, token }: { body?: object; token?: string } = {}) {
  const res = await fetch(link.href, {
    method: link.method,
    headers: { ...(body && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  const response = { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  assertMatchesSpec('v2', operationId, response);
  return response;
}

describe('v2 _links (HATEOAS)', () => {
  it("when a user's links are followed with their methods, then each does what it names", async () => {
    const post = await api.createPost();
    const user = (await api.call('v2', 'getUser', { params: { userId: post.author.id } })).body;
    const base = `${api.server.origin}/api/v2`;
    expect(user._links).toEqual({
      self: { href: `${base}/users/${user.id}`, method: 'GET' },
      posts: { href: `${base}/users/${user.id}/posts`, method: 'GET' },
      update: { href: `${base}/users/${user.id}`, method: 'PATCH' },
      delete: { href: `${base}/users/${user.id}`, method: 'DELETE' },
    });
    expect((await follow(user._links.self, 'getUser')).body).toEqual(user);
    expect((await follow(user._links.posts, 'listUserPosts')).body.data.map((p: { id: number }) => p.id)).toEqual([post.id]);
    const { token } = post;
    expect((await follow(user._links.update, 'updateUser', { body: { name: 'Renamed' }, token })).body.name).toBe('Renamed');
    expect((await follow(user._links.delete, 'deleteUser', { token })).status).toBe(204);
    expect((await follow(user._links.self, 'getUser')).status).toBe(404);
  });

  it("when a post's links are followed with their methods, then each does what it names", async () => {
    const { id, token } = await api.createPost();
    const post = (await api.call('v2', 'getPost', { params: { postId: id } })).body;
    expect(post.author._links.self.href).toBe(post._links.author.href);
    expect((await follow(post._links.self, 'getPost')).body).toEqual(post);
    expect((await follow(post._links.author, 'getUser')).body.id).toBe(post.author.id);
    expect((await follow(post._links.update, 'updatePost', { body: { title: 'Retitled' }, token })).body.title).toBe('Retitled');
    expect((await follow(post._links.delete, 'deletePost', { token })).status).toBe(204);
    expect((await follow(post._links.self, 'getPost')).status).toBe(404);
  });

  it('when a user is created, then Location is its self link', async () => {
    const res = await api.call('v2', 'createUser', { body: { email: 'new@example.com', name: 'New User', password: testPassword } });
    expect(res.headers.get('location')).toBe(res.body._links.self.href);
  });

  it('when the proxy is not trusted, then X-Forwarded-Host and -Proto do not change the links', async () => {
    const user = await api.createUser();
    const res = await api.call('v2', 'getUser', {
      params: { userId: user.id },
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    });
    expect(res.body._links.self.href).toBe(`${api.server.origin}/api/v2/users/${user.id}`);
  });

  it('v1 resources carry no _links', async () => {
    const user = await api.createUser();
    const res = await api.call('v1', 'getUser', { params: { userId: user.id } });
    expect(res.body).not.toHaveProperty('_links');
  });
});

describe('v2 _links behind a trusted proxy (TRUST_PROXY=true)', () => {
  const proxied = useServer({ trustProxy: true });

  it('when X-Forwarded-Host and -Proto are sent, then links and paging use them', async () => {
    const user = await proxied.createUser();
    await proxied.createUser();
    const headers = { 'x-forwarded-host': 'api.example.com', 'x-forwarded-proto': 'https' };
    const res = await proxied.call('v2', 'getUser', { params: { userId: user.id }, headers });
    expect(res.body._links.self.href).toBe(`https://api.example.com/api/v2/users/${user.id}`);
    const list = await proxied.call('v2', 'listUsers', { query: { per_page: 1 }, headers });
    expect(list.body.links.next).toMatch(/^https:\/\/api\.example\.com\/api\/v2\/users\?/);
  });
});
