/** @module estimator/memory-bytes: the byte-level memory result shared by the inference and training estimators. */

/** Memory in bytes. `breakdown` sums over all GPUs and adds up to `total`; `perGpu` is the busiest GPU's share. */
export interface MemoryBytes {
  breakdown: {
    weights: number;
    kvCache?: number;
    activations?: number;
    gradients?: number;
    optimizer?: number;
    adapters?: number;
    overhead: number;
  };
  total: number;
  perGpu: number;
}
