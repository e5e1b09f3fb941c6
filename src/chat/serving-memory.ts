/**
 * @module What serving one request of a given length takes, from the estimator's inference sum (16-bit weights, the
 * KV cache, the prompt's working set and the runtime on each GPU): the one figure the chat's context answers quote,
 * so a KV cache shown beside a total is the one summed (a sliding-window model caches only its window).
 */
import { estimate } from '../estimator/index.ts';
import type { Model } from '../knowledge/schemas.ts';

export interface ServingMemory {
  totalGB: number;
  kvCacheGB: number;
}

/** Undefined when the catalog lacks the model's size or shape. */
export function servingMemory(model: Model, tokens: number, gpuCount?: number): ServingMemory | undefined {
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
    precision: 'bf16',
    sequenceLength: tokens,
    ...(gpuCount === undefined || gpuCount < 1 ? {} : { gpuCount }),
  });
  return { totalGB: result.memoryGB.total, kvCacheGB: result.memoryGB.breakdown.kvCache ?? 0 };
}
