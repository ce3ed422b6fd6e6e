import type { ApiError } from './api-error.js';
import type { ApiResult } from './api-result.js';
import type { ClientContext } from './client-context.js';
import { describeFirst, judgeBody, reportOnce } from '../kernel/judge-body.js';
import { redactDeep } from '../kernel/redact-deep.js';
import type { OperationDef } from './operation.js';
import { apiErrorsOf, parseJson, traceIdOf } from './response-errors.js';
import { parseRetryAfter, shouldRetry } from './retry-policy.js';
import type { ResponseRule } from './validate-response.js';

/**
 * What one attempt came to: its result, whether it may be retried, and the server's `Retry-After`.
 *
 * @example
 * const outcome: AttemptResult = { result, retry: false };
 */
export interface AttemptResult {
  readonly result: ApiResult<unknown>;
  readonly retry: boolean;
  readonly retryAfterMs?: number | undefined;
}

/**
 * The per-operation helpers {@link interpretResponse} needs; built once per client.
 *
 * @example
 * const checks: ResponseChecks = { def, responseFor: createResponseLookup(def), pagedFor: undefined };
 */
export interface ResponseChecks {
  readonly def: OperationDef;
  readonly responseFor: (status: number) => ResponseRule;
  /** For lists with a `paginated` switch: the rule of the `{ data, total_count }` shape of the success status. */
  readonly pagedFor?: ((status: number) => ResponseRule | undefined) | undefined;
}

/**
 * Turns a response and its whole body into a result: Clerk's `errors[]` (or `http_error`) for any
 * non-2xx status, the text of a text operation, else the JSON body checked against its schema.
 *
 * @example
 * const { result, retry } = await interpretResponse(context, prepared, response, text, false);
 */
export async function interpretResponse(
  context: ClientContext,
  operation: ResponseChecks,
  response: Response,
  text: string,
  paged: boolean,
): Promise<AttemptResult> {
  const { config } = context;
  const status = response.status;
  const parsed = parseJson(text);
  if (status < 200 || status >= 300) {
    // Redacted before anything reads it: apiErrorsOf cuts the text into a snippet and camelCases `meta` keys,
    // and a key cut short or renamed (`sk_live_…` → `skLive…`) would no longer be recognised (SECURITY G.42).
    const body = parsed === 'failed' ? undefined : redactDeep(parsed.value, context.redact);
    const traceId = traceIdOf(response, body);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    const errors = apiErrorsOf(status, context.redact(text), { traceId, retryAfterMs, body });
    return { result: { errors, response, status, traceId }, retry: shouldRetry(operation.def.method, status), retryAfterMs };
  }
  const traceId = traceIdOf(response, undefined);
  if (operation.def.textSuccess) return { result: { data: text === '' ? undefined : text, response, status, traceId }, retry: false };
  if (parsed === 'failed') {
    const error: ApiError = { code: 'json_invalid', message: `HTTP ${status} with a body that is not JSON.`, status };
    if (traceId !== undefined) error.traceId = traceId;
    return { result: { errors: [error], response, status, traceId }, retry: false };
  }
  const data = parsed.value;
  const rule = (paged ? operation.pagedFor?.(status) : undefined) ?? operation.responseFor(status);
  const mode = config.responseValidation;
  const verdict = judgeBody(rule.shape, data, mode);
  if (verdict.kind === 'ok') return { result: { data, response, status, traceId }, retry: false };
  const { operationId } = operation.def;
  const { mismatches } = verdict;
  const message = describeFirst(`The ${status} response of ${operationId}`, mismatches);
  if (verdict.kind === 'warn') {
    reportOnce(config.logger, context.logger, operationId, message, mismatches, { operationId, status, traceId });
    return { result: { data, response, status, traceId, warnings: mismatches }, retry: false };
  }
  const error: ApiError = { code: 'response_validation_failed', message, status, meta: { mismatches, body: data } };
  if (traceId !== undefined) error.traceId = traceId;
  return { result: { errors: [error], response, status, traceId }, retry: false };
}
