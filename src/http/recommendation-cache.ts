import type { Recommendation } from '../engine/recommendation-schema.ts';

/**
 * A bounded LRU of serialized recommendations. The engine is pure and deterministic (same profile and knowledge →
 * byte-identical JSON), so a repeated request can be answered with the bytes computed the first time. Keys include
 * the knowledge version and the explain mode; LLM explanations are never cached.
 */
export interface RecommendationCache {
  /**
   * The recommendation for this request as UTF-8 JSON bytes, computing and storing it on a miss. Bytes, not a
   * string: the HTTP layer can then send them without measuring and encoding ~40 KB again on every hit.
   */
  get(key: string, compute: () => Recommendation): { body: Uint8Array<ArrayBuffer>; hit: boolean };
  readonly size: number;
}

/** Canonical JSON of a plain object: keys sorted at every level, so `{a,b}` and `{b,a}` share a cache entry. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** `maxEntries` 0 disables caching (every call computes). */
export function createRecommendationCache(maxEntries: number): RecommendationCache {
  const entries = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    get(key, compute) {
      const cached = entries.get(key);
      if (cached !== undefined) {
        entries.delete(key); // refresh recency
        entries.set(key, cached);
        return { body: cached, hit: true };
      }
      const body: Uint8Array<ArrayBuffer> = Buffer.from(JSON.stringify(compute()), 'utf8');
      if (maxEntries > 0) {
        entries.set(key, body);
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return { body, hit: false };
    },
    get size() {
      return entries.size;
    },
  };
}
