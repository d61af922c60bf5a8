// `npm run bench`: every part of the benchmark suite in turn, each writing its section of
// BENCHMARKS.md. One part or several: `npm run bench -- --only sqlite,postgres` (or BENCH_ONLY).
// Parts: sqlite, postgres (the API against the baselines), paging (cursor vs offset at depth),
// auth (password hashing and tokens). Short runs while developing: BENCH_SECONDS=2 BENCH_ROUNDS=1.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { benchPostgres } from './postgres.js';
import { benchSqlite } from './sqlite.js';

const parts: Record<string, () => Promise<void>> = {
  sqlite: benchSqlite,
  postgres: benchPostgres,
  paging: async () => script('scripts/bench/paging.ts'),
  auth: async () => script('scripts/bench/auth.ts'),
};

function script(path: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`${path} failed (${run.status ?? run.signal})`);
}

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = (values.only ?? process.env.BENCH_ONLY ?? Object.keys(parts).join(','))
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const unknown = only.filter((p) => !(p in parts));
if (unknown.length) {
  console.error(`Unknown part ${unknown.join(', ')}; the parts are ${Object.keys(parts).join(', ')}.`);
  process.exit(2);
}
for (const part of only) {
  process.stderr.write(`\n== bench: ${part} ==\n`);
  await parts[part]?.();
}
