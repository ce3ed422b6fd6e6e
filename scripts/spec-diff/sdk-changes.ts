// The SDK-level view of a spec change: which clerk.<namespace>.<method> calls appear, disappear or change.
import type { SurfaceEntry } from '../gen/api-surface.js';

export type Severity = 'breaking' | 'non-breaking';

/** What kind of SDK change; the breaking ones are the classes the report's summary counts. */
export type SdkChangeKind =
  | 'added_method'
  | 'removed_method'
  | 'changed_path_or_method'
  | 'changed_signature'
  | 'changed_result_type'
  | 'changed_pagination';

export interface SdkChange {
  kind: SdkChangeKind;
  severity: Severity;
  /** `namespace.method`. */
  call: string;
  before?: string;
  after?: string;
  message: string;
}

interface Argument {
  name: string;
  optional: boolean;
  type: string;
}

function readArguments(args: string): Argument[] {
  if (args === '') return [];
  return args.split(', ').map((arg) => {
    const [name = '', type = ''] = arg.split(': ');
    return { name: name.replace(/\?$/, ''), optional: name.endsWith('?'), type };
  });
}

/** A signature change breaks callers when a positional argument is dropped, renamed or becomes required. */
function signatureBreaks(before: string, after: string): boolean {
  const old = readArguments(before);
  const next = readArguments(after);
  if (next.length < old.length) return true;
  return next.some((arg, index) => {
    const previous = old[index];
    if (!previous) return !arg.optional;
    return previous.name !== arg.name || (previous.optional && !arg.optional) || previous.type !== arg.type;
  });
}

const describeEntry = (entry: SurfaceEntry): string => `${entry.method} ${entry.path}`;

function compareEntry(before: SurfaceEntry, after: SurfaceEntry): SdkChange[] {
  const call = before.call;
  const changes: SdkChange[] = [];
  if (before.method !== after.method || before.path !== after.path) {
    changes.push({
      kind: 'changed_path_or_method',
      severity: 'breaking',
      call,
      before: describeEntry(before),
      after: describeEntry(after),
      message: `now calls ${describeEntry(after)} (was ${describeEntry(before)})`,
    });
  }
  if (before.args !== after.args) {
    const severity: Severity = signatureBreaks(before.args, after.args) ? 'breaking' : 'non-breaking';
    changes.push({
      kind: 'changed_signature',
      severity,
      call,
      before: before.args,
      after: after.args,
      message: `signature (${before.args}) → (${after.args})`,
    });
  }
  if (before.data !== after.data) {
    changes.push({
      kind: 'changed_result_type',
      severity: 'non-breaking',
      call,
      before: before.data,
      after: after.data,
      message: `result type ${before.data} → ${after.data}`,
    });
  }
  if (before.paginated !== after.paginated) {
    const severity: Severity = before.paginated ? 'breaking' : 'non-breaking';
    const message = before.paginated ? `no longer paginated (.all() is gone)` : `now paginated (${after.paginated}): .all() is available`;
    changes.push({
      kind: 'changed_pagination',
      severity,
      call,
      ...(before.paginated ? { before: before.paginated } : {}),
      ...(after.paginated ? { after: after.paginated } : {}),
      message,
    });
  }
  return changes;
}

/**
 * Compares two API surfaces method by method.
 *
 * @example
 * diffSurfaces(before.surface, after.surface).filter((c) => c.severity === 'breaking');
 */
export function diffSurfaces(before: SurfaceEntry[], after: SurfaceEntry[]): SdkChange[] {
  const previous = new Map(before.map((entry) => [entry.call, entry]));
  const next = new Map(after.map((entry) => [entry.call, entry]));
  const changes: SdkChange[] = [];
  for (const [call, entry] of previous) {
    const now = next.get(call);
    if (now) changes.push(...compareEntry(entry, now));
    else
      changes.push({
        kind: 'removed_method',
        severity: 'breaking',
        call,
        before: describeEntry(entry),
        message: `removed (was ${describeEntry(entry)})`,
      });
  }
  for (const [call, entry] of next) {
    if (!previous.has(call))
      changes.push({
        kind: 'added_method',
        severity: 'non-breaking',
        call,
        after: describeEntry(entry),
        message: `added (${describeEntry(entry)})`,
      });
  }
  return changes.sort((a, b) => a.call.localeCompare(b.call) || a.kind.localeCompare(b.kind));
}
