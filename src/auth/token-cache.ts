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

/** One cached token, linked from the most to the least recently used. */
interface Slot<T> {
  readonly index: number;
  readonly token: string;
  readonly entry: TokenCacheEntry<T>;
  /** Whether the token was asked for again since it was cached. */
  used: boolean;
  newer: Slot<T> | undefined;
  older: Slot<T> | undefined;
}

/**
 * Creates a {@link TokenCache}. It is indexed by a number folded from the token's last characters (its signature's)
 * and every hit is checked against the whole token: a lookup hashes no string (hashing a fresh 900-character token
 * read from a request cost about 1.5 µs, a 64-character slice of it still a third of a miss), and a token that
 * shares the index with a cached one (a forged payload under a copied signature) is a miss that leaves the cached
 * entry alone. A size of 0 keeps nothing and does no work.
 *
 * Recency is a linked list beside the `Map`, not the `Map`'s insertion order (the kernel's `BoundedMap`): when every
 * token is new, each insert evicts, and taking the oldest key of a `Map` whose front was just deleted walks over
 * the deleted slots until the next rehash, which made an insert cost about 0.6 µs instead of 0.1 µs.
 *
 * What is cached is decided by {@link createTokenAdmission}: every verified token, unless a full turnover of the
 * cache has gone by without a single hit (then only a token seen again within the cache's reach, until the next hit).
 *
 * @example
 * const cache = createTokenCache<VerifiedSession>(1024);
 */
export function createTokenCache<T>(maxEntries: number): TokenCache<T> {
  const slots = new Map<number, Slot<T>>();
  const admission = createTokenAdmission(maxEntries);
  let youngest: Slot<T> | undefined;
  let oldest: Slot<T> | undefined;

  function unlink(slot: Slot<T>): void {
    if (slot.newer === undefined) youngest = slot.older;
    else slot.newer.older = slot.older;
    if (slot.older === undefined) oldest = slot.newer;
    else slot.older.newer = slot.newer;
    slot.newer = undefined;
    slot.older = undefined;
  }

  function makeYoungest(slot: Slot<T>): void {
    slot.older = youngest;
    if (youngest === undefined) oldest = slot;
    else youngest.newer = slot;
    youngest = slot;
  }

  return {
    get(token) {
      const slot = slots.get(indexOf(token));
      // A token that only shares the index is a miss that leaves the cached one's recency alone.
      if (slot === undefined || slot.token !== token) return undefined;
      slot.used = true;
      admission.hit();
      if (slot !== youngest) {
        unlink(slot);
        makeYoungest(slot);
      }
      return slot.entry;
    },
    set(token, entry) {
      if (maxEntries <= 0) return;
      const index = indexOf(token);
      if (!admission.admits(index)) return;
      const previous = slots.get(index);
      if (previous !== undefined) unlink(previous);
      const slot: Slot<T> = { index, token, entry, used: false, newer: undefined, older: undefined };
      makeYoungest(slot);
      slots.set(index, slot);
      if (slots.size > maxEntries && oldest !== undefined) {
        const evicted = oldest;
        unlink(evicted);
        slots.delete(evicted.index);
        if (admission.evicted(evicted.used)) {
          // A full turnover without a hit: what is cached has not paid either, and keeping it alive costs the collector.
          slots.clear();
          youngest = undefined;
          oldest = undefined;
        }
      }
    },
    delete(token) {
      const index = indexOf(token);
      const slot = slots.get(index);
      if (slot === undefined || slot.token !== token) return;
      unlink(slot);
      slots.delete(index);
    },
    get size() {
      return slots.size;
    },
  };
}
