import type { Mismatch } from '../kernel/describe-mismatch.js';
import type { ApiError } from './api-error.js';
import type { NonEmptyArray } from '../kernel/result.js';

/**
 * The result of every client call: the shared `Result` split (STYLE rule 5) plus the HTTP context.
 * `if (result.errors)` narrows `data`; `response` is the last attempt's response, body already read.
 *
 * @example
 * const result = await clerk.users.getUser('user_123');
 * if (result.errors) console.warn(result.errors[0].code, result.traceId);
 * else console.log(result.data.id);
 */
export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

/**
 * The success branch of {@link ApiResult}.
 *
 * @example
 * const ok: ApiSuccess<number> = { data: 1, response: new Response(), status: 200, traceId: undefined };
 */
export interface ApiSuccess<T> {
  data: T;
  errors?: never;
  response: Response;
  status: number;
  traceId: string | undefined;
  /**
   * Where the body deviates from the spec (`responseValidation: 'warn'`, the default): `data` is the body as
   * sent, so a field the type calls required may be absent, or of another type, at these paths. Absent when the
   * body matches (or validation is off).
   */
  warnings?: NonEmptyArray<Mismatch>;
}

/**
 * The failure branch of {@link ApiResult}; `response` and `status` are absent when none arrived.
 *
 * @example
 * const failed: ApiFailure = {
 *   errors: [{ code: 'timeout', message: 'timed out' }],
 *   response: undefined, status: undefined, traceId: undefined,
 * };
 */
export interface ApiFailure {
  data?: never;
  errors: NonEmptyArray<ApiError>;
  warnings?: never;
  response: Response | undefined;
  status: number | undefined;
  traceId: string | undefined;
}

/**
 * Builds a failure result with no response, for errors detected before or without one.
 *
 * @example
 * const result = failWithoutResponse('params_invalid', 'limit must be a number');
 */
export function failWithoutResponse(code: ApiError['code'], message: string, meta?: Record<string, unknown>): ApiFailure {
  return failWith([meta === undefined ? { code, message } : { code, message, meta }]);
}

/**
 * Builds a failure result with no response from errors found before sending.
 *
 * @example
 * const result = failWith([{ code: 'path_param_invalid', message: 'Path parameter user_id …' }]);
 */
export function failWith(errors: NonEmptyArray<ApiError>): ApiFailure {
  return { errors, response: undefined, status: undefined, traceId: undefined };
}
