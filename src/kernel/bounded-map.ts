/** One entry, linked from the most to the least recently used. */
interface Node<K, V> {
  readonly key: K;
  value: V;
  newer: Node<K, V> | undefined;
  older: Node<K, V> | undefined;
}

/**
 * A `Map` with a size bound and one eviction rule, least recently used: `get` and `set` both make an
 * entry the youngest, and the oldest is dropped once `maxEntries` is passed. A bound of 0 keeps nothing.
 *
 * Recency is a linked list beside the `Map`, not the `Map`'s insertion order: when every key is new, each `set`
 * evicts, and taking the oldest key of a `Map` whose front was just deleted walks over the deleted slots until the
 * next rehash (about 0.6 µs an insert instead of 0.1 µs in the verified-token cache, where every token can be new).
 *
 * @example
 * const cache = new BoundedMap<string, number>(2);
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3);
 * cache.has('b'); // false: 'b' was the least recently used
 */
export class BoundedMap<K, V> {
  readonly #nodes = new Map<K, Node<K, V>>();
  readonly #maxEntries: number;
  readonly #onEvict: ((key: K, value: V) => void) | undefined;
  #youngest: Node<K, V> | undefined;
  #oldest: Node<K, V> | undefined;

  /** `onEvict` hears of every entry dropped to make room (not of `delete` or `clear`). */
  constructor(maxEntries: number, onEvict?: (key: K, value: V) => void) {
    this.#maxEntries = maxEntries;
    this.#onEvict = onEvict;
  }

  /** The value for `key`, which becomes the most recently used entry. */
  get(key: K): V | undefined {
    const node = this.#nodes.get(key);
    if (node === undefined) return undefined;
    if (node !== this.#youngest) {
      this.#unlink(node);
      this.#makeYoungest(node);
    }
    return node.value;
  }

  /** The value of `key` without making it the most recently used. */
  peek(key: K): V | undefined {
    return this.#nodes.get(key)?.value;
  }

  /** Whether `key` is present, without touching it. */
  has(key: K): boolean {
    return this.#nodes.has(key);
  }

  /** Adds or replaces `key` as the most recently used entry, evicting the least recently used past the bound. */
  set(key: K, value: V): void {
    if (this.#maxEntries <= 0) return;
    const existing = this.#nodes.get(key);
    if (existing !== undefined) {
      existing.value = value;
      if (existing !== this.#youngest) {
        this.#unlink(existing);
        this.#makeYoungest(existing);
      }
      return;
    }
    const node: Node<K, V> = { key, value, newer: undefined, older: undefined };
    this.#nodes.set(key, node);
    this.#makeYoungest(node);
    const oldest = this.#oldest;
    if (this.#nodes.size > this.#maxEntries && oldest !== undefined) {
      this.#unlink(oldest);
      this.#nodes.delete(oldest.key);
      this.#onEvict?.(oldest.key, oldest.value);
    }
  }

  /** Removes `key`. */
  delete(key: K): void {
    const node = this.#nodes.get(key);
    if (node === undefined) return;
    this.#unlink(node);
    this.#nodes.delete(key);
  }

  /** Removes every entry. */
  clear(): void {
    this.#nodes.clear();
    this.#youngest = undefined;
    this.#oldest = undefined;
  }

  /** How many entries are kept. */
  get size(): number {
    return this.#nodes.size;
  }

  #unlink(node: Node<K, V>): void {
    if (node.newer === undefined) this.#youngest = node.older;
    else node.newer.older = node.older;
    if (node.older === undefined) this.#oldest = node.newer;
    else node.older.newer = node.newer;
    node.newer = undefined;
    node.older = undefined;
  }

  #makeYoungest(node: Node<K, V>): void {
    node.older = this.#youngest;
    if (this.#youngest === undefined) this.#oldest = node;
    else this.#youngest.newer = node;
    this.#youngest = node;
  }
}
