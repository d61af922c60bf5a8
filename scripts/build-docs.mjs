// `npm run docs`: self-contained HTML references of both versions in docs/ (git-ignored), built
// by `redocly build-docs --inlineBundle` from the served documents, rate limits included.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
mkdirSync(`${root}docs`, { recursive: true });
for (const version of ['v1', 'v2']) {
  const run = spawnSync(
    process.execPath,
    [`${root}node_modules/@redocly/cli/bin/cli.js`, 'build-docs', `${root}generated/${version}/openapi.json`, '--inlineBundle', '-o', `${root}docs/${version}.html`, '--title', `Users and Posts API ${version}`],
    { stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
console.log(`docs/v1.html and docs/v2.html are self-contained: open them offline.`);
