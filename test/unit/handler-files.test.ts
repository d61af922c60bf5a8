import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handlerFileMismatches } from '../../scripts/handler-files.mjs';

const base = mkdtempSync(join(tmpdir(), 'handler-files-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A project root whose src/handlers holds these files (`v1/getUser.ts`, …). */
function project(files: string[]) {
  const root = mkdtempSync(join(base, 'project-'));
  for (const file of files) {
    mkdirSync(join(root, 'src/handlers', file, '..'), { recursive: true });
    writeFileSync(join(root, 'src/handlers', file), 'export {};\n');
  }
  return root;
}

const operations = { v1: ['getUser', 'listUsers'], v2: ['getUser'] };
const agreeing = ['v1/getUser.ts', 'v1/listUsers.ts', 'v2/getUser.ts'];

describe('the handler files and the operations (npm run generate)', () => {
  it('when every operation has its file and every file its operation, then nothing is reported', () => {
    expect(handlerFileMismatches(operations, project(agreeing))).toEqual([]);
  });

  it.each<[string, string[], string]>([
    [
      'a handler file names no operation',
      [...agreeing, 'v2/foo.ts'],
      'src/handlers/v2/foo.ts handles no operation of openapi/v2.yaml: name it after an operationId, or remove it',
    ],
    [
      'an operation has no handler file',
      agreeing.filter((f) => f !== 'v1/listUsers.ts'),
      'openapi/v1.yaml operation listUsers has no handler: write src/handlers/v1/listUsers.ts exporting listUsers',
    ],
    [
      'a version has no handler folder at all',
      agreeing.filter((f) => !f.startsWith('v2/')),
      'openapi/v2.yaml operation getUser has no handler: write src/handlers/v2/getUser.ts exporting getUser',
    ],
    ['a handler folder has no spec', [...agreeing, 'v3/getUser.ts'], 'src/handlers/v3/ belongs to no version: there is no openapi/v3.yaml'],
  ])('when %s, then one message names it', (_when, files, then) => {
    expect(handlerFileMismatches(operations, project(files))).toEqual([then]);
  });

  it('when a folder holds something other than TypeScript, then it is not taken for a handler', () => {
    const root = project(agreeing);
    writeFileSync(join(root, 'src/handlers/v1/README.md'), 'notes\n');
    expect(handlerFileMismatches(operations, root)).toEqual([]);
  });
});
