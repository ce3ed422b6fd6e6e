// Finds a pinned spec file and proves it is the pinned one (sha256), trying sources in a fixed order.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PinnedFile } from './pin.js';

/** Environment variable naming a directory laid out like Clerk's openapi-specs repo (`bapi/<v>.yml`). */
export const SPEC_DIR_ENV = 'CLERK_OPENAPI_DIR';

export interface ResolveOptions {
  /** Value of the environment override (a directory), if any. */
  envDir?: string | undefined;
  /** The mirror directory, default `../shared/openapi` from the project root. */
  mirrorDir: string;
  /** Local cache directory for downloaded specs. */
  cacheDir: string;
  /** Upstream base URL (ends with `/`). */
  baseUrl: string;
  /** Injected for tests; defaults to the global fetch. `false` disables downloading. */
  fetch?: typeof fetch | false;
}

export interface ResolvedSpec {
  text: string;
  source: 'env' | 'mirror' | 'cache' | 'download';
  location: string;
  sha256: string;
}

/** Thrown when no source yields the pinned file; the message lists every attempt. */
export class SpecResolutionError extends Error {
  constructor(
    readonly file: PinnedFile,
    readonly attempts: string[],
  ) {
    super(
      `Could not resolve ${file.path} (sha256 ${file.sha256}). Tried:\n${attempts.map((a) => `  - ${a}`).join('\n')}\n` +
        `Set ${SPEC_DIR_ENV} to a checkout of clerk/openapi-specs at the pinned commit (openapi/pin.json), or allow the download.`,
    );
    this.name = 'SpecResolutionError';
  }
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Keeps `bytes` in the cache, where {@link resolveSpec} finds them by hash; write-then-rename, so a half-written file is never read. */
export function cacheSpec(cacheDir: string, file: PinnedFile, bytes: Uint8Array): void {
  const path = join(cacheDir, file.sha256, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
}

/**
 * Resolves a pinned file: the env directory (when set), else the mirror, else the cache, else a download.
 * A source whose file exists but whose hash differs is reported and skipped, never used.
 */
export async function resolveSpec(file: PinnedFile, options: ResolveOptions): Promise<ResolvedSpec> {
  const attempts: string[] = [];
  const local: Array<[ResolvedSpec['source'], string]> = [];
  if (options.envDir) local.push(['env', resolve(options.envDir, file.path)]);
  local.push(['mirror', resolve(options.mirrorDir, file.path)]);
  const cachePath = join(options.cacheDir, file.sha256, file.path);
  local.push(['cache', cachePath]);

  for (const [source, location] of local) {
    if (!existsSync(location)) {
      attempts.push(`${source}: ${location} (not found)`);
      continue;
    }
    const bytes = readFileSync(location);
    const digest = sha256Hex(bytes);
    if (digest !== file.sha256) {
      attempts.push(`${source}: ${location} (sha256 mismatch: got ${digest})`);
      continue;
    }
    return { text: bytes.toString('utf8'), source, location, sha256: digest };
  }

  const url = new URL(file.path, options.baseUrl).href;
  const doFetch = options.fetch === undefined ? globalThis.fetch : options.fetch;
  if (doFetch === false) {
    attempts.push(`download: ${url} (disabled)`);
    throw new SpecResolutionError(file, attempts);
  }
  try {
    const response = await doFetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) {
      attempts.push(`download: ${url} (HTTP ${response.status})`);
      throw new SpecResolutionError(file, attempts);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = sha256Hex(bytes);
    if (digest !== file.sha256) {
      attempts.push(`download: ${url} (sha256 mismatch: got ${digest})`);
      throw new SpecResolutionError(file, attempts);
    }
    cacheSpec(options.cacheDir, file, bytes);
    return { text: new TextDecoder().decode(bytes), source: 'download', location: url, sha256: digest };
  } catch (error) {
    if (error instanceof SpecResolutionError) throw error;
    attempts.push(`download: ${url} (${error instanceof Error ? error.message : String(error)})`);
    throw new SpecResolutionError(file, attempts);
  }
}
