// Runs before every test file: notes that the file ran, so the coverage check in global-setup.ts
// knows whether the whole contract suite ran (a filtered run proves nothing about coverage).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, inject } from 'vitest';

beforeAll(() => {
  appendFileSync(join(inject('contractCoverageDir'), `${process.pid}.files`), `${expect.getState().testPath}\n`);
});
