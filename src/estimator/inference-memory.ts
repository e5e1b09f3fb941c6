/** @module estimator/inference-memory: peak memory of serving a model (research/estimation.md §0 "inference peak"). */
import { prefillWorkingSetBytes } from './activations.ts';
import type { ResolvedArchitecture } from './architecture.ts';
import { kvCacheBytes } from './kv-cache.ts';
import type { MemoryBytes } from './memory-bytes.ts';
import { CUDA_CONTEXT_BYTES } from './overhead.ts';

/**
 * Inference peak = weights + KV cache + prefill working set + CUDA context. Over `gpuCount` GPUs with tensor
 * parallelism, weights and KV cache split evenly; each GPU keeps a full prefill working set (conservative) and its
 * own CUDA context.
 * @param weights bytes of weights at the serving precision
 * @param contextTokens tokens per sequence in the cache, all of them assumed to arrive as one prompt
 */
export function inferenceMemory(
  architecture: ResolvedArchitecture,
  weights: number,
  contextTokens: number,
  batch: number,
  gpuCount: number,
): MemoryBytes {
  const kvCache = kvCacheBytes(architecture, contextTokens, batch);
  const workingSet = prefillWorkingSetBytes(architecture, contextTokens, batch);
  const shared = weights + kvCache;
  const activations = workingSet * gpuCount;
  const overhead = CUDA_CONTEXT_BYTES * gpuCount;
  return {
    breakdown: { weights, kvCache, activations, overhead },
    total: shared + activations + overhead,
    perGpu: shared / gpuCount + workingSet + CUDA_CONTEXT_BYTES,
  };
}
