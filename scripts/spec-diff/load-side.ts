// Loads one side of a comparison: a pinned version (repaired by its overlays) or a spec file, plus its API surface.
import { existsSync, readFileSync } from 'node:fs';
import { renderApiSurface, surfaceEntries } from '../gen/api-surface.js';
import { readNamingMap } from '../gen/naming.js';
import { buildOperationModel } from '../gen/operation-model.js';
import { loadBapiSpec, parseSpecText, type SpecContext } from '../spec/load-spec.js';
import { readPin } from '../spec/pin.js';
import { sha256Hex, type ResolveOptions } from '../spec/resolve-spec.js';
import type { DiffSide } from './build-report.js';

/**
 * Builds a side from an already repaired document: its surface is rendered exactly as the generator renders it.
 *
 * @example
 * sideFromDocument('2026-09-01', document, sha256);
 */
export function sideFromDocument(label: string, document: Record<string, any>, sha256 = ''): DiffSide & { surfaceText: string } {
  const operations = buildOperationModel(document, readNamingMap());
  return { label, document, surface: surfaceEntries(operations), surfaceText: renderApiSurface(operations, label, sha256) };
}

/**
 * Loads a pinned version (with the overlays that apply to it) or, when `spec` is a file path, that file as is.
 *
 * @example
 * const side = await loadSide('2025-11-10');
 */
export async function loadSide(spec: string, context: SpecContext & { resolve?: Partial<ResolveOptions> } = {}): Promise<DiffSide> {
  const pin = context.pin ?? readPin();
  if (Object.hasOwn(pin.bapi.versions, spec)) {
    const loaded = await loadBapiSpec(spec, context.resolve, { ...context, pin });
    return sideFromDocument(spec, loaded.document, loaded.sha256);
  }
  if (!existsSync(spec)) {
    throw new Error(`${spec} is neither a pinned BAPI version (${Object.keys(pin.bapi.versions).join(', ')}) nor a spec file`);
  }
  const text = readFileSync(spec, 'utf8');
  return sideFromDocument(spec, parseSpecText(text), sha256Hex(text));
}
