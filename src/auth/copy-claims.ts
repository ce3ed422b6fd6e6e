/** Deeper nesting is refused: no Clerk claim comes close, and it bounds recursion. */
const MAX_DEPTH = 32;
const TOO_DEEP: unique symbol = Symbol('too deep');

/**
 * Deep-copies parsed claims field by field into fresh, frozen objects (`__proto__` stays a plain
 * property); `undefined` when nested too deeply. Freezing lets a cached result be handed out repeatedly
 * without one caller's mutation leaking into another's.
 *
 * A dedicated loop rather than the kernel's general `copyJson` (no string mapping, no stand-in for deep values):
 * it runs on every verified token, where the general copy's entry arrays cost more than the copy itself.
 *
 * @example
 * const claims = copyClaims(JSON.parse('{"__proto__":{"admin":true}}'));
 * Object.getPrototypeOf(claims) === Object.prototype; // true
 */
export function copyClaims(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const copy = copyValue(value, 0);
  return copy === TOO_DEEP ? undefined : (copy as Record<string, unknown>);
}

function copyValue(item: unknown, depth: number): unknown {
  if (typeof item !== 'object' || item === null) return item;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(item)) {
    const out: unknown[] = new Array(item.length);
    for (let index = 0; index < item.length; index++) {
      const element = copyValue(item[index], depth + 1);
      if (element === TOO_DEEP) return TOO_DEEP;
      out[index] = element;
    }
    return Object.freeze(out);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(item)) {
    const field = copyValue((item as Record<string, unknown>)[key], depth + 1);
    if (field === TOO_DEEP) return TOO_DEEP;
    // Assigning `__proto__` would call Object.prototype's setter and change the copy's prototype: define it instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: field, enumerable: true, writable: true, configurable: true });
    else out[key] = field;
  }
  return Object.freeze(out);
}

/**
 * Freezes freshly parsed claims where they are, deeply; `undefined` when nested too deeply. For the output of
 * `JSON.parse` only, which nothing else holds: `JSON.parse` defines a `__proto__` key as a plain own property, so
 * no prototype changes, and the result is the same as {@link copyClaims} gives without copying every object.
 *
 * @example
 * const claims = freezeClaims(JSON.parse(text));
 */
export function freezeClaims(value: Record<string, unknown>): Record<string, unknown> | undefined {
  return freezeValue(value, 0) ? value : undefined;
}

function freezeValue(item: unknown, depth: number): boolean {
  if (typeof item !== 'object' || item === null) return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(item)) {
    for (let index = 0; index < item.length; index++) if (!freezeValue(item[index], depth + 1)) return false;
  } else {
    // Own keys only: an enumerable property someone added to Object.prototype is not part of the claims.
    for (const key of Object.keys(item)) if (!freezeValue((item as Record<string, unknown>)[key], depth + 1)) return false;
  }
  Object.freeze(item);
  return true;
}
