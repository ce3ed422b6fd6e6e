import type { VerifiedSession } from './claims.js';
import type { RsaKeyEntry } from './rsa-key.js';

/**
 * What a verified-token cache keeps: the outcome of the signature check, not of the time checks.
 *
 * @example
 * const entry: TokenCacheEntry = { kid: 'ins_1', key, session };
 */
export interface TokenCacheEntry {
  readonly kid: string | undefined;
  readonly key: RsaKeyEntry;
  readonly session: VerifiedSession;
}

/**
 * A bounded least-recently-used map from the exact token string to its verified session; a size of
 * 0 turns it off. Entries are only ever added after a successful verification.
 *
 * @example
 * const cache = createTokenCache(1024);
 * cache.set(token, entry);
 * cache.get(token);
 */
export function createTokenCache(maxEntries: number): {
  get(token: string): TokenCacheEntry | undefined;
  set(token: string, entry: TokenCacheEntry): void;
  delete(token: string): void;
  size(): number;
} {
  const entries = new Map<string, TokenCacheEntry>();
  return {
    get(token) {
      const entry = entries.get(token);
      if (entry !== undefined) {
        // Re-inserting moves the entry to the young end of the Map's insertion order.
        entries.delete(token);
        entries.set(token, entry);
      }
      return entry;
    },
    set(token, entry) {
      if (maxEntries === 0) return;
      entries.delete(token);
      entries.set(token, entry);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
    delete(token) {
      entries.delete(token);
    },
    size: () => entries.size,
  };
}
