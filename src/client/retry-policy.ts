import type { HttpMethod } from './operation.js';

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
// PATCH and POST are not idempotent: a retried POST could create a second user.
const IDEMPOTENT_METHODS = new Set<string>(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * Whether a failed attempt may be sent again: only idempotent methods, only for 429/502/503/504,
 * network errors and timeouts.
 *
 * @example
 * shouldRetry('GET', 503);  // true
 * shouldRetry('POST', 502); // false
 */
export function shouldRetry(method: HttpMethod | 'HEAD', statusOrFailure: number | 'network_error' | 'timeout'): boolean {
  if (!IDEMPOTENT_METHODS.has(method)) return false;
  return typeof statusOrFailure === 'string' || RETRYABLE_STATUSES.has(statusOrFailure);
}

/**
 * Parses `Retry-After` (delta seconds or an HTTP date, RFC 9110 §10.2.3) into milliseconds from
 * `now`; `undefined` when absent or unparseable, `0` for dates in the past.
 *
 * @example
 * parseRetryAfter('2', Date.now());                             // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.now()); // 0 (in the past)
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only the HTTP-date shape; Date.parse alone would accept "1" or "2025" as dates.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Delay before retry number `attempt` (0-based): the server's `Retry-After` capped at
 * `maxRetryAfterMs` when given, else exponential backoff with "equal jitter" (half fixed, half random).
 *
 * @example
 * retryDelay(1, undefined, { initialDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60000 }); // 500..1000
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: { initialDelayMs: number; maxDelayMs: number; maxRetryAfterMs: number },
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return exponential / 2 + random() * (exponential / 2);
}
