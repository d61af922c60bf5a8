// `npm start` builds only when the sources changed (scripts/build-if-changed.mjs, its prestart),
// and says which it does. Run on a one-file project of its own, so the real tsc takes a second.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = new URL('../../scripts/build-if-changed.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'build-if-changed-'));
mkdirSync(join(dir, 'src'));
mkdirSync(join(dir, 'generated'));
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], strict: true } }),
);
writeFileSync(
  join(dir, 'tsconfig.build.json'),
  JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: '.', outDir: 'dist' }, include: ['src', 'generated'] }),
);
writeFileSync(join(dir, 'src', 'server.ts'), 'export const answer: number = 1;\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = () => {
  const run = spawnSync(process.execPath, [script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, npm_lifecycle_event: 'prestart' },
  });
  return { status: run.status, said: `${run.stdout}${run.stderr}` };
};
const built = join(dir, 'dist', 'src', 'server.js');

// tsc takes seconds even for one file on a busy 2-core machine.
describe('npm start (prestart: build only when the sources changed)', { timeout: 90_000 }, () => {
  it('when there is no build, then it builds and says so', () => {
    const { status, said } = start();
    expect(status).toBe(0);
    expect(said).toContain('npm start: building dist/ with tsc (there is no build yet)');
    expect(said).toMatch(/npm start: built in \d+\.\d s\./);
    expect(readFileSync(built, 'utf8')).toContain('answer = 1');
  });

  it('when nothing changed since, then it does not build, and says so', () => {
    const before = statSync(built).mtimeMs;
    const { status, said } = start();
    expect(status).toBe(0);
    expect(said).toContain('npm start: dist/ is up to date with src/ and generated/');
    expect(said).not.toContain('building');
    expect(statSync(built).mtimeMs).toBe(before);
  });

  it('when a source changed, then it builds again', () => {
    writeFileSync(join(dir, 'src', 'server.ts'), 'export const answer: number = 2;\n');
    const { status, said } = start();
    expect(status).toBe(0);
    expect(said).toContain('src/ or generated/ changed since the last build');
    expect(readFileSync(built, 'utf8')).toContain('answer = 2');
  });

  it('when the build fails, then it says nothing was started and exits non-zero', () => {
    writeFileSync(join(dir, 'src', 'server.ts'), 'export const answer: number = "two";\n');
    const { status, said } = start();
    expect(status).not.toBe(0);
    expect(said).toContain('the build failed (tsc, above); nothing was started.');
  });
});
