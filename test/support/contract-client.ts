import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, inject } from 'vitest';
import { documents, operation, resolve, versions, type Version } from './spec.js';

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

function createAjv(coerceTypes: boolean) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, coerceTypes });
  addFormats.default(ajv);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  for (const v of versions) ajv.addSchema(documents[v], v);
  return ajv;
}
const bodies = createAjv(false);
const headerValues = createAjv(true);
const compiled = new Map<string, ValidateFunction>();

function validator(version: Version, schema: Json, forHeader = false): ValidateFunction {
  // A schema with a local $ref is compiled against the version's document.
  const key = `${version}:${forHeader}:${JSON.stringify(schema)}`;
  let validate = compiled.get(key);
  if (!validate) {
    const rebased = JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#/g, `"$ref":"${version}#`));
    validate = (forHeader ? headerValues : bodies).compile(rebased);
    compiled.set(key, validate);
  }
  return validate;
}

/** Fails the test when the response contradicts what the spec declares for this operation and status. */
export function assertMatchesSpec(version: Version, operationId: string, res: ApiResponse): void {
  const where = `${version} ${operationId} ${res.status}`;
  const declared = resolve(version, operation(version, operationId).operation.responses[String(res.status)]);
  expect(declared, `${where}: status not declared in the spec (body: ${res.text.slice(0, 300)})`).toBeDefined();

  for (const [name, ref] of Object.entries<Json>(declared.headers ?? {})) {
    const header = resolve(version, ref);
    const value = res.headers.get(name);
    if (value === null) {
      expect(header.required, `${where}: required header ${name} missing`).not.toBe(true);
      continue;
    }
    const validate = validator(version, header.schema, true);
    expect(validate(value) || validate.errors, `${where}: header ${name}: ${value}`).toBe(true);
  }

  const content = declared.content as Record<string, Json> | undefined;
  if (!content) {
    expect(res.text, `${where}: declares no body`).toBe('');
    return;
  }
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  expect(Object.keys(content), `${where}: content type`).toContain(mediaType);
  const validate = validator(version, content[mediaType].schema);
  const valid = validate(res.body);
  expect(valid ? [] : validate.errors, `${where}: body does not match the schema`).toEqual([]);
}

/** Notes the (operation, status) pair for the coverage check in global-setup.ts. */
function record(version: Version, operationId: string, status: number) {
  const testPath = expect.getState().testPath ?? 'unknown';
  appendFileSync(join(inject('contractCoverageDir'), `${process.pid}.log`), `${version} ${operationId} ${status}\t${testPath}\n`);
}

function urlFor(origin: string, version: Version, operationId: string, options: CallOptions): string {
  const path = operation(version, operationId).path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = options.params?.[name];
    if (value === undefined) throw new Error(`${operationId} needs path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const query =
    typeof options.query === 'string'
      ? options.query
      : new URLSearchParams(Object.entries(options.query ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
  // Path items with servers of their own (the probes) live at that server, not under /api/<version>.
  const base = (documents[version].paths[operation(version, operationId).path].servers?.[0]?.url ?? `/api/${version}`).replace(/\/$/, '');
  return `${origin}${base}${path}${query ? `?${query}` : ''}`;
}

/** Calls one operation over real HTTP, checks the answer against the spec and records the pair. */
export async function call(origin: string, version: Version, operationId: string, options: CallOptions = {}): Promise<ApiResponse> {
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

/** A client bound to one server, for `const { call } = client(server.origin)`. */
export const client = (origin: string) => ({
  call: (version: Version, operationId: string, options?: CallOptions) => call(origin, version, operationId, options),
});
