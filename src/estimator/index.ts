/** @module estimator: feasibility estimates (memory, compute, cost) for adapting a model, per research/estimation.md. */
export { logitsBytes, prefillWorkingSetBytes, trainingActivationBytes } from './activations.ts';
export {
  DEFAULT_ARCHITECTURE_TEXT,
  defaultArchitecture,
  embeddingParams,
  type ResolvedArchitecture,
  resolveArchitecture,
} from './architecture.ts';
export { DEFAULT_UTILISATION, gpuHours, impliedUtilisation, trainingFlops } from './compute.ts';
export { estimate } from './estimate.ts';
export { cachedTokens, kvCacheBytes, kvCacheBytesPerToken } from './kv-cache.ts';
export { loraAdapterParams } from './lora-adapters.ts';
export { CUDA_CONTEXT_BYTES } from './overhead.ts';
export {
  DAYS_PER_MONTH,
  DEFAULT_INPUT_TOKENS_PER_REQUEST,
  DEFAULT_OUTPUT_TOKENS_PER_REQUEST,
  estimateServingCost,
  HOURS_PER_MONTH,
} from './serving-cost.ts';
export {
  DEFAULT_EPOCHS,
  DEFAULT_TOKENS_PER_EXAMPLE,
  estimateTrainingTokens,
  trainingTokensAssumption,
} from './training-tokens.ts';
export type * from './types.ts';
export { BYTES_PER_GB, BYTES_PER_GIB } from './units.ts';
export { BYTES_PER_WEIGHT, weightBytes } from './weights.ts';
