// The recap at the end of `npm test` (test/support/skip-recap.ts), on a run of three fixture files.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('the skip recap at the end of a run', { timeout: 60_000 }, () => {
  const run = (env: Record<string, string>) => {
    const res = spawnSync(
      process.execPath,
      [`${root}node_modules/vitest/vitest.mjs`, 'run', '--config', 'test/fixtures/skip-recap/vitest.config.ts'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CI: '', ...env },
      },
    );
    const output = `${res.stdout}${res.stderr}`;
    return output.slice(output.lastIndexOf('What did not run in full'));
  };

  it('when files skip tests, then one recap names each, its count and the NOTICE that says why, or that none does', () => {
    const recap = run({ TEST_POSTGRES_URL: 'postgres://unused' });
    expect(recap).toContain('needs-widget.fixture.ts: 2 in ');
    expect(recap).toMatch(/needs-widget\.fixture\.ts: 2 in .* skipped: WIDGET_URL is not set, so the widget tests are skipped\./);
    expect(recap).toMatch(/silent-skip\.fixture\.ts: 1 in .* skipped: no NOTICE says why/);
    expect(recap).toContain('reduced.fixture.ts: ran, but runs on a file instead of the real store.');
    expect(recap).not.toContain('postgres project');
    expect(recap.split('What did not run in full').length).toBe(2);
  });

  it('when TEST_POSTGRES_URL is not set, then the recap says the postgres project did not run', () => {
    expect(run({ TEST_POSTGRES_URL: '' })).toContain('the postgres project: not run, because TEST_POSTGRES_URL is not set');
  });
});
