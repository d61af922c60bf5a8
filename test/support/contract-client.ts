import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject } from 'vitest';
import { specViolations } from './response-check.js';
import { documents, operation, type Spec } from './spec.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface CallOptions {
  params?: Record<string, string | number>;
  query?: Record<string, string | number> | string;
  body?: unknown;
  /** Sent as is, for malformed or oversized bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}

/** Fails the test when the response contradicts what the spec declares for this operation and status. */
export function assertMatchesSpec(version: Spec, operationId: string, res: ApiResponse): void {
  const violations = specViolations(version, operationId, res).map((v) => `${v.check}: ${v.message}`);
  expect(violations, `${version} ${operationId} ${res.status}`).toEqual([]);
}

/** Notes the (operation, status) pair for the coverage check in global-setup.ts. */
function record(version: Spec, operationId: string, status: number) {
  const testPath = expect.getState().testPath ?? 'unknown';
  appendFileSync(join(inject('contractCoverageDir'), `${process.pid}.log`), `${version} ${operationId} ${status}\t${testPath}\n`);
}

function urlFor(origin: string, version: Spec, operationId: string, options: CallOptions): string {
  const path = operation(version, operationId).path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = options.params?.[name];
    if (value === undefined) throw new Error(`${operationId} needs path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const query =
    typeof options.query === 'string'
      ? options.query
      : new URLSearchParams(Object.entries(options.query ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
  // Only the top-level server, as the tools the specs are written for read it: /api/v1, /api/v2, or / for the service document.
  const base = (documents[version].servers[0].url as string).replace(/\/$/, '');
  return `${origin}${base}${path}${query ? `?${query}` : ''}`;
}

/** Calls one operation over real HTTP, checks the answer against the spec and records the pair. */
export async function call(origin: string, version: Spec, operationId: string, options: CallOptions = {}): Promise<ApiResponse> {
  const { method } = operation(version, operationId);
  const hasJson = options.body !== undefined;
  const res = await fetch(urlFor(origin, version, operationId, options), {
    method: method.toUpperCase(),
    headers: {
      ...(hasJson && { 'content-type': 'application/json' }),
      ...(options.token !== undefined && { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    body: options.rawBody ?? (hasJson ? JSON.stringify(options.body) : undefined),
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const response = { status: res.status, headers: res.headers, text, body: isJson && text ? JSON.parse(text) : text || undefined };
  assertMatchesSpec(version, operationId, response);
  record(version, operationId, res.status);
  return response;
}

/**
 * The same request as `call` would send, as HEAD: the answer of a GET without its body (RFC 9110
 * §9.3.2). Not checked against the spec, which declares GET only; compare it with the GET answer.
 */
export async function head(
  origin: string,
  version: Spec,
  operationId: string,
  options: CallOptions = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(urlFor(origin, version, operationId, options), {
    method: 'HEAD',
    headers: { ...(options.token !== undefined && { authorization: `Bearer ${options.token}` }), ...options.headers },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** A client bound to one server, for `const { call } = client(server.origin)`. */
export const client = (origin: string) => ({
  call: (version: Spec, operationId: string, options?: CallOptions) => call(origin, version, operationId, options),
});
