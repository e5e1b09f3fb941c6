/**
 * @module What serving one request of a given length takes, from the estimator's inference sum (16-bit weights, the
 * KV cache, the prompt's working set and the runtime on each GPU): the one figure the chat's context answers quote,
 * so a KV cache shown beside a total is the one summed (a sliding-window model caches only its window).
 */
import { estimate } from '../estimator/index.ts';
import type { Model } from '../knowledge/schemas.ts';

export interface ServingMemory {
  totalGB: number;
  /** The busiest GPU's share when the model is spread over several. */
  perGpuGB: number;
  kvCacheGB: number;
}

/** Undefined when the catalog lacks the model's size or shape. */
export function servingMemory(
  model: Model,
  tokens: number,
  gpuCount?: number,
  /** The weights' precision: 16-bit by default, 'int4' for a 4-bit served copy. */
  precision: 'bf16' | 'int4' = 'bf16',
): ServingMemory | undefined {
  const architecture = model.architecture;
  if (model.paramsB === undefined || architecture?.layers === undefined || architecture.kvHeads === undefined)
    return undefined;
  const result = estimate({
    model: {
      paramsB: model.paramsB,
      ...(model.activeParamsB === undefined ? {} : { activeParamsB: model.activeParamsB }),
      architecture,
      name: model.name,
    },
    workload: 'inference',
    precision,
    sequenceLength: tokens,
    ...(gpuCount === undefined || gpuCount < 1 ? {} : { gpuCount }),
  });
  return {
    totalGB: result.memoryGB.total,
    perGpuGB: result.memoryGB.perGpu,
    kvCacheGB: result.memoryGB.breakdown.kvCache ?? 0,
  };
}
