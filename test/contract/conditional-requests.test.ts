import { describe, expect, it } from 'vitest';
import { head } from '../support/contract-client.js';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

const httpDate = (iso: string) => new Date(iso).toUTCString();
const secondBefore = (date: string) => new Date(Date.parse(date) - 1000).toUTCString();

describe.each(versions)('conditional requests in %s (RFC 9110 §13)', (version) => {
  const other = version === 'v1' ? 'v2' : 'v1';

  describe('GET of one user or post (getUser, getPost): a strong ETag and Last-Modified', () => {
    // Each case arranges a record and says how to read it and what its tag is after arranging.
    const cases = [
      {
        operationId: 'getUser',
        arrange: async () => {
          const user = await api.createUser();
          return { params: { userId: user.id }, tag: `"${version}.r1"` };
        },
      },
      {
        operationId: 'getPost',
        arrange: async () => {
          const post = await api.createPost();
          return { params: { postId: post.id }, tag: `"${version}.r1.a1"` };
        },
      },
    ];

    it.each(cases)(
      '$operationId: when read, then 200 with the version and revision as a strong ETag and updated_at as Last-Modified',
      async ({ operationId, arrange }) => {
        const { params, tag } = await arrange();
        const res = await api.call(version, operationId, { params });
        expect(res.status).toBe(200);
        expect(res.headers.get('etag')).toBe(tag);
        expect(res.headers.get('last-modified')).toBe(httpDate(res.body.updated_at));
      },
    );

    it.each(cases)(
      '$operationId: when If-None-Match names the current tag (strong, weak or *), then 304 with no body, ETag and Last-Modified',
      async ({ operationId, arrange }) => {
        const { params, tag } = await arrange();
        const fresh = await api.call(version, operationId, { params });
        for (const sent of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
          const res = await api.call(version, operationId, { params, headers: { 'if-none-match': sent } });
          expect(res.status, sent).toBe(304);
          expect(res.text).toBe('');
          expect(res.headers.get('etag')).toBe(tag);
          expect(res.headers.get('last-modified')).toBe(fresh.headers.get('last-modified'));
          expect(res.headers.get('content-type')).toBeNull();
        }
      },
    );

    it.each(cases)(
      '$operationId: when If-None-Match names the tag of the other version, an old revision or is malformed, then 200',
      async ({ operationId, arrange }) => {
        const { params, tag } = await arrange();
        for (const sent of [tag.replace(version, other), tag.replace('.r1', '.r2'), 'nonsense']) {
          const res = await api.call(version, operationId, { params, headers: { 'if-none-match': sent } });
          expect(res.status, sent).toBe(200);
        }
      },
    );

    it.each(cases)(
      '$operationId: when If-Modified-Since is Last-Modified, then 304; a second earlier, or not a date, then 200',
      async ({ operationId, arrange }) => {
        const { params } = await arrange();
        const modified = (await api.call(version, operationId, { params })).headers.get('last-modified') as string;
        expect((await api.call(version, operationId, { params, headers: { 'if-modified-since': modified } })).status).toBe(304);
        expect((await api.call(version, operationId, { params, headers: { 'if-modified-since': secondBefore(modified) } })).status).toBe(
          200,
        );
        expect((await api.call(version, operationId, { params, headers: { 'if-modified-since': 'yesterday-ish' } })).status).toBe(200);
      },
    );

    it.each(cases)(
      '$operationId: when If-None-Match does not match, then If-Modified-Since is ignored and the answer is 200',
      async ({ operationId, arrange }) => {
        const { params } = await arrange();
        const modified = (await api.call(version, operationId, { params })).headers.get('last-modified') as string;
        const res = await api.call(version, operationId, {
          params,
          headers: { 'if-none-match': '"stale"', 'if-modified-since': modified },
        });
        expect(res.status).toBe(200);
      },
    );

    it.each(cases)(
      '$operationId: when HEAD carries a matching If-None-Match, then 304; without it, the headers of the GET',
      async ({ operationId, arrange }) => {
        const { params, tag } = await arrange();
        const get = await api.call(version, operationId, { params });
        const plain = await head(api.server.origin, version, operationId, { params });
        expect(plain.status).toBe(200);
        expect(plain.headers.get('etag')).toBe(get.headers.get('etag'));
        expect(plain.headers.get('content-length')).toBe(get.headers.get('content-length'));
        const conditional = await head(api.server.origin, version, operationId, { params, headers: { 'if-none-match': tag } });
        expect(conditional.status).toBe(304);
        expect(conditional.headers.get('etag')).toBe(tag);
        expect(conditional.text).toBe('');
      },
    );

    it('getPost: when the author changes, then the post has a new ETag and the old one no longer gives 304', async () => {
      const post = await api.createPost();
      const before = await api.call(version, 'getPost', { params: { postId: post.id } });
      await api.call(version, 'updateUser', { params: { userId: post.writer.id }, token: post.token, body: { name: 'Renamed' } });
      const after = await api.call(version, 'getPost', {
        params: { postId: post.id },
        headers: { 'if-none-match': before.headers.get('etag') as string },
      });
      expect(after.status).toBe(200);
      expect(after.body.author.name).toBe('Renamed');
      expect(after.headers.get('etag')).toBe(`"${version}.r1.a2"`);
    });
  });

  describe('created and updated users and posts carry their validators', () => {
    it('createUser, createPost: when created, then 201 with the first revision as ETag and Last-Modified', async () => {
      const created = await api.call(version, 'createUser', {
        body: { email: 'new@example.com', name: 'New', password: 'a password long enough' },
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('etag')).toBe(`"${version}.r1"`);
      expect(created.headers.get('last-modified')).toBe(httpDate(created.body.updated_at));
      const author = await api.createUser();
      const post = await api.call(version, 'createPost', { body: { title: 'T' }, token: author.token });
      expect(post.status).toBe(201);
      expect(post.headers.get('etag')).toBe(`"${version}.r1.a1"`);
    });

    it('updateUser, updatePost: when every write lands, then updated_at moves on and the revision grows by one each time', async () => {
      const post = await api.createPost();
      let { updated_at: userAt } = (await api.call(version, 'getUser', { params: { userId: post.writer.id } })).body;
      let { updated_at: postAt } = (await api.call(version, 'getPost', { params: { postId: post.id } })).body;
      for (const n of [2, 3, 4]) {
        const user = await api.call(version, 'updateUser', {
          params: { userId: post.writer.id },
          token: post.token,
          body: { name: `Name ${n}` },
        });
        expect(user.headers.get('etag')).toBe(`"${version}.r${n}"`);
        expect(user.body.updated_at > userAt).toBe(true);
        userAt = user.body.updated_at;
        const changed = await api.call(version, 'updatePost', {
          params: { postId: post.id },
          token: post.token,
          body: { title: `Title ${n}` },
        });
        expect(changed.headers.get('etag')).toBe(`"${version}.r${n}.a${n}"`);
        expect(changed.body.updated_at > postAt).toBe(true);
        postAt = changed.body.updated_at;
      }
    });
  });

  describe('lists in JSON (listUsers, listPosts, listUserPosts, search): a weak ETag of the page', () => {
    const lists = [
      { operationId: 'listUsers', request: () => ({}) },
      { operationId: 'listPosts', request: () => ({}) },
      { operationId: 'listUserPosts', request: (authorId: number) => ({ params: { userId: authorId } }) },
      { operationId: 'search', request: () => ({ query: { q: 'Findable' } }) },
    ];

    it.each(lists)(
      "$operationId: when If-None-Match names the page's ETag, then 304; after a write on the page, then 200 with a new ETag",
      async ({ operationId, request }) => {
        const post = await api.createPost({ title: 'Findable' });
        const options = request(post.writer.id);
        const first = await api.call(version, operationId, options);
        expect(first.status).toBe(200);
        const tag = first.headers.get('etag') as string;
        expect(tag).toMatch(/^W\/"/);
        const unchanged = await api.call(version, operationId, { ...options, headers: { 'if-none-match': tag } });
        expect(unchanged.status).toBe(304);
        expect(unchanged.text).toBe('');
        expect(unchanged.headers.get('etag')).toBe(tag);

        await api.call(version, 'updatePost', { params: { postId: post.id }, token: post.token, body: { title: 'Findable again' } });
        await api.call(version, 'updateUser', { params: { userId: post.writer.id }, token: post.token, body: { name: 'Findable writer' } });
        const changed = await api.call(version, operationId, { ...options, headers: { 'if-none-match': tag } });
        expect(changed.status).toBe(200);
        expect(changed.headers.get('etag')).not.toBe(tag);
      },
    );

    it("listUsers: when HEAD carries the page's ETag, then 304", async () => {
      await api.createUser();
      const tag = (await api.call(version, 'listUsers')).headers.get('etag') as string;
      const res = await head(api.server.origin, version, 'listUsers', { headers: { 'if-none-match': tag } });
      expect(res.status).toBe(304);
    });

    it('listUsers: when text/csv is asked for, then no ETag and no 304', async () => {
      await api.createUser();
      const res = await api.call(version, 'listUsers', { headers: { accept: 'text/csv', 'if-none-match': '*' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBeNull();
    });
  });

  describe('If-Match on PATCH and DELETE (updateUser, updatePost, deleteUser, deletePost)', () => {
    // Each case arranges a record and its owner, and says how to write it and read it back.
    const writes = [
      {
        operationId: 'updateUser',
        arrange: async () => {
          const user = await api.createUser({ name: 'Before' });
          return {
            params: { userId: user.id },
            token: user.token,
            tag: `"${version}.r1"`,
            body: { name: 'After' },
            read: () => api.call(version, 'getUser', { params: { userId: user.id } }),
          };
        },
        unchanged: (res: { status: number; body: { name: string } }) => res.status === 200 && res.body.name === 'Before',
      },
      {
        operationId: 'updatePost',
        arrange: async () => {
          const post = await api.createPost({ title: 'Before' });
          return {
            params: { postId: post.id },
            token: post.token,
            tag: `"${version}.r1.a1"`,
            body: { title: 'After' },
            read: () => api.call(version, 'getPost', { params: { postId: post.id } }),
          };
        },
        unchanged: (res: { status: number; body: { title: string } }) => res.status === 200 && res.body.title === 'Before',
      },
      {
        operationId: 'deleteUser',
        arrange: async () => {
          const user = await api.createUser();
          return {
            params: { userId: user.id },
            token: user.token,
            tag: `"${version}.r1"`,
            body: undefined,
            read: () => api.call(version, 'getUser', { params: { userId: user.id } }),
          };
        },
        unchanged: (res: { status: number }) => res.status === 200,
      },
      {
        operationId: 'deletePost',
        arrange: async () => {
          const post = await api.createPost();
          return {
            params: { postId: post.id },
            token: post.token,
            tag: `"${version}.r1.a1"`,
            body: undefined,
            read: () => api.call(version, 'getPost', { params: { postId: post.id } }),
          };
        },
        unchanged: (res: { status: number }) => res.status === 200,
      },
    ];

    it.each(writes)(
      '$operationId: when If-Match names the current ETag (or *), then the write happens',
      async ({ operationId, arrange }) => {
        for (const sent of ['current', '*']) {
          const { params, token, tag, body } = await arrange();
          const res = await api.call(version, operationId, {
            params,
            token,
            body,
            headers: { 'if-match': sent === '*' ? '*' : `"stale", ${tag}` },
          });
          expect(res.status, sent).toBe(operationId.startsWith('delete') ? 204 : 200);
        }
      },
    );

    it.each(writes)(
      "$operationId: when If-Match names an old revision, a weak tag or the other version's tag, then 412 " +
        'PRECONDITION_FAILED and nothing changes',
      async ({ operationId, arrange, unchanged }) => {
        const { params, token, tag, body, read } = await arrange();
        for (const sent of [tag.replace('.r1', '.r0'), `W/${tag}`, tag.replace(version, other), '"made-up"']) {
          const res = await api.call(version, operationId, { params, token, body, headers: { 'if-match': sent } });
          expect(res.status, sent).toBe(412);
          expect(res.body.error.code).toBe('PRECONDITION_FAILED');
          expect(unchanged(await read()), sent).toBe(true);
        }
      },
    );

    it.each(writes)('$operationId: when the record is missing, then 404 whatever If-Match says', async ({ operationId, arrange }) => {
      const { params, tag, body } = await arrange();
      // An admin, who may change anyone: a user changing another id is 403 before anything is read.
      const { token } = await api.createAdmin();
      const missing = Object.fromEntries(Object.keys(params).map((name) => [name, 99999]));
      for (const sent of [tag, '*']) {
        const res = await api.call(version, operationId, { params: missing, token, body, headers: { 'if-match': sent } });
        expect(res.status, sent).toBe(404);
      }
    });

    it.each(writes)(
      '$operationId: when If-Match is not a list of entity tags, then 400 BAD_REQUEST naming If-Match',
      async ({ operationId, arrange, unchanged }) => {
        const { params, token, body, read } = await arrange();
        for (const sent of ['v1.r1', '"a" "b"', 'W/', '']) {
          const res = await api.call(version, operationId, { params, token, body, headers: { 'if-match': sent } });
          expect(res.status, JSON.stringify(sent)).toBe(400);
          expect(res.body.error.code).toBe('BAD_REQUEST');
          expect(Object.keys(res.body.error.details)).toEqual(['If-Match']);
        }
        expect(unchanged(await read())).toBe(true);
      },
    );

    it('updatePost: when the ETag of the last write is sent, then the next write lands, and the one before it is stale', async () => {
      const post = await api.createPost({ title: 'One' });
      const first = await api.call(version, 'updatePost', {
        params: { postId: post.id },
        token: post.token,
        body: { title: 'Two' },
        headers: { 'if-match': `"${version}.r1.a1"` },
      });
      const next = first.headers.get('etag') as string;
      expect(next).toBe(`"${version}.r2.a1"`);
      const stale = await api.call(version, 'updatePost', {
        params: { postId: post.id },
        token: post.token,
        body: { title: 'Lost' },
        headers: { 'if-match': `"${version}.r1.a1"` },
      });
      expect(stale.status).toBe(412);
      const second = await api.call(version, 'updatePost', {
        params: { postId: post.id },
        token: post.token,
        body: { title: 'Three' },
        headers: { 'if-match': next },
      });
      expect(second.status).toBe(200);
      expect(second.body.title).toBe('Three');
    });

    it('updatePost: when ten writers race on one If-Match, then exactly one wins, the rest get 412, only its change stays', async () => {
      const post = await api.createPost({ title: 'Original', tags: ['original'] });
      const tag = `"${version}.r1.a1"`;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          api.call(version, 'updatePost', {
            params: { postId: post.id },
            token: post.token,
            body: { title: `Writer ${n}`, tags: [`writer-${n}`] },
            headers: { 'if-match': tag },
          }),
        ),
      );
      const won = answers.filter((res) => res.status === 200);
      expect(won).toHaveLength(1);
      expect(answers.filter((res) => res.status === 412)).toHaveLength(9);
      const stored = await api.call(version, 'getPost', { params: { postId: post.id } });
      expect(stored.body.title).toBe(won[0]?.body.title);
      expect(stored.body.tags).toEqual(won[0]?.body.tags);
      expect(stored.headers.get('etag')).toBe(`"${version}.r2.a1"`);
    });
  });
});
