// Applies OpenAPI Overlay 1.0 documents (update / remove actions) to a parsed spec.
// Targets use a small JSONPath subset: `$`, `.name`, `['name']`, `[index]` and `[?(@ == 'value')]`.
// A target that matches nothing is an error: a repair that silently stops applying is a bug. So is an update the spec
// already satisfies everywhere it matches (Clerk fixed it upstream): appending it again would only add duplicates.
import { isDeepStrictEqual } from 'node:util';

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

type Segment = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'equals'; value: string };

/** Parses the supported JSONPath subset; throws on anything else. */
export function parseTarget(target: string): Segment[] {
  if (!target.startsWith('$')) throw new Error(`overlay target must start with $: ${target}`);
  const segments: Segment[] = [];
  let rest = target.slice(1);
  const patterns: Array<[RegExp, (m: RegExpExecArray) => Segment]> = [
    [/^\.([A-Za-z0-9_$-]+)/, (m) => ({ kind: 'key', key: m[1]! })],
    [/^\['((?:[^'\\]|\\.)*)'\]/, (m) => ({ kind: 'key', key: m[1]!.replace(/\\(.)/g, '$1') })],
    [/^\[(\d+)\]/, (m) => ({ kind: 'index', index: Number(m[1]) })],
    [/^\[\?\(@ == '((?:[^'\\]|\\.)*)'\)\]/, (m) => ({ kind: 'equals', value: m[1]!.replace(/\\(.)/g, '$1') })],
  ];
  outer: while (rest.length > 0) {
    for (const [pattern, make] of patterns) {
      const match = pattern.exec(rest);
      if (match) {
        segments.push(make(match));
        rest = rest.slice(match[0].length);
        continue outer;
      }
    }
    throw new Error(`unsupported overlay target syntax at ${JSON.stringify(rest)} in ${target}`);
  }
  return segments;
}

interface Match {
  parent: unknown;
  key: string | number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findMatches(root: unknown, segments: Segment[]): Match[] {
  let current: Match[] = [{ parent: { $: root }, key: '$' }];
  for (const segment of segments) {
    const next: Match[] = [];
    for (const { parent, key } of current) {
      const node = (parent as Record<string | number, unknown>)[key];
      if (segment.kind === 'key' && isRecord(node) && Object.hasOwn(node, segment.key)) {
        next.push({ parent: node, key: segment.key });
      } else if (segment.kind === 'index' && Array.isArray(node) && segment.index < node.length) {
        next.push({ parent: node, key: segment.index });
      } else if (segment.kind === 'equals' && Array.isArray(node)) {
        node.forEach((item, index) => {
          if (item === segment.value) next.push({ parent: node, key: index });
        });
      }
    }
    current = next;
  }
  return current;
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
    const matches = findMatches(document, parseTarget(action.target));
    if (matches.length === 0) throw new Error(`overlay ${name}: target ${action.target} matches nothing`);
    if (action.remove) {
      // Remove array items from the highest index down so earlier indices stay valid.
      for (const { parent, key } of [...matches].reverse()) {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, unknown>)[key];
      }
    } else if (action.update !== undefined) {
      if (matches.every(({ parent, key }) => satisfies((parent as Record<string | number, unknown>)[key], action.update))) {
        throw new Error(`overlay ${name}: update on ${action.target} changes nothing (the spec already has it); drop the action`);
      }
      for (const { parent, key } of matches) {
        const record = parent as Record<string | number, unknown>;
        record[key] = merge(record[key], action.update);
      }
    } else {
      throw new Error(`overlay ${name}: action on ${action.target} has neither update nor remove`);
    }
  }
  return document;
}
