// Starts a Prism mock server (`prism mock`) on a free loopback port and stops it reliably.
// Used by the contract tests' vitest globalSetup and by the `npm start` tour.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in `scripts/prism/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repaired spec the generator writes; Prism must serve this file, never the raw YAML. */
export function repairedSpecPath(version = '2026-05-12'): string {
  return resolve(REPO_ROOT, '.cache', 'repaired', `bapi-${version}.json`);
}

export interface StartPrismOptions {
  /** Path to the (repaired, JSON) OpenAPI document. */
  specPath: string;
  /** Port to listen on; a free loopback port is picked when absent. */
  port?: number | undefined;
  /** `-d`: generate responses from the schemas instead of examples. Per request: `Prefer: dynamic=true, seed=N`. */
  dynamic?: boolean | undefined;
  /** `--seed`: deterministic dynamic responses. */
  seed?: number | undefined;
  /** `--errors`: request and response violations become error responses (default true). */
  errors?: boolean | undefined;
  /** Overall start-up deadline, in ms (spawn + spec parsing + first HTTP answer). */
  timeoutMs: number;
  /** Called with every line Prism prints (stdout and stderr); by default only the tail is kept for errors. */
  onLog?: ((line: string) => void) | undefined;
}

export interface PrismServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123` (Prism serves paths without `/v1`). */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** How long start-up took, in ms. */
  readonly startupMs: number;
  /** Stops Prism (SIGTERM, SIGKILL after 3 s) and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1: listen on port 0, read the port, close. */
export function freePort(): Promise<number> {
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
let exitHookInstalled = false;

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: whatever happens to this process, no Prism survives it.
  process.on('exit', () => {
    for (const child of running) kill(child, 'SIGKILL');
  });
  // A signal's default action ends Node without 'exit'; kill Prism first, then, if nobody else
  // handles the signal, re-raise it so that the default action (and exit status) still applies.
  for (const signal of SIGNALS) {
    const onSignal = () => {
      for (const child of running) kill(child, 'SIGKILL');
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

function prismBinary(): string {
  const bin = resolve(REPO_ROOT, 'node_modules', '.bin', 'prism');
  if (!existsSync(bin)) throw new Error(`Prism is not installed (${bin} is missing); run npm install.`);
  // The bin is a symlink to a Node script; run it with this Node, so no shell or PATH lookup is involved.
  return realpathSync(bin);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `prism mock` and resolves once it answers HTTP; rejects (after killing it) when it exits
 * early or does not answer within `timeoutMs`.
 *
 * @example
 * const prism = await startPrism({ specPath: repairedSpecPath(), timeoutMs: 60_000 });
 * try { await fetch(`${prism.url}/users`, { headers: { authorization: 'Bearer sk_test_x' } }); }
 * finally { await prism.stop(); }
 */
export async function startPrism(options: StartPrismOptions): Promise<PrismServer> {
  const started = performance.now();
  if (!existsSync(options.specPath)) {
    throw new Error(`startPrism: ${options.specPath} does not exist; run \`npm run generate\` first.`);
  }
  // The free port is released before Prism binds it; if another process takes it meanwhile, Prism
  // exits with EADDRINUSE and a new port is tried (only when the caller did not fix the port).
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, options.port ?? (await freePort()), started);
    } catch (error) {
      const retryable = error instanceof PrismExitedError && options.port === undefined && attempt < 3;
      if (!retryable || performance.now() - started > options.timeoutMs) throw error;
    }
  }
}

class PrismExitedError extends Error {}

async function startOnce(options: StartPrismOptions, port: number, started: number): Promise<PrismServer> {
  const args = ['mock', options.specPath, '-h', '127.0.0.1', '-p', String(port), '-v', 'warn'];
  if (options.errors ?? true) args.push('--errors');
  if (options.dynamic) args.push('-d');
  if (options.seed !== undefined) args.push('--seed', String(options.seed));

  installExitHook();
  const child = spawn(process.execPath, [prismBinary(), ...args], {
    cwd: REPO_ROOT,
    // Not detached: Prism (a single Node process, `prism` execs node) stays in our process group,
    // so a terminal's Ctrl-C reaches it as well.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  running.add(child);
  const tail: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      options.onLog?.(line);
      tail.push(line);
      if (tail.length > 20) tail.shift();
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((r) => {
    child.once('exit', (code, signal) => {
      exited = `exited with ${signal ?? `code ${code}`}`;
      running.delete(child);
      r();
    });
  });
  child.once('error', (error) => {
    exited = `failed to spawn: ${error.message}`;
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (exited === undefined) {
        kill(child, 'SIGTERM');
        const timer = setTimeout(() => kill(child, 'SIGKILL'), 3_000);
        await exitedPromise;
        clearTimeout(timer);
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
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
      try {
        // Prism's 404 for an unknown path means it listens with the spec loaded; the problem type
        // proves that the answer comes from Prism and not from whatever else might hold the port.
        const response = await fetch(`${url}/__prism_readiness_probe__`, { signal: AbortSignal.timeout(Math.min(2_000, remaining)) });
        const text = await response.text();
        if (text.includes('stoplight.io/prism')) break;
        if (exited === undefined) throw new Error(`port ${port} answers, but not as Prism: HTTP ${response.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith(`port ${port} answers`)) throw error;
        await sleep(100);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, pid: child.pid ?? -1, startupMs: Math.round(performance.now() - started), stop };
}
