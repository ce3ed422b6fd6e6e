/**
 * Below this size a verified-token cache always admits: filling a small cache costs little, and its evictions say
 * little about whether caching pays.
 */
const MIN_ENTRIES = 64;
/** The most slots the table of recently seen tokens gets (12 bytes each), whatever the cache's size. */
const MAX_SEEN_SLOTS = 1 << 16;

/**
 * Whether a freshly verified token is worth a place in a verified-token cache of `maxEntries` entries, learnt from
 * what the cache has seen; internal to the token cache.
 *
 * @example
 * const admission = createTokenAdmission(1024);
 * if (admission.admits(index)) cache.insert(token);
 */
export interface TokenAdmission {
  /** A cached token was asked for again: caching pays, so every verified token is admitted again. */
  hit(): void;
  /**
   * An entry left the cache to make room; `used` when it had been asked for since it was cached. `true` when the
   * cache should be emptied: a full turnover of entries that were never used again.
   */
  evicted(used: boolean): boolean;
  /** Whether to cache a freshly verified token with this index. */
  admits(index: number): boolean;
}

/**
 * Creates a {@link TokenAdmission}. Every verified token is cached until the cache turns over completely (as many
 * evictions as entries) without a single hit: then no token that was cached came back while it could still be
 * found, so caching costs (the insert, and keeping every result alive for the collector) without paying. The
 * cache is emptied and only a token seen again within the cache's reach (at most `maxEntries` verifications after
 * its previous one) is admitted, on its second verification; the next hit admits every token again. Whatever is
 * decided, a cached token is only ever answered for exactly the same token, and a token not cached is verified in
 * full: admission changes how often a token is verified, never whether it is accepted.
 *
 * @example
 * const admission = createTokenAdmission(1024);
 */
export function createTokenAdmission(maxEntries: number): TokenAdmission {
  let unusedEvictions = 0;
  let scanning = false;
  /** Counts verified tokens offered for admission: the cache's clock for "within reach". */
  let tick = 0;
  let seenIndex: Int32Array | undefined;
  let seenAt: Float64Array | undefined;
  let mask = 0;
  return {
    hit() {
      unusedEvictions = 0;
      scanning = false;
    },
    evicted(used) {
      if (used) {
        unusedEvictions = 0;
        return false;
      }
      unusedEvictions += 1;
      if (maxEntries < MIN_ENTRIES || unusedEvictions < maxEntries) return false;
      unusedEvictions = 0;
      scanning = true;
      if (seenIndex === undefined) {
        let slots = 1;
        while (slots < 2 * maxEntries && slots < MAX_SEEN_SLOTS) slots *= 2;
        seenIndex = new Int32Array(slots);
        seenAt = new Float64Array(slots);
        mask = slots - 1;
      }
      return true;
    },
    admits(index) {
      tick += 1;
      if (!scanning || seenIndex === undefined || seenAt === undefined) return true;
      const slot = index & mask;
      const previous = seenAt[slot] as number;
      const seenAgain = seenIndex[slot] === index && previous > 0 && tick - previous <= maxEntries;
      seenIndex[slot] = index;
      seenAt[slot] = tick;
      return seenAgain;
    },
  };
}
