import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    allowOnly: !process.env.CI,
    // Contract files each start a server; a hung one should fail, not stall CI.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
