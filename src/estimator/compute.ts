/** @module estimator/compute: training FLOPs and GPU-hours (research/estimation.md §5). */
import type { Workload } from './types.ts';

/** Default model-FLOPs utilisation (MFU) for planning fine-tuning runs on A100/H100 (research range 0.3-0.4). */
export const DEFAULT_UTILISATION = 0.35;

/**
 * FLOPs per parameter per token: 6 for full fine-tuning (2 forward + 4 backward, Kaplan 2020 / Hoffmann 2022);
 * 4 for LoRA/QLoRA: forward plus activation gradients, no weight gradients for the frozen base. The 4 is a
 * derivation, not a published figure.
 */
export function flopsPerParamPerToken(workload: Exclude<Workload, 'inference'>): number {
  return workload === 'full-fine-tuning' ? 6 : 4;
}

/** Training FLOPs: c·P·D with c from {@link flopsPerParamPerToken}. */
export function trainingFlops(workload: Exclude<Workload, 'inference'>, params: number, tokens: number): number {
  return flopsPerParamPerToken(workload) * params * tokens;
}

/** GPU-hours for `flops` at `denseBf16Tflops` peak (dense, no sparsity) and utilisation `utilisation`. */
export function gpuHours(flops: number, denseBf16Tflops: number, utilisation: number): number {
  return flops / (denseBf16Tflops * 1e12 * utilisation * 3600);
}

/** Utilisation implied by a published run: FLOPs / (GPU-hours · 3600 · peak). */
export function impliedUtilisation(flops: number, publishedGpuHours: number, denseBf16Tflops: number): number {
  return flops / (publishedGpuHours * 3600 * denseBf16Tflops * 1e12);
}
