import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { declaredPairs } from './spec.js';

declare module 'vitest' {
  export interface ProvidedContext {
    contractCoverageDir: string;
  }
}

const root = new URL('../../', import.meta.url).pathname;

/**
 * Collects the (operation, status) pairs the contract tests exercised and, when every contract
 * test file ran, fails the run if the specs declare a pair that no test exercised.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'contract-coverage-'));
  project.provide('contractCoverageDir', dir);
  const { testFiles } = await project.globTestFiles();
  const contractFiles = testFiles.map((f) => relative(root, f)).filter((f) => f.startsWith('test/contract/'));

  const nameFiltered = process.argv.some((arg) => arg === '-t' || arg.startsWith('--testNamePattern'));

  return () => {
    const read = (ending: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(ending))
        .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
    const exercised = new Set(read('.log').map((l) => l.split('\t')[0]));
    const filesThatRan = new Set(read('.files').map((f) => relative(root, f)));
    rmSync(dir, { recursive: true, force: true });
    // A filtered run proves nothing about coverage.
    if (nameFiltered || !contractFiles.every((f) => filesThatRan.has(f))) return;
    const missing = declaredPairs().filter((p) => !exercised.has(p));
    if (missing.length > 0) {
      // vitest reports an error thrown here but still exits 0, so fail the run explicitly.
      console.error(
        `\nFAIL contract coverage (${project.name}): the specs declare responses no contract test exercised ` +
          `(the recap at the end lists tests skipped for want of a service):\n  ${missing.join('\n  ')}`,
      );
      process.exitCode = 1;
      return;
    }
    console.log(`contract coverage (${project.name}): all ${declaredPairs().length} declared (operation, status) pairs exercised`);
  };
}
