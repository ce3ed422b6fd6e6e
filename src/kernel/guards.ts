// Type guards shared by the auth layer and the core: one short call instead of the same `typeof` test in
// dozens of places (it adds up in every bundle).

/**
 * Whether a value is a string.
 *
 * @example
 * isString(payload['sub']); // true for 'user_1'
 */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/**
 * Whether a value is a non-null object (arrays included).
 *
 * @example
 * isObject([]); // true
 * isObject(null); // false
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Whether a value is a JSON object: a non-null object that is not an array.
 *
 * @example
 * isRecord({ a: 1 }); // true
 * isRecord([1]); // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return isObject(value) && !Array.isArray(value);
}

/**
 * Whether a value is an array of strings (empty included).
 *
 * @example
 * isStringArray(['a', 'b']); // true
 */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

/**
 * Whether a value is a promise, from this realm or another (a `then` method): an edge runtime's VM may hand out the
 * host's promises, which `instanceof Promise` does not recognise. Results and plain data have no `then`.
 *
 * @example
 * const outcome = isPromiseLike(value) ? await value : value;
 */
export function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
