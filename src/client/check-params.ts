import type { ApiError } from './api-error.js';
import type { OperationDef } from './operation.js';
import type { Result } from '../kernel/result.js';

/**
 * The undocumented parameters a caller sends on purpose (request options `extraQuery` and `extraBody`).
 *
 * @example
 * const extras: ParamExtras = { extraQuery: { beta_filter: 'x' } };
 */
export interface ParamExtras {
  extraQuery?: Record<string, unknown> | undefined;
  extraBody?: Record<string, unknown> | undefined;
}

/**
 * The params to serialise once unknown keys are ruled out: the body (params plus `extraBody`) and the query
 * (params plus `extraQuery` for operations without a body, else `extraQuery` alone).
 *
 * @example
 * const checked: CheckedParams = { query: { limit: 10 }, body: undefined };
 */
export interface CheckedParams {
  query: Record<string, unknown> | undefined;
  body: unknown;
}

/**
 * Checks the params of one call against its operation's params shape (check-param-values.ts). Passed in rather
 * than imported, so that a standalone function without params bundles none of it.
 *
 * @example
 * const check: ParamValueCheck = checkParamValues;
 */
export type ParamValueCheck = (
  def: OperationDef,
  params: unknown,
  provided: Record<string, unknown> | undefined,
) => Result<never, ApiError> | undefined;

/**
 * Makes one call's params ready to send: refuses what `checkValues` refuses (then nothing is sent), and merges
 * the request options `extraQuery`/`extraBody` in, unchecked. A `FormData` body is sent as it is.
 *
 * @example
 * const checked = checkParams(getUserListDef, { emailAddress: ['a@b.c'] }, undefined, checkParamValues);
 * // checked.errors[0].meta: { param: 'emailAddress', location: 'query', reason: 'unknown', suggestion: 'email_address' }
 */
export function checkParams(
  def: OperationDef,
  params: unknown,
  extras: ParamExtras | undefined,
  checkValues: ParamValueCheck | undefined,
): Result<CheckedParams, ApiError> {
  try {
    return checkOrThrow(def, params, extras, checkValues);
  } catch {
    // A Proxy or a getter that throws while its keys are read: a result, not an exception.
    return refuseParams(def, 'params or request options could not be read.', {});
  }
}

function checkOrThrow(
  def: OperationDef,
  params: unknown,
  extras: ParamExtras | undefined,
  checkValues: ParamValueCheck | undefined,
): Result<CheckedParams, ApiError> {
  const extraQuery = extras?.extraQuery;
  const extraBody = extras?.extraBody;
  if (!isOptionalRecord(extraQuery) || !isOptionalRecord(extraBody)) {
    return refuseParams(def, 'extraQuery and extraBody must be plain objects.', {});
  }
  const isForm = def.body !== undefined && params instanceof FormData;
  const refused = isForm ? undefined : checkValues?.(def, params, def.body ? extraBody : extraQuery);
  if (refused) return refused;
  if (def.body) {
    if (extraBody === undefined || isForm) return { data: { query: extraQuery, body: params } };
    if (params === undefined) return { data: { query: extraQuery, body: extraBody } };
    if (Array.isArray(params)) return refuseParams(def, 'extraBody cannot be merged into a list body.', {});
    return { data: { query: extraQuery, body: { ...(params as Record<string, unknown>), ...extraBody } } };
  }
  if (params !== undefined && !isRecord(params)) return refuseParams(def, 'params must be an object.', {});
  const query = extraQuery === undefined ? params : { ...params, ...extraQuery };
  return { data: { query, body: undefined } };
}

/**
 * A `params_invalid` result for `def`, nothing sent.
 *
 * @example
 * return refuseParams(def, 'params must be an object.', {});
 */
export function refuseParams(def: OperationDef, message: string, meta: Record<string, unknown>): Result<never, ApiError> {
  return { errors: [{ code: 'params_invalid', message: `Invalid params for ${def.operationId}: ${message}`, meta }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof FormData);
}

function isOptionalRecord(value: unknown): value is Record<string, unknown> | undefined {
  return value === undefined || isRecord(value);
}
