import { defineConfig } from 'vitest/config';

// The contract suite runs once on SQLite and once on PostgreSQL (TEST_POSTGRES_URL, set by .ci/run).
const postgresUrl = process.env.TEST_POSTGRES_URL;
if (!postgresUrl) {
  if (process.env.CI) throw new Error('CI must run the contract suite on PostgreSQL too: set TEST_POSTGRES_URL (see .ci/run).');
  // No NOTICE here: the config is read more than once; the recap at the end (skip-recap.ts) says it once.
}

export default defineConfig({
  test: {
    allowOnly: !process.env.CI,
    // The usual output, then one recap of every skipped group and why.
    reporters: ['default', './test/support/skip-recap.ts'],
    // Contract files each start a server; a hung one should fail, not stall CI.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/record-file.ts'],
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['test/contract/**/*.test.ts', 'test/db/**/*.test.ts'],
                env: { TEST_DB: 'postgres' },
                globalSetup: ['test/support/global-setup.ts'],
                setupFiles: ['test/support/record-file.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
