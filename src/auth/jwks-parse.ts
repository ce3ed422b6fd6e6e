import { isObject, isRecord, isString } from '../kernel/guards.js';
import type { Result } from '../kernel/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import { invalidKey, type TokenError } from './errors.js';
import { MAX_KID_LENGTH } from './header-checks.js';
import { importRsaKey, type RsaKeyEntry } from './rsa-key.js';

/**
 * Validates a JWKS document and imports its usable signing keys, by `kid`.
 *
 * Policy: a key that cannot be used (not RSA, `use` other than `sig`, `key_ops` without `verify`, an
 * algorithm that is not allowed, no usable `kid`, weak or malformed) is skipped and reported through
 * `onSkip`; the other keys stay usable. A duplicate `kid`, too many keys or no usable key at all reject
 * the whole set, since serving half of an ambiguous set could pick the wrong key.
 *
 * @example
 * const { data: keys } = await parseJwks({ keys: [jwk] }, ['RS256'], 32, (index, reason) => console.warn(index, reason));
 */
export async function parseJwks(
  document: unknown,
  algorithms: readonly RsaAlgorithm[],
  maxKeys: number,
  onSkip: (index: number, reason: string) => void,
): Promise<Result<ReadonlyMap<string, RsaKeyEntry>, TokenError>> {
  const keys = isObject(document) ? document['keys'] : undefined;
  if (!Array.isArray(keys)) return invalidKey('The JWKS document has no "keys" array.');
  if (keys.length > maxKeys) return invalidKey(`The JWKS has more than ${maxKeys} keys.`, { count: keys.length });
  const entries = new Map<string, RsaKeyEntry>();
  for (let index = 0; index < keys.length; index++) {
    const jwk: unknown = keys[index];
    if (!isRecord(jwk)) {
      onSkip(index, 'The entry is not an object.');
      continue;
    }
    const { alg, kid } = jwk;
    if (alg !== undefined && !(algorithms as readonly unknown[]).includes(alg)) {
      onSkip(index, 'The key is pinned to an algorithm that is not allowed.');
      continue;
    }
    if (!isString(kid) || kid.length === 0 || kid.length > MAX_KID_LENGTH) {
      onSkip(index, 'The key has no usable kid.');
      continue;
    }
    if (entries.has(kid)) return invalidKey('The JWKS has two keys with the same kid.', { index });
    const imported = await importRsaKey({ jwk: jwk as JsonWebKey }, algorithms);
    if (imported.errors) {
      onSkip(index, imported.errors[0].message);
      continue;
    }
    entries.set(kid, imported.data);
  }
  if (entries.size === 0) return invalidKey('The JWKS contains no usable RSA signing key.', { count: keys.length });
  return { data: entries };
}
