import { checkOptions, FUNCTION, LOGGER, oneOf, range, type OptionRule } from '../kernel/check-options.js';
import { describeJwtKeyProblem } from '../kernel/key-shape.js';
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
  /** Used by `clerk.authenticateRequest` (issuer and cookie names), as `@clerk/backend`'s client. */
  publishableKey?: string | undefined;
  /** Used by `clerk.authenticateRequest`: networkless session verification with this PEM public key. */
  jwtKey?: string | undefined;
  /** Used by `clerk.authenticateRequest`: accepted `aud` values. */
  audience?: string | readonly string[] | undefined;
  /** Used by `clerk.authenticateRequest` (satellite and proxy set-ups). */
  domain?: string | undefined;
  /** Used by `clerk.authenticateRequest` (satellite and proxy set-ups). */
  proxyUrl?: string | undefined;
  /** Used by `clerk.authenticateRequest` (satellite and proxy set-ups). */
  isSatellite?: boolean | undefined;
  /** Accepted for `@clerk/backend` compatibility; no effect. */
  sdkMetadata?: unknown;
  /** Accepted for `@clerk/backend` compatibility; no effect (this SDK sends no telemetry). */
  telemetry?: unknown;
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

// The secret travels in a header: the same rule as every URL auth sends credentials to.
const isApiUrl = (value: unknown): boolean => checkServiceUrl(value, { allowQuery: false }) !== undefined;

/** `backoff`'s options, checked as `backoff.<name>`. */
const BACKOFF_OPTIONS = {
  initialDelayMs: range(0, MAX_TIMER_MS),
  maxDelayMs: range(0, MAX_TIMER_MS),
  maxRetryAfterMs: range(0, MAX_TIMER_MS),
} as const satisfies Record<keyof BackoffOptions, OptionRule>;

/**
 * Every option of `createClerkClient`, in the order they are checked; the secret key has its own check
 * (`assertSecretKey`), which never quotes the value.
 */
export const CLIENT_OPTIONS = {
  secretKey: null,
  apiUrl: [isApiUrl, 'an absolute https URL (http only for localhost), without credentials, query or fragment'],
  apiVersion: [(value) => typeof value === 'string' && /^[A-Za-z0-9_-]*$/.test(value), 'a path segment such as "v1" (or "" for none)'],
  fetch: FUNCTION,
  timeoutMs: range(1, MAX_TIMER_MS),
  maxRetries: range(0, 10, 'retries', true),
  userAgent: [(value) => typeof value === 'string' && /^[\x20-\x7e]+$/.test(value), 'a non-empty printable ASCII string'],
  responseValidation: oneOf(VALIDATION_MODES),
  logger: LOGGER,
  maxResponseBytes: range(1, Number.MAX_SAFE_INTEGER, 'bytes', true),
  backoff: [(value) => typeof value === 'object' && value !== null, 'an object'],
  // Request authentication's options, checked by it (`clerk.authenticateRequest`); the jwtKey's shape now.
  publishableKey: null,
  jwtKey: [(value) => describeJwtKeyProblem(value) === undefined, 'an RSA public key (PEM SPKI, 2048–8192 bits)'],
  audience: null,
  domain: null,
  proxyUrl: null,
  isSatellite: null,
  sdkMetadata: null,
  telemetry: null,
} as const satisfies Record<keyof ClientOptions, OptionRule | null>;

/**
 * Validates construction options, throwing a `TypeError` for any programmer error (STYLE rule 6): an unknown
 * option (with the closest known name) or an unusable value, named. The secret is returned separately so that
 * callers can keep it in a closure.
 *
 * @example
 * const { config, secretKey } = parseClientOptions({ secretKey: 'sk_test_abc' }, '2026-05-12');
 */
export function parseClientOptions(options: ClientOptions, specVersion: string): { config: ClientConfig; secretKey: string } {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createClerkClient: options must be an object with a secretKey.');
  }
  assertSecretKey(options.secretKey);
  checkOptions(COMPONENT, options, CLIENT_OPTIONS);
  const backoff = options.backoff ?? {};
  checkOptions(COMPONENT, backoff, BACKOFF_OPTIONS, 'backoff.');
  const apiUrl = (checkServiceUrl(options.apiUrl ?? 'https://api.clerk.com', { allowQuery: false }) as string).replace(/\/+$/, '');
  const apiVersion = options.apiVersion ?? 'v1';
  const config: ClientConfig = {
    apiOrigin: new URL(apiUrl).origin,
    baseUrl: apiVersion === '' ? apiUrl : `${apiUrl}/${apiVersion}`,
    apiUrl,
    apiVersion,
    specVersion,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
    userAgent: options.userAgent ?? 'clerk-bapi',
    responseValidation: options.responseValidation ?? 'warn',
    logger: guardLogger(options.logger ?? consoleLogger),
    maxResponseBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
    initialDelayMs: backoff.initialDelayMs ?? 500,
    maxDelayMs: backoff.maxDelayMs ?? 8_000,
    maxRetryAfterMs: backoff.maxRetryAfterMs ?? 60_000,
  };
  return { config, secretKey: options.secretKey };
}

const COMPONENT = 'createClerkClient';

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
