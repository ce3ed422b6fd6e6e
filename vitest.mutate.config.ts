import { defineConfig } from 'vitest/config';
import { webChecks } from './vitest.config.js';

// The unit tests that exercise src/auth and src/kernel, for `npm run mutate` (Stryker). No type tests, no contract
// tests (Prism), no generated client: only what a mutant of the handwritten runtime can make fail.
export default defineConfig({
  resolve: { alias: webChecks },
  test: {
    include: ['test/auth/**/*.test.ts', 'test/kernel/**/*.test.ts', 'test/client/**/*.test.ts'],
    // auth-bundle measures the esbuild bundle of the source, which Stryker's instrumentation inflates past the budget:
    // a size check, not a behaviour check, and it would fail the initial test run.
    exclude: ['test/client/generated-client.test.ts', 'test/auth/request/auth-bundle.test.ts'],
    testTimeout: 20_000,
    pool: 'threads',
  },
});
