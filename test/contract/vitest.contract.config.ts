// Runs only the contract tests, with their globalSetup:
//   npx vitest run --config test/contract/vitest.contract.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/contract/**/*.contract.test.ts'],
    globalSetup: ['test/contract/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'threads',
  },
});
