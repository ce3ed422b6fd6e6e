// Reads openapi/pin.json: which spec versions exist, their hashes, overlays and upstream URL.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PinnedFile {
  /** Path relative to the spec root (mirror directory or upstream base URL), e.g. `bapi/2026-05-12.yml`. */
  path: string;
  sha256: string;
}

export interface PinnedBapiVersion extends PinnedFile {
  /** Overlay file names in `openapi/overlays/`, applied in order. */
  overlays: string[];
}

export interface Pin {
  upstream: { repository: string; commit: string; baseUrl: string };
  bapi: { default: string; versions: Record<string, PinnedBapiVersion> };
  /** `overlays`: file names in `openapi/overlays/` repairing the webhooks spec, applied in order. */
  webhooks: PinnedFile & { version: string; overlays?: string[] };
}

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const openapiDir = fileURLToPath(new URL('../../openapi/', import.meta.url));

/** Loads the pin file of this checkout, or the one at `path` (tests and spec:update work on copies). */
export function readPin(path = `${openapiDir}pin.json`): Pin {
  return JSON.parse(readFileSync(path, 'utf8')) as Pin;
}

/** The pinned BAPI version entry, or a clear error listing the pinnable versions. */
export function pinnedBapiVersion(pin: Pin, version: string): PinnedBapiVersion {
  const entry = pin.bapi.versions[version];
  if (!entry) {
    throw new Error(
      `BAPI version ${JSON.stringify(version)} is not pinned; pinnable versions: ${Object.keys(pin.bapi.versions).join(', ')}`,
    );
  }
  return entry;
}

/**
 * Writes a pin file as two-space JSON with the versions sorted, so that `pin.json` is always exactly what this writes.
 *
 * @example
 * writePin('openapi/pin.json', pin);
 */
export function writePin(path: string, pin: Pin): void {
  const versions = Object.fromEntries(Object.entries(pin.bapi.versions).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, `${JSON.stringify({ ...pin, bapi: { ...pin.bapi, versions } }, null, 2)}\n`);
}
