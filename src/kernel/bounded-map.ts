/**
 * A `Map` with a size bound and one eviction rule, least recently used: `get` and `set` both make an
 * entry the youngest, and the oldest is dropped once `maxEntries` is passed. A bound of 0 keeps nothing.
 *
 * It relies on a `Map` iterating in insertion order, so re-inserting an entry is what "touching" it means.
 *
 * @example
 * const cache = new BoundedMap<string, number>(2);
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3);
 * cache.has('b'); // false: 'b' was the least recently used
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #maxEntries: number;
  /** The most recently used key: touching it again needs no re-insertion (the common case of one hot key). */
  #youngest: K | undefined;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  /** The value for `key`, which becomes the most recently used entry. */
  get(key: K): V | undefined {
    const entries = this.#entries;
    const value = entries.get(key);
    if (value !== undefined && key !== this.#youngest) {
      entries.delete(key);
      entries.set(key, value);
      this.#youngest = key;
    }
    return value;
  }

  /** Whether `key` is present, without touching it. */
  /** The value of `key` without making it the most recently used. */
  peek(key: K): V | undefined {
    return this.#entries.get(key);
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Adds or replaces `key` as the most recently used entry, evicting the least recently used past the bound. */
  set(key: K, value: V): void {
    const entries = this.#entries;
    entries.delete(key);
    entries.set(key, value);
    this.#youngest = key;
    if (entries.size > this.#maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done !== true) entries.delete(oldest.value);
    }
  }

  /** Removes `key`. */
  delete(key: K): void {
    // `#youngest` may keep naming a deleted key: `get` finds no value for it, and `set` renames it.
    this.#entries.delete(key);
  }

  /** How many entries are kept. */
  get size(): number {
    return this.#entries.size;
  }
}
