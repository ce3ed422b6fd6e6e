// Starts a Prism mock server (`prism mock`) on a free loopback port and stops it reliably.
// Used by the contract tests' vitest globalSetup and by the `npm start` tour.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repaired spec the generator writes; Prism must serve this file, never the raw YAML. */
export function repairedSpecPath(version = '2026-05-12'): string {
  return resolve(root, '.cache', 'repaired', `bapi-${version}.json`);
}

export interface PrismServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123` (Prism serves paths without `/v1`). */
  readonly url: string;
  readonly pid: number;
  /** How long start-up took, in ms. */
  readonly startupMs: number;
  /** Stops Prism (SIGTERM, SIGKILL after 3 s) and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1: listen on port 0, read the port, close. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePort(port) : reject(new Error('could not allocate a port'))));
    });
  });
}

const running = new Set<ChildProcess>();
const killAll = (): void => {
  for (const child of running) child.kill('SIGKILL');
};
let exitHookInstalled = false;

/** Whatever happens to this process (exit, or a signal whose default action skips 'exit'), no Prism survives it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAll();
      // If nobody else handles the signal, re-raise it so that its default action (and exit status) still applies.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

class PrismExitedError extends Error {}

/**
 * Starts `prism mock --errors` and resolves once it answers HTTP; rejects (after killing it) when it exits early or
 * does not answer within `timeoutMs`. The free port is released before Prism binds it: if another process takes it
 * meanwhile, Prism exits with EADDRINUSE and another port is tried.
 *
 * @example
 * const prism = await startPrism({ specPath: repairedSpecPath(), timeoutMs: 60_000 });
 * try { await fetch(`${prism.url}/users`, { headers: { authorization: 'Bearer sk_test_x' } }); }
 * finally { await prism.stop(); }
 */
export async function startPrism(options: { specPath: string; timeoutMs: number }): Promise<PrismServer> {
  const started = performance.now();
  if (!existsSync(options.specPath)) throw new Error(`startPrism: ${options.specPath} does not exist; run \`npm run generate\` first.`);
  const bin = resolve(root, 'node_modules', '.bin', 'prism');
  if (!existsSync(bin)) throw new Error(`Prism is not installed (${bin} is missing); run npm install.`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(realpathSync(bin), options, await freePort(), started);
    } catch (error) {
      if (!(error instanceof PrismExitedError) || attempt >= 3 || performance.now() - started > options.timeoutMs) throw error;
    }
  }
}

async function startOnce(
  bin: string,
  options: { specPath: string; timeoutMs: number },
  port: number,
  started: number,
): Promise<PrismServer> {
  installExitHook();
  // The bin is a Node script: run it with this Node (no shell, no PATH lookup). Not detached, so a terminal's Ctrl-C
  // reaches it as well.
  const args = [bin, 'mock', options.specPath, '-h', '127.0.0.1', '-p', String(port), '-v', 'warn', '--errors'];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  running.add(child);
  const tail: string[] = [];
  const onData = (chunk: Buffer): void => {
    tail.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    tail.splice(0, tail.length - 20);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exited = `exited with ${signal ?? `code ${code}`}`;
      running.delete(child);
      done();
    }),
  );
  child.once('error', (error) => {
    exited = `failed to spawn: ${error.message}`;
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (exited === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        await exitedPromise;
        clearTimeout(timer);
      }
      child.stdout.destroy();
      child.stderr.destroy();
    })();
    return stopped;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = started + options.timeoutMs;
  try {
    for (;;) {
      if (exited !== undefined) throw new PrismExitedError(`Prism ${exited} before it was ready.\n${tail.join('\n')}`);
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new Error(`Prism did not answer on ${url} within ${options.timeoutMs} ms.\n${tail.join('\n')}`);
      // Prism's 404 for an unknown path means it listens with the spec loaded; its problem type proves that the
      // answer comes from Prism and not from whatever else might hold the port.
      const text = await fetch(`${url}/__prism_readiness_probe__`, { signal: AbortSignal.timeout(Math.min(2_000, remaining)) }).then(
        (response) => response.text(),
        () => undefined,
      );
      if (text?.includes('stoplight.io/prism')) break;
      if (text !== undefined && exited === undefined) throw new Error(`port ${port} answers, but not as Prism`);
      await new Promise((done) => setTimeout(done, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid ?? -1, startupMs: Math.round(performance.now() - started), stop };
}
