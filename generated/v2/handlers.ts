/* eslint-disable */
// DO NOT EDIT. Written by `npm run generate` from openapi/v2.yaml; change the spec and regenerate.

import type { operations } from './types.js';
import type { HandlerMap } from '../../src/http/handler-types.js';
import type { RequestContext, SignedInContext } from '../../src/http/request-context.js';
import { listUsers } from '../../src/handlers/v2/listUsers.js';
import { createUser } from '../../src/handlers/v2/createUser.js';
import { getUser } from '../../src/handlers/v2/getUser.js';
import { updateUser } from '../../src/handlers/v2/updateUser.js';
import { deleteUser } from '../../src/handlers/v2/deleteUser.js';
import { listUserPosts } from '../../src/handlers/v2/listUserPosts.js';
import { listPosts } from '../../src/handlers/v2/listPosts.js';
import { createPost } from '../../src/handlers/v2/createPost.js';
import { getPost } from '../../src/handlers/v2/getPost.js';
import { updatePost } from '../../src/handlers/v2/updatePost.js';
import { deletePost } from '../../src/handlers/v2/deletePost.js';
import { createToken } from '../../src/handlers/v2/createToken.js';
import { deleteToken } from '../../src/handlers/v2/deleteToken.js';
import { search } from '../../src/handlers/v2/search.js';
import { getOpenApiDocument } from '../../src/handlers/v2/getOpenApiDocument.js';

/** operationIds of openapi/v2.yaml, in document order. */
export const operationIds = [
  'listUsers',
  'createUser',
  'getUser',
  'updateUser',
  'deleteUser',
  'listUserPosts',
  'listPosts',
  'createPost',
  'getPost',
  'updatePost',
  'deletePost',
  'createToken',
  'deleteToken',
  'search',
  'getOpenApiDocument'
] as const;

/** Query parameters the validator fills with the spec's default when the client leaves them out. */
interface QueryDefaults {
  listUsers: 'per_page';
  listUserPosts: 'per_page';
  listPosts: 'per_page';
  search: 'per_page';
}

/** The operations served under /api/v2; the root probes are served outside it. */
type Routed = Pick<operations, (typeof operationIds)[number]>;

/** Operations whose security requires a bearer token: the router has checked it before the handler runs. */
type SignedIn = 'updateUser' | 'deleteUser' | 'createPost' | 'updatePost' | 'deletePost' | 'deleteToken';

export type Handlers = HandlerMap<Routed, RequestContext, SignedInContext, QueryDefaults, SignedIn>;
export type Handler<K extends keyof Routed> = Handlers[K];

/** A missing or mistyped handler is a compile error here. */
export const handlers = { listUsers, createUser, getUser, updateUser, deleteUser, listUserPosts, listPosts, createPost, getPost, updatePost, deletePost, createToken, deleteToken, search, getOpenApiDocument } satisfies Handlers;
