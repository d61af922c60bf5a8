// Types of scripts/deprecation.mjs, for the tests that call it.
export function deprecations(
  version: string,
  document: { info?: Record<string, unknown>; [key: string]: unknown },
  operations: { operationId: string; deprecated?: unknown; responses?: Record<string, unknown>; [key: string]: unknown }[],
): Record<string, Record<string, string>>;
