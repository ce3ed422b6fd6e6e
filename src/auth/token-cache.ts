import { BoundedMap } from '../kernel/bounded-map.js';
import type { RsaKeyEntry } from './rsa-key.js';
import { createTokenAdmission } from './token-admission.js';

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

/** How many trailing characters of a token its index is folded from: the signature's, never the (short) header. */
const INDEX_CHARACTERS = 8;

/**
 * A token's index: its last characters (its signature's) folded into a small integer. An integer key costs a `Map`
 * no string slice to allocate and no string to hash on every lookup and insert (hashing a 64-character slice was
 * most of a miss). Only a lookup hint: a hit is always compared with the whole token, and two tokens that share an
 * index only ever cost each other their cache slot. Tokens that share their signature share their index.
 */
function indexOf(token: string): number {
  let index = 0;
  for (let at = Math.max(0, token.length - INDEX_CHARACTERS); at < token.length; at++) {
    index = (Math.imul(index, 31) + token.charCodeAt(at)) | 0;
  }
  return index;
}

/**
 * A bounded least-recently-used cache from the exact token string to its verified result; a size of 0 turns it
 * off. Entries are only ever added after a successful verification.
 *
 * @example
 * const cache = createTokenCache<VerifiedSession>(1024);
 * cache.set(token, entry);
 * cache.get(token);
 */
export interface TokenCache<T> {
  /** The entry of exactly this token, if any. */
  get(token: string): TokenCacheEntry<T> | undefined;
  set(token: string, entry: TokenCacheEntry<T>): void;
  delete(token: string): void;
  readonly size: number;
}

/** One cached token: its verified result, and whether it was asked for again since it was cached. */
interface Slot<T> {
  readonly token: string;
  readonly entry: TokenCacheEntry<T>;
  used: boolean;
}

/**
 * Creates a {@link TokenCache}: the kernel's least-recently-used {@link BoundedMap}, keyed by a number folded from
 * the token's last characters (its signature's), with every hit checked against the whole token. A lookup hashes
 * no string (hashing a fresh 900-character token read from a request cost about 1.5 µs, a 64-character slice of it
 * still a third of a miss), and a token that shares the index with a cached one (a forged payload under a copied
 * signature) is a miss that leaves the cached entry alone. A size of 0 keeps nothing.
 *
 * What is cached is decided by {@link createTokenAdmission}: every verified token, unless a full turnover of the
 * cache has gone by without a single hit (then only a token seen again within the cache's reach, until the next hit).
 *
 * @example
 * const cache = createTokenCache<VerifiedSession>(1024);
 */
export function createTokenCache<T>(maxEntries: number): TokenCache<T> {
  const admission = createTokenAdmission(maxEntries);
  const slots: BoundedMap<number, Slot<T>> = new BoundedMap(maxEntries, (_index, evicted) => {
    // A full turnover without a hit: what is cached has not paid either, and keeping it alive costs the collector.
    if (admission.evicted(evicted.used)) slots.clear();
  });
  return {
    get(token) {
      const index = indexOf(token);
      // A token that only shares the index is a miss that leaves the cached one's recency alone.
      if (slots.peek(index)?.token !== token) return undefined;
      const slot = slots.get(index) as Slot<T>;
      slot.used = true;
      admission.hit();
      return slot.entry;
    },
    set(token, entry) {
      if (maxEntries <= 0) return;
      const index = indexOf(token);
      if (admission.admits(index)) slots.set(index, { token, entry, used: false });
    },
    delete(token) {
      const index = indexOf(token);
      if (slots.peek(index)?.token === token) slots.delete(index);
    },
    get size() {
      return slots.size;
    },
  };
}
