/** @module estimator/overhead: fixed per-GPU memory outside tensors. */

/**
 * CUDA context and allocator reserve per GPU: 1 GiB. PyTorch takes 0.3-2 GiB on first CUDA use (vram.asmirnov.xyz
 * assumes 1000 MiB; Hugging Face measured 1,343 MB on a V100), so this is a mid-range constant.
 */
export const CUDA_CONTEXT_BYTES = 2 ** 30;
