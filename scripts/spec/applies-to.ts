// Reads an overlay's `x-applies-to` declaration: the inclusive range of BAPI versions the overlay is written for.
// An overlay is applied whole or not at all, so a version outside the declaration skips it entirely.

/** The `x-applies-to` field: an inclusive range, open at either end (one version: `from` and `through` alike). */
export interface AppliesTo {
  from?: string;
  through?: string;
}

const VERSION = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates a parsed `x-applies-to` value; every overlay must declare one.
 *
 * @example
 * parseAppliesTo({ from: '2025-11-10' }, 'repairs.overlay.yaml'); // { from: '2025-11-10' }
 */
export function parseAppliesTo(value: unknown, overlayName: string): AppliesTo {
  const where = `overlay ${overlayName}: x-applies-to`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where} must be { from?, through? } (openapi/overlays/README.md), got ${JSON.stringify(value)}`);
  }
  const keys = Object.keys(value);
  const unknownKeys = keys.filter((key) => key !== 'from' && key !== 'through');
  if (unknownKeys.length > 0 || keys.length === 0) {
    throw new Error(`${where} has ${keys.length === 0 ? 'no keys' : `unknown keys ${unknownKeys.join(', ')}`}; use from, through`);
  }
  for (const [key, version] of Object.entries(value)) {
    if (typeof version !== 'string' || !VERSION.test(version)) {
      throw new Error(`${where}.${key} must be a BAPI version like 2025-11-10 (quote it in YAML), got ${JSON.stringify(version)}`);
    }
  }
  const { from, through } = value as AppliesTo;
  if (from && through && from > through) throw new Error(`${where}: from ${from} is after through ${through}`);
  return { ...(from ? { from } : {}), ...(through ? { through } : {}) };
}

/**
 * Whether a declaration covers `version` (versions are ISO dates, so string order is date order).
 *
 * @example
 * appliesToVersion({ from: '2025-11-10' }, '2026-05-12'); // true
 */
export function appliesToVersion({ from, through }: AppliesTo, version: string): boolean {
  return (from === undefined || version >= from) && (through === undefined || version <= through);
}

/**
 * Renders a declaration for messages, e.g. `2025-11-10 and later`.
 *
 * @example
 * describeAppliesTo({ from: '2025-11-10', through: '2025-11-10' }); // '2025-11-10 through 2025-11-10'
 */
export function describeAppliesTo({ from, through }: AppliesTo): string {
  return from && through ? `${from} through ${through}` : from ? `${from} and later` : `up to ${through}`;
}
