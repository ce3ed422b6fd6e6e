import { isObject, isString } from '../kernel/guards.js';
import { BoundedMap } from '../kernel/bounded-map.js';
import type { Result } from '../kernel/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { invalidKey, type TokenError } from './errors.js';
import { importRsaKey, type RsaKeyEntry } from './rsa-key.js';

/**
 * Where skipped JWKS keys are reported; the same shape as the client's logger.
 *
 * @example
 * const logger: AuthLogger = { warn: (message, details) => console.warn(message, details) };
 */
export interface AuthLogger {
  warn(message: string, details?: Record<string, unknown>): void;
}

/**
 * What one verification lends its key source: the time, and the `fetch` and logger to use if a key set
 * has to be loaded. Passed per call so that callbacks never decide which key-set cache is used.
 *
 * @example
 * const context: KeyContext = { nowMs: Date.now() };
 */
export interface KeyContext {
  readonly nowMs: number;
  /** The clock `nowMs` was read from; read again when a lookup that waited for a fetch starts the next one. */
  readonly now?: (() => number) | undefined;
  /** The `fetch` to load a key set with, looked up only when one is loaded. Default `globalThis.fetch`. */
  readonly fetch?: (() => typeof fetch) | undefined;
  readonly logger?: AuthLogger | undefined;
}

/**
 * Where a verifier gets its keys: a fixed `jwtKey`, or a JWKS engine.
 *
 * @example
 * const { data: key } = await source.getKey('ins_1', { nowMs: Date.now() });
 */
export interface KeySource {
  /** Resolves the key for a token's `kid` (ignored by a fixed key); may fetch. */
  getKey(kid: string | undefined, context: KeyContext): Promise<Result<RsaKeyEntry, TokenError>>;
  /**
   * Synchronously: the fresh key for `kid` if one is already loaded; lets the hot path skip an `await`, and
   * tells a verified-token cache hit whether its key is still the current one.
   */
  peek(kid: string | undefined, nowMs: number): RsaKeyEntry | undefined;
}

/**
 * A key source for one fixed key (PEM or JWK), imported once on first use; the token's `kid` is not
 * consulted, as in Clerk's networkless mode.
 *
 * @example
 * const source = createFixedKeySource(jwtKeyPem, ['RS256']);
 */
export function createFixedKeySource(key: string | JsonWebKey, algorithms: readonly RsaAlgorithm[]): KeySource {
  let imported: Promise<Result<RsaKeyEntry, TokenError>> | undefined;
  let current: RsaKeyEntry | undefined;
  return {
    getKey() {
      imported ??= parseKeyInput(key).then(async (material) => {
        const result =
          material === undefined
            ? invalidKey('The jwtKey is neither PEM SPKI text nor an RSA JWK.')
            : await importRsaKey(material, algorithms);
        if (!result.errors) current = result.data;
        return result;
      });
      return imported;
    },
    peek: () => current,
  };
}

/** Enough for the handful of keys an application passes to `verifyJwt`/`hasValidSignature`. */
const MAX_FIXED_KEYS = 16;
// Pure: a bundle that never calls sharedFixedKeySource (verifyToken alone) drops the map.
const fixedSources = /* @__PURE__ */ new BoundedMap<string, KeySource>(MAX_FIXED_KEYS);

/**
 * The fixed key source for (key, algorithms), shared by every call of the stateless `verifyJwt` and
 * `hasValidSignature`, since importing costs more than verifying. Public keys only, so holding them in a
 * module-level map leaks nothing.
 *
 * @example
 * const source = sharedFixedKeySource(pem, ['RS256']);
 */
export function sharedFixedKeySource(key: string | JsonWebKey, algorithms: readonly RsaAlgorithm[]): KeySource {
  const id = `${algorithms.join(',')}|${isString(key) ? key : JSON.stringify(key)}`;
  let source = fixedSources.get(id);
  if (source === undefined) {
    source = createFixedKeySource(key, algorithms);
    fixedSources.set(id, source);
  }
  return source;
}

async function parseKeyInput(key: string | JsonWebKey): Promise<{ pem: string } | { jwk: JsonWebKey } | undefined> {
  if (!isString(key)) return { jwk: key };
  const trimmed = key.trim();
  if (!trimmed.startsWith('{')) return { pem: trimmed };
  try {
    const jwk: unknown = JSON.parse(trimmed);
    return isObject(jwk) ? { jwk: jwk as JsonWebKey } : undefined;
  } catch {
    return undefined;
  }
}
