import { copyJson } from './json-copy.js';

const TOO_DEEP = { value: '[redacted: too deep]' };

/**
 * Copies a JSON-like value with `redact` applied to every string, keys included, and own `__proto__`
 * keys dropped (an `Object.assign` of the copy would otherwise set a prototype); a value nested deeper
 * than 32 levels is replaced, not kept, since it cannot be checked.
 *
 * @example
 * redactDeep({ note: 'Bearer sk_test_x' }, (text) => text.replace('sk_test_x', '[redacted]'));
 * // { note: 'Bearer [redacted]' }
 */
export function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  return copyJson(value, { mapString: redact, maxDepth: 33, tooDeep: TOO_DEEP, dropProtoKeys: true })?.value;
}
