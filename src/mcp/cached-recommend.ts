/**
 * @module mcp/cached-recommend: the engine call behind the MCP tools, with the REST route's response cache semantics.
 * The engine is deterministic, so an identical call (same knowledge version, explain mode and profile, whatever the
 * key order) is answered from a bounded LRU of serialized recommendations (RECOMMENDATION_CACHE_SIZE entries, as for
 * POST /v1/recommendations) instead of running the engine again. Every caller gets its own parsed copy.
 */
import type { Recommendation } from '../engine/recommendation-schema.ts';
import { canonicalJson, createRecommendationCache } from '../http/recommendation-cache.ts';
import type { RecommendFunction } from '../http/types.ts';

/** `recommend` behind an LRU of `maxEntries` serialized answers; 0 returns `recommend` itself. */
export function cachedRecommend(recommend: RecommendFunction, maxEntries: number): RecommendFunction {
  if (maxEntries <= 0) return recommend;
  const cache = createRecommendationCache(maxEntries);
  const decoder = new TextDecoder();
  return (profile, knowledge, options) => {
    const key = `${knowledge.version}|${options?.explain ?? 'template'}|${canonicalJson(profile)}`;
    let computed: Recommendation | undefined;
    const { body, hit } = cache.get(key, () => {
      computed = recommend(profile, knowledge, options);
      return computed;
    });
    return hit || computed === undefined ? (JSON.parse(decoder.decode(body)) as Recommendation) : computed;
  };
}
