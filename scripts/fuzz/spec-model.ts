// The spec as the fuzzer needs it: each operation with its parameters, body schema and security
// fully dereferenced, and the OpenAPI links its responses declare.
import { documents, operationsOf, resolve, versions, type Spec, type Version } from '../../test/support/spec.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export { versions, type Spec, type Version };

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Json;
}

export interface Link {
  name: string;
  operationId: string;
  /** Parameter name → runtime expression such as `$response.body#/id`. */
  parameters: Record<string, string>;
}

export interface Operation {
  /** The document that declares it: a version, or `service` for the probes and docs at the root. */
  version: Spec;
  operationId: string;
  method: string;
  /** The URL path below the origin: `/api/v2/users/{userId}`, or `/health` for the probes. */
  urlPath: string;
  params: Param[];
  body: { schema: Json; required: boolean } | undefined;
  auth: 'none' | 'optional' | 'required';
  statuses: string[];
  /** The media types its 2xx responses declare. */
  offered: string[];
  /** Links of the 2xx responses, by status. */
  links: Record<string, Link[]>;
}

/** Replaces every local `$ref` by its target; keywords beside a `$ref` (a `default`) are kept. */
export function deref(version: Spec, node: Json, depth = 0): Json {
  if (depth > 32) throw new Error('schema nests too deep (a cycle?)');
  if (Array.isArray(node)) return node.map((n) => deref(version, n, depth + 1));
  if (!node || typeof node !== 'object') return node;
  const { $ref, ...rest } = node;
  const base = $ref ? deref(version, resolve(version, { $ref }), depth + 1) : {};
  const own = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, deref(version, v, depth + 1)]));
  return { ...base, ...own };
}

function authOf(security: Json[]): Operation['auth'] {
  const bearer = security.filter((s) => 'bearerAuth' in s);
  if (bearer.length === 0) return 'none';
  return security.some((s) => Object.keys(s).length === 0) ? 'optional' : 'required';
}

function linksOf(version: Spec, response: Json): Link[] {
  return Object.entries<Json>(resolve(version, response).links ?? {}).map(([name, ref]) => {
    const link = resolve(version, ref);
    return { name, operationId: link.operationId, parameters: link.parameters ?? {} };
  });
}

function modelOf(version: Spec): Operation[] {
  const document = documents[version];
  return operationsOf(version).map(({ operationId, method, path, operation }) => {
    const item = document.paths[path];
    const params = [...(item.parameters ?? []), ...(operation.parameters ?? [])]
      .map((p: Json) => resolve(version, p))
      .filter((p: Json) => p.in === 'path' || p.in === 'query')
      .map((p: Json) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: deref(version, p.schema) }));
    const requestBody = resolve(version, operation.requestBody);
    const bodySchema = requestBody?.content?.['application/json']?.schema;
    const base = (document.servers[0].url as string).replace(/\/$/, '');
    const links = Object.fromEntries(
      Object.entries<Json>(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .map(([status, response]) => [status, linksOf(version, response)]),
    );
    return {
      version,
      operationId,
      method: method.toUpperCase(),
      urlPath: `${base}${path}`,
      params,
      body: bodySchema ? { schema: deref(version, bodySchema), required: Boolean(requestBody.required) } : undefined,
      auth: authOf(operation.security ?? document.security ?? []),
      statuses: Object.keys(operation.responses),
      offered: [
        ...new Set(
          Object.entries<Json>(operation.responses)
            .filter(([status]) => status.startsWith('2'))
            .flatMap(([, r]) => Object.keys(resolve(version, r).content ?? {})),
        ),
      ],
      links,
    };
  });
}

// The probes and docs (openapi/service.yaml) are fuzzed with v1, the version the unversioned paths default to.
export const model: Record<Version, Operation[]> = Object.fromEntries(
  versions.map((v) => [v, [...modelOf(v), ...(v === 'v1' ? modelOf('service') : [])]]),
) as Record<Version, Operation[]>;

/** Whether the operation is served under /api/<version> (the probes and docs are not). */
export const isVersioned = (op: Operation) => op.urlPath.startsWith(`/api/${op.version}/`);

/** Whether the version's spec declares any links at all. */
export const declaresLinks = (version: Version) => model[version].some((o) => Object.values(o.links).some((l) => l.length > 0));

/**
 * The links of an operation's response. A version that declares no links at all (v1) borrows
 * those of another version for the same operationId: operationIds and their parameters keep
 * their meaning across versions.
 */
export function linksFor(version: Version, operationId: string, status: string): Link[] {
  const donor = declaresLinks(version) ? version : versions.find(declaresLinks);
  if (!donor) return [];
  const op = model[donor].find((o) => o.operationId === operationId);
  return (op?.links[status] ?? []).filter((l) => model[version].some((o) => o.operationId === l.operationId));
}

export function operationOf(version: Version, operationId: string): Operation {
  const found = model[version].find((o) => o.operationId === operationId);
  if (!found) throw new Error(`${version} declares no operation ${operationId}`);
  return found;
}

/** Evaluates a link's `$response.body#/json/pointer` against a response body. */
export function evaluate(expression: string, body: Json): unknown {
  const match = /^\$response\.body#(.*)$/.exec(expression);
  if (!match) throw new Error(`unsupported link expression ${expression}`);
  return match[1]!
    .split('/')
    .slice(1)
    .reduce((at: Json, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], body);
}
