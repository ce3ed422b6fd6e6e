import { redactDeep } from '../kernel/redact-deep.js';
import type { NonEmptyArray } from '../kernel/result.js';
import type { ApiError } from './api-error.js';
import type { ApiResult } from './api-result.js';
import { hideResponseHeaders } from './hide-response-headers.js';

/**
 * Redacts every string a result carries besides `data` and the raw `response`: each error's fields and warning,
 * (`code`, `message`, `longMessage`, `traceId`, `meta`…) and the result's `traceId`. Servers and
 * proxies may echo the `Authorization` header into any of them; the response's headers are hidden
 * from `util.inspect` for the same reason.
 *
 * @example
 * const safe = redactResult(result, context.redact);
 */
export function redactResult<T>(result: ApiResult<T>, redact: (text: string) => string): ApiResult<T> {
  if (result.response !== undefined) hideResponseHeaders(result.response);
  const traceId = result.traceId === undefined ? undefined : redact(result.traceId);
  if (!result.errors) {
    if (result.warnings !== undefined)
      return { ...result, traceId, warnings: redactDeep(result.warnings, redact) as typeof result.warnings };
    return traceId === result.traceId ? result : { ...result, traceId };
  }
  const errors = result.errors.map((error) => redactDeep(error, redact)) as NonEmptyArray<ApiError>;
  return { ...result, errors, traceId };
}
