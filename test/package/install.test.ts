// A new user's install: `npm pack` of a fresh clone builds dist/ through `prepare`, and a tiny app that installs the
// tarball by name imports and requires it, with no install script run on the app's side.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'clerk-bapi-install-'));
const clone = join(work, 'clerk-bapi');
const app = join(work, 'app');
let tarball = '';
let installLog = '';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const options: ExecFileSyncOptions = { cwd, env: { ...process.env, ...env }, stdio: 'pipe', encoding: 'utf8' };
  return execFileSync(command, args, options) as unknown as string;
}

beforeAll(() => {
  // The committed tree only, as `git clone` or `npm install <git url>` would see it.
  run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], work);
  // The clone's dependencies are this checkout's (an `npm ci` would fetch the same lock file's packages).
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
  // Specs come from the mirror beside the checkout (CI's ../shared), named explicitly since the clone sits elsewhere.
  const env = { CLERK_OPENAPI_DIR: resolve(root, '../shared/openapi') };
  // `prepare`'s own output comes first; npm prints the tarball's file name last.
  const packed = run('npm', ['pack', '--pack-destination', work], clone, env).trim().split('\n');
  tarball = join(work, packed[packed.length - 1]!);
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { 'clerk-bapi': `file:${tarball}` } }),
  );
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
    const script = [
      "import { createRequire } from 'node:module';",
      "const { createClerkClient, signJwt } = await import('clerk-bapi');",
      "const express = await import('clerk-bapi/express');",
      'const require = createRequire(import.meta.url);',
      "const fastify = require('clerk-bapi/fastify');",
      "const clerk = createClerkClient({ secretKey: 'sk_test_install' });",
      'console.log(JSON.stringify({',
      '  request: typeof clerk.request, users: typeof clerk.users.getUser, signJwt: typeof signJwt,',
      '  expressClient: typeof express.clerkClient, verifyWebhook: typeof express.verifyWebhook,',
      '  fastifyPlugin: typeof fastify.clerkPlugin, fastifyCreate: typeof fastify.createClerkClient,',
      '}));',
    ].join('\n');
    writeFileSync(join(app, 'check.mjs'), script);
    expect(JSON.parse(run(process.execPath, ['check.mjs'], app))).toEqual({
      request: 'function',
      users: 'function',
      signJwt: 'function',
      expressClient: 'object',
      verifyWebhook: 'function',
      fastifyPlugin: 'function',
      fastifyCreate: 'function',
    });
  });
});
