import type { components } from '../../generated/v2/types.js';
import type { PostRecord } from '../db/posts-repository.js';
import type { UserRecord } from '../db/users-repository.js';
import type { SearchHit } from '../domain/search.js';
import { toPost, toUser } from './resources.js';

type Schemas = components['schemas'];
// The method stays its literal type: the spec gives each link its one method (GetLink, PatchLink, DeleteLink).
const link = <M extends 'GET' | 'PATCH' | 'DELETE'>(href: string, method: M) => ({ href, method });

/** v2 resources carry `_links` to what a client can do next, as absolute URLs under `baseUrl`. */
export function toUserV2(u: UserRecord, baseUrl: string): Schemas['User'] {
  const self = `${baseUrl}/users/${u.id}`;
  return {
    ...toUser(u),
    _links: { self: link(self, 'GET'), posts: link(`${self}/posts`, 'GET'), update: link(self, 'PATCH'), delete: link(self, 'DELETE') },
  };
}

export function toPostV2(p: PostRecord, baseUrl: string): Schemas['Post'] {
  const self = `${baseUrl}/posts/${p.id}`;
  return {
    ...toPost(p),
    author: toUserV2(p.author, baseUrl),
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
