/** Deeper nesting than this is refused: no Clerk claim comes close, and it bounds recursion. */
const MAX_DEPTH = 32;

/**
 * Deep-copies parsed JSON field by field into fresh, frozen objects; `undefined` when nested too deeply.
 *
 * A `"__proto__"` key is written with `Object.defineProperty`, so it stays an ordinary own property
 * and never changes a prototype (plain assignment would call the `__proto__` setter); freezing lets a cached result be handed out repeatedly
 * without one caller's mutation leaking into another's.
 *
 * @example
 * const claims = copyClaims(JSON.parse('{"__proto__":{"admin":true}}'));
 * Object.getPrototypeOf(claims) === Object.prototype; // true
 */
export function copyClaims(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const copy = copyValue(value, 0);
  return copy === INVALID ? undefined : (copy as Record<string, unknown>);
}

const INVALID: unique symbol = Symbol('invalid');

function copyValue(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return INVALID;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const copied = copyValue(item, depth + 1);
      if (copied === INVALID) return INVALID;
      out.push(copied);
    }
    return Object.freeze(out);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copied = copyValue((value as Record<string, unknown>)[key], depth + 1);
    if (copied === INVALID) return INVALID;
    if (key === '__proto__') Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
    else out[key] = copied;
  }
  return Object.freeze(out);
}
