// What the fuzzer knows of the server it talks to: the users it signed up (with their tokens
// and posts), the cursors lists handed out, and how many requests of each kind it sent.
import { randomBytes } from 'node:crypto';
import { curlOf, send, type Exchange, type SentRequest } from './http.js';
import { operationOf, type Json, type Operation, type Version } from './spec-model.js';

export type Kind = 'positive' | 'negative' | 'auth' | 'chain' | 'setup';

export interface Principal {
  id: number;
  token: string;
  email: string;
  password: string;
  posts: number[];
  /** Deleted, or its token ended: replaced before the next request. */
  gone?: boolean;
}

export interface RequestParts {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  token?: string;
  /** Sent as the Authorization header as is (a forged or malformed one). */
  authorization?: string;
  accept?: string;
  /** Sent as the body as is, with `contentType` (application/json unless said). */
  rawBody?: string;
  contentType?: string;
  /** The X-Request-ID to send; one of the fuzzer's own when absent. */
  requestId?: string;
}

const PASSWORD = 'fuzz password 0123456789';

export class World {
  readonly principals: Principal[] = [];
  /** The `links.next` URLs (with a cursor) each list operation handed out. */
  readonly cursors = new Map<string, string[]>();
  /** Requests sent, by operation and by kind. */
  readonly counts = new Map<string, Map<Kind, number>>();
  private sequence = 0;
  private readonly tag = randomBytes(4).toString('hex');

  constructor(
    readonly origin: string,
    readonly version: Version,
    readonly seed: number,
  ) {}

  get sent(): number {
    let n = 0;
    for (const byKind of this.counts.values()) for (const [kind, c] of byKind) if (kind !== 'setup') n += c;
    return n;
  }

  /** The request an operation gets from these parts, before it is sent. */
  requestOf(op: Operation, parts: RequestParts): SentRequest {
    const path = op.urlPath.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(parts.params?.[name] ?? '')));
    const query = new URLSearchParams(Object.entries(parts.query ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
    this.sequence += 1;
    const headers: Record<string, string> = { 'x-request-id': parts.requestId ?? `fuzz-${this.seed}-${this.version}-${this.sequence}` };
    if (parts.accept) headers.accept = parts.accept;
    if (parts.authorization !== undefined) headers.authorization = parts.authorization;
    else if (parts.token !== undefined) headers.authorization = `Bearer ${parts.token}`;
    let body: string | undefined;
    if (parts.rawBody !== undefined) body = parts.rawBody;
    else if (parts.body !== undefined) body = JSON.stringify(parts.body);
    if (body !== undefined) headers['content-type'] = parts.contentType ?? 'application/json';
    return { method: op.method, url: `${this.origin}${path}${query ? `?${query}` : ''}`, headers, ...(body !== undefined && { body }) };
  }

  async exchange(kind: Kind, op: Operation, parts: RequestParts): Promise<Exchange> {
    const request = this.requestOf(op, parts);
    const byKind = this.counts.get(op.operationId) ?? new Map<Kind, number>();
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    this.counts.set(op.operationId, byKind);
    const response = await send(request);
    this.learn(op, parts, response.status, response.body);
    return { request, response, requestId: request.headers['x-request-id']! };
  }

  /** Calls an operation for the fuzzer's own bookkeeping; anything but `expect` is an error. */
  async setup(operationId: string, parts: RequestParts, expect: number): Promise<Json> {
    const { request, response } = await this.exchange('setup', operationOf(this.version, operationId), parts);
    if (response.status !== expect)
      throw new Error(
        `setup ${operationId} answered ${response.status}, not ${expect}: ${response.text.slice(0, 300)}\n${curlOf(request)}`,
      );
    return response.body;
  }

  async newPrincipal(): Promise<Principal> {
    this.sequence += 1;
    const email = `fuzz.${this.tag}.${this.version}.${this.sequence}@example.com`;
    const user = await this.setup('createUser', { body: { email, name: 'Fuzz User', password: PASSWORD } }, 201);
    const { token } = await this.setup('createToken', { body: { email, password: PASSWORD } }, 201);
    const principal: Principal = { id: user.id, token, email, password: PASSWORD, posts: [] };
    for (const title of ['first', 'second']) {
      const post = await this.setup('createPost', { token, body: { title: `fuzz ${title}`, body: 'fuzz', tags: ['fuzz'] } }, 201);
      principal.posts.push(post.id);
    }
    return principal;
  }

  /**
   * Makes sure there are `n` principals whose tokens work; replaces those that are gone (and, with
   * `probe`, those whose token no longer works).
   */
  async heal(probe: boolean, n = 3): Promise<void> {
    for (let i = 0; i < n; i++) {
      const p = this.principals[i];
      let works = p !== undefined && !p.gone;
      if (works && probe)
        works =
          (await this.exchange('setup', operationOf(this.version, 'getUser'), { params: { userId: p!.id }, token: p!.token })).response
            .status === 200;
      if (!works) this.principals[i] = await this.newPrincipal();
    }
  }

  /** Keeps the bookkeeping in step with what a response did. */
  private learn(op: Operation, parts: RequestParts, status: number, body: Json) {
    const caller = this.principals.find((p) => parts.token !== undefined && p.token === parts.token && parts.authorization === undefined);
    if (op.operationId === 'createPost' && status === 201 && caller && body?.author?.id === caller.id) caller.posts.push(body.id);
    if (op.operationId === 'deleteUser' && status === 204)
      for (const p of this.principals) if (p.id === parts.params?.userId) p.gone = true;
    if (op.operationId === 'deleteToken' && status === 204 && caller) caller.gone = true;
    if (op.operationId === 'deletePost' && status === 204)
      for (const p of this.principals) p.posts = p.posts.filter((id) => id !== parts.params?.postId);
    const next = body?.links?.next;
    if (typeof next === 'string' && next.includes('cursor=')) {
      const list = this.cursors.get(op.operationId) ?? [];
      if (list.length < 50) list.push(next);
      this.cursors.set(op.operationId, list);
    }
  }
}
