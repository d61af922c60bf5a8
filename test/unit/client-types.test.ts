// What must not compile: `npm run lint` (tsc) checks every @ts-expect-error below; a line that
// starts compiling fails the lint. Nothing is sent: the calls are built inside a function never run.
import { describe, expect, it } from 'vitest';
import { createV1Client, createV2Client } from '../../src/client.js';

export function neverRun() {
  const v1 = createV1Client('http://localhost:3000');
  const v2 = createV2Client('http://localhost:3000');
  // @ts-expect-error a misspelt path
  void v1.GET('/user/{userId}', { params: { path: { userId: 1 } } });
  // @ts-expect-error a body field of the wrong type
  void v1.POST('/users', { body: { email: 'a@example.com', name: 42 } });
  // @ts-expect-error a required body field left out
  void v2.POST('/posts', { body: { body: 'No title' } });
  // @ts-expect-error a role outside the enum
  void v2.POST('/users', { body: { email: 'a@example.com', name: 'Ada', role: 'owner' } });
  // @ts-expect-error a method the path does not have
  void v1.PUT('/users/{userId}', { params: { path: { userId: 1 } }, body: {} });
  // @ts-expect-error cursor is a v2 parameter only
  void v1.GET('/users', { params: { query: { cursor: 'abc' } } });
}

describe('the typed client', () => {
  it('refuses at compile time what the spec does not allow (checked by tsc)', () => {
    expect(typeof neverRun).toBe('function');
  });
});
