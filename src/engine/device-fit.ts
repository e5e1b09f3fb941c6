/**
 * @module What a model needs on a device, in one place for the engine's device rule and every chat answer about a
 * device: a device format's weights (llama.cpp Q4_K_M, about 4.9 bits a weight, embeddings quantized too), the KV cache
 * of one request at the context the estimates use, and the runtime (llama.cpp, MLC, Core ML), which is small next to a
 * server's CUDA context.
 */
import { resolveArchitecture } from '../estimator/architecture.ts';
import { kvCacheBytes } from '../estimator/kv-cache.ts';
import { BYTES_PER_GB } from '../estimator/units.ts';
import type { ModelArchitecture } from '../knowledge/schemas.ts';
import type { Profile } from '../profile/profile-schema.ts';

/** Context held in the KV cache for the inference estimates. */
export const INFERENCE_CONTEXT_TOKENS = 4096;
/** The longest request context the inference estimates size a KV cache for (the longest catalog context windows). */
export const MAX_INFERENCE_CONTEXT_TOKENS = 1_048_576;

/** The context the inference estimates hold in the KV cache: the stated request size when it is longer than the default. */
export function inferenceContextTokens(profile: Partial<Profile>): number {
  const stated = (profile.inputTokensPerRequest ?? 0) + (profile.outputTokensPerRequest ?? 0);
  return stated > INFERENCE_CONTEXT_TOKENS ? Math.min(stated, MAX_INFERENCE_CONTEXT_TOKENS) : INFERENCE_CONTEXT_TOKENS;
}

/** Bits a weight in a device format (llama.cpp Q4_K_M: 4.58 GiB for Llama 3.1 8B). */
export const DEVICE_BITS_PER_WEIGHT = 4.9;
/** The on-device runtime's own memory. */
export const DEVICE_RUNTIME_GB = 0.5;

export interface DeviceNeed {
  weightsGB: number;
  kvCacheGB: number;
  runtimeGB: number;
  totalGB: number;
}

/** Memory `model` needs on a device for one request at the context the estimates use for `profile`. */
export function deviceNeed(
  model: { paramsB: number; architecture?: ModelArchitecture | undefined },
  profile: Partial<Profile>,
): DeviceNeed {
  const weightsGB = (model.paramsB * DEVICE_BITS_PER_WEIGHT) / 8;
  const { architecture } = resolveArchitecture({
    paramsB: model.paramsB,
    ...(model.architecture === undefined ? {} : { architecture: model.architecture }),
  });
  const kvCacheGB = kvCacheBytes(architecture, inferenceContextTokens(profile), 1) / BYTES_PER_GB;
  return { weightsGB, kvCacheGB, runtimeGB: DEVICE_RUNTIME_GB, totalGB: weightsGB + kvCacheGB + DEVICE_RUNTIME_GB };
}
