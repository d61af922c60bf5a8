// The generated handler map turns contract drift into compile errors; `npm run lint` (tsc) checks
// every @ts-expect-error below, so a line that starts compiling fails the lint.
import { describe, expect, it } from 'vitest';
import type { Handler } from '../../generated/v1/handlers.js';
import type { Handler as V2Handler } from '../../generated/v2/handlers.js';

const user = { id: 1, email: 'a@example.com', name: 'Ada', role: 'user' as const, created_at: '', updated_at: '' };

export const good: Handler<'getUser'> = async () => ({ status: 200, body: user });
// @ts-expect-error a status the spec does not declare as a success
export const wrongStatus: Handler<'getUser'> = async () => ({ status: 201, body: user });
// @ts-expect-error a body without a required field
export const missingField: Handler<'getUser'> = async () => ({ status: 200, body: { id: 1 } });
// @ts-expect-error a role outside the enum
export const wrongEnum: Handler<'getUser'> = async () => ({ status: 200, body: { ...user, role: 'owner' } });
// @ts-expect-error v2 lists are envelopes, not bare arrays
export const bareList: V2Handler<'listUsers'> = async () => ({ status: 200, body: [user] });
// @ts-expect-error deleteUser answers 204 with no body
export const bodyOn204: Handler<'deleteUser'> = async () => ({ status: 204, body: user });

export const typedInput: Handler<'listUsers'> = async ({ query }) => {
  const perPage: number = query.per_page; // defaulted by the spec, so never undefined
  // @ts-expect-error listUsers declares no `sort` parameter
  void query.sort;
  return { status: 200, body: [], headers: { 'X-Total-Count': String(perPage) } };
};

describe('generated handler types', () => {
  it('compile only for handlers that keep the contract (checked by tsc)', () => {
    expect(typeof good).toBe('function');
  });
});
