import type { ClerkError } from '../kernel/result.js';

/**
 * Error codes the client itself produces; server codes (`resource_not_found`, `form_param_missing`…)
 * pass through unchanged as `string & {}`.
 *
 * - `network_error`: the request never got a response (DNS, refused connection, reset socket).
 * - `timeout`: an attempt exceeded `timeoutMs` (headers and body included).
 * - `aborted`: the caller's `AbortSignal` fired; never retried.
 * - `http_error`: a non-2xx response (600 and above included) whose body carried no usable Clerk `errors[]` (HTML, empty…).
 * - `json_invalid`: a 2xx response whose body is not JSON.
 * - `response_validation_failed`: a 2xx JSON body that does not match the operation's schema.
 * - `response_too_large`: the body exceeded `maxResponseBytes`; reading stopped there.
 * - `unexpected_redirect`: the API answered with a redirect, which is never followed with the secret.
 * - `origin_mismatch`: the final URL's origin differs from the API origin; nothing was sent.
 * - `path_param_invalid`: a path parameter was empty, `.`/`..`, or contained `/`, `?`, `#`.
 * - `params_invalid`: query, body, headers or request options could not be serialised, or params carry a key the
 *   operation does not define or lack a required one (`meta`: `param`, `location`, `reason`: `unknown`/`missing`,
 *   `suggestion`); undocumented keys can be sent on purpose with `extraQuery`/`extraBody`.
 *
 * @example
 * const code: ApiErrorCode = 'timeout';
 */
export type ApiErrorCode =
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'http_error'
  | 'json_invalid'
  | 'response_validation_failed'
  | 'response_too_large'
  | 'unexpected_redirect'
  | 'origin_mismatch'
  | 'path_param_invalid'
  | 'params_invalid';

/**
 * One entry of a failed result's `errors`: Clerk's error shape plus the context of the response.
 *
 * @example
 * const error: ApiError = { code: 'resource_not_found', message: 'not found', status: 404 };
 */
export interface ApiError extends ClerkError<ApiErrorCode | (string & {})> {
  /** HTTP status, when a response arrived. */
  status?: number;
  /** `clerk_trace_id` from the body, else the trace header of the response. */
  traceId?: string;
  /** Seconds the server asked us to wait (`Retry-After`), when it said so. */
  retryAfter?: number;
}
