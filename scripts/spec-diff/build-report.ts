// Joins the SDK-level and spec-level views into one report: what breaks, which methods move, which schemas change.
import type { SurfaceEntry } from '../gen/api-surface.js';
import { diffSurfaces, type SdkChange } from './sdk-changes.js';
import { diffSpecs, type SpecChange } from './spec-changes.js';

/** The classes of change that break SDK users (the `--fail-on breaking` set). */
export type BreakingClass =
  | 'removed_operation'
  | 'changed_path_or_method'
  | 'changed_signature'
  | 'removed_parameter'
  | 'newly_required_parameter'
  | 'removed_request_field'
  | 'newly_required_request_field'
  | 'removed_response_field'
  | 'narrowed_type_or_enum'
  | 'other';

export interface BreakingChange {
  class: BreakingClass;
  /** `namespace.method` of the SDK call affected, when there is one. */
  call?: string;
  operation?: string;
  detail: string;
}

export interface OperationChanges {
  operation: string;
  call?: string;
  changes: SpecChange[];
}

export interface DiffReport {
  from: string;
  to: string;
  summary: {
    breaking: number;
    addedMethods: number;
    removedMethods: number;
    changedMethods: number;
    changedOperations: number;
    addedSchemas: number;
    removedSchemas: number;
    changedSchemas: number;
  };
  breaking: BreakingChange[];
  sdk: SdkChange[];
  operations: OperationChanges[];
  schemas: { added: string[]; removed: string[]; changed: Array<{ name: string; changes: number; breaking: number }> };
}

/** One side of a comparison: a label (version or file), the repaired document and its API surface. */
export interface DiffSide {
  label: string;
  document: Record<string, any>;
  surface: SurfaceEntry[];
}

const SPEC_CLASS: Partial<Record<SpecChange['kind'], BreakingClass>> = {
  removed_operation: 'removed_operation',
  removed_parameter: 'removed_parameter',
  newly_required_parameter: 'newly_required_parameter',
  removed_request_field: 'removed_request_field',
  newly_required_request_field: 'newly_required_request_field',
  removed_response_field: 'removed_response_field',
  narrowed_enum: 'narrowed_type_or_enum',
  changed_type: 'narrowed_type_or_enum',
};

const SDK_CLASS: Record<SdkChange['kind'], BreakingClass> = {
  removed_method: 'removed_operation',
  changed_path_or_method: 'changed_path_or_method',
  changed_signature: 'changed_signature',
  changed_pagination: 'changed_signature',
  added_method: 'other',
  changed_result_type: 'other',
};

function specDetail(change: SpecChange): string {
  const field = change.field ? ` \`${change.field}\`` : '';
  switch (change.kind) {
    case 'removed_request_field':
      return `request field${field} removed`;
    case 'newly_required_request_field':
      return `request field${field} is now required`;
    case 'removed_response_field':
      return `response field${field} removed`;
    case 'removed_parameter':
      return `parameter${field} removed`;
    case 'newly_required_parameter':
      return `parameter${field} is now required`;
    default:
      return change.description;
  }
}

function groupSchemas(changes: SpecChange[]): DiffReport['schemas'] {
  const added: string[] = [];
  const removed: string[] = [];
  const changed = new Map<string, { name: string; changes: number; breaking: number }>();
  for (const change of changes) {
    if (!change.schema) continue;
    const whole = change.pointer === `/components/schemas/${change.schema.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (whole && change.action === 'add') added.push(change.schema);
    else if (whole && change.action === 'remove') removed.push(change.schema);
    else {
      const entry = changed.get(change.schema) ?? { name: change.schema, changes: 0, breaking: 0 };
      entry.changes++;
      if (change.severity === 'breaking') entry.breaking++;
      changed.set(change.schema, entry);
    }
  }
  return { added: added.sort(), removed: removed.sort(), changed: [...changed.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * Compares two sides and classifies every change for SDK users.
 *
 * @example
 * const report = buildReport(await loadSide('2025-11-10'), await loadSide('2026-05-12'));
 * report.summary.breaking; // 5
 */
export function buildReport(from: DiffSide, to: DiffSide): DiffReport {
  const sdk = diffSurfaces(from.surface, to.surface);
  const specChanges = diffSpecs(from.document, to.document);
  const callOf = new Map<string, string>();
  for (const entry of [...from.surface, ...to.surface]) callOf.set(`${entry.method} ${entry.path}`, entry.call);

  const byOperation = new Map<string, OperationChanges>();
  for (const change of specChanges) {
    if (!change.operation) continue;
    const call = callOf.get(change.operation);
    const group = byOperation.get(change.operation) ?? { operation: change.operation, ...(call ? { call } : {}), changes: [] };
    group.changes.push(change);
    byOperation.set(change.operation, group);
  }

  const breaking: BreakingChange[] = sdk
    .filter((change) => change.severity === 'breaking')
    .map((change) => ({
      class: SDK_CLASS[change.kind],
      call: change.call,
      ...(change.before ? { operation: change.before } : {}),
      detail: change.message,
    }));
  const reportedBySdk = new Set(breaking.map((change) => change.operation));
  for (const change of specChanges) {
    if (change.severity !== 'breaking' || !change.operation) continue;
    if (change.kind === 'removed_operation' && reportedBySdk.has(change.operation)) continue;
    const call = callOf.get(change.operation);
    breaking.push({
      class: SPEC_CLASS[change.kind] ?? 'other',
      ...(call ? { call } : {}),
      operation: change.operation,
      detail: specDetail(change),
    });
  }

  const schemas = groupSchemas(specChanges);
  const operations = [...byOperation.values()].sort((a, b) => a.operation.localeCompare(b.operation));
  return {
    from: from.label,
    to: to.label,
    summary: {
      breaking: breaking.length,
      addedMethods: sdk.filter((c) => c.kind === 'added_method').length,
      removedMethods: sdk.filter((c) => c.kind === 'removed_method').length,
      changedMethods: new Set(sdk.filter((c) => c.kind !== 'added_method' && c.kind !== 'removed_method').map((c) => c.call)).size,
      changedOperations: operations.filter((o) => o.changes.some((c) => c.kind !== 'added_operation' && c.kind !== 'removed_operation'))
        .length,
      addedSchemas: schemas.added.length,
      removedSchemas: schemas.removed.length,
      changedSchemas: schemas.changed.length,
    },
    breaking,
    sdk,
    operations,
    schemas,
  };
}
