import { consoleLogger, guardLogger, type ClientLogger } from '../kernel/logger.js';
import { numberInRange } from '../kernel/number-checks.js';
import { assertSecretKey } from '../kernel/secret-key.js';
import { checkServiceUrl } from '../kernel/url-checks.js';

export type { ResponseValidationMode } from '../kernel/validation-mode.js';
import { VALIDATION_MODES, type ResponseValidationMode } from '../kernel/validation-mode.js';

/**
 * Tunables of the retry backoff; the defaults suit production and tests shrink them.
 *
 * @example
 * const backoff: BackoffOptions = { initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
 */
export interface BackoffOptions {
  /** Delay before the first retry, doubled per attempt, with jitter. Default 500. */
  initialDelayMs?: number | undefined;
  /** Upper bound of the exponential delay. Default 8 000. */
  maxDelayMs?: number | undefined;
  /** Upper bound applied to a server's `Retry-After`. Default 60 000. */
  maxRetryAfterMs?: number | undefined;
}

/**
 * Options of `createClerkClient`; everything but `secretKey` has a default.
 *
 * @example
 * const options: ClientOptions = { secretKey: 'sk_test_abc', timeoutMs: 10_000, maxRetries: 1 };
 */
export interface ClientOptions {
  /** `sk_test_…` or `sk_live_…`; checked here, sent only as the `Authorization` header. */
  secretKey: string;
  /** Default `https://api.clerk.com`. Plain `http:` is accepted for loopback hosts only. */
  apiUrl?: string | undefined;
  /** Path segment after `apiUrl`; default `v1`; `''` adds no segment (e.g. for a Prism mock). */
  apiVersion?: string | undefined;
  /** Injectable fetch; when absent, `globalThis.fetch` is looked up at each request. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Per attempt, covering headers and body. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Retries of GET/HEAD/PUT/DELETE on 429/502/503/504, network errors and timeouts. Default 2. */
  maxRetries?: number | undefined;
  /** Default `clerk-bapi`. */
  userAgent?: string | undefined;
  /**
   * Default `'warn'`: a 2xx body whose fields deviate from the spec comes back as `data` with `warnings` (logged
   * once per operation and path); `'error'` turns any deviation into `response_validation_failed` (strict, for
   * tests and CI); `'off'` skips validation. A body whose root is no documented shape is an error unless `'off'`.
   */
  responseValidation?: ResponseValidationMode | undefined;
  /** Receives validation warnings and retry notices. Default: `console.warn`. */
  logger?: ClientLogger | undefined;
  /** Byte cap on any response body. Default 10 MiB. */
  maxResponseBytes?: number | undefined;
  backoff?: BackoffOptions | undefined;
}

/**
 * Options after validation, with every default filled in; the secret is deliberately absent
 * so that this object can be logged, stored and inspected safely.
 *
 * @example
 * const { apiOrigin, baseUrl } = parseClientOptions({ secretKey: 'sk_test_abc' }, '2026-05-12').config;
 */
export interface ClientConfig {
  readonly apiOrigin: string;
  /** `apiUrl` + `/apiVersion`, without a trailing slash. */
  readonly baseUrl: string;
  readonly apiUrl: string;
  readonly apiVersion: string;
  readonly specVersion: string;
  readonly fetch: ((request: Request) => Promise<Response>) | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly userAgent: string;
  readonly responseValidation: ResponseValidationMode;
  readonly logger: ClientLogger;
  readonly maxResponseBytes: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

/**
 * The longest delay a timer can wait: `setTimeout` turns anything longer into 1 ms, so every
 * duration option is refused past it at construction (per-call options give `params_invalid`).
 *
 * @example
 * checkNumber('timeoutMs', value, 30_000, 1, MAX_TIMER_MS);
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Validates construction options, throwing a `TypeError` for any programmer error (STYLE rule 6).
 * The secret is returned separately so that callers can keep it in a closure.
 *
 * @example
 * const { config, secretKey } = parseClientOptions({ secretKey: 'sk_test_abc' }, '2026-05-12');
 */
export function parseClientOptions(options: ClientOptions, specVersion: string): { config: ClientConfig; secretKey: string } {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createClerkClient: options must be an object with a secretKey.');
  }
  assertSecretKey(options.secretKey);
  const apiUrl = parseApiUrl(options.apiUrl ?? 'https://api.clerk.com');
  const apiVersion = options.apiVersion ?? 'v1';
  if (typeof apiVersion !== 'string' || !/^[A-Za-z0-9_-]*$/.test(apiVersion)) {
    throw new TypeError('createClerkClient: apiVersion must be a path segment such as "v1" (or "" for none).');
  }
  const userAgent = options.userAgent ?? 'clerk-bapi';
  if (typeof userAgent !== 'string' || !/^[\x20-\x7e]+$/.test(userAgent)) {
    throw new TypeError('createClerkClient: userAgent must be a non-empty printable ASCII string.');
  }
  const responseValidation = options.responseValidation ?? 'warn';
  if (!VALIDATION_MODES.includes(responseValidation)) {
    throw new TypeError("createClerkClient: responseValidation must be 'error', 'warn' or 'off'.");
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('createClerkClient: fetch must be a function.');
  }
  const logger = options.logger ?? consoleLogger;
  if (typeof logger !== 'object' || logger === null || typeof logger.warn !== 'function') {
    throw new TypeError('createClerkClient: logger must have a warn(message, details) method.');
  }
  const backoff = options.backoff ?? {};
  const url = new URL(apiUrl);
  const config: ClientConfig = {
    apiOrigin: url.origin,
    baseUrl: apiVersion === '' ? apiUrl : `${apiUrl}/${apiVersion}`,
    apiUrl,
    apiVersion,
    specVersion,
    fetch: options.fetch,
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs, 30_000, 1, MAX_TIMER_MS),
    maxRetries: checkNumber('maxRetries', options.maxRetries, 2, 0, 10, true),
    userAgent,
    responseValidation,
    logger: guardLogger(logger),
    maxResponseBytes: checkNumber('maxResponseBytes', options.maxResponseBytes, 10 * 1024 * 1024, 1, undefined, true),
    initialDelayMs: checkNumber('backoff.initialDelayMs', backoff.initialDelayMs, 500, 0, MAX_TIMER_MS),
    maxDelayMs: checkNumber('backoff.maxDelayMs', backoff.maxDelayMs, 8_000, 0, MAX_TIMER_MS),
    maxRetryAfterMs: checkNumber('backoff.maxRetryAfterMs', backoff.maxRetryAfterMs, 60_000, 0, MAX_TIMER_MS),
  };
  return { config, secretKey: options.secretKey };
}

function parseApiUrl(value: unknown): string {
  // The secret travels in a header: the same rule as every URL auth sends credentials to.
  const href = checkServiceUrl(value, { allowQuery: false });
  if (href === undefined) {
    throw new TypeError(
      'createClerkClient: apiUrl must be an absolute https URL (http only for localhost), without credentials, query or fragment.',
    );
  }
  return href.replace(/\/+$/, '');
}

/**
 * Checks one numeric option; shared with per-call request options.
 *
 * @example
 * checkNumber('timeoutMs', undefined, 30_000, 1); // 30000
 */
export function checkNumber(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  integer = false,
): number {
  const checked = numberInRange(value, fallback, min, max, integer);
  if (checked === undefined) throw new TypeError(`${name} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}.`);
  return checked;
}
