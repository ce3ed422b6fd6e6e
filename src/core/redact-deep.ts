import type { ApiResult } from './api-result.js';
import type { ApiError } from './api-error.js';
import { copyJson } from './json-copy.js';
import type { NonEmptyArray } from './result.js';

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

/**
 * Redacts every string a result carries besides `data` and the raw `response`: each error's fields
 * (`code`, `message`, `longMessage`, `traceId`, `meta`…) and the result's `traceId`. Servers and
 * proxies may echo the `Authorization` header into any of them.
 *
 * @example
 * const safe = redactResult(result, transport.redact);
 */
export function redactResult<T>(result: ApiResult<T>, redact: (text: string) => string): ApiResult<T> {
  const traceId = result.traceId === undefined ? undefined : redact(result.traceId);
  if (!result.errors) return traceId === result.traceId ? result : { ...result, traceId };
  const errors = result.errors.map((error) => redactDeep(error, redact)) as NonEmptyArray<ApiError>;
  return { ...result, errors, traceId };
}
