import { isRecord } from '../kernel/guards.js';
import type { ApiError } from './api-error.js';
import type { NonEmptyArray } from '../kernel/result.js';

/**
 * The trace id of a response: `clerk_trace_id` from a JSON body when present, else the
 * `x-clerk-trace-id` or `cf-ray` header.
 *
 * @example
 * traceIdOf(response, { clerk_trace_id: 'abc' }); // 'abc'
 */
export function traceIdOf(response: Response, body: unknown): string | undefined {
  if (isRecord(body) && typeof body['clerk_trace_id'] === 'string') return body['clerk_trace_id'];
  return response.headers.get('x-clerk-trace-id') ?? response.headers.get('cf-ray') ?? undefined;
}

/**
 * Turns a non-2xx response into a non-empty `errors` array: Clerk's own `errors[]` when the body
 * has usable entries, else one `http_error` carrying the status (HTML from a proxy, empty bodies…).
 *
 * @example
 * apiErrorsOf(404, '{"errors":[{"code":"resource_not_found","message":"not found"}]}', ctx);
 */
export function apiErrorsOf(
  status: number,
  text: string,
  context: { traceId: string | undefined; retryAfterMs: number | undefined; body: unknown },
): NonEmptyArray<ApiError> {
  const extra: Pick<ApiError, 'status' | 'traceId' | 'retryAfter'> = { status };
  if (context.traceId !== undefined) extra.traceId = context.traceId;
  if (context.retryAfterMs !== undefined) extra.retryAfter = context.retryAfterMs / 1000;
  const entries = isRecord(context.body) && Array.isArray(context.body['errors']) ? context.body['errors'] : [];
  const errors: ApiError[] = [];
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry['code'] !== 'string') continue;
    const error: ApiError = {
      code: entry['code'],
      message: typeof entry['message'] === 'string' ? entry['message'] : entry['code'],
      ...extra,
    };
    if (typeof entry['long_message'] === 'string') error.longMessage = entry['long_message'];
    if (isRecord(entry['meta'])) error.meta = camelCaseKeys(entry['meta']);
    errors.push(error);
  }
  const [first, ...rest] = errors;
  if (first !== undefined) return [first, ...rest];
  const snippet = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return [{ code: 'http_error', message: `HTTP ${status}${snippet ? `: ${snippet}` : ' with an empty body'}`, ...extra }];
}

/**
 * Parses JSON without throwing; `undefined` for an empty body, `failed` for anything else invalid.
 * An own `"__proto__"` key stays an own property (JSON.parse never sets a prototype): scanning every
 * body for it would cost several percent of a list call; the README documents it.
 *
 * @example
 * parseJson('{"a":1}'); // { value: { a: 1 } }
 */
export function parseJson(text: string): { value: unknown } | 'failed' {
  if (text === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return 'failed';
  }
}

/**
 * Error objects are camelCase throughout (`longMessage`, `traceId`), so the top-level keys of Clerk's `meta`
 * are too (`param_name` → `paramName`); values are kept as sent.
 */
function camelCaseKeys(meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    // defineProperty: a `__proto__` key from JSON stays a plain property.
    const name = key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
