import { BoundedMap } from '../kernel/bounded-map.js';
import type { RsaKeyEntry } from './rsa-key.js';

/**
 * What a verified-token cache keeps: the outcome of the signature check, not of the time checks.
 *
 * @example
 * const entry: TokenCacheEntry<VerifiedSession> = { kid: 'ins_1', key, value: session };
 */
export interface TokenCacheEntry<T> {
  readonly kid: string | undefined;
  readonly key: RsaKeyEntry;
  readonly value: T;
}

/**
 * A bounded least-recently-used map from the exact token string to its verified result; a size of
 * 0 turns it off. Entries are only ever added after a successful verification.
 *
 * @example
 * const cache = createTokenCache<VerifiedSession>(1024);
 * cache.set(token, entry);
 * cache.get(token);
 */
export function createTokenCache<T>(maxEntries: number): BoundedMap<string, TokenCacheEntry<T>> {
  return new BoundedMap(maxEntries);
}
