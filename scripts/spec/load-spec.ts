// Resolves, verifies, parses and repairs a pinned spec: the one entry point every later step uses.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { applyOverlay, type OverlayDocument } from './apply-overlay.js';
import { appliesToVersion, describeAppliesTo, parseAppliesTo } from './applies-to.js';
import { openapiDir, pinnedBapiVersion, projectRoot, readPin, type Pin } from './pin.js';
import { resolveSpec, SPEC_DIR_ENV, type ResolveOptions, type ResolvedSpec } from './resolve-spec.js';

export interface LoadedSpec {
  version: string;
  sha256: string;
  resolved: ResolvedSpec;
  /** The parsed spec with every overlay applied. */
  document: Record<string, any>;
  /** Overlays applied, in order. */
  overlays: string[];
  /** Overlays listed for this version whose `x-applies-to` excludes it, with the reason. */
  skippedOverlays: SkippedOverlay[];
}

export interface SkippedOverlay {
  name: string;
  reason: string;
}

/** Where overlays and the pin are read from; tests and spec:update pass copies. */
export interface SpecContext {
  pin?: Pin;
  overlaysDir?: string;
}

/** `openapi/overlays/` of this checkout. */
export const defaultOverlaysDir = join(openapiDir, 'overlays');

/** Default resolution options: env override, `../shared/openapi`, `.cache/openapi`, pinned upstream. */
export function defaultResolveOptions(pin: Pin, env: Record<string, string | undefined> = process.env): ResolveOptions {
  return {
    envDir: env[SPEC_DIR_ENV],
    mirrorDir: resolve(projectRoot, '../shared/openapi'),
    cacheDir: join(projectRoot, '.cache/openapi'),
    baseUrl: pin.upstream.baseUrl,
  };
}

/**
 * Reads an overlay file from `openapi/overlays/` (or `overlaysDir`).
 *
 * @example
 * readOverlay('bapi-2025-11.overlay.yaml').actions.length;
 */
export function readOverlay(name: string, overlaysDir = defaultOverlaysDir): OverlayDocument {
  return parse(readFileSync(join(overlaysDir, name), 'utf8')) as OverlayDocument;
}

/**
 * Splits listed overlays into those that apply to `version` and those its `x-applies-to` excludes (an overlay
 * without the field is an error).
 *
 * @example
 * chooseOverlays(['bapi-2025-11.overlay.yaml'], '2021-02-05').skipped; // [{ name, reason: 'applies to 2025-11-10 and later' }]
 */
export function chooseOverlays(
  names: string[],
  version: string,
  overlaysDir = defaultOverlaysDir,
): { applied: string[]; skipped: SkippedOverlay[] } {
  const applied: string[] = [];
  const skipped: SkippedOverlay[] = [];
  for (const name of names) {
    const appliesTo = parseAppliesTo(readOverlay(name, overlaysDir)['x-applies-to'], name);
    if (appliesToVersion(appliesTo, version)) applied.push(name);
    else skipped.push({ name, reason: `applies to ${describeAppliesTo(appliesTo)}` });
  }
  return { applied, skipped };
}

/**
 * Parses a spec's YAML text, refusing aliases beyond a small cap and anything that is not an OpenAPI document.
 *
 * @example
 * parseSpecText('openapi: 3.0.3\ninfo: {}\npaths: {}\n').paths; // {}
 */
export function parseSpecText(text: string): Record<string, any> {
  // The spec uses no aliases; a low alias cap keeps a malicious mirror file from expanding a YAML bomb.
  const document = parse(text, { maxAliasCount: 100, uniqueKeys: true }) as unknown;
  if (
    typeof document !== 'object' ||
    document === null ||
    Array.isArray(document) ||
    typeof (document as { openapi?: unknown }).openapi !== 'string'
  ) {
    throw new Error('not an OpenAPI document: the YAML has no top-level `openapi` version string');
  }
  return document as Record<string, any>;
}

/**
 * Parses a spec's YAML text and applies the named overlays in order; with `version`, overlays whose
 * `x-applies-to` excludes it are skipped whole (never half-applied).
 *
 * @example
 * repairSpec(text, entry.overlays, { version: '2026-05-12' });
 */
export function repairSpec(
  text: string,
  overlays: string[],
  options: { version?: string; overlaysDir?: string } = {},
): Record<string, any> {
  const document = parseSpecText(text);
  const names = options.version ? chooseOverlays(overlays, options.version, options.overlaysDir).applied : overlays;
  for (const name of names) applyOverlay(document, readOverlay(name, options.overlaysDir), name);
  return document;
}

/**
 * Loads the pinned BAPI spec of `version`, repaired by the overlays that apply to it.
 *
 * @example
 * const { document, overlays } = await loadBapiSpec('2026-05-12');
 */
export async function loadBapiSpec(version: string, options?: Partial<ResolveOptions>, context: SpecContext = {}): Promise<LoadedSpec> {
  const pin = context.pin ?? readPin();
  const entry = pinnedBapiVersion(pin, version);
  const resolved = await resolveSpec(entry, { ...defaultResolveOptions(pin), ...options });
  const overlaysDir = context.overlaysDir ?? defaultOverlaysDir;
  const { applied, skipped } = chooseOverlays(entry.overlays, version, overlaysDir);
  const document = repairSpec(resolved.text, applied, { overlaysDir });
  return { version, sha256: entry.sha256, resolved, document, overlays: applied, skippedOverlays: skipped };
}

/** Loads the pinned webhooks spec, repaired by the overlays its pin entry lists. */
export async function loadWebhooksSpec(options?: Partial<ResolveOptions>): Promise<LoadedSpec> {
  const pin = readPin();
  const overlays = pin.webhooks.overlays ?? [];
  const resolved = await resolveSpec(pin.webhooks, { ...defaultResolveOptions(pin), ...options });
  const version = pin.webhooks.version;
  const { applied, skipped } = chooseOverlays(overlays, version);
  const document = repairSpec(resolved.text, applied);
  return { version, sha256: pin.webhooks.sha256, resolved, document, overlays: applied, skippedOverlays: skipped };
}
