import type { components } from '../../../generated/v2/types.js';
import type { SearchHit } from '../../domain/search.js';
import type { PostRecord, UserRecord } from '../../domain/types.js';

type Schemas = components['schemas'];
// The method stays its literal type: the spec gives each link its one method (GetLink, PatchLink, DeleteLink).
const link = <M extends 'GET' | 'PATCH' | 'DELETE'>(href: string, method: M) => ({ href, method });

/**
 * v2 resources carry `_links` to what a client can do next, as absolute URLs under `baseUrl`.
 * Each is one object literal naming every field the spec declares, so nothing else a record
 * holds can leave the server.
 */
export function toUserV2(u: UserRecord, baseUrl: string): Schemas['User'] {
  const self = `${baseUrl}/users/${u.id}`;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    created_at: u.created_at,
    updated_at: u.updated_at,
    _links: { self: link(self, 'GET'), posts: link(`${self}/posts`, 'GET'), update: link(self, 'PATCH'), delete: link(self, 'DELETE') },
  };
}

export function toPostV2(p: PostRecord, baseUrl: string): Schemas['Post'] {
  const self = `${baseUrl}/posts/${p.id}`;
  return {
    id: p.id,
    title: p.title,
    body: p.body,
    tags: p.tags,
    author: toUserV2(p.author, baseUrl),
    created_at: p.created_at,
    updated_at: p.updated_at,
    _links: {
      self: link(self, 'GET'),
      author: link(`${baseUrl}/users/${p.author.id}`, 'GET'),
      update: link(self, 'PATCH'),
      delete: link(self, 'DELETE'),
    },
  };
}

export const toHitV2 = (hit: SearchHit, baseUrl: string): Schemas['SearchHit'] =>
  hit.kind === 'user'
    ? { type: 'user', score: hit.score, user: toUserV2(hit.user, baseUrl) }
    : { type: 'post', score: hit.score, post: toPostV2(hit.post, baseUrl) };
