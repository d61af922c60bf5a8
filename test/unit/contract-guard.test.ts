import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'contract-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const released = readFileSync(join(root, 'openapi/released/v1.yaml'), 'utf8');

/** Runs the guard of `npm run lint` on the released v1 and an edited copy of it. */
function guard(edit: (spec: string) => string) {
  const revision = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  const edited = edit(released);
  expect(edited, 'the edit must change the spec').not.toBe(released);
  writeFileSync(revision, edited);
  const run = spawnSync(process.execPath, [join(root, 'scripts/check-contracts.mjs'), join(root, 'openapi/released/v1.yaml'), revision], {
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout };
}

describe('the released-contract guard (npm run lint:contracts)', () => {
  it.each([
    ['a tighter bound on per_page', (s: string) => s.replace(/maximum: 100\n/, 'maximum: 50\n')],
    ['a removed operation', (s: string) => s.replace(/\n {4}delete:\n {6}operationId: deletePost[\s\S]*?(?=\n {2}\/openapi\.json:)/, '')],
    [
      'a new required request field',
      (s: string) => s.replace('      required: [email, name, password]\n', '      required: [email, name, password, role]\n'),
    ],
  ])('when a released spec gets %s, then it fails', (_, edit) => {
    const { status, output } = guard(edit);
    expect(status).toBe(1);
    expect(output).toContain('major');
  });

  it('when a released spec gains an optional query parameter, then it passes', () => {
    const { status } = guard((s) =>
      s.replace(
        "        - $ref: '#/components/parameters/RoleFilter'\n",
        "        - $ref: '#/components/parameters/RoleFilter'\n" +
          '        - name: sort\n          in: query\n          required: false\n          description: An order.\n' +
          '          schema:\n            type: string\n',
      ),
    );
    expect(status).toBe(0);
  });
});
