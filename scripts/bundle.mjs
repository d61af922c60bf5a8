// `npm run build`, second half: the production start as one ES module (dist/src/server.bundle.mjs),
// so a start reads one file instead of resolving and loading some 400 modules (BENCHMARKS.md,
// cold start). The tsc output beside it stays the reference build and serves the tests.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/server.js'],
  outfile: 'dist/src/server.bundle.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Native addons load from node_modules; the rest are drivers knex can load for other databases.
  external: [
    'better-sqlite3',
    'pg-native',
    'sqlite3',
    'mysql',
    'mysql2',
    'mariadb',
    'mariadb/callback',
    'oracledb',
    'tedious',
    'pg-query-stream',
  ],
  // CommonJS packages inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
