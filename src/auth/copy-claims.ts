import { copyJson } from '../kernel/json-copy.js';

/** Deeper nesting is refused: no Clerk claim comes close, and it bounds recursion. */
const MAX_DEPTH = 32;
const OPTIONS = { maxDepth: MAX_DEPTH, freeze: true } as const;

/**
 * Deep-copies parsed claims field by field into fresh, frozen objects (`__proto__` stays a plain
 * property); `undefined` when nested too deeply. Freezing lets a cached result be handed out repeatedly
 * without one caller's mutation leaking into another's.
 *
 * @example
 * const claims = copyClaims(JSON.parse('{"__proto__":{"admin":true}}'));
 * Object.getPrototypeOf(claims) === Object.prototype; // true
 */
export function copyClaims(value: Record<string, unknown>): Record<string, unknown> | undefined {
  return copyJson(value, OPTIONS)?.value as Record<string, unknown> | undefined;
}
