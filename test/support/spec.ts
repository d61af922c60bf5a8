import { readFileSync } from 'node:fs';

export type Version = 'v1' | 'v2';
export const versions: Version[] = ['v1', 'v2'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const documents: Record<Version, Json> = Object.fromEntries(
  versions.map((v) => [v, JSON.parse(readFileSync(new URL(`../../generated/${v}/openapi.json`, import.meta.url), 'utf8'))]),
) as Record<Version, Json>;

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  operation: Json;
}

export function operationsOf(version: Version): OperationInfo[] {
  return Object.entries(documents[version].paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => (op as Json)?.operationId)
      .map(([method, op]) => ({ operationId: (op as Json).operationId as string, method, path, operation: op })),
  );
}

/** The operations served under /api/<version>: all but the probes, whose path items name a server of their own. */
export const versionedOperationsOf = (version: Version): OperationInfo[] =>
  operationsOf(version).filter((o) => !documents[version].paths[o.path].servers);

/** Whether the operation refuses a request without a bearer token: its security offers no anonymous (`{}`) alternative. */
export function needsToken(o: OperationInfo): boolean {
  const security: object[] = o.operation.security ?? [];
  return security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
}

export function operation(version: Version, operationId: string): OperationInfo {
  const found = operationsOf(version).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`${version} declares no operation ${operationId}`);
  return found;
}

/** Follows local `$ref`s such as `#/components/responses/User`. */
export function resolve(version: Version, node: Json): Json {
  if (!node?.$ref) return node;
  const target = (node.$ref as string)
    .slice(2)
    .split('/')
    .reduce((at: Json, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], documents[version]);
  return resolve(version, target);
}

/** Every (operation, status) pair both specs declare, as `v1 getUser 404`. */
export const declaredPairs = (): string[] =>
  versions.flatMap((v) => operationsOf(v).flatMap((o) => Object.keys(o.operation.responses).map((s) => `${v} ${o.operationId} ${s}`)));
