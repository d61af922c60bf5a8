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

function contractFiles(dir = join(root, 'test/contract')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? contractFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [relative(root, join(dir, e.name))] : [],
  );
}

/**
 * Collects the (operation, status) pairs the contract tests exercised and, when every contract
 * test file ran, fails the run if the specs declare a pair that no test exercised.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'contract-coverage-'));
  project.provide('contractCoverageDir', dir);

  return () => {
    const lines = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
    rmSync(dir, { recursive: true, force: true });
    const exercised = new Set(lines.map((l) => l.split('\t')[0]));
    const filesThatRan = new Set(lines.map((l) => relative(root, l.split('\t')[1] ?? '')));
    if (!contractFiles().every((f) => filesThatRan.has(f))) return; // a filtered run proves nothing about coverage
    const missing = declaredPairs().filter((p) => !exercised.has(p));
    if (missing.length > 0) {
      // vitest reports an error thrown here but still exits 0, so fail the run explicitly.
      console.error(`\nFAIL contract coverage: the specs declare responses no contract test exercised:\n  ${missing.join('\n  ')}`);
      process.exitCode = 1;
      return;
    }
    console.log(`contract coverage: all ${declaredPairs().length} declared (operation, status) pairs exercised`);
  };
}
