// The versions of the API, read from the one place they are written: a spec openapi/v<n>.yaml
// per version, oldest first. The scripts import this; `npm run generate` writes the same list
// for the TypeScript (generated/version-names.ts, generated/versions.ts).
import { readdirSync } from 'node:fs';

const openapi = new URL('../openapi/', import.meta.url);

/** `['v1', 'v2', …]`, ordered by number so v10 follows v9. */
export const versions = readdirSync(openapi)
  .map((file) => /^(v(\d+))\.yaml$/.exec(file))
  .filter((m) => m !== null)
  .sort((a, b) => Number(a[2]) - Number(b[2]))
  .map((m) => m[1]);
