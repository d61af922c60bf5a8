// `npm start` (prestart) and `npm run build`: compiles src/ and generated/ into dist/ with tsc (and
// bundles the result for the production start), but
// on start only when they changed since the last build, and says which it is doing. The last
// build's inputs are remembered as one SHA-256 in dist/.build-inputs.
// `--always` builds whatever the stamp says (`npm run build`, CI).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.cwd();
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const stamp = join(root, 'dist', '.build-inputs');
const inputs = ['src', 'generated', 'tsconfig.json', 'tsconfig.build.json'];
const who = process.env.npm_lifecycle_event === 'build' ? 'npm run build' : 'npm start';
const say = (text) => console.error(`${who}: ${text}`);

function filesOf(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((d) => filesOf(join(path, d.name)));
}

/** One hash of the names and contents of every file tsc reads. */
function inputsHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((i) => filesOf(join(root, i))).sort()) {
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex');
}

const always = process.argv.includes('--always');
const current = inputsHash();
const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
if (!always && previous === current) {
  say('dist/ is up to date with src/ and generated/; starting it (npm run build rebuilds).');
} else {
  const why = always ? 'as asked' : previous ? 'src/ or generated/ changed since the last build' : 'there is no build yet';
  say(`building dist/ with tsc (${why}); this takes 15-90 s on a small machine...`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    say('the build failed (tsc, above); nothing was started.');
    process.exit(run.status ?? 1);
  }
  // The production start: one bundle of the build (scripts/bundle.mjs).
  const bundle = spawnSync(process.execPath, [fileURLToPath(new URL('bundle.mjs', import.meta.url))], { cwd: root, stdio: 'inherit' });
  if (bundle.status !== 0) {
    say('bundling failed (esbuild, above); nothing was started.');
    process.exit(bundle.status ?? 1);
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, `${current}\n`);
  say(`built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
