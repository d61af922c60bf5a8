import { readFileSync } from 'node:fs';
import { versionNames, type VersionName } from '../../generated/version-names.js';

export type Version = VersionName;
export const versions: Version[] = [...versionNames];
/** A served document: a version of the API, or `service`, the probes and docs at the server root (openapi/service.yaml). */
export type Spec = Version | 'service';
export const specs: Spec[] = [...versions, 'service'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const documents: Record<Spec, Json> = Object.fromEntries(
  specs.map((v) => [v, JSON.parse(readFileSync(new URL(`../../generated/${v}/openapi.json`, import.meta.url), 'utf8'))]),
) as Record<Spec, Json>;

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  operation: Json;
}

export function operationsOf(version: Spec): OperationInfo[] {
  return Object.entries(documents[version].paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => (op as Json)?.operationId)
      .map(([method, op]) => ({ operationId: (op as Json).operationId as string, method, path, operation: op })),
  );
}

/** The operations served under /api/<version>: every operation of its document (the probes and docs have one of their own). */
export const versionedOperationsOf = (version: Version): OperationInfo[] => operationsOf(version);

/** Whether the operation refuses a request without a bearer token: its security offers no anonymous (`{}`) alternative. */
export function needsToken(o: OperationInfo): boolean {
  const security: object[] = o.operation.security ?? [];
  return security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
}

export function operation(version: Spec, operationId: string): OperationInfo {
  const found = operationsOf(version).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`${version} declares no operation ${operationId}`);
  return found;
}

/** Follows local `$ref`s such as `#/components/responses/User`. */
export function resolve(version: Spec, node: Json): Json {
  if (!node?.$ref) return node;
  const target = (node.$ref as string)
    .slice(2)
    .split('/')
    .reduce((at: Json, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], documents[version]);
  return resolve(version, target);
}

/** Every (operation, status) pair the specs declare, as `v1 getUser 404` or `service getHealth 200`. */
export const declaredPairs = (): string[] =>
  specs.flatMap((v) => operationsOf(v).flatMap((o) => Object.keys(o.operation.responses).map((s) => `${v} ${o.operationId} ${s}`)));
