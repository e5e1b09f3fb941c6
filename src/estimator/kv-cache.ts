/** @module estimator/kv-cache: key/value cache size (research/estimation.md §1.2). */
import type { ResolvedArchitecture } from './architecture.ts';

/** Bytes of KV cache per token: 2 (K and V) · layers · KV heads · head size · bytes per element (2 = bf16). */
export function kvCacheBytesPerToken(architecture: ResolvedArchitecture, bytesPerElement = 2): number {
  return 2 * architecture.layers * architecture.kvHeads * architecture.headDim * bytesPerElement;
}

/** Tokens actually held in the cache: a sliding-window model keeps at most its window (assumed on every layer). */
export function cachedTokens(architecture: ResolvedArchitecture, contextTokens: number): number {
  return architecture.slidingWindow === undefined ? contextTokens : Math.min(contextTokens, architecture.slidingWindow);
}

/** Bytes of KV cache for `batch` sequences of `contextTokens` tokens each (bf16 cache unless told otherwise). */
export function kvCacheBytes(
  architecture: ResolvedArchitecture,
  contextTokens: number,
  batch: number,
  bytesPerElement = 2,
): number {
  return kvCacheBytesPerToken(architecture, bytesPerElement) * cachedTokens(architecture, contextTokens) * batch;
}
