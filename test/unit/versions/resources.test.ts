import { describe, expect, it } from 'vitest';
import type { PostRecord, UserRecord } from '../../../src/domain/types.js';
import { toPost, toUser } from '../../../src/versions/v1/resources.js';
import { toPostV2, toUserV2 } from '../../../src/versions/v2/resources.js';

// A record as a careless repository might hand it over: with fields no contract declares.
const user = {
  id: 1,
  email: 'a@example.com',
  name: 'Ada',
  role: 'user',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  revision: 1,
  password_hash: 'scrypt$…',
  internal: 1,
} as UserRecord;
const post = {
  id: 2,
  title: 'T',
  body: 'B',
  tags: ['x'],
  author: user,
  created_at: user.created_at,
  updated_at: user.updated_at,
  revision: 1,
  author_id: 1,
  deleted: false,
} as PostRecord;

const userFields = ['id', 'email', 'name', 'role', 'created_at', 'updated_at'];
const postFields = ['id', 'title', 'body', 'tags', 'author', 'created_at', 'updated_at'];

describe('serializers', () => {
  it.each([
    ['v1 user', () => toUser(user), userFields],
    ['v2 user', () => toUserV2(user, 'http://h/api/v2'), [...userFields, '_links']],
    ['v1 post', () => toPost(post), postFields],
    ['v2 post', () => toPostV2(post, 'http://h/api/v2'), [...postFields, '_links']],
  ])('when the %s record carries undeclared fields, then only the declared ones are rendered', (_name, render, fields) => {
    const rendered = render() as Record<string, unknown>;
    expect(Object.keys(rendered).sort()).toEqual([...fields].sort());
    expect(Object.keys(rendered.author ?? {})).not.toContain('password_hash');
  });
});
