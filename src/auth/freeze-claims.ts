/** Deeper nesting is refused: no Clerk claim comes close, and it bounds recursion. */
const MAX_DEPTH = 32;

/**
 * Deep-freezes claims fresh from `JSON.parse`, in place; `undefined` when nested too deeply. Freezing lets a
 * cached result be handed out repeatedly without one caller's mutation leaking into another's.
 *
 * No field-by-field copy is needed for prototype safety: `JSON.parse` already builds fresh plain objects
 * field by field, defining every key (`"__proto__"` included) as an own data property (ECMA-262
 * InternalizeJSONProperty), so no prototype is ever changed. Only pass objects that `JSON.parse` just made.
 *
 * @example
 * const claims = freezeClaims(JSON.parse('{"__proto__":{"admin":true}}'));
 * Object.getPrototypeOf(claims) === Object.prototype; // true
 */
export function freezeClaims(parsed: Record<string, unknown>): Record<string, unknown> | undefined {
  return freezeDeep(parsed, 0) ? parsed : undefined;
}

function freezeDeep(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_DEPTH) return false;
  for (const item of Object.values(value)) if (!freezeDeep(item, depth + 1)) return false;
  Object.freeze(value);
  return true;
}
