// Shared by the install tests: run a command, clone the committed tree, and check an installed clerk-bapi by name.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This checkout. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs a command and returns its stdout; throws (with the output) when it fails. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const options: ExecFileSyncOptions = { cwd, env: { ...process.env, ...env }, stdio: 'pipe', encoding: 'utf8' };
  return execFileSync(command, args, options) as unknown as string;
}

/** Specs come from the mirror beside the checkout (CI's ../shared), named explicitly since clones sit elsewhere. */
export const specEnv = { CLERK_OPENAPI_DIR: resolve(root, '../shared/openapi') };

/**
 * `git clone` of this checkout into `target`: the committed tree only, as `git clone` or `npm install <git url>`
 * would see it. With `linkModules`, the clone borrows this checkout's node_modules (what `npm ci` would install).
 */
export function cloneCommitted(target: string, cwd: string, linkModules: boolean): void {
  run('git', ['clone', '--quiet', '--no-hardlinks', root, target], cwd);
  if (linkModules) symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'), 'dir');
}

/** Writes an app that depends on clerk-bapi by `spec` (a `file:` tarball, a `git+file://` URL). */
export function writeApp(app: string, spec: string): void {
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { 'clerk-bapi': spec } }),
  );
}

/** What {@link checkEntries} prints when every entry loads. */
export const ENTRIES_OK = {
  request: 'function',
  users: 'function',
  signJwt: 'function',
  expressClient: 'object',
  verifyWebhook: 'function',
  fastifyPlugin: 'function',
  fastifyCreate: 'function',
};

/** Imports (ESM) and requires (CommonJS) the installed package by name, adapters included, in `app`. */
export function checkEntries(app: string): unknown {
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
  writeFileSync(join(app, 'check-entries.mjs'), script);
  return JSON.parse(run(process.execPath, ['check-entries.mjs'], app));
}

/**
 * A new user's app put together with a wrong key, against the installed package: what each step throws at
 * startup (before any request), `'ok'` when it does not throw.
 */
export function checkStartupErrors(app: string): Record<string, string> {
  const script = [
    "const { clerkMiddleware, requireAuth } = await import('clerk-bapi/express');",
    "const { createClerkClient } = await import('clerk-bapi');",
    'const attempt = (make) => { try { make(); return "ok"; } catch (error) { return `${error.name}: ${error.message}`; } };',
    'console.log(JSON.stringify({',
    "  publishableAsSecret: attempt(() => clerkMiddleware({ secretKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k' })),",
    '  envSecretTypo: attempt(() => clerkMiddleware()),',
    '  bareRequireAuth: attempt(() => requireAuth()),',
    '  noKeyRequireAuth: attempt(() => { delete process.env.CLERK_SECRET_KEY; return requireAuth(); }),',
    "  clientSecret: attempt(() => createClerkClient({ secretKey: 'sk_tset_abc' })),",
    '}));',
  ].join('\n');
  writeFileSync(join(app, 'check-startup.mjs'), script);
  const env = { CLERK_SECRET_KEY: 'sk_tset_typo', CLERK_JWT_KEY: '', CLERK_PUBLISHABLE_KEY: '' };
  return JSON.parse(run(process.execPath, ['check-startup.mjs'], app, env)) as Record<string, string>;
}
