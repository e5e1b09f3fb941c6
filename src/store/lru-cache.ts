/** @module store/lru-cache: a small least-recently-used map with a fixed capacity. */

/** A Map that keeps at most `capacity` entries, evicting the least recently read or written one. */
export interface LruCache<K, V> {
  /** The value for `key` (and marks it most recently used), or undefined. */
  get(key: K): V | undefined;
  /** Stores `value` as the most recently used entry, evicting the oldest entries beyond capacity. */
  set(key: K, value: V): void;
  delete(key: K): boolean;
  clear(): void;
  readonly size: number;
}

/**
 * Creates an {@link LruCache}. Relies on Map iteration order (insertion order): re-inserting on access moves an entry
 * to the end, so the first key is always the least recently used.
 * @param capacity maximum number of entries, at least 1.
 */
export function createLruCache<K, V>(capacity: number): LruCache<K, V> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
  }
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    delete(key) {
      return entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
