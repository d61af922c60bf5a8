import type { Actor } from '../domain/policy.js';
import type { Expected } from '../domain/revisions.js';
import type { Services } from '../domain/services.js';
import type { CursorCodec } from '../versions/cursors.js';

/** What a handler gets besides its validated input; nothing of express leaks through. */
export interface RequestContext {
  requestId: string;
  /** The absolute, versioned URL of the request, for links that keep its query. */
  url: URL;
  /** The absolute URL of the version root, such as `http://host/api/v1`. */
  baseUrl: string;
  /** The negotiated media type of the answer, one of those the operation offers. */
  representation: string;
  services: Services;
  cursors: CursorCodec;
  /** The OpenAPI document of the version that answers. */
  document: object;
  /** The user of a valid bearer token; absent on anonymous requests. */
  actor?: Actor;
  /** What `If-Match` asks of a PATCH or DELETE (the tags of this version, unprefixed); absent when not sent. */
  ifMatch?: Expected;
}

/** The context of operations whose security requires a token. */
export interface SignedInContext extends RequestContext {
  actor: Actor;
}
