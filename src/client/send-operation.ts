import { createFinalURL } from 'openapi-fetch';
import { isObject } from '../kernel/guards.js';
import type { ApiError } from './api-error.js';
import { failWith, failWithoutResponse, type ApiResult } from './api-result.js';
import { fetchAttempt, type AttemptFailure } from './attempt-fetch.js';
import { startAttempt } from '../kernel/attempt-signal.js';
import type { ClientContext } from './client-context.js';
import { describeFailure } from './describe-failure.js';
import { interpretResponse, type AttemptResult } from './interpret-response.js';
import type { OperationDef } from './operation.js';
import { buildPath } from './path-params.js';
import { createQuerySerializer } from './query-serializer.js';
import { redactResult } from './redact-result.js';
import { resolveRequestOptions, type RequestOptions, type ResolvedRequestOptions } from './request-options.js';
import { serializeJsonBody, type BodySerializer } from './request-body.js';
import { traceIdOf } from './response-errors.js';
import type { Result } from '../kernel/result.js';
import { retryDelay, shouldRetry } from './retry-policy.js';
import { sleep } from '../kernel/sleep.js';
import { checkParams, type ParamValueCheck } from './check-params.js';
import { createResponseLookup, type ResponseRule } from './validate-response.js';
import { createPagedRule, isPagedRequest } from './paged-response.js';

/**
 * An operation with its per-operation helpers built once at client construction.
 *
 * @example
 * const prepared = prepareOperation(operations[0], checkParamValues);
 */
export interface PreparedOperation {
  readonly def: OperationDef;
  /** False when the operation has neither query nor body, so the method takes no params slot. */
  readonly hasParams: boolean;
  /** Checks params against `def.params` (the client passes it for every operation, a standalone function when it has params). */
  readonly checkValues: ParamValueCheck | undefined;
  /** Serialises the body: JSON, or the multipart encoder given to prepareOperation; undefined without a body. */
  readonly serializeBody: BodySerializer | undefined;
  readonly serializeQuery: (query: Record<string, unknown>) => string;
  readonly responseFor: (status: number) => ResponseRule;
  /** For lists with a `paginated` switch: the rule of the `{ data, total_count }` shape of the success status. */
  readonly pagedFor: ((status: number) => ResponseRule | undefined) | undefined;
}

/**
 * Builds the per-operation helpers; see {@link PreparedOperation}. A multipart operation needs `encodeMultipart`
 * (passed in rather than imported, so that bundles without multipart operations leave it out); without it this
 * throws a `TypeError`, a wiring bug rather than a runtime failure.
 *
 * @example
 * const prepared = prepareOperation(getUserDef, checkParamValues);
 * const upload = prepareOperation(uploadDef, checkParamValues, encodeMultipart);
 */
export function prepareOperation(
  def: OperationDef,
  checkValues: ParamValueCheck | undefined,
  encodeMultipart?: BodySerializer,
): PreparedOperation {
  if (def.body === 'multipart' && encodeMultipart === undefined) {
    throw new TypeError(`${def.operationId} takes a multipart body but was prepared without encodeMultipart.`);
  }
  return {
    def,
    hasParams: def.body !== undefined || def.query.length > 0,
    checkValues,
    serializeBody: def.body === 'multipart' ? encodeMultipart : def.body === 'json' ? serializeJsonBody : undefined,
    serializeQuery: createQuerySerializer(def.query),
    responseFor: createResponseLookup(def),
    pagedFor: createPagedRule(def),
  };
}

/** One call's request, built once so that every attempt sends the same URL, headers and bytes. */
interface OutgoingRequest {
  readonly url: string;
  readonly method: OperationDef['method'];
  readonly headers: Headers;
  readonly body: string | FormData | null;
  /** A list asked for its `{ data, total_count }` shape (`paginated: true`); the response is checked against it. */
  readonly paged: boolean;
}

/**
 * Sends one operation with retries, timeouts and validation, and always resolves to a result,
 * redacted in this one place whatever path produced it.
 *
 * @example
 * const result = await sendOperation(context, prepared, ['user_123'], undefined, { timeoutMs: 1000 });
 */
export async function sendOperation(
  context: ClientContext,
  operation: PreparedOperation,
  pathValues: readonly unknown[],
  params: unknown,
  requestOptions: RequestOptions | undefined,
): Promise<ApiResult<unknown>> {
  const options = resolveRequestOptions(requestOptions, context.config);
  if (options.errors) return redactResult(failWith(options.errors), context.redact);
  const request = buildRequest(context, operation, pathValues, params, requestOptions, options.data.headers);
  if (request.errors) return redactResult(failWith(request.errors), context.redact);
  return redactResult(await sendWithRetries(context, operation, request.data, options.data), context.redact);
}

async function sendWithRetries(
  context: ClientContext,
  operation: PreparedOperation,
  request: OutgoingRequest,
  options: ResolvedRequestOptions,
): Promise<ApiResult<unknown>> {
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) return abortedResult();
    const { result, retry, retryAfterMs } = await sendAttempt(context, operation, request, options);
    if (!retry || attempt >= options.maxRetries) return result;
    const delayMs = retryDelay(attempt, retryAfterMs, context.config);
    // context.logger redacts what it is given.
    context.logger.debug('retrying request', {
      operationId: operation.def.operationId,
      attempt: attempt + 1,
      delayMs: Math.round(delayMs),
      status: result.status,
      code: result.errors?.[0].code,
    });
    if (!(await sleep(delayMs, options.signal))) return abortedResult();
  }
}

function buildRequest(
  context: ClientContext,
  operation: PreparedOperation,
  pathValues: readonly unknown[],
  params: unknown,
  extras: RequestOptions | undefined,
  callerHeaders: Headers,
): Result<OutgoingRequest, ApiError> {
  const def = operation.def;
  const path = buildPath(def.path, def.pathParams, pathValues);
  if (path.errors) return path;
  const checked = checkParams(def, params, extras, operation.checkValues);
  if (checked.errors) return checked;
  let url: string;
  let body: string | FormData | undefined;
  try {
    if (params !== undefined && !isObject(params)) throw new TypeError('params must be an object');
    if (operation.serializeBody) body = operation.serializeBody(checked.data.body);
    const query = checked.data.query ?? {};
    url = createFinalURL(path.data, {
      baseUrl: context.config.baseUrl,
      params: { query },
      querySerializer: operation.serializeQuery,
      // buildPath has already filled and encoded the path, and createFinalURL calls this only for `params.path`,
      // which is never given: openapi-fetch's own path serializer (about 2 KB) would be dead weight in every bundle.
      pathSerializer: keepPath,
    });
  } catch (error) {
    const message = `Invalid params for ${def.operationId}: ${describeFailure(error, 'a value could not be read')}`;
    return { errors: [{ code: 'params_invalid', message }] };
  }
  const headers = context.headersFor(callerHeaders, typeof body === 'string');
  return { data: { url, method: def.method, headers, body: body ?? null, paged: isPagedRequest(def, params) } };
}

async function sendAttempt(
  context: ClientContext,
  operation: PreparedOperation,
  request: OutgoingRequest,
  options: ResolvedRequestOptions,
): Promise<AttemptResult> {
  const attempt = startAttempt(options.signal, options.timeoutMs);
  const { url, paged, ...init } = request;
  const outcome = await fetchAttempt(url, { ...init, signal: attempt.signal }, context.config);
  attempt.finish();
  if (outcome.failure === undefined) return interpretResponse(context, operation, outcome.response, outcome.text, paged);
  const { method } = operation.def;
  if (outcome.failure !== 'fetch_failed') {
    // One of our own guarantees stopped the attempt: never retried, since the same request would stop the same way.
    return { result: withResponse(outcome.failure, refusalMessage(outcome.failure, context.config), outcome.response), retry: false };
  }
  if (options.signal?.aborted) return { result: abortedResult(), retry: false };
  if (attempt.timedOut()) {
    const message = `The request timed out after ${options.timeoutMs} ms.`;
    return { result: withResponse('timeout', message, outcome.response), retry: shouldRetry(method, 'timeout') };
  }
  const message = `Network error: ${describeFailure(outcome.error)}`;
  return { result: withResponse('network_error', message, outcome.response), retry: shouldRetry(method, 'network_error') };
}

function refusalMessage(failure: Exclude<AttemptFailure, 'fetch_failed'>, config: ClientContext['config']): string {
  if (failure === 'response_too_large') return `The response body exceeded ${config.maxResponseBytes} bytes.`;
  if (failure === 'unexpected_redirect') return 'The API answered with a redirect, which is not followed with credentials.';
  return 'The request URL left the API origin; nothing was sent.';
}

function keepPath(path: string): string {
  return path;
}

function withResponse(code: ApiError['code'], message: string, response: Response | undefined): ApiResult<never> {
  if (response === undefined) return failWithoutResponse(code, message);
  const traceId = traceIdOf(response, undefined);
  const error: ApiError = { code, message, status: response.status };
  if (traceId !== undefined) error.traceId = traceId;
  return { errors: [error], response, status: response.status, traceId };
}

function abortedResult(): ApiResult<never> {
  return failWithoutResponse('aborted', 'The request was aborted by the caller.');
}
