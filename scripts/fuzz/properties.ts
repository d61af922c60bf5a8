// The properties of one operation: positive data is served, negative data refused naming the
// field, and auth probes refused without changing anything.
import fc from 'fast-check';
import { authFailures, negativeFailures, positiveFailures, verdict, type Failure } from './checks.js';
import type { Exchange } from './http.js';
import { breakParts, negativeOf, partsOf, planOf, sitesOf } from './plans.js';
import { isVersioned, operationOf, type Json, type Operation } from './spec-model.js';
import type { Kind, RequestParts, World } from './world.js';

export interface Property {
  kind: Exclude<Kind, 'setup'>;
  operationId: string;
  /** About how many requests one run sends. */
  cost: number;
  property: fc.IAsyncPropertyWithHooks<[unknown]>;
}

async function sendParts(world: World, kind: Kind, op: Operation, parts: RequestParts & { following?: string }): Promise<Exchange> {
  if (parts.following) {
    // Following a `links.next` as handed out: its query carries the cursor and the other parameters.
    const next = new URL(parts.following);
    return world.exchange(kind, op, {
      ...parts,
      params: paramsFromPath(op, next.pathname),
      query: Object.fromEntries(next.searchParams),
      body: undefined,
    });
  }
  return world.exchange(kind, op, parts);
}

function paramsFromPath(op: Operation, pathname: string): Record<string, unknown> {
  const names: string[] = [];
  const pattern = new RegExp(`^${op.urlPath.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
  const match = pattern.exec(pathname);
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match?.[i + 1] ?? '')]));
}

export function positive(world: World, op: Operation): Property {
  const property = fc.asyncProperty(planOf(op), async (plan) => {
    await world.heal(false);
    const parts = partsOf(world, op, plan);
    const exchange = await sendParts(world, 'positive', op, parts);
    verdict(op, exchange, positiveFailures(exchange, parts.token !== undefined));
  });
  return { kind: 'positive', operationId: op.operationId, cost: 1, property: property as fc.IAsyncPropertyWithHooks<[unknown]> };
}

export function negative(world: World, op: Operation): Property | undefined {
  const sites = sitesOf(op).filter((s) => s.field !== '(undeclared)' || s.where === 'body' || isVersioned(op));
  if (sites.length === 0) return undefined;
  const property = fc.asyncProperty(negativeOf(op, sites), async ({ plan, site, value }) => {
    await world.heal(false);
    const { parts, field } = breakParts(partsOf(world, op, plan), sites[site]!, value);
    const exchange = await world.exchange('negative', op, parts);
    const broken = sites[site]!;
    const expected = {
      ...(broken.where === 'body'
        ? { status: 422, code: 'VALIDATION_ERROR' }
        : { status: 400, code: broken.broken === 'a malformed cursor' ? 'INVALID_CURSOR' : 'BAD_REQUEST' }),
      ...broken.expect,
      field,
    };
    verdict(op, exchange, negativeFailures(exchange, expected));
  });
  return { kind: 'negative', operationId: op.operationId, cost: 1, property: property as fc.IAsyncPropertyWithHooks<[unknown]> };
}

type Probe = 'no token' | 'a forged token' | "another user's token";

/** The totals and the target resource: what an auth probe must leave as it was. */
async function snapshot(world: World, op: Operation, parts: RequestParts, owner: { id: number; token: string }): Promise<string> {
  const read = (operationId: string, p: RequestParts) => world.exchange('auth', operationOf(world.version, operationId), p);
  const total = (e: Exchange) => e.response.headers.get('x-total-count') ?? (e.response.body as Json)?.meta?.total;
  const users = await read('listUsers', { query: { page: 1, per_page: 1 } });
  const posts = await read('listPosts', { query: { page: 1, per_page: 1 } });
  const state: unknown[] = [total(users), total(posts)];
  if (parts.params?.postId !== undefined) state.push((await read('getPost', { params: { postId: parts.params.postId } })).response.text);
  if (parts.params?.userId !== undefined) state.push((await read('getUser', { params: { userId: parts.params.userId } })).response.text);
  // The owner's token still works (a probe of deleteToken must not end it).
  state.push((await read('getUser', { params: { userId: owner.id }, token: owner.token })).response.status);
  return JSON.stringify(state);
}

export function auth(world: World, op: Operation): Property | undefined {
  if (op.auth === 'none') return undefined;
  const probes: Probe[] = op.auth === 'required' ? ['no token', 'a forged token'] : ['a forged token'];
  // Another user's token on a write to the owner's user or post.
  if (op.auth === 'required' && op.params.some((p) => p.name === 'userId' || p.name === 'postId')) probes.push("another user's token");
  const forged = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), fc.constantFrom('null', 'undefined', '0', 'Bearer'));
  const arbitrary = fc.record({ plan: planOf(op, { authenticated: true, mode: 'own' }), probe: fc.constantFrom(...probes), forged });
  const property = fc.asyncProperty(arbitrary, async ({ plan, probe, forged: fake }) => {
    await world.heal(false);
    const owner = world.principals[plan.caller % world.principals.length]!;
    const parts = partsOf(world, op, plan);
    const other = world.principals.find((p) => p !== owner)!;
    const probed: RequestParts = { ...parts, token: probe === 'no token' ? undefined : probe === 'a forged token' ? fake : other.token };
    const before = await snapshot(world, op, parts, owner);
    const exchange = await world.exchange('auth', op, probed);
    const failures: Failure[] = authFailures(exchange, probe === "another user's token" ? [403] : [401]);
    const after = await snapshot(world, op, parts, owner);
    if (before !== after) failures.push({ check: 'auth refusal changed nothing', message: `${probe}: before ${before}, after ${after}` });
    if (failures.length > 0) failures[0]!.message = `${probe}: ${failures[0]!.message}`;
    verdict(op, exchange, failures);
  });
  return { kind: 'auth', operationId: op.operationId, cost: 6, property: property as fc.IAsyncPropertyWithHooks<[unknown]> };
}
