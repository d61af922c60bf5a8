import type { components } from '../../../generated/v1/types.js';
import type { SearchHit } from '../../domain/search.js';
import type { PostRecord, UserRecord } from '../../domain/types.js';

type Schemas = components['schemas'];

export const toUser = (u: UserRecord): Schemas['User'] => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  created_at: u.created_at,
  updated_at: u.updated_at,
});

export const toPost = (p: PostRecord): Schemas['Post'] => ({
  id: p.id,
  title: p.title,
  body: p.body,
  tags: p.tags,
  author: toUser(p.author),
  created_at: p.created_at,
  updated_at: p.updated_at,
});

export const toHit = (hit: SearchHit): Schemas['SearchHit'] =>
  hit.kind === 'user'
    ? { type: 'user', score: hit.score, user: toUser(hit.user) }
    : { type: 'post', score: hit.score, post: toPost(hit.post) };
