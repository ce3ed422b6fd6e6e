import type { Result } from '../kernel/result.js';
import type { ApiError } from './api-error.js';
import { checkNumber, MAX_TIMER_MS, type ClientConfig } from './client-options.js';

/**
 * Per-call options, the last positional argument of every method.
 *
 * @example
 * await clerk.users.getUser('user_123', { timeoutMs: 2_000, maxRetries: 0, signal: controller.signal });
 */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number | undefined;
  /** Overrides the client's retry count. */
  maxRetries?: number | undefined;
  /** Extra headers; `Authorization` is always the client's own. */
  headers?: Record<string, string> | Headers | undefined;
  /** Query parameters the spec does not document, sent on purpose: unknown keys in `params` are refused. */
  extraQuery?: Record<string, unknown> | undefined;
  /** Body fields the spec does not document, sent on purpose (merged over `params`). */
  extraBody?: Record<string, unknown> | undefined;
}

/**
 * Request options after validation and defaulting.
 *
 * @example
 * const resolved = resolveRequestOptions(undefined, config); // { data: { timeoutMs: config.timeoutMs, … } }
 */
export interface ResolvedRequestOptions {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  maxRetries: number;
  headers: Headers;
}

/**
 * Validates per-call options; unlike construction options, mistakes here are results, not throws,
 * because they can come from data at runtime.
 *
 * @example
 * const resolved = resolveRequestOptions({ timeoutMs: 500 }, config);
 */
export function resolveRequestOptions(options: RequestOptions | undefined, config: ClientConfig): Result<ResolvedRequestOptions, ApiError> {
  try {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new TypeError('request options must be an object');
    }
    const signal = options?.signal;
    if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('signal must be an AbortSignal');
    return {
      data: {
        signal,
        timeoutMs: checkNumber('timeoutMs', options?.timeoutMs, config.timeoutMs, 1, MAX_TIMER_MS),
        maxRetries: checkNumber('maxRetries', options?.maxRetries, config.maxRetries, 0, 10, true),
        headers: buildHeaders(options?.headers),
      },
    };
  } catch (error) {
    return { errors: [{ code: 'params_invalid', message: `Invalid request options: ${(error as Error).message}` }] };
  }
}

/**
 * `new Headers()` rejects CR/LF and invalid names before anything is sent; its own message quotes the
 * offending value, which may be a token, so it is replaced by one that names nothing.
 */
function buildHeaders(init: HeadersInit | undefined): Headers {
  try {
    return new Headers(init);
  } catch {
    throw new TypeError('headers must be valid HTTP header names and values (no CR, LF or NUL); the values are not shown.');
  }
}
