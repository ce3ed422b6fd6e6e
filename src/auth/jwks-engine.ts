import type { Result } from '../core/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { fail, type TokenError } from './errors.js';
import { fetchJwks, type JwksRequest } from './jwks-fetch.js';
import { parseJwks } from './jwks-parse.js';
import type { KeySource } from './key-source.js';
import type { RsaKeyEntry } from './rsa-key.js';

/**
 * Settings of one JWKS engine (one per verifier, so one per API URL and secret key, or per JWKS URL).
 *
 * @example
 * const options: JwksEngineOptions = { request: () => request, algorithms: ['RS256'], now: Date.now, ttlInMs: 300000, cooldownInMs: 30000, staleIfErrorInMs: 3600000, maxKeys: 32 };
 */
export interface JwksEngineOptions {
  request: () => JwksRequest;
  algorithms: readonly RsaAlgorithm[];
  now: () => number;
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
 * - After the first fetch, fetches are at least `cooldownInMs` apart, whatever the cause: an unknown
 *   `kid`, a stale set, or a failing endpoint (including a 401, which is never retried sooner).
 * - A failed refresh keeps the last good set, which keeps being served for up to `staleIfErrorInMs`
 *   past its TTL; after that, lookups report the fetch error.
 *
 * @example
 * const engine = createJwksEngine(options);
 * const { data: key } = await engine.getKey('ins_1');
 */
export function createJwksEngine(options: JwksEngineOptions): KeySource & { fetchCount(): number } {
  const { now, ttlInMs, cooldownInMs, staleIfErrorInMs } = options;
  let keys: ReadonlyMap<string, RsaKeyEntry> | undefined;
  let fetchedAt = 0;
  let lastAttemptAt: number | undefined;
  let lastError: TokenError | undefined;
  let inflight: Promise<void> | undefined;
  let fetches = 0;

  // A clock that went backwards (NTP step, an injected clock) gives a negative age: treat it as expired
  // and as past the cooldown, so a wrong clock can never pin an old key set.
  const ageOf = (since: number): number => {
    const age = now() - since;
    return age < 0 ? Number.POSITIVE_INFINITY : age;
  };

  function refresh(): Promise<void> {
    inflight ??= (async () => {
      fetches++;
      lastAttemptAt = now();
      const fetched = await fetchJwks(options.request());
      const parsed = fetched.errors ? fetched : await parseJwks(fetched.data, options.algorithms, options.maxKeys);
      if (parsed.errors) {
        lastError = parsed.errors[0];
      } else {
        keys = parsed.data;
        fetchedAt = now();
        lastError = undefined;
      }
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  async function getKey(kid: string | undefined): Promise<Result<RsaKeyEntry, TokenError>> {
    if (kid === undefined) return fail('token_invalid', 'The token has no kid, which a JWKS needs to pick a key.');
    if (inflight !== undefined) await inflight;
    const fresh = keys !== undefined && ageOf(fetchedAt) < ttlInMs;
    let entry = keys?.get(kid);
    if (fresh && entry !== undefined) return { data: entry };
    if (lastAttemptAt === undefined || ageOf(lastAttemptAt) >= cooldownInMs) {
      await refresh();
      entry = keys?.get(kid);
    } else if (inflight !== undefined) {
      await inflight;
      entry = keys?.get(kid);
    }
    if (entry !== undefined && (lastError === undefined || ageOf(fetchedAt) < ttlInMs + staleIfErrorInMs)) {
      return { data: entry };
    }
    if (lastError !== undefined) return { errors: [lastError] };
    // The `kid` is not echoed: it is attacker-chosen and may be huge or contain control characters.
    return fail('jwk_kid_mismatch', 'No key in the JWKS matches the token kid.');
  }

  return {
    getKey,
    isCurrent(kid, entry) {
      return kid !== undefined && keys?.get(kid) === entry && ageOf(fetchedAt) < ttlInMs;
    },
    peek(kid) {
      const entry = kid === undefined ? undefined : keys?.get(kid);
      return entry !== undefined && ageOf(fetchedAt) < ttlInMs ? entry : undefined;
    },
    fetchCount: () => fetches,
  };
}
