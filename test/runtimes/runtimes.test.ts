// Runs test/runtimes/suite.ts inside workerd (miniflare), @edge-runtime/vm, Bun and Deno. The suite is bundled for
// a neutral platform (a `node:` import fails the build) and scanned for `process`; keys, tokens and loopback
// servers live here in Node. Bun and Deno come from the npm registry into .tools/runtimes
// (installed by .ci/run): without them the two runtimes are skipped locally, and fail under CI=true.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { SignJWT } from 'jose';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClerkUser } from '../client/fixtures/clerk-users.js';
import type { CaseResult, SuiteContext } from './suite.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tools = join(root, '.tools/runtimes/node_modules');
const BUN = join(tools, '@oven/bun-linux-x64/bin/bun');
const DENO = join(tools, '@deno/linux-x64-glibc/deno');
const NOW_MS = 1_700_000_000_000;
const run = promisify(execFile);

let server: Server;
let context: SuiteContext;
let dir: string;

/** Bundles the suite plus `glue` (the runtime's entry code) as one ESM file, or as a script defining `globalName`. */
async function bundle(glue: string, format: 'esm' | 'iife' = 'esm'): Promise<string> {
  const result = await build({
    stdin: { contents: glue, resolveDir: fileURLToPath(new URL('./', import.meta.url)), loader: 'ts' },
    bundle: true,
    write: false,
    format,
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['worker', 'browser', 'import', 'default'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function startServer(jwk: JsonWebKey): Promise<Server> {
  const routes: Record<string, unknown> = {
    '/v1/jwks': { keys: [{ ...jwk, kid: 'ins_runtime', alg: 'RS256', use: 'sig' }] },
    '/v1/users/user_1': { ...makeClerkUser(1), id: 'user_1' },
    '/v1/users/user_invalid': { id: 'user_invalid', object: 'user' },
  };
  const http = createServer((request, response) => {
    const body = routes[(request.url ?? '').split('?')[0]!];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? { errors: [{ code: 'resource_not_found', message: 'not found' }] }));
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

beforeAll(async () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  server = await startServer(publicKey.export({ format: 'jwk' }) as JsonWebKey);
  const seconds = NOW_MS / 1000;
  const token = await new SignJWT({ sid: 'sess_1' })
    .setProtectedHeader({ alg: 'RS256', kid: 'ins_runtime', typ: 'JWT' })
    .setSubject('user_1')
    .setIssuedAt(seconds)
    .setNotBefore(seconds - 10)
    .setExpirationTime(seconds + 60)
    .sign(privateKey);
  context = {
    token,
    forged: `${token.slice(0, -6)}AAAAAA`,
    jwtKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secretKey: 'sk_test_runtime00000000000000000000000000',
    nowMs: NOW_MS,
  };
  dir = mkdtempSync(join(tmpdir(), 'clerk-bapi-runtimes-'));
}, 60_000);

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function expectAllPassed(results: CaseResult[]): void {
  expect(results.length).toBeGreaterThanOrEqual(5);
  expect(results.filter((result) => !result.ok)).toEqual([]);
}

const CLI_GLUE = `import { runSuite } from './suite.ts';
const args = globalThis.Deno ? globalThis.Deno.args : globalThis.Bun.argv.slice(2);
console.log(JSON.stringify(await runSuite(JSON.parse(args[0]))));`;

/** Bun and Deno: skipped when not installed, except in CI. */
const cli = (binary: string) => (existsSync(binary) || process.env['CI'] ? it : it.skip);

describe('the runtime suite', () => {
  it('bundles for a neutral platform without node: imports or process', async () => {
    // A `node:` import would not even resolve on the neutral platform; this also checks the text.
    const code = await bundle("export { runSuite } from './suite.ts';");
    expect(code).not.toMatch(/["']node:/);
    // The one `process` reference allowed is a dependency's guarded feature test (openapi-fetch's `typeof process`).
    const uses = code.split('\n').filter((line) => /\bprocess\b/.test(line));
    expect(uses.filter((line) => !line.includes('typeof process'))).toEqual([]);
    expect(code).toContain('crypto.subtle');
  });

  it('passes inside workerd (miniflare)', async () => {
    const script = await bundle(`import { runSuite } from './suite.ts';
export default { async fetch(request) { return Response.json(await runSuite(await request.json())); } };`);
    const worker = new Miniflare({ modules: true, script, compatibilityDate: '2025-09-01' });
    try {
      const response = await worker.dispatchFetch('http://suite.local/', { method: 'POST', body: JSON.stringify(context) });
      expectAllPassed((await response.json()) as CaseResult[]);
    } finally {
      await worker.dispose();
    }
  }, 60_000);

  it('passes inside @edge-runtime/vm', async () => {
    const script = await bundle("import { runSuite } from './suite.ts'; globalThis.__runSuite = runSuite;", 'iife');
    const vm = new EdgeVM();
    vm.evaluate(script);
    const results = (await vm.evaluate(`__runSuite(${JSON.stringify(context)})`)) as CaseResult[];
    expectAllPassed(JSON.parse(JSON.stringify(results)) as CaseResult[]);
  }, 60_000);

  cli(BUN)(
    'passes under Bun',
    async () => {
      const file = join(dir, 'suite-bun.mjs');
      writeFileSync(file, await bundle(CLI_GLUE));
      const { stdout } = await run(BUN, ['run', file, JSON.stringify(context)], { cwd: dir });
      expectAllPassed(JSON.parse(stdout) as CaseResult[]);
    },
    60_000,
  );

  cli(DENO)(
    'passes under Deno',
    async () => {
      const file = join(dir, 'suite-deno.mjs');
      writeFileSync(file, await bundle(CLI_GLUE));
      const { stdout } = await run(DENO, ['run', '--no-prompt', '--allow-net=127.0.0.1', file, JSON.stringify(context)], {
        cwd: dir,
        env: { ...process.env, DENO_DIR: join(dir, 'deno'), DENO_NO_UPDATE_CHECK: '1' },
      });
      expectAllPassed(JSON.parse(stdout) as CaseResult[]);
    },
    60_000,
  );
});
