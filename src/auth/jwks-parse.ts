import type { Result } from '../core/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { fail, type TokenError } from './errors.js';
import { MAX_KID_LENGTH } from './header-checks.js';
import { importRsaKey, type RsaKeyEntry } from './rsa-key.js';

/**
 * Validates a JWKS document and imports its usable signing keys, by `kid`.
 *
 * Policy: keys that are not RSA signing keys for an allowed algorithm are skipped (forward
 * compatibility); a broken RSA key, a missing or duplicate `kid`, too many keys or no usable key
 * reject the whole set, since serving half of an ambiguous set could pick the wrong key.
 *
 * @example
 * const { data: keys } = await parseJwks({ keys: [jwk] }, ['RS256'], 32);
 */
export async function parseJwks(
  document: unknown,
  algorithms: readonly RsaAlgorithm[],
  maxKeys: number,
): Promise<Result<ReadonlyMap<string, RsaKeyEntry>, TokenError>> {
  const keys = typeof document === 'object' && document !== null ? (document as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys)) return fail('jwk_invalid', 'The JWKS document has no "keys" array.');
  if (keys.length > maxKeys) return fail('jwk_invalid', `The JWKS has more than ${maxKeys} keys.`, { count: keys.length });
  const entries = new Map<string, RsaKeyEntry>();
  for (let index = 0; index < keys.length; index++) {
    const jwk: unknown = keys[index];
    if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
      return fail('jwk_invalid', 'A JWKS entry is not an object.', { index });
    }
    const { kty, use, alg, kid } = jwk as Record<string, unknown>;
    if (kty !== 'RSA' || (use !== undefined && use !== 'sig')) continue;
    if (alg !== undefined && !(algorithms as readonly unknown[]).includes(alg)) continue;
    if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) {
      return fail('jwk_invalid', 'A JWKS key has no usable kid.', { index });
    }
    if (entries.has(kid)) return fail('jwk_invalid', 'The JWKS has two keys with the same kid.', { index });
    const imported = await importRsaKey({ jwk: jwk as JsonWebKey & { kid: string } }, algorithms);
    if (imported.errors) return fail('jwk_invalid', `JWKS key ${index}: ${imported.errors[0].message}`, { index });
    entries.set(kid, imported.data);
  }
  if (entries.size === 0) return fail('jwk_invalid', 'The JWKS contains no usable RSA signing key.');
  return { data: entries };
}
