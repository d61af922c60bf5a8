/* eslint-disable */
// DO NOT EDIT. Written by `npm run generate` from openapi/v1.yaml; change the spec and regenerate.

import type { operations } from './types.js';
import type { HandlerMap } from '../../src/http/handler-types.js';
import type { RequestContext, SignedInContext } from '../../src/http/request-context.js';
import { listUsers } from '../../src/handlers/v1/listUsers.js';
import { createUser } from '../../src/handlers/v1/createUser.js';
import { getUser } from '../../src/handlers/v1/getUser.js';
import { updateUser } from '../../src/handlers/v1/updateUser.js';
import { deleteUser } from '../../src/handlers/v1/deleteUser.js';
import { listUserPosts } from '../../src/handlers/v1/listUserPosts.js';
import { listPosts } from '../../src/handlers/v1/listPosts.js';
import { createPost } from '../../src/handlers/v1/createPost.js';
import { getPost } from '../../src/handlers/v1/getPost.js';
import { updatePost } from '../../src/handlers/v1/updatePost.js';
import { deletePost } from '../../src/handlers/v1/deletePost.js';
import { createToken } from '../../src/handlers/v1/createToken.js';
import { deleteToken } from '../../src/handlers/v1/deleteToken.js';
import { search } from '../../src/handlers/v1/search.js';
import { getOpenApiDocument } from '../../src/handlers/v1/getOpenApiDocument.js';

/** operationIds of openapi/v1.yaml, in document order. */
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
  listUsers: 'page' | 'per_page';
  listUserPosts: 'page' | 'per_page';
  listPosts: 'page' | 'per_page';
  search: 'page' | 'per_page';
}

/** The operations served under /api/v1; the root probes are served outside it. */
type Routed = Pick<operations, (typeof operationIds)[number]>;

/** Operations whose security requires a bearer token: the router has checked it before the handler runs. */
type SignedIn = 'updateUser' | 'deleteUser' | 'createPost' | 'updatePost' | 'deletePost' | 'deleteToken';

export type Handlers = HandlerMap<Routed, RequestContext, SignedInContext, QueryDefaults, SignedIn>;
export type Handler<K extends keyof Routed> = Handlers[K];

/** A missing or mistyped handler is a compile error here. */
export const handlers = { listUsers, createUser, getUser, updateUser, deleteUser, listUserPosts, listPosts, createPost, getPost, updatePost, deletePost, createToken, deleteToken, search, getOpenApiDocument } satisfies Handlers;
