import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `include` lives in the projects (with `extends: true` a root include would be merged in).
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'threads',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/contract/**', 'test/package/**', 'test/runtimes/**', 'test/browser/**'],
        },
      },
      {
        extends: true,
        // The built package (a full tsdown build), its size budgets and the other runtimes: CPU-heavy, so they run
        // after every other project instead of slowing the timing-sensitive client tests.
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts', 'test/runtimes/**/*.test.ts'],
          typecheck: { enabled: false },
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        // Headless Chromium through the handshake (test/browser/): a browser process beside the suite, so it runs
        // after the timing-sensitive projects, like the package project.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          typecheck: { enabled: false },
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // The auth suite again, through the `node` export condition's native signature check.
          name: 'auth-node',
          include: ['test/auth/**/*.test.ts'],
          // token-cache counts crypto.subtle.verify calls, which the native check does not make.
          exclude: ['test/auth/token-cache.test.ts'],
          setupFiles: ['test/node/use-node-signature-check.ts'],
          typecheck: { enabled: false },
        },
      },
      {
        extends: true,
        test: {
          // Contract tests against a Prism mock of the repaired spec; Prism starts only when this project runs.
          name: 'contract',
          include: ['test/contract/**/*.contract.test.ts'],
          typecheck: { enabled: false },
          globalSetup: ['test/contract/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
