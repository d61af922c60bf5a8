// Requests as fast-check generates (and shrinks) them: plans that name which of the fuzzer's
// users calls and whose resources the path points at, resolved against the World when sent.
import fc from 'fast-check';
import { valid } from './arbitraries.js';
import { absent, sitesOf, type Site } from './mutations.js';
import type { Json, Operation } from './spec-model.js';
import type { RequestParts, World } from './world.js';

export interface Target {
  /** `own`: the caller's user or post; `other`: another user's; `any`: the generated value. */
  mode: 'own' | 'other' | 'any';
  pick: number;
  any: unknown;
}

export interface Plan {
  caller: number;
  anonymous: boolean;
  targets: Record<string, Target>;
  query: Record<string, unknown>;
  /** Follow the n-th `links.next` this operation handed out, instead of the generated query. */
  follow: number | null;
  body: unknown;
  accept: string;
  /** An X-Request-ID of the client's own, well-formed or not; the fuzzer's when null. */
  requestId: string | null;
}

const pathParams = (op: Operation) => op.params.filter((p) => p.in === 'path');
const queryParams = (op: Operation) => op.params.filter((p) => p.in === 'query' && p.name !== 'cursor');
/** Whether the resource a path parameter names has an owner among the fuzzer's users. */
const owned = (name: string) => name === 'userId' || name === 'postId';

/** The media types the operation's success responses offer, and any. */
const acceptsOf = (op: Operation): string[] => ['*/*', ...op.offered];

export function planOf(op: Operation, options: { authenticated?: boolean; mode?: Target['mode'] } = {}): fc.Arbitrary<Plan> {
  const targets = Object.fromEntries(
    pathParams(op).map((p) => [
      p.name,
      fc.record({
        mode: options.mode
          ? fc.constant(options.mode)
          : owned(p.name)
            ? fc.constantFrom<Target['mode']>('own', 'other', 'any')
            : fc.constant<Target['mode']>('any'),
        pick: fc.nat(),
        any: valid(p.schema),
      }),
    ]),
  );
  const query = queryParams(op);
  return fc.record({
    caller: fc.nat(2),
    anonymous: op.auth === 'none' ? fc.constant(true) : op.auth === 'required' || options.authenticated ? fc.constant(false) : fc.boolean(),
    targets: fc.record(targets),
    query: fc.record(Object.fromEntries(query.map((p) => [p.name, valid(p.schema)])), {
      requiredKeys: query.filter((p) => p.required).map((p) => p.name),
    }),
    follow:
      op.params.some((p) => p.name === 'cursor') && options.authenticated === undefined
        ? fc.option(fc.nat(), { freq: 3 })
        : fc.constant(null),
    body: op.body ? valid(op.body.schema) : fc.constant(undefined),
    accept: fc.constantFrom(...acceptsOf(op)),
    requestId: fc.option(
      fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/),
        fc.constantFrom('has space', 'slash/inside', 'x'.repeat(129), 'caf\u00e9', 'semi;colon', '{braces}', '*'),
      ),
      { freq: 4 },
    ),
  });
}

/** The parts of a request a plan stands for, in the World as it is now. */
export function partsOf(world: World, op: Operation, plan: Plan): RequestParts & { following?: string } {
  const n = world.principals.length;
  const caller = world.principals[plan.caller % n]!;
  const other = world.principals[(plan.caller + 1 + ((plan.targets.userId?.pick ?? plan.targets.postId?.pick ?? 0) % (n - 1))) % n]!;
  const params: Record<string, unknown> = {};
  for (const [name, t] of Object.entries(plan.targets)) {
    const whose = t.mode === 'own' ? caller : other;
    if (t.mode === 'any' || !owned(name)) params[name] = t.any;
    else if (name === 'userId') params[name] = whose.id;
    else params[name] = whose.posts.length > 0 ? whose.posts[t.pick % whose.posts.length] : t.any;
  }
  const parts: RequestParts & { following?: string } = {
    params,
    query: plan.query,
    body: plan.body,
    accept: plan.accept,
    ...(plan.requestId !== null && { requestId: plan.requestId }),
  };
  if (!plan.anonymous) parts.token = caller.token;
  const nexts = world.cursors.get(op.operationId) ?? [];
  if (plan.follow !== null && nexts.length > 0) parts.following = nexts[plan.follow % nexts.length];
  return parts;
}

export interface NegativeCase {
  plan: Plan;
  site: number;
  value: unknown;
}

export function negativeOf(op: Operation, sites: Site[]): fc.Arbitrary<NegativeCase> {
  return fc
    .record({
      plan: planOf(op, { authenticated: true, mode: 'own' }),
      ...{ siteValue: fc.oneof(...sites.map((s, i) => s.value.map((value) => ({ site: i, value })))) },
    })
    .map(({ plan, siteValue }) => ({ plan, ...siteValue }));
}

/** Breaks the one site of the request; returns what the error must name. */
export function breakParts(parts: RequestParts, site: Site, value: unknown): { parts: RequestParts; field: string } {
  const out: RequestParts = { ...parts, params: { ...parts.params }, query: { ...parts.query } };
  let field = site.field;
  if (site.where === 'header') {
    if (site.field === 'accept') out.accept = String(value);
    else out.contentType = String(value);
    field = '';
  } else if (site.field === '(raw)') {
    out.rawBody = String(value);
    field = '';
  } else if (site.where === 'path') out.params![site.field] = value;
  else if (site.where === 'query') {
    if (site.field === '(undeclared)') {
      field = String(value);
      Object.defineProperty(out.query, field, { value: 'x', enumerable: true, configurable: true, writable: true });
    } else if (value === absent) delete out.query![site.field];
    else out.query![site.field] = value;
    // A cursor goes without `page` (cursor mode), so the cursor is what is wrong; a CSV export
    // is every matching item and reads no paging, so it is asked for JSON.
    if (site.field === 'cursor') {
      delete out.query!.page;
      out.accept = 'application/json';
    }
  } else if (site.field === '$') out.body = value;
  else {
    const body: Json = { ...(parts.body as object) };
    if (site.field === '(undeclared)') {
      field = String(value);
      Object.defineProperty(body, field, { value: 1, enumerable: true, configurable: true, writable: true });
    } else if (value === absent) delete body[site.field];
    else if (site.field.endsWith('.0')) body[site.field.slice(0, -2)] = [value];
    else body[site.field] = value;
    out.body = body;
  }
  return { parts: out, field };
}

export { sitesOf };
