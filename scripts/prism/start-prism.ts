// Runs a Prism mock server in this process on a free loopback port: what `prism mock --errors` runs (request and
// response validation on), without a child process to spawn, probe and kill. Used by the contract tests' vitest
// globalSetup and by the `npm start` tour.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@stoplight/prism-core';
import { getHttpOperationsFromSpec, resetJSONSchemaGenerator } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repaired spec the generator writes; Prism must serve this file, never the raw YAML. */
export function repairedSpecPath(version = '2026-05-12'): string {
  return resolve(root, '.cache', 'repaired', `bapi-${version}.json`);
}

export interface PrismServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123` (Prism serves paths without `/v1`). */
  readonly url: string;
  /** How long start-up took, in ms. */
  readonly startupMs: number;
  /** Stops listening and closes open connections. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts Prism's mock server on 127.0.0.1, on a port the system picks, and resolves once it listens.
 *
 * @example
 * const prism = await startPrism({ specPath: repairedSpecPath() });
 * try { await fetch(`${prism.url}/users`, { headers: { authorization: 'Bearer sk_test_x' } }); }
 * finally { await prism.stop(); }
 */
export async function startPrism(options: { specPath: string }): Promise<PrismServer> {
  const started = performance.now();
  if (!existsSync(options.specPath)) throw new Error(`startPrism: ${options.specPath} does not exist; run \`npm run generate\` first.`);
  const operations = await getHttpOperationsFromSpec(options.specPath);
  resetJSONSchemaGenerator(); // the CLI's default faker options, whatever an earlier instance in this process set
  const server = createServer(operations, {
    cors: true,
    // Prism logs every invalid request it answers; the tests assert those answers, the log would only be noise.
    components: { logger: createLogger('PRISM', { level: 'silent' }) },
    config: {
      isProxy: false,
      errors: true,
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      upstreamProxy: undefined,
      mock: { dynamic: false, ignoreExamples: false },
    },
  });
  const url = (await server.listen(0, '127.0.0.1')).replace(/\/$/, '');
  let stopped: Promise<void> | undefined;
  return { url, startupMs: Math.round(performance.now() - started), stop: () => (stopped ??= server.close()) };
}
