// Stateful chains through the spec's OpenAPI links: create → get → update → list → delete →
// get (404), for users and posts, and a token's life: sign in → use → sign out → refused.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { valid } from './arbitraries.js';
import { verdict, type Failure } from './checks.js';
import type { Exchange } from './http.js';
import type { Property } from './properties.js';
import { evaluate, linksFor, model, operationOf, type Json, type Link, type Operation, type Version } from './spec-model.js';
import type { RequestParts, World } from './world.js';

/** Fields only an admin may send (the spec's descriptions say so); the fuzzer's users are not admins. */
const ADMIN_ONLY = ['role', 'author_id'];
const withoutAdminOnly = (body: unknown) => Object.fromEntries(Object.entries(body as object).filter(([k]) => !ADMIN_ONLY.includes(k)));

class Step {
  constructor(
    readonly world: World,
    readonly token: string | undefined,
  ) {}

  /** Sends one step; its response passes every check, has one of `statuses`, and passes `extra`. */
  async run(op: Operation, parts: RequestParts, statuses: number[], extra: (e: Exchange) => Failure[] = () => []): Promise<Exchange> {
    const exchange = await this.world.exchange('chain', op, { token: this.token, ...parts });
    const failures: Failure[] = [];
    if (!statuses.includes(exchange.response.status)) {
      failures.push({
        check: 'chain step answered',
        message:
          `${op.operationId} expected ${statuses.join(' or ')}, got ${exchange.response.status}: ` +
          `${exchange.response.text.slice(0, 300)}`,
      });
    } else failures.push(...extra(exchange));
    verdict(op, exchange, failures);
    return exchange;
  }

  /** Follows a link of `from`'s response body. */
  follow(link: Link, from: Json, parts: RequestParts, statuses: number[], extra?: (e: Exchange) => Failure[]): Promise<Exchange> {
    const params = Object.fromEntries(Object.entries(link.parameters).map(([name, expression]) => [name, evaluate(expression, from)]));
    return this.run(operationOf(this.world.version, link.operationId), { ...parts, params }, statuses, extra);
  }
}

const same =
  (what: string, expected: unknown) =>
  (e: Exchange): Failure[] =>
    isDeepStrictEqual(e.response.body, expected)
      ? []
      : [
          {
            check: 'chain: what was written is read',
            message: `${what}: expected ${JSON.stringify(expected).slice(0, 400)}, got ${e.response.text.slice(0, 400)}`,
          },
        ];

/** Every field the request sent that the response carries (writeOnly ones, such as a password, it does not) holds what was sent. */
const stored =
  (what: string, sent: unknown) =>
  (e: Exchange): Failure[] =>
    Object.entries(sent as object)
      .filter(([k]) => k in ((e.response.body as object) ?? {}))
      .filter(([k, v]) => !isDeepStrictEqual((e.response.body as Json)[k], v))
      .map(([k, v]) => ({
        check: 'chain: what was sent is stored',
        message: `${what}: ${k} sent ${JSON.stringify(v)}, stored ${JSON.stringify((e.response.body as Json)[k])}`,
      }));

const itemsOf = (body: Json): Json[] => (Array.isArray(body) ? body : (body?.data ?? []));
const listed =
  (id: unknown) =>
  (e: Exchange): Failure[] =>
    itemsOf(e.response.body).some((item) => item.id === id)
      ? []
      : [{ check: 'chain: the list holds what was created', message: `id ${id} not on the first page` }];

/** The GET of the collection a create posts to: POST /users → GET /users. */
const listOf = (create: Operation, version: Version) => model[version].find((o) => o.method === 'GET' && o.urlPath === create.urlPath);

/** A chain from each operation whose 201 response declares links. */
export function chains(world: World): Property[] {
  const creates = model[world.version].filter(
    (o) => o.method === 'POST' && linksFor(world.version, o.operationId, '201').length > 0 && o.body,
  );
  const out: Property[] = creates.map((create) => {
    const links = linksFor(world.version, create.operationId, '201');
    const byOp = (method: string, kind?: 'list' | 'item') =>
      links.filter((l) => {
        const target = operationOf(world.version, l.operationId);
        if (target.method !== method) return false;
        if (!kind) return true;
        // A GET of the created resource itself takes exactly the link's parameters.
        const isItem =
          target.params.filter((p) => p.in === 'path').length === Object.keys(l.parameters).length && target.urlPath.endsWith('}');
        return kind === 'item' ? isItem : !isItem;
      });
    const self = byOp('GET', 'item').find((l) => l.name === 'self') ?? byOp('GET', 'item')[0];
    const update = byOp('PATCH')[0];
    const remove = byOp('DELETE')[0];
    const updateOp = update && operationOf(world.version, update.operationId);
    const arbitrary = fc.record({
      create: valid(create.body!.schema).map(withoutAdminOnly),
      update: updateOp?.body
        ? valid(updateOp.body.schema)
            .map(withoutAdminOnly)
            .filter((b) => Object.keys(b).length > 0)
        : fc.constant(undefined),
      caller: fc.nat(2),
    });
    const property = fc.asyncProperty(arbitrary, async ({ create: createBody, update: updateBody, caller }) => {
      await world.heal(false);
      // A new user signs in as itself; anything else is created by one of the fuzzer's users.
      const creatingUser = create.operationId === 'createUser';
      let step = new Step(world, creatingUser ? undefined : world.principals[caller % world.principals.length]!.token);
      const created = (
        await step.run(create, { body: createBody }, [201, 409], (e) =>
          e.response.status === 201 ? stored(create.operationId, createBody)(e) : [],
        )
      ).response;
      if (created.status === 409) return; // The generated email was taken: declared, and nothing to follow.
      if (creatingUser) {
        // The spec's Email: unique among users regardless of letter case.
        const email = String((createBody as Json).email);
        const swapped = [...email].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
        await step.run(create, { body: { ...(createBody as object), email: swapped } }, [409]);
        const signIn = operationOf(world.version, 'createToken');
        const { token } = (
          await step.run(signIn, { body: { email: (createBody as Json).email, password: (createBody as Json).password } }, [201])
        ).response.body;
        step = new Step(world, token);
      }
      if (self) await step.follow(self, created.body, {}, [200], same(`${self.operationId} after ${create.operationId}`, created.body));
      let current = created.body;
      if (update && updateBody) {
        const updated = (
          await step.follow(update, created.body, { body: updateBody }, [200, 409], (e) =>
            e.response.status === 200 ? stored(update.operationId, updateBody)(e) : [],
          )
        ).response;
        if (updated.status === 200) {
          current = updated.body;
          if (self) await step.follow(self, created.body, {}, [200], same(`${self.operationId} after ${update.operationId}`, updated.body));
        }
      }
      for (const link of byOp('GET', 'list')) await step.follow(link, created.body, {}, [200]);
      for (const link of byOp('GET', 'item').filter((l) => l !== self)) await step.follow(link, current, {}, [200]);
      const list = listOf(create, world.version);
      if (list) await step.run(list, { query: { per_page: 100 } }, [200], listed(created.body.id));
      if (remove) {
        await step.follow(remove, created.body, {}, [204]);
        if (self) await step.follow(self, created.body, { token: undefined }, [404]);
      }
    });
    return {
      kind: 'chain' as const,
      operationId: create.operationId,
      cost: 8,
      property: property as fc.IAsyncPropertyWithHooks<[unknown]>,
    };
  });
  const token = tokenChain(world);
  return token ? [...out, token] : out;
}

/** A token's life (the spec links no token operations): sign in, use it, sign out, refused. */
function tokenChain(world: World): Property | undefined {
  const ops = Object.fromEntries(
    ['createToken', 'getUser', 'deleteToken'].map((id) => [id, model[world.version].find((o) => o.operationId === id)]),
  );
  if (!ops.createToken || !ops.getUser || !ops.deleteToken) return undefined;
  const property = fc.asyncProperty(fc.record({ caller: fc.nat(2), viaOwn: fc.boolean() }), async ({ caller, viaOwn }) => {
    await world.heal(false);
    const principal = world.principals[caller % world.principals.length]!;
    const anonymous = new Step(world, undefined);
    const { token } = (await anonymous.run(ops.createToken!, { body: { email: principal.email, password: principal.password } }, [201]))
      .response.body;
    const signedIn = new Step(world, token);
    await signedIn.run(ops.getUser!, { params: { userId: principal.id } }, [200]);
    await signedIn.run(ops.deleteToken!, {}, [204]);
    await signedIn.run(viaOwn ? ops.deleteToken! : ops.getUser!, { params: { userId: principal.id } }, [401]);
    // Signing out one token leaves the user's others working.
    await new Step(world, principal.token).run(ops.getUser!, { params: { userId: principal.id } }, [200]);
  });
  return { kind: 'chain', operationId: 'createToken', cost: 5, property: property as fc.IAsyncPropertyWithHooks<[unknown]> };
}

/** An item's identity on a list page: a user or post id, or a search hit's type and id. */
const keyOf = (item: Json): string => (item?.type ? `${item.type}:${item[item.type]?.id}` : String(item?.id));

/**
 * Walks a list page by page, in offset mode and (where the list has cursors) in cursor mode:
 * no item twice, the same items in the same order both ways, and as many as the total says.
 */
export function pagingWalks(world: World): Property[] {
  const lists = model[world.version].filter(
    (o) => o.method === 'GET' && o.params.some((p) => p.name === 'per_page') && o.params.some((p) => p.name === 'page'),
  );
  return lists.map((op) => {
    const hasCursor = op.params.some((p) => p.name === 'cursor');
    const q = op.params.find((p) => p.name === 'q');
    const arbitrary = fc.record({
      perPage: fc.integer({ min: 1, max: 4 }),
      caller: fc.nat(2),
      // A search needs words; a short common one finds the fuzzer's own users and posts.
      q: q ? fc.constantFrom('fuzz', 'user', 'f', 'first second', 'example') : fc.constant(undefined),
    });
    const property = fc.asyncProperty(arbitrary, async ({ perPage, caller, q: words }) => {
      await world.heal(false);
      const principal = world.principals[caller % world.principals.length]!;
      const step = new Step(world, principal.token);
      const params = { userId: principal.id };
      const query = { per_page: perPage, ...(words !== undefined && { q: words }) };
      const MAX_PAGES = 6;
      const offset: string[] = [];
      let total: number | undefined;
      let ended = false;
      for (let page = 1; page <= MAX_PAGES && !ended; page++) {
        const { response } = await step.run(op, { params, query: { ...query, page } }, [200]);
        const items = itemsOf(response.body);
        offset.push(...items.map(keyOf));
        total ??= Number(response.headers.get('x-total-count') ?? (response.body as Json)?.meta?.total);
        ended = items.length < perPage;
      }
      const failures: Failure[] = [];
      if (new Set(offset).size !== offset.length)
        failures.push({ check: 'paging: no item twice', message: `offset mode: ${offset.join(', ')}` });
      if (ended && Number.isFinite(total) && offset.length !== total)
        failures.push({
          check: 'paging: the total counts the items',
          message: `total ${total}, walked ${offset.length}: ${offset.join(', ')}`,
        });
      let last: Exchange | undefined;
      if (hasCursor) {
        const cursor: string[] = [];
        let next: string | null = null;
        for (let page = 1; page <= MAX_PAGES && cursor.length < offset.length + perPage; page++) {
          const parts = next ? { params: paramsOf(op, next), query: Object.fromEntries(new URL(next).searchParams) } : { params, query };
          last = await step.run(op, parts, [200]);
          cursor.push(...itemsOf(last.response.body).map(keyOf));
          next = (last.response.body as Json)?.links?.next ?? null;
          if (!next) break;
        }
        const n = Math.min(cursor.length, offset.length);
        if (cursor.slice(0, n).join() !== offset.slice(0, n).join() || (ended && cursor.length !== offset.length)) {
          failures.push({
            check: 'paging: cursor and offset modes agree',
            message: `offset ${offset.join(', ')}; cursor ${cursor.join(', ')}`,
          });
        }
      }
      if (failures.length > 0 && last) verdict(op, last, failures);
      else if (failures.length > 0) throw new Error(failures.map((f) => `${f.check}: ${f.message}`).join('\n'));
    });
    return { kind: 'chain' as const, operationId: op.operationId, cost: 10, property: property as fc.IAsyncPropertyWithHooks<[unknown]> };
  });
}

function paramsOf(op: Operation, url: string): Record<string, unknown> {
  const names: string[] = [];
  const pattern = new RegExp(`^${op.urlPath.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
  const match = pattern.exec(new URL(url).pathname);
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match?.[i + 1] ?? '')]));
}
