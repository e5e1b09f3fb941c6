import { describe, expect, it } from 'vitest';
import { createLruCache } from '../../src/store/lru-cache.ts';

describe('createLruCache', () => {
  it('evicts the least recently used entry beyond capacity, counting reads as use', () => {
    const cache = createLruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('stays at capacity whatever the number of keys written', () => {
    const cache = createLruCache<number, number>(100);
    for (let key = 0; key < 10_000; key++) cache.set(key, key);
    expect(cache.size).toBe(100);
    expect(cache.get(9_999)).toBe(9_999);
    expect(cache.get(9_899)).toBeUndefined();
  });

  it('rejects a capacity below 1', () => {
    expect(() => createLruCache(0)).toThrow(RangeError);
  });

  it('evicts by total weight as well as by count, and does not keep an entry heavier than the maximum', () => {
    const cache = createLruCache<string, string>(100, { maxWeight: 10 });
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    expect(cache.weight).toBe(8);
    cache.get('a'); // a is now the most recently used
    cache.set('c', 'C', 4); // 12 > 10: b goes
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
    expect(cache.weight).toBe(8);
    cache.set('huge', 'H', 11);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set('a', 'A2', 1); // re-weighing an entry
    expect(cache.weight).toBe(5);
    cache.delete('c');
    expect(cache.weight).toBe(1);
  });
});
