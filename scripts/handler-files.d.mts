/** Types of scripts/handler-files.mjs, for the tests. */
export function handlerFileMismatches(operations: Record<string, string[]>, root?: string): string[];
