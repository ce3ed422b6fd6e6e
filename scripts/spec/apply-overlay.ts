// Applies OpenAPI Overlay 1.0 documents (update / remove actions) to a parsed spec. Targets are JSONPath, evaluated
// by jsonpath-plus (its safe evaluator: filters such as `[?(@ == 'value')]` run without `eval`).
// A target that matches nothing is an error: a repair that silently stops applying is a bug. So is an update the spec
// already satisfies everywhere it matches (Clerk fixed it upstream): appending it again would only add duplicates.
import { isDeepStrictEqual } from 'node:util';
import { JSONPath } from 'jsonpath-plus';

export interface OverlayAction {
  target: string;
  description: string;
  update?: unknown;
  remove?: boolean;
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  /** Which BAPI versions the overlay is written for; see scripts/spec/applies-to.ts. */
  'x-applies-to'?: unknown;
  actions: OverlayAction[];
}

interface Match {
  parent: Record<string | number, unknown>;
  key: string | number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every node `target` selects, as its parent and key (the root itself cannot be updated or removed). */
export function findMatches(root: unknown, target: string): Match[] {
  if (!target.startsWith('$')) throw new Error(`overlay target must start with $: ${target}`);
  const found = JSONPath({ path: target, json: root as object, resultType: 'all' }) as Array<{
    parent: unknown;
    parentProperty: string | number;
  }>;
  return found
    .filter((match) => match.parent != null)
    .map((match) => ({ parent: match.parent as Match['parent'], key: match.parentProperty }));
}

/** Overlay 1.0 merge: objects merge recursively, arrays append, anything else replaces. */
function merge(target: unknown, update: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(update)) return [...target, ...update];
  if (isRecord(target) && isRecord(update)) {
    const out: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(update)) out[key] = key in out ? merge(out[key], value) : value;
    return out;
  }
  return update;
}

/** Whether `target` already holds everything `update` would add: objects key by key, arrays item by item. */
function satisfies(target: unknown, update: unknown): boolean {
  if (Array.isArray(update))
    return Array.isArray(target) && update.every((item) => target.some((existing) => isDeepStrictEqual(existing, item)));
  if (isRecord(update))
    return isRecord(target) && Object.entries(update).every(([key, value]) => Object.hasOwn(target, key) && satisfies(target[key], value));
  return isDeepStrictEqual(target, update);
}

/** Applies every action of `overlay` to `document` in place and returns it. */
export function applyOverlay<T>(document: T, overlay: OverlayDocument, name = overlay.info.title): T {
  for (const action of overlay.actions) {
    if (!action.description) throw new Error(`overlay ${name}: action on ${action.target} has no description`);
    const matches = findMatches(document, action.target);
    if (matches.length === 0) throw new Error(`overlay ${name}: target ${action.target} matches nothing`);
    if (action.remove) {
      // Remove array items from the highest index down so earlier indices stay valid.
      for (const { parent, key } of [...matches].reverse()) {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      }
    } else if (action.update !== undefined) {
      if (matches.every(({ parent, key }) => satisfies(parent[key], action.update))) {
        throw new Error(`overlay ${name}: update on ${action.target} changes nothing (the spec already has it); drop the action`);
      }
      for (const { parent, key } of matches) parent[key] = merge(parent[key], action.update);
    } else {
      throw new Error(`overlay ${name}: action on ${action.target} has neither update nor remove`);
    }
  }
  return document;
}
