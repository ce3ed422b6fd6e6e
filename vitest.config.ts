import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const path = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

// `#signature-check` and `#webhook-signer` are package.json `imports`, which pick the built checks by import
// condition: `node` gets the synchronous node:crypto ones, everything else WebCrypto. Tests run the source, so each
// project says which it means: the web ones, or (project `node`) what Node resolves.
export const webChecks = {
  '#signature-check': path('./src/auth/web-signature-check.ts'),
  '#webhook-signer': path('./src/webhooks/web-signer.ts'),
};
const nodeChecks = {
  '#signature-check': path('./src/node/node-signature-check.ts'),
  '#webhook-signer': path('./src/node/webhook-signer.ts'),
};

export default defineConfig({
  test: {
    // `include` lives in the projects (with `extends: true` a root include would be merged in).
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
    // The SDK's default logger warns on the console about the failures many tests provoke on purpose (an unreachable
    // JWKS, unusable options); tests that assert a report inject their own logger, so those lines only bury real output.
    onConsoleLog: (log) => !log.startsWith('[clerk-bapi]'),
    hookTimeout: 60_000,
    pool: 'threads',
    projects: [
      {
        extends: true,
        resolve: { alias: webChecks },
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [
            'test/contract/**',
            'test/package/**',
            'test/runtimes/**',
            'test/browser/**',
            // Node-only code runs in the `node` project.
            'test/node/**',
            'test/express/**',
            'test/fastify/**',
            'test/soak/**',
          ],
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
        resolve: { alias: webChecks },
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
        resolve: { alias: nodeChecks },
        test: {
          // Code as Node runs it (the `node` import condition's native checks): the Node-only adapters and tests,
          // and the whole auth suite again, so every security case also holds with the native signature check.
          name: 'node',
          include: [
            'test/node/**/*.test.ts',
            'test/express/**/*.test.ts',
            'test/fastify/**/*.test.ts',
            'test/soak/**/*.test.ts',
            'test/auth/**/*.test.ts',
          ],
          // token-cache counts crypto.subtle.verify calls, which the native check does not make.
          exclude: ['test/auth/token-cache.test.ts'],
          typecheck: { enabled: false },
        },
      },
      {
        extends: true,
        resolve: { alias: webChecks },
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
