import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createServices } from '../../src/domain/services.js';
import { client, type CallOptions } from './contract-client.js';
import type { Spec } from './spec.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

let sequence = 0;

/** The password every arranged user signs in with. */
export const testPassword = 'a password long enough';

export interface Member {
  id: number;
  email: string;
  name: string;
  role: string;
  /** A live bearer token of the user, from createToken. */
  token: string;
}

/**
 * One real server per test file, emptied before each test. Returns accessors, valid once the
 * suite's hooks have run. Users are arranged through the API (sign-up, then createToken), so
 * every write in a test carries a real token.
 */
export function useServer(options: TestServerOptions = {}) {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  beforeEach(() => server.reset());
  afterAll(() => server.close());

  const call = (version: Spec, operationId: string, callOptions?: CallOptions) =>
    client(server.origin).call(version, operationId, callOptions);

  /** A token for the user, through the API. */
  const signIn = async (email: string, password = testPassword) => {
    const res = await call('v1', 'createToken', { body: { email, password } });
    if (res.status !== 201) throw new Error(`signing in failed: ${res.text}`);
    return res.body.token as string;
  };

  /** Arranges a user through the API, signed in; every field can be overridden. */
  const createUser = async (fields: Record<string, unknown> = {}): Promise<Member> => {
    sequence += 1;
    const body = { email: `user${sequence}@example.com`, name: `User ${sequence}`, password: testPassword, ...fields };
    const res = await call('v1', 'createUser', { body });
    if (res.status !== 201) throw new Error(`arranging a user failed: ${res.text}`);
    return { ...res.body, token: await signIn(body.email as string, body.password as string) };
  };

  return {
    get server() {
      return server;
    },
    call,
    signIn,
    createUser,
    /** Arranges an admin the way `npm run create-admin` does, signed in through the API. */
    async createAdmin(fields: { email?: string; name?: string } = {}): Promise<Member> {
      sequence += 1;
      const admin = { email: `admin${sequence}@example.com`, name: `Admin ${sequence}`, password: testPassword, ...fields };
      const { user } = await createServices(server.db, { tokenTtlSeconds: 3600, passwordHashCost: 10 }).users.ensureAdmin(admin, true);
      return { ...user, token: await signIn(admin.email) };
    },
    /** Arranges a post by `author` (a new user when absent) through the API; every field can be overridden. */
    async createPost(fields: Record<string, unknown> = {}, author?: Member) {
      const writer = author ?? (await createUser());
      const res = await call('v1', 'createPost', { body: { title: 'A post', body: 'Text', tags: ['a'], ...fields }, token: writer.token });
      if (res.status !== 201) throw new Error(`arranging a post failed: ${res.text}`);
      return { ...(res.body as { id: number; title: string; author: { id: number } }), token: writer.token, writer };
    },
  };
}
