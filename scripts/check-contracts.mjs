// `npm run lint:contracts`: each spec against its released copy (openapi/released/), failing on a
// breaking change by Redocly's diff-recommended rules. Additive changes pass.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { versions } from './versions.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const config = fileURLToPath(new URL('../openapi/released/redocly.yaml', import.meta.url));

/** Compares a revision with its base; `ok` is false when the revision breaks the base's clients. */
export function checkContract(base, revision) {
  const run = spawnSync(
    process.execPath,
    [`${root}node_modules/@redocly/cli/bin/cli.js`, 'diff', base, revision, '--config', config, '--fail-on', 'major'],
    {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `node scripts/check-contracts.mjs <base> <revision>` compares two files; without them, every spec with its released copy.
  const [base, revision] = process.argv.slice(2);
  if (base && revision) {
    const { ok, output } = checkContract(base, revision);
    console.log(output.replace(/^.*[║╔╚].*$\n?/gm, ''));
    process.exit(ok ? 0 : 1);
  }
  let failed = false;
  for (const version of [...versions, 'service']) {
    const base = `${root}openapi/released/${version}.yaml`;
    if (!existsSync(base)) continue; // not released yet
    const { ok, output } = checkContract(base, `${root}openapi/${version}.yaml`);
    console.log(`${version}: ${ok ? 'no breaking change against the released contract' : 'BREAKING CHANGE against the released contract'}`);
    if (!ok) {
      console.log(output.replace(/^.*[║╔╚].*$\n?/gm, ''));
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}
