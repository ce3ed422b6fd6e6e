// Finds the file of a version that is not pinned yet: a given path, the mirror, or a download from upstream.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sha256Hex } from './resolve-spec.js';

export interface NewSpecSource {
  /** An explicit file (`--file`); wins over everything else. */
  file?: string | undefined;
  mirrorDir: string;
  baseUrl: string;
  fetch?: typeof fetch | false;
}

export interface NewSpec {
  bytes: Uint8Array;
  sha256: string;
  source: 'file' | 'mirror' | 'download';
  location: string;
}

/**
 * Reads `bapi/<version>.yml` from `--file`, else the mirror, else downloads it; the message lists every attempt.
 *
 * @example
 * const spec = await fetchNewSpec('2026-09-01', { mirrorDir: '../shared/openapi', baseUrl: pin.upstream.baseUrl });
 */
export async function fetchNewSpec(version: string, source: NewSpecSource): Promise<NewSpec> {
  const relative = `bapi/${version}.yml`;
  const found = (bytes: Uint8Array, from: NewSpec['source'], location: string): NewSpec => ({
    bytes,
    sha256: sha256Hex(bytes),
    source: from,
    location,
  });
  if (source.file !== undefined) {
    if (!existsSync(source.file)) throw new Error(`--file ${source.file} does not exist`);
    return found(readFileSync(source.file), 'file', resolve(source.file));
  }
  const attempts: string[] = [];
  const mirrored = resolve(source.mirrorDir, relative);
  if (existsSync(mirrored)) return found(readFileSync(mirrored), 'mirror', mirrored);
  attempts.push(`mirror: ${mirrored} (not found)`);
  const url = new URL(relative, source.baseUrl).href;
  const doFetch = source.fetch === undefined ? globalThis.fetch : source.fetch;
  if (doFetch === false) attempts.push(`download: ${url} (disabled)`);
  else {
    try {
      const response = await doFetch(url, { signal: AbortSignal.timeout(30_000) });
      if (response.ok) return found(new Uint8Array(await response.arrayBuffer()), 'download', url);
      attempts.push(`download: ${url} (HTTP ${response.status})`);
    } catch (error) {
      attempts.push(`download: ${url} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  throw new Error(`Could not find ${relative}; pass --file <path>. Tried:\n${attempts.map((a) => `  - ${a}`).join('\n')}`);
}
