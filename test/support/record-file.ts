// Runs as every test file loads: notes that the file ran, so the coverage check in global-setup.ts
// knows whether the whole contract suite ran (a filtered run proves nothing about coverage).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject } from 'vitest';

appendFileSync(join(inject('contractCoverageDir'), `${process.pid}.files`), `${expect.getState().testPath}\n`);
