import type { ApiResult } from './api-result.js';
import type { ApiError } from './api-error.js';
import type { NonEmptyArray } from './result.js';

const MAX_DEPTH = 32;

/**
 * Copies a JSON-like value with `redact` applied to every string, keys included, and own `__proto__`
 * keys dropped; a value nested deeper than 32 levels is replaced, not kept, since it cannot be checked.
 *
 * @example
 * redactDeep({ note: 'Bearer sk_test_x' }, (text) => text.replace('sk_test_x', '[redacted]'));
 * // { note: 'Bearer [redacted]' }
 */
export function redactDeep(value: unknown, redact: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return '[redacted: too deep]';
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // An own `__proto__` key (JSON.parse makes one) would become a prototype in a caller's Object.assign.
    if (key === '__proto__') continue;
    out[redact(key)] = redactDeep(item, redact, depth + 1);
  }
  return out;
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
  const errors = result.errors.map((error) => redactDeep(error, redact, -1)) as NonEmptyArray<ApiError>;
  return { ...result, errors, traceId };
}
