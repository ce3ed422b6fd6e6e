import { consoleLogger } from '../kernel/logger.js';
import { reportPerWindow } from '../kernel/report-per-window.js';
import type { Result } from '../kernel/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { fail, invalidToken, type TokenError } from './errors.js';
import { fetchJwks } from './jwks-fetch.js';
import { parseJwks } from './jwks-parse.js';
import type { KeyContext, KeySource } from './key-source.js';
import type { RsaKeyEntry } from './rsa-key.js';
import { describeUntrusted } from './safe-detail.js';

/** Before any key set was ever loaded, the first retry waits this long; each failure doubles it. */
const FIRST_RETRY_MS = 1000;

/**
 * Settings of one JWKS engine: one per key set (API URL and secret key, or JWKS URL).
 *
 * @example
 * const options: JwksEngineOptions = { url, headers: {}, bapi: false, timeoutInMs: 5000, maxBytes: 262144, algorithms: ['RS256'], ttlInMs: 300000, cooldownInMs: 30000, staleIfErrorInMs: 3600000, maxKeys: 32 };
 */
export interface JwksEngineOptions {
  url: string;
  headers: Record<string, string>;
  /** Whether a 401/403 means the secret key was refused (Backend API) rather than a plain failure. */
  bapi: boolean;
  timeoutInMs: number;
  maxBytes: number;
  algorithms: readonly RsaAlgorithm[];
  ttlInMs: number;
  cooldownInMs: number;
  staleIfErrorInMs: number;
  maxKeys: number;
}

/**
 * A JWKS cache with these rules:
 *
 * - Keys are fresh for `ttlInMs`; a stale set is refreshed on the next lookup.
 * - One fetch at a time: concurrent lookups share the fetch in flight (single-flight).
 * - Once a key set has been loaded, fetches are at least `cooldownInMs` apart, whatever the cause: an
 *   unknown `kid`, a stale set, or a failing endpoint (including a 401, which is never retried sooner).
 *   Before that, a failed fetch is retried after 1 s, then 2 s, 4 s… up to `cooldownInMs`, so an
 *   endpoint that comes back is used soon (a refused secret key still waits the full cooldown).
 * - A failed refresh keeps the last good set, which keeps being served for up to `staleIfErrorInMs`
 *   past its TTL; after that, lookups report the fetch error.
 * - Time is measured as elapsed time: a clock that steps backwards neither ends the cooldown nor
 *   pins the key set (the step counts as no time; the clock's progress after it counts again).
 *
 * @example
 * const engine = createJwksEngine(options);
 * const { data: key } = await engine.getKey('ins_1', { nowMs: Date.now() });
 */
export function createJwksEngine(options: JwksEngineOptions): KeySource {
  const { ttlInMs, cooldownInMs, staleIfErrorInMs } = options;
  const elapsed = createElapsedClock();
  let keys: ReadonlyMap<string, RsaKeyEntry> | undefined;
  let fetchedAt = 0;
  let lastAttemptAt: number | undefined;
  let lastError: TokenError | undefined;
  let failures = 0;
  let inflight: Promise<void> | undefined;

  // A refused secret key will not start working in a second: only transient failures back off faster.
  const retryWait = (): number =>
    keys === undefined && lastError?.code !== 'secret_key_invalid'
      ? Math.min(cooldownInMs, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1))
      : cooldownInMs;

  function refresh(context: KeyContext, at: number): Promise<void> {
    inflight ??= (async () => {
      lastAttemptAt = at;
      const logger = context.logger ?? consoleLogger;
      const fetched = await fetchJwks({ ...options, fetch: context.fetch?.() ?? globalThis.fetch });
      const parsed = fetched.errors
        ? fetched
        : await parseJwks(fetched.data, options.algorithms, options.maxKeys, (index, reason) => {
            try {
              logger.warn('A JWKS key was skipped.', { url: options.url, index, reason });
            } catch {
              // A broken logger must not break the key set it reports on (only `warn` is used, so no guardLogger).
            }
          });
      if (parsed.errors) {
        lastError = parsed.errors[0];
        failures++;
        reportFailure(logger, lastError, keys !== undefined, context);
      } else {
        keys = parsed.data;
        fetchedAt = at;
        lastError = undefined;
        failures = 0;
      }
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  /**
   * Tells the server log that the key set could not be loaded (timeout, non-2xx, not JSON, no usable key, a refused
   * secret key): once per cause per REPORT_WINDOW_MS, never on every request. Only the URL, the code, the status
   * and the fixed message go out, never the secret key that authorised the request.
   */
  function reportFailure(logger: NonNullable<KeyContext['logger']>, error: TokenError, stale: boolean, context: KeyContext): void {
    const message = stale
      ? 'The JWKS could not be refreshed; the last good key set is used until it is too old.'
      : 'The JWKS could not be loaded; session tokens cannot be verified until it is.';
    const status = typeof error.meta?.['status'] === 'number' ? error.meta['status'] : undefined;
    const url = withoutCredentials(options.url);
    reportPerWindow(logger, `jwks ${error.code} ${url}`, context.now?.() ?? context.nowMs, message, {
      url,
      code: error.code,
      status,
      reason: error.message,
    });
  }

  async function getKey(kid: string | undefined, context: KeyContext): Promise<Result<RsaKeyEntry, TokenError>> {
    if (kid === undefined) return invalidToken('has no kid, which a JWKS needs to pick a key');
    // The clock is read before any wait: a reading handed over after newer ones would look like a backwards
    // step, and the time up to the next reading would be counted twice (cooldown and TTL ending early).
    const now = elapsed(context.nowMs);
    if (inflight !== undefined) await inflight;
    let entry = keys?.get(kid);
    if (entry !== undefined && now - fetchedAt < ttlInMs) return { data: entry };
    if (lastAttemptAt === undefined || now - lastAttemptAt >= retryWait()) {
      // Stamped with the time it really starts, not this lookup's arrival: after a wait (every lookup may be parked
      // on the same fetch, so no newer reading came in) the next fetch must still be a full cooldown after it.
      await refresh(context, context.now === undefined ? elapsed.latest() : elapsed(context.now()));
      entry = keys?.get(kid);
    } else if (inflight !== undefined) {
      await inflight;
      entry = keys?.get(kid);
    }
    if (entry !== undefined && (lastError === undefined || now - fetchedAt < ttlInMs + staleIfErrorInMs)) {
      return { data: entry };
    }
    if (lastError !== undefined) return { errors: [lastError] };
    // The kid is attacker-chosen: it goes to meta only sanitised and cut, never into the message.
    return fail('jwk_kid_mismatch', 'No key in the JWKS matches the token kid.', { kid: describeUntrusted(kid) });
  }

  return {
    getKey,
    peek(kid, nowMs) {
      const entry = kid === undefined ? undefined : keys?.get(kid);
      return entry !== undefined && elapsed(nowMs) - fetchedAt < ttlInMs ? entry : undefined;
    },
  };
}

/**
 * Turns wall-clock readings into elapsed milliseconds that never go backwards: a backwards step adds
 * nothing, and readings after it count from the new value. `latest()` is the elapsed time of the newest reading.
 */
function createElapsedClock(): ((nowMs: number) => number) & { latest(): number } {
  let last: number | undefined;
  let total = 0;
  const read = (nowMs: number): number => {
    if (last !== undefined && nowMs > last) total += nowMs - last;
    last = nowMs;
    return total;
  };
  return Object.assign(read, { latest: () => total });
}

/** A `jwksUrl` may carry a credential in its user info or query: the log gets the origin and path only. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '[unparsable URL]';
  }
}
