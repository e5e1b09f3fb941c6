/** @module store/lru-cache: a small least-recently-used map bounded by entry count and, optionally, total weight. */

/** A Map that keeps at most `capacity` entries (and `maxWeight` in total), evicting the least recently used. */
export interface LruCache<K, V> {
  /** The value for `key` (and marks it most recently used), or undefined. */
  get(key: K): V | undefined;
  /**
   * Stores `value` as the most recently used entry with `weight` (default 1), evicting the oldest entries beyond the
   * capacity or the maximum weight. An entry heavier than the maximum weight on its own is not kept.
   */
  set(key: K, value: V, weight?: number): void;
  delete(key: K): boolean;
  clear(): void;
  readonly size: number;
  /** The sum of the weights of the entries held. */
  readonly weight: number;
}

/** Options of {@link createLruCache}. */
export interface LruCacheOptions {
  /** Most total weight held (e.g. bytes); default unbounded. */
  maxWeight?: number;
}

/**
 * Creates an {@link LruCache}. Relies on Map iteration order (insertion order): re-inserting on access moves an entry
 * to the end, so the first key is always the least recently used.
 * @param capacity maximum number of entries, at least 1.
 * @example
 * const cache = createLruCache<string, Session>(500, { maxWeight: 64 * 2 ** 20 }); // 500 entries or 64 MiB
 * cache.set(id, session, bytesOnDisk);
 */
export function createLruCache<K, V>(capacity: number, options: LruCacheOptions = {}): LruCache<K, V> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
  }
  const maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
  if (!(maxWeight > 0)) throw new RangeError(`LRU maxWeight must be positive, got ${maxWeight}`);
  const entries = new Map<K, { value: V; weight: number }>();
  let total = 0;

  function remove(key: K): boolean {
    const entry = entries.get(key);
    if (entry === undefined) return false;
    entries.delete(key);
    total -= entry.weight;
    return true;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, weight = 1) {
      if (!(weight >= 0)) throw new RangeError(`LRU weight must be non-negative, got ${weight}`);
      remove(key);
      if (weight > maxWeight) return;
      entries.set(key, { value, weight });
      total += weight;
      while (entries.size > capacity || total > maxWeight) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        remove(oldest.value);
      }
    },
    delete: remove,
    clear() {
      entries.clear();
      total = 0;
    },
    get size() {
      return entries.size;
    },
    get weight() {
      return total;
    },
  };
}
