// A new user's install: `npm pack` of a fresh clone builds dist/ through `prepare`, and a tiny app that installs the
// tarball by name imports and requires it, with no install script run on the app's side.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntries, checkStartupErrors, cloneCommitted, ENTRIES_OK, run, specEnv, writeApp } from './install-helpers.js';

const work = mkdtempSync(join(tmpdir(), 'clerk-bapi-install-'));
const clone = join(work, 'clerk-bapi');
const app = join(work, 'app');
let tarball = '';
let installLog = '';

beforeAll(() => {
  // The clone's dependencies are this checkout's (an `npm ci` would fetch the same lock file's packages).
  cloneCommitted(clone, work, true);
  // `prepare`'s own output comes first; npm prints the tarball's file name last.
  const packed = run('npm', ['pack', '--pack-destination', work], clone, specEnv).trim().split('\n');
  tarball = join(work, packed[packed.length - 1]!);
  mkdirSync(app);
  writeApp(app, `file:${tarball}`);
  installLog = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--foreground-scripts', '--loglevel', 'info'], app);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('installing clerk-bapi', () => {
  it('npm pack of a fresh clone ships a built dist/ (prepare generates and builds)', () => {
    expect(existsSync(tarball)).toBe(true);
    expect(existsSync(join(app, 'node_modules/clerk-bapi/dist/index.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/clerk-bapi/dist/express.cjs'))).toBe(true);
  });

  it('runs no install script on the consumer side', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/clerk-bapi/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts?.[hook], hook).toBeUndefined();
    // npm names every lifecycle script it runs (`> clerk-bapi@0.1.0 prepare`); none ran for the tarball.
    expect(installLog).not.toMatch(/> clerk-bapi@/);
  });

  it('imports and requires by name, adapters included', () => {
    expect(checkEntries(app)).toEqual(ENTRIES_OK);
  });

  it("a new user's Express app with a wrong key fails at startup, naming the key (issue #25)", () => {
    expect(checkStartupErrors(app)).toEqual({
      publishableAsSecret:
        'TypeError: clerkMiddleware: The secretKey option is a publishable key (pk_…); pass the secret key (sk_test_… or sk_live_…).',
      envSecretTypo: expect.stringMatching(
        /^TypeError: clerkMiddleware: The CLERK_SECRET_KEY environment variable must be sk_test_ or sk_live_/,
      ),
      bareRequireAuth: expect.stringMatching(/^TypeError: requireAuth: The CLERK_SECRET_KEY environment variable must be sk_test_/),
      noKeyRequireAuth: expect.stringMatching(/^TypeError: requireAuth: no key configured\. Set CLERK_SECRET_KEY or CLERK_JWT_KEY/),
      clientSecret: expect.stringMatching(/^TypeError: createClerkClient: secretKey must be sk_test_ or sk_live_/),
    });
  });
});
