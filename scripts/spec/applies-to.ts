// Reads an overlay's `x-applies-to` declaration: which BAPI versions the overlay is written for.
// An overlay is applied whole or not at all, so a version outside the declaration skips it entirely.

/**
 * The `x-applies-to` field: an explicit version list, an inclusive range whose ends are optional, or both
 * (a version applies when it is listed or inside the range).
 */
export interface AppliesTo {
  versions?: string[];
  from?: string;
  through?: string;
}

const VERSION = /^\d{4}-\d{2}-\d{2}$/;

function checkVersion(value: unknown, where: string): string {
  if (typeof value !== 'string' || !VERSION.test(value)) {
    throw new Error(`${where} must be a BAPI version like 2025-11-10 (quote it in YAML), got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Validates a parsed `x-applies-to` value; `undefined` means the overlay declares nothing.
 *
 * @example
 * parseAppliesTo({ from: '2025-11-10' }, 'repairs.overlay.yaml'); // { from: '2025-11-10' }
 */
export function parseAppliesTo(value: unknown, overlayName: string): AppliesTo | undefined {
  if (value === undefined) return undefined;
  const where = `overlay ${overlayName}: x-applies-to`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where} must be { versions: [...] } or { from?, through? }, got ${JSON.stringify(value)}`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const unknownKeys = keys.filter((key) => key !== 'versions' && key !== 'from' && key !== 'through');
  if (unknownKeys.length > 0 || keys.length === 0) {
    throw new Error(
      `${where} has ${keys.length === 0 ? 'no keys' : `unknown keys ${unknownKeys.join(', ')}`}; use versions, from, through`,
    );
  }
  const appliesTo: AppliesTo = {};
  if (record['versions'] !== undefined) {
    const list = record['versions'];
    if (!Array.isArray(list) || list.length === 0) throw new Error(`${where}.versions must be a non-empty list`);
    appliesTo.versions = list.map((item, index) => checkVersion(item, `${where}.versions[${index}]`));
  }
  if (record['from'] !== undefined) appliesTo.from = checkVersion(record['from'], `${where}.from`);
  if (record['through'] !== undefined) appliesTo.through = checkVersion(record['through'], `${where}.through`);
  if (appliesTo.from && appliesTo.through && appliesTo.from > appliesTo.through) {
    throw new Error(`${where}: from ${appliesTo.from} is after through ${appliesTo.through}`);
  }
  return appliesTo;
}

/**
 * Whether a declaration covers `version` (versions are ISO dates, so string order is date order).
 *
 * @example
 * appliesToVersion({ from: '2025-11-10' }, '2026-05-12'); // true
 */
export function appliesToVersion(appliesTo: AppliesTo, version: string): boolean {
  if (appliesTo.versions?.includes(version)) return true;
  const hasRange = appliesTo.from !== undefined || appliesTo.through !== undefined;
  return (
    hasRange &&
    (appliesTo.from === undefined || version >= appliesTo.from) &&
    (appliesTo.through === undefined || version <= appliesTo.through)
  );
}

/**
 * Renders a declaration for messages, e.g. `2025-11-10 and later`.
 *
 * @example
 * describeAppliesTo({ versions: ['2025-11-10'] }); // '2025-11-10'
 */
export function describeAppliesTo(appliesTo: AppliesTo): string {
  const { from, through } = appliesTo;
  const range = from && through ? `${from} through ${through}` : from ? `${from} and later` : through ? `up to ${through}` : '';
  return [...(appliesTo.versions ?? []), ...(range ? [range] : [])].join(', ');
}
