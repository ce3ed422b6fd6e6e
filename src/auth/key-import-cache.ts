import type { Result } from '../core/result.js';
import type { RsaAlgorithm } from './algorithms.js';
import type { TokenError } from './errors.js';
import { createFixedKeySource } from './key-source.js';
import type { RsaKeyEntry } from './rsa-key.js';

/** Enough for the handful of keys an application uses; the oldest import is dropped beyond it. */
const MAX_KEYS = 16;
const imports = new Map<string, Promise<Result<RsaKeyEntry, TokenError>>>();

/**
 * Imports a PEM or JWK key once per (key, algorithms) for the stateless `verifyJwt` and
 * `hasValidSignature`, since importing costs more than verifying. Public keys only, so holding
 * them in a module-level map leaks nothing.
 *
 * @example
 * const { data: entry } = await importKeyCached(pem, ['RS256']);
 */
export function importKeyCached(
  key: string | JsonWebKey,
  algorithms: readonly RsaAlgorithm[],
): Promise<Result<RsaKeyEntry, TokenError>> {
  const id = `${algorithms.join(',')}|${typeof key === 'string' ? key : JSON.stringify(key)}`;
  let imported = imports.get(id);
  if (imported === undefined) {
    imported = createFixedKeySource(key, algorithms).getKey(undefined);
    imports.set(id, imported);
    if (imports.size > MAX_KEYS) {
      const oldest = imports.keys().next();
      if (oldest.done !== true) imports.delete(oldest.value);
    }
  }
  return imported;
}
