// Resolves, verifies, parses and repairs a pinned spec: the one entry point every later step uses.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { applyOverlay, type OverlayDocument } from './apply-overlay.js';
import { openapiDir, pinnedBapiVersion, projectRoot, readPin, type Pin } from './pin.js';
import { resolveSpec, SPEC_DIR_ENV, type ResolveOptions, type ResolvedSpec } from './resolve-spec.js';

export interface LoadedSpec {
  version: string;
  sha256: string;
  resolved: ResolvedSpec;
  /** The parsed spec with every overlay applied. */
  document: Record<string, any>;
  overlays: string[];
}

/** Default resolution options: env override, `../shared/openapi`, `.cache/openapi`, pinned upstream. */
export function defaultResolveOptions(pin: Pin, env: Record<string, string | undefined> = process.env): ResolveOptions {
  return {
    envDir: env[SPEC_DIR_ENV],
    mirrorDir: resolve(projectRoot, '../shared/openapi'),
    cacheDir: join(projectRoot, '.cache/openapi'),
    baseUrl: pin.upstream.baseUrl,
  };
}

/** Reads an overlay file from `openapi/overlays/`. */
export function readOverlay(name: string): OverlayDocument {
  return parse(readFileSync(join(openapiDir, 'overlays', name), 'utf8')) as OverlayDocument;
}

/** Parses a spec's YAML text and applies the named overlays in order. */
export function repairSpec(text: string, overlays: string[]): Record<string, any> {
  // The spec uses no aliases; a low alias cap keeps a malicious mirror file from expanding a YAML bomb.
  const document = parse(text, { maxAliasCount: 100, uniqueKeys: true }) as Record<string, any>;
  for (const name of overlays) applyOverlay(document, readOverlay(name), name);
  return document;
}

/** Loads the pinned BAPI spec of `version`, repaired. */
export async function loadBapiSpec(version: string, options?: Partial<ResolveOptions>): Promise<LoadedSpec> {
  const pin = readPin();
  const entry = pinnedBapiVersion(pin, version);
  const resolved = await resolveSpec(entry, { ...defaultResolveOptions(pin), ...options });
  return { version, sha256: entry.sha256, resolved, document: repairSpec(resolved.text, entry.overlays), overlays: entry.overlays };
}

/** Loads the pinned webhooks spec, repaired by the overlays its pin entry lists. */
export async function loadWebhooksSpec(options?: Partial<ResolveOptions>): Promise<LoadedSpec> {
  const pin = readPin();
  const overlays = pin.webhooks.overlays ?? [];
  const resolved = await resolveSpec(pin.webhooks, { ...defaultResolveOptions(pin), ...options });
  return { version: pin.webhooks.version, sha256: pin.webhooks.sha256, resolved, document: repairSpec(resolved.text, overlays), overlays };
}
