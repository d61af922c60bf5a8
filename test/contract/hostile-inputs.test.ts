// Inputs an attacker would try. Each gets its documented 4xx in the error shape (or, where the
// input is valid data, is stored as the literal text it is), never a 5xx, and nothing changes
// that should not.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { versions, type Version } from '../support/spec.js';
import { snapshotData } from '../support/snapshot.js';
import { testPassword, useServer, type Member } from '../support/use-server.js';

const api = useServer();

const sqlInjections = [
  "' OR '1'='1",
  "x'; DROP TABLE users; --",
  '1; DELETE FROM posts WHERE 1=1',
  '" OR ""="',
  "') UNION SELECT password_hash, email, 1, 1, 1, 1 FROM users --",
  '%27%20OR%201%3D1',
];

const snapshot = () => snapshotData(api.server.db);

/** A user with a post and a second user, each signed in: the world every case attacks. */
async function arrange() {
  const victim = await api.createUser({ name: 'Victim User' });
  const post = await api.createPost({ title: 'Victim post', tags: ['safe'] }, victim);
  const attacker = await api.createUser({ name: 'Attacker User' });
  return { victim, post, attacker };
}

const expectClientError = (
  res: { status: number; body: { error?: { code: string; request_id: string } } },
  status: number,
  code: string,
) => {
  expect(res.status).toBe(status);
  expect(res.body.error?.code).toBe(code);
  expect(res.body.error?.request_id).toBeTruthy();
};

/** Sends raw bytes, for bodies fetch would not send as they are. */
function sendRaw(
  path: string,
  method: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; body: { error: { code: string; request_id: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${api.server.origin}${path}`,
      { method, headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(versions)('hostile inputs to %s', (version: Version) => {
  describe('SQL injection', () => {
    it.each(sqlInjections.map((s) => [s]))(
      'when %s is every string field of a write, then it is kept as literal text or refused, and nothing else changes',
      async (attack) => {
        const { victim, post, attacker } = await arrange();
        const others = {
          victim: await api.call(version, 'getUser', { params: { userId: victim.id } }),
          post: await api.call(version, 'getPost', { params: { postId: post.id } }),
        };
        const signUp = await api.call(version, 'createUser', { body: { email: attack, name: attack, password: `${attack}${attack}` } });
        expectClientError(signUp, 422, 'VALIDATION_ERROR'); // no email looks like that
        const named = await api.call(version, 'updateUser', {
          params: { userId: attacker.id },
          body: { name: attack.slice(0, 100).padEnd(2, '_') },
          token: attacker.token,
        });
        expect(named.status).toBe(200);
        expect(named.body.name).toBe(attack.slice(0, 100).padEnd(2, '_'));
        const written = await api.call(version, 'createPost', {
          body: { title: attack, body: attack, tags: [attack.slice(0, 30)] },
          token: attacker.token,
        });
        expect(written.status).toBe(201);
        expect(written.body).toMatchObject({ title: attack, body: attack, tags: [attack.slice(0, 30)] });
        const signIn = await api.call(version, 'createToken', { body: { email: victim.email, password: attack } });
        expectClientError(signIn, 401, 'INVALID_CREDENTIALS');
        const emailAttack = await api.call(version, 'createToken', { body: { email: `${victim.email}' --`, password: testPassword } });
        expect([401, 422]).toContain(emailAttack.status);
        // The victim's data is as it was.
        expect((await api.call(version, 'getUser', { params: { userId: victim.id } })).body).toEqual(others.victim.body);
        expect((await api.call(version, 'getPost', { params: { postId: post.id } })).body).toEqual(others.post.body);
        expect(await api.server.count('users')).toBe(2);
        expect(await api.server.count('posts')).toBe(2);
      },
    );

    it.each(sqlInjections.map((s) => [s]))(
      'when %s is every query and path parameter of a read, then 400 or an answer with no row that does not match',
      async (attack) => {
        await arrange();
        const before = await snapshot();
        const cases: [string, Parameters<typeof api.call>[2], number[]][] = [
          ['listUsers', { query: { role: attack } }, [400]],
          ['listPosts', { query: { tag: attack.slice(0, 30) } }, [200]],
          ['listPosts', { query: { page: attack } }, [400]],
          ['listPosts', { query: { per_page: attack } }, [400]],
          ['search', { query: { q: attack } }, [200]],
          ['search', { query: { q: 'victim', type: attack } }, [400]],
          ['getUser', { params: { userId: attack } }, [400]],
          ['getPost', { params: { postId: `1 ${attack}` } }, [400]],
          ['listUserPosts', { params: { userId: `1${attack}` } }, [400]],
        ];
        if (version === 'v2') cases.push(['listUsers', { query: { cursor: attack } }, [400]]);
        for (const [operationId, options, statuses] of cases) {
          const res = await api.call(version, operationId, options);
          expect(statuses, `${operationId} ${JSON.stringify(options)}`).toContain(res.status);
          const rows = res.status === 200 ? ((version === 'v1' ? res.body : res.body.data) as unknown[]) : [];
          // No filter value may widen a list to rows it does not match: none of these match anything.
          expect(rows, `${operationId} ${JSON.stringify(options)}`).toEqual([]);
        }
        expect(await snapshot()).toEqual(before);
      },
    );
  });

  describe('sizes and shapes', () => {
    it.each<[string, number, string, () => string]>([
      ['a body over the 1 MB limit', 413, 'PAYLOAD_TOO_LARGE', () => JSON.stringify({ title: 'x'.repeat(1_100_000) })],
      ['a title over its 200 characters', 422, 'VALIDATION_ERROR', () => JSON.stringify({ title: 'x'.repeat(201) })],
      [
        '21 tags',
        422,
        'VALIDATION_ERROR',
        () => JSON.stringify({ title: 'Many tags', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
      ],
      [
        'arrays nested 100,000 deep',
        422,
        'VALIDATION_ERROR',
        () => JSON.stringify({ title: 'Deep' }).replace('}', `,"tags":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      ],
      [
        'objects nested 50,000 deep in an unknown field',
        422,
        'VALIDATION_ERROR',
        () => `{"title":"Deep","x":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      ],
      ['a number too large for any id', 422, 'VALIDATION_ERROR', () => '{"title":"Big","author_id":1e400}'],
      ['an id beyond the int32 the tables hold', 422, 'VALIDATION_ERROR', () => '{"title":"Big","author_id":99999999999999999999}'],
      ['a fractional id', 422, 'VALIDATION_ERROR', () => '{"title":"Half","author_id":1.5}'],
      ['a JSON string instead of an object', 400, 'BAD_REQUEST', () => '"just a string"'],
      ['a number instead of an object', 400, 'BAD_REQUEST', () => '12345'],
      ['a NUL character in the title', 422, 'VALIDATION_ERROR', () => JSON.stringify({ title: 'nul\u0000byte' })],
      ['a NUL character in a tag', 422, 'VALIDATION_ERROR', () => JSON.stringify({ title: 'Tagged', tags: ['ok', 'n\u0000l'] })],
    ])('when createPost gets %s, then %i %s and nothing else is stored', async (_, status, code, body) => {
      const { attacker } = await arrange();
      const before = await snapshot();
      const res = await api.call(version, 'createPost', {
        rawBody: body(),
        headers: { 'content-type': 'application/json' },
        token: attacker.token,
      });
      expectClientError(res, status, code);
      expect(await snapshot()).toEqual(before);
    });

    it("when a body repeats author_id, then the last one counts and is the one checked: 403 for another user's id", async () => {
      const { victim, attacker } = await arrange();
      const before = await snapshot();
      const rawBody = `{"title":"Dup","author_id":${attacker.id},"author_id":${victim.id}}`;
      const res = await api.call(version, 'createPost', {
        rawBody,
        headers: { 'content-type': 'application/json' },
        token: attacker.token,
      });
      expectClientError(res, 403, 'FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });

    it.each<[string, Buffer]>([
      ['a lone continuation byte', Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d])],
      ['an overlong encoding of "/"', Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])],
      [
        'a UTF-16 surrogate encoded as UTF-8',
        Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      ],
      ['a truncated multi-byte character', Buffer.concat([Buffer.from('{"title":"caf'), Buffer.from([0xc3]), Buffer.from('"}')])],
    ])('when the body has %s (invalid UTF-8), then 400 BAD_REQUEST and nothing is stored', async (_, bytes) => {
      const { attacker } = await arrange();
      const before = await snapshot();
      const res = await sendRaw(
        `/api/${version}/posts`,
        'POST',
        { 'content-type': 'application/json', authorization: `Bearer ${attacker.token}` },
        bytes,
      );
      expectClientError(res, 400, 'BAD_REQUEST');
      expect(res.body.error).toMatchObject({ message: 'The request body is not valid UTF-8.' });
      expect(await snapshot()).toEqual(before);
    });

    it.each<[string, string, number, string]>([
      ['text/plain', 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['JSON in Latin-1', 'application/json; charset=iso-8859-1', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a form', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['multipart', 'multipart/form-data; boundary=x', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ])('when the body is sent as %s, then %i %s', async (_, contentType, status, code) => {
      const { attacker } = await arrange();
      const before = await snapshot();
      const res = await api.call(version, 'createPost', {
        rawBody: '{"title":"typed"}',
        headers: { 'content-type': contentType },
        token: attacker.token,
      });
      expectClientError(res, status, code);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('prototype pollution', () => {
    it.each([
      [
        '__proto__ with a role',
        '{"email":"p1@example.com","name":"Proto","password":"a password long enough","__proto__":{"role":"admin"}}',
      ],
      [
        'constructor.prototype with a role',
        '{"email":"p2@example.com","name":"Proto","password":"a password long enough","constructor":{"prototype":{"role":"admin"}}}',
      ],
      [
        'prototype at the top',
        '{"email":"p3@example.com","name":"Proto","password":"a password long enough","prototype":{"role":"admin"}}',
      ],
    ])('when sign-up carries %s, then 422 naming the field, no user, and no polluted prototype', async (_, body) => {
      const before = await snapshot();
      const res = await api.call(version, 'createUser', { rawBody: body, headers: { 'content-type': 'application/json' } });
      expectClientError(res, 422, 'VALIDATION_ERROR');
      expect(Object.keys(res.body.error.details)).toHaveLength(1);
      expect(res.body.error.details[Object.keys(res.body.error.details)[0] as string]).toEqual(['is not a field this operation accepts']);
      expect(({} as { role?: string }).role).toBeUndefined();
      expect(await snapshot()).toEqual(before);
    });

    it.each([['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty']])(
      'when a query parameter is called %s, then 400 naming it',
      async (name) => {
        const res = await api.call(version, 'listUsers', { query: `${name}=1` });
        expectClientError(res, 400, 'BAD_REQUEST');
        expect(res.body.error.details).toEqual({ [name]: ['is not a parameter of this operation'] });
      },
    );

    it('when an update carries __proto__ with a role, then 422 and the user stays a user', async () => {
      const { attacker } = await arrange();
      const res = await api.call(version, 'updateUser', {
        params: { userId: attacker.id },
        rawBody: '{"name":"Sneaky","__proto__":{"role":"admin"}}',
        headers: { 'content-type': 'application/json' },
        token: attacker.token,
      });
      expectClientError(res, 422, 'VALIDATION_ERROR');
      expect((await api.call(version, 'getUser', { params: { userId: attacker.id } })).body).toMatchObject({
        name: 'Attacker User',
        role: 'user',
      });
    });
  });

  describe('ids, numbers and query values', () => {
    it.each([['0'], ['-1'], ['99999999999999999999'], ['2147483648'], ['1.5'], ['NaN'], ['Infinity'], ['1,2'], ['[1]']])(
      'when a path id is %s, then 400 BAD_REQUEST on reads and writes alike',
      async (id) => {
        const { attacker } = await arrange();
        const before = await snapshot();
        for (const [operationId, options] of [
          ['getUser', { params: { userId: id } }],
          ['deleteUser', { params: { userId: id }, token: attacker.token }],
          ['updatePost', { params: { postId: id }, body: { title: 'x' }, token: attacker.token }],
        ] as const) {
          const res = await api.call(version, operationId, options);
          expectClientError(res, 400, 'BAD_REQUEST');
        }
        expect(await snapshot()).toEqual(before);
      },
    );

    it.each([
      ['listPosts', 'per_page', '1e309'],
      ['listPosts', 'per_page', '-5'],
      ['listPosts', 'page', '99999999999999999999'],
      ['listPosts', 'page', '0'],
      ['listPosts', 'tag', 'n\u0000l'],
      ['search', 'q', 'nul\u0000byte'],
    ])('when %s gets %s=%j, then 400 BAD_REQUEST', async (operationId, name, value) => {
      const res = await api.call(version, operationId, { query: { [name]: value } });
      expectClientError(res, 400, 'BAD_REQUEST');
    });
  });

  describe("tokens and other users' resources", () => {
    it.each<[string, (m: Member) => string]>([
      [
        'an unsigned JWT',
        () =>
          `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":1,"role":"admin"}').toString('base64url')}.`,
      ],
      ['SQL in the token', () => "Bearer upa_' OR '1'='1' --"],
      ['the token of a user, in another letter case', (m) => `Bearer ${m.token.toUpperCase()}`],
      ['a 10 kB token', () => `Bearer upa_${'A'.repeat(10_000)}`],
      ['the digest-looking hex of nothing', () => `Bearer ${'0'.repeat(64)}`],
    ])('when the token is %s, then 401 UNAUTHORIZED and nothing changes', async (_, header) => {
      const { victim, post, attacker } = await arrange();
      const before = await snapshot();
      for (const [operationId, options] of [
        ['deletePost', { params: { postId: post.id } }],
        ['updateUser', { params: { userId: victim.id }, body: { name: 'Owned' } }],
        ['deleteUser', { params: { userId: victim.id } }],
      ] as const) {
        const res = await api.call(version, operationId, { ...options, headers: { authorization: header(attacker) } });
        expectClientError(res, 401, 'UNAUTHORIZED');
      }
      expect(await snapshot()).toEqual(before);
    });

    it("when a user goes after another user's account and post, then 403 FORBIDDEN every time and nothing changes", async () => {
      const { victim, post, attacker } = await arrange();
      const before = await snapshot();
      for (const [operationId, options] of [
        ['updateUser', { params: { userId: victim.id }, body: { email: 'attacker@example.com' } }],
        ['updateUser', { params: { userId: victim.id }, body: { password: 'taken over by me' } }],
        ['deleteUser', { params: { userId: victim.id } }],
        ['updatePost', { params: { postId: post.id }, body: { title: 'Defaced' } }],
        ['deletePost', { params: { postId: post.id } }],
        ['createPost', { body: { title: 'In your name', author_id: victim.id } }],
        ['updateUser', { params: { userId: attacker.id }, body: { role: 'admin' } }],
        ['createUser', { body: { email: 'second@example.com', name: 'Second Me', password: testPassword, role: 'admin' } }],
      ] as const) {
        const res = await api.call(version, operationId, { ...options, token: attacker.token });
        expectClientError(res, 403, 'FORBIDDEN');
      }
      expect(await snapshot()).toEqual(before);
    });
  });
});
