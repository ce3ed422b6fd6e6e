import type { Result } from '../core/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import type { TokenError } from './errors.js';
import { importRsaKey, type RsaKeyEntry } from './rsa-key.js';

/**
 * Where a verifier gets its keys: a fixed `jwtKey`, or a JWKS engine.
 *
 * @example
 * const { data: key } = await source.getKey('ins_1');
 */
export interface KeySource {
  /** Resolves the key for a token's `kid` (ignored by a fixed key); may fetch. */
  getKey(kid: string | undefined): Promise<Result<RsaKeyEntry, TokenError>>;
  /** Synchronously: is `entry` still the fresh, current key for `kid`? Used on verified-token cache hits. */
  isCurrent(kid: string | undefined, entry: RsaKeyEntry): boolean;
  /** Synchronously: the fresh key for `kid` if one is already loaded; lets the hot path skip an `await`. */
  peek(kid: string | undefined): RsaKeyEntry | undefined;
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
        const result = material === undefined ? { errors: [jwkInvalid()] as [TokenError] } : await importRsaKey(material, algorithms);
        if (!result.errors) current = result.data;
        return result;
      });
      return imported;
    },
    isCurrent(_kid, entry) {
      return entry === current;
    },
    peek: () => current,
  };
}

async function parseKeyInput(key: string | JsonWebKey): Promise<{ pem: string } | { jwk: JsonWebKey } | undefined> {
  if (typeof key !== 'string') return { jwk: key };
  const trimmed = key.trim();
  if (!trimmed.startsWith('{')) return { pem: trimmed };
  try {
    const jwk: unknown = JSON.parse(trimmed);
    return typeof jwk === 'object' && jwk !== null ? { jwk: jwk as JsonWebKey } : undefined;
  } catch {
    return undefined;
  }
}

function jwkInvalid(): TokenError {
  return { code: 'jwk_invalid', message: 'The jwtKey is neither PEM SPKI text nor an RSA JWK.' };
}
