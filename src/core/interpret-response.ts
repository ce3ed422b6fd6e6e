import type { ZodMiniType as ZodType } from 'zod/mini';
import type { ApiError } from './api-error.js';
import type { ApiResult } from './api-result.js';
import type { Transport } from './create-transport.js';
import { describeFailure } from './describe-failure.js';
import { describeMismatches } from './describe-mismatch.js';
import type { OperationDef } from './operation.js';
import type { ResponseShape } from './paged-response.js';
import { apiErrorsOf, parseJson, traceIdOf } from './response-errors.js';
import { parseRetryAfter, shouldRetry } from './retry-policy.js';

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
 * const checks: ResponseChecks = { def, validatorFor, checkFor };
 */
export interface ResponseChecks {
  readonly def: OperationDef;
  readonly validatorFor: (status: number) => Promise<ZodType | undefined>;
  readonly checkFor: (status: number) => ((value: unknown) => boolean) | undefined;
  /** For lists with a `paginated` switch: the `{ data, total_count }` shape of the success status. */
  readonly pagedShape?: ((status: number) => ResponseShape | undefined) | undefined;
}

/**
 * Turns a response and its whole body into a result: Clerk's `errors[]` (or `http_error`) for any
 * non-2xx status, the text of a text operation, else the JSON body checked against its schema.
 *
 * @example
 * const { result, retry } = await interpretResponse(transport, prepared, response, text, false);
 */
export async function interpretResponse(
  transport: Transport,
  operation: ResponseChecks,
  response: Response,
  text: string,
  paged: boolean,
): Promise<AttemptResult> {
  const { config } = transport;
  const status = response.status;
  const parsed = parseJson(text);
  if (status < 200 || status >= 300) {
    const body = parsed === 'failed' ? undefined : parsed.value;
    const traceId = traceIdOf(response, body);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    // Redacted before apiErrorsOf cuts it into a snippet, so that no part of a key survives the cut.
    const errors = apiErrorsOf(status, transport.redact(text), { traceId, retryAfterMs, body });
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
  const pagedShape = paged ? operation.pagedShape?.(status) : undefined;
  const check = pagedShape ? pagedShape.check : operation.checkFor(status);
  if (config.responseValidation === 'off' || check?.(data) === true) {
    return { result: { data, response, status, traceId }, retry: false };
  }
  const validator = pagedShape ? pagedShape.validator : () => operation.validatorFor(status);
  const issues = await validationIssues(validator, data);
  if (issues === undefined) return { result: { data, response, status, traceId }, retry: false };
  const mismatches = describeMismatches(issues, data);
  const first = mismatches[0];
  const where = first ? ` at ${first.path}: expected ${first.expected}, received ${first.received}` : '';
  const message = `The ${status} response of ${operation.def.operationId} does not match its schema${where}.`;
  if (config.responseValidation === 'warn') {
    transport.logger.warn(message, { operationId: operation.def.operationId, status, traceId, mismatches, issues });
    return { result: { data, response, status, traceId }, retry: false };
  }
  const error: ApiError = { code: 'response_validation_failed', message, status, meta: { mismatches, issues, body: data } };
  if (traceId !== undefined) error.traceId = traceId;
  return { result: { errors: [error], response, status, traceId }, retry: false };
}

async function validationIssues(validator: () => Promise<ZodType | undefined>, data: unknown): Promise<readonly unknown[] | undefined> {
  try {
    const schema = await validator();
    const checked = schema?.safeParse(data);
    return checked === undefined || checked.success ? undefined : checked.error.issues;
  } catch (error) {
    // zod throws (rather than reporting) on a few inputs, e.g. an allOf whose parts cannot be merged.
    return [{ code: 'custom', path: [], message: `The validator failed: ${describeFailure(error, 'unknown error')}` }];
  }
}
