import type { ZodMiniType as ZodType } from 'zod/mini';
import type { ApiError } from './api-error.js';
import { failWith, failWithoutResponse, type ApiResult } from './api-result.js';
import { createAttemptFetch, type AttemptRecord } from './attempt-fetch.js';
import { startAttempt } from './attempt-signal.js';
import type { ClientConfig } from './client-options.js';
import type { OperationDef } from './operation.js';
import { buildPath } from './path-params.js';
import { createQuerySerializer } from './query-serializer.js';
import { resolveRequestOptions, type RequestOptions, type ResolvedRequestOptions } from './request-options.js';
import { serializeBody } from './request-body.js';
import { apiErrorsOf, parseJson, traceIdOf } from './response-errors.js';
import { parseRetryAfter, retryDelay, shouldRetry } from './retry-policy.js';
import { sleep } from './sleep.js';
import { createCheckLookup, createValidatorLookup } from './validate-response.js';

/**
 * The slice of openapi-fetch's client we use. Its own `request()` type is keyed by a generated
 * `paths` type; the operation table replaces that here, so the one cast lives in create-transport.
 *
 * @example
 * await client.request('GET', '/users', { params: {}, parseAs: 'stream' });
 */
export interface FetchClient {
  request(method: string, url: string, init: Record<string, unknown>): Promise<unknown>;
}

/**
 * Everything a call needs besides its arguments; `authorize` holds the secret in its closure.
 *
 * @example
 * const transport: Transport = createTransport(config, secretKey);
 */
export interface Transport {
  readonly config: ClientConfig;
  readonly client: FetchClient;
  authorize(headers: Headers): void;
  redact(text: string): string;
}

/**
 * An operation with its per-operation helpers built once at client construction.
 *
 * @example
 * const prepared = prepareOperation(operations[0]);
 */
export interface PreparedOperation {
  readonly def: OperationDef;
  /** False when the operation has neither query nor body, so the method takes no params slot. */
  readonly hasParams: boolean;
  readonly serializeQuery: (query: Record<string, unknown>) => string;
  readonly validatorFor: (status: number) => Promise<ZodType | undefined>;
  readonly checkFor: (status: number) => ((value: unknown) => boolean) | undefined;
}

/**
 * Builds the per-operation helpers; see {@link PreparedOperation}.
 *
 * @example
 * const prepared = prepareOperation(getUserDef);
 */
export function prepareOperation(def: OperationDef): PreparedOperation {
  return {
    def,
    hasParams: def.body !== undefined || def.query.length > 0,
    serializeQuery: createQuerySerializer(def.query),
    validatorFor: createValidatorLookup(def),
    checkFor: createCheckLookup(def),
  };
}

interface AttemptResult {
  result: ApiResult<unknown>;
  retry: boolean;
  retryAfterMs?: number | undefined;
}

const identity = <T>(value: T): T => value;

/**
 * Sends one operation with retries, timeouts and validation, and always resolves to a result.
 *
 * @example
 * const result = await sendOperation(transport, prepared, ['user_123'], undefined, { timeoutMs: 1000 });
 */
export async function sendOperation(
  transport: Transport,
  operation: PreparedOperation,
  pathValues: readonly unknown[],
  params: unknown,
  requestOptions: RequestOptions | undefined,
): Promise<ApiResult<unknown>> {
  const { config } = transport;
  const def = operation.def;
  const resolved = resolveRequestOptions(requestOptions, config);
  if (resolved.errors) return failWith(resolved.errors);
  const options = resolved.data;
  const path = buildPath(def.path, def.pathParams, pathValues);
  if (path.errors) return failWith(path.errors);

  let query = '';
  let body: string | FormData | undefined;
  try {
    if (params !== undefined && (typeof params !== 'object' || params === null)) throw new TypeError('params must be an object');
    if (def.body) body = serializeBody(def.body, params);
    else if (params !== undefined) query = operation.serializeQuery(params as Record<string, unknown>);
  } catch (error) {
    return failWithoutResponse('invalid_params', `Invalid params for ${def.operationId}: ${(error as Error).message}`);
  }
  const headers = options.headers;
  if (!headers.has('user-agent')) headers.set('User-Agent', config.userAgent);
  headers.set('Accept', 'application/json');
  headers.set('Clerk-API-Version', config.specVersion);
  transport.authorize(headers);

  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) return abortedResult();
    const outcome = await sendAttempt(transport, operation, path.data, { query, body, headers }, options);
    if (!outcome.retry || attempt >= options.maxRetries) return outcome.result;
    const delayMs = retryDelay(attempt, outcome.retryAfterMs, config);
    config.logger.debug?.('retrying request', {
      operationId: def.operationId,
      attempt: attempt + 1,
      delayMs: Math.round(delayMs),
      status: outcome.result.status,
      code: outcome.result.errors?.[0].code,
    });
    if (!(await sleep(delayMs, options.signal))) return abortedResult();
  }
}

async function sendAttempt(
  transport: Transport,
  operation: PreparedOperation,
  path: string,
  request: { query: string; body: string | FormData | undefined; headers: Headers },
  options: ResolvedRequestOptions,
): Promise<AttemptResult> {
  const { config } = transport;
  const method = operation.def.method;
  const record: AttemptRecord = {};
  const attempt = startAttempt(options.signal, options.timeoutMs);
  try {
    await transport.client.request(method, path, {
      params: {},
      querySerializer: () => request.query,
      body: request.body,
      bodySerializer: identity,
      headers: request.headers,
      parseAs: 'stream',
      signal: attempt.signal,
      // Never follow a redirect: the Authorization header would go wherever Location points.
      redirect: 'manual',
      fetch: createAttemptFetch(record, config),
    });
  } catch (error) {
    return failedAttempt(transport, method, record, error, options, attempt.timedOut());
  } finally {
    attempt.finish();
  }
  // createAttemptFetch sets both before openapi-fetch returns normally.
  return interpretResponse(transport, operation, record.response as Response, record.text ?? '');
}

function failedAttempt(
  transport: Transport,
  method: OperationDef['method'],
  record: AttemptRecord,
  error: unknown,
  options: ResolvedRequestOptions,
  timedOut: boolean,
): AttemptResult {
  const response = record.response;
  if (record.failure !== undefined) {
    const messages = {
      response_too_large: `The response body exceeded ${transport.config.maxResponseBytes} bytes.`,
      unexpected_redirect: 'The API answered with a redirect, which is not followed with credentials.',
      origin_mismatch: 'The request URL left the API origin; nothing was sent.',
    };
    return { result: withResponse(record.failure, messages[record.failure], response), retry: false };
  }
  if (options.signal?.aborted) return { result: abortedResult(), retry: false };
  if (timedOut) {
    const message = `The request timed out after ${options.timeoutMs} ms.`;
    return { result: withResponse('timeout', message, response), retry: shouldRetry(method, 'timeout') };
  }
  const detail = transport.redact(describeFailure(error));
  return { result: withResponse('network_error', `Network error: ${detail}`, response), retry: shouldRetry(method, 'network_error') };
}

async function interpretResponse(
  transport: Transport,
  operation: PreparedOperation,
  response: Response,
  text: string,
): Promise<AttemptResult> {
  const { config } = transport;
  const status = response.status;
  const parsed = parseJson(text);
  if (status < 200 || status >= 300) {
    const body = parsed === 'failed' ? undefined : parsed.value;
    const traceId = traceIdOf(response, body);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    const errors = apiErrorsOf(status, text, { traceId, retryAfterMs, body });
    // A server (or a proxy) may echo the Authorization header back anywhere in its error objects.
    for (const error of errors) redactError(error, transport.redact);
    return { result: { errors, response, status, traceId }, retry: shouldRetry(operation.def.method, status), retryAfterMs };
  }
  const traceId = traceIdOf(response, undefined);
  if (operation.def.textSuccess) return { result: { data: text === '' ? undefined : text, response, status, traceId }, retry: false };
  if (parsed === 'failed') {
    const error: ApiError = { code: 'invalid_json', message: `HTTP ${status} with a body that is not JSON.`, status };
    if (traceId !== undefined) error.traceId = traceId;
    return { result: { errors: [error], response, status, traceId }, retry: false };
  }
  const data = parsed.value;
  if (config.responseValidation === 'off' || operation.checkFor(status)?.(data) === true) {
    return { result: { data, response, status, traceId }, retry: false };
  }
  let issues: readonly unknown[] | undefined;
  try {
    const schema = await operation.validatorFor(status);
    const checked = schema?.safeParse(data);
    if (checked !== undefined && !checked.success) issues = checked.error.issues;
  } catch (error) {
    // zod throws (rather than reporting) on a few inputs, e.g. an allOf whose parts cannot be merged.
    issues = [{ code: 'custom', path: [], message: `The validator failed: ${describeFailure(error)}` }];
  }
  if (issues === undefined) return { result: { data, response, status, traceId }, retry: false };
  const message = `The ${status} response of ${operation.def.operationId} does not match its schema.`;
  if (config.responseValidation === 'warn') {
    config.logger.warn(message, { operationId: operation.def.operationId, status, traceId, issues });
    return { result: { data, response, status, traceId }, retry: false };
  }
  const error: ApiError = { code: 'response_validation_failed', message, status, meta: { issues, body: data } };
  if (traceId !== undefined) error.traceId = traceId;
  redactError(error, transport.redact);
  return { result: { errors: [error], response, status, traceId }, retry: false };
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

/** What a rejected fetch said, read defensively: odd rejection values must not throw here. */
function describeFailure(error: unknown): string {
  try {
    const record = error as { message?: unknown; cause?: { message?: unknown } } | undefined;
    const message = typeof record?.message === 'string' ? record.message : 'fetch failed';
    const cause = record?.cause?.message;
    return typeof cause === 'string' ? `${message} (${cause})` : message;
  } catch {
    return 'fetch failed';
  }
}

/** Removes the secret from every text field of an API error, `meta` included. */
function redactError(error: ApiError, redact: (text: string) => string): void {
  error.message = redact(error.message);
  if (error.longMessage !== undefined) error.longMessage = redact(error.longMessage);
  if (error.meta !== undefined) error.meta = redactDeep(error.meta, redact, 0) as Record<string, unknown>;
}

/** Redacts every string (keys included) of a parsed JSON value; too deep a value is dropped, not kept. */
function redactDeep(value: unknown, redact: (text: string) => string, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 32) return '[redacted: too deep]';
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a `__proto__` key from JSON stays a plain property.
    Object.defineProperty(out, redact(key), { value: redactDeep(item, redact, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
