/** @module estimator/fine-tuning-memory: peak memory of full fine-tuning, LoRA and QLoRA (research/estimation.md §0). */
import type { ResolvedArchitecture } from './architecture.ts';
import type { MemoryBytes } from './memory-bytes.ts';
import { CUDA_CONTEXT_BYTES } from './overhead.ts';
import type { StateBytesPerParam } from './training-memory.ts';

/** What one fine-tuning configuration keeps in memory, before sharding. */
export interface FineTuningMemoryInput {
  /** Bytes of the model weights as stored (16-bit, 32-bit or quantized). */
  weights: number;
  /** Parameters that get gradients and optimizer states (all of them for full fine-tuning, the adapters otherwise). */
  trainableParams: number;
  /** Gradient and optimizer bytes per trainable parameter; `weights` only matters for adapters. */
  stateBytes: StateBytesPerParam;
  /** True when the trainable parameters are separate adapters whose own weights add memory. */
  separateAdapters: boolean;
  /** Activation + logits bytes of one GPU's micro-batch. */
  activationsPerGpu: number;
  /** ZeRO-3 / FSDP buffer of gathered parameters, per GPU, when sharded over more than one GPU. */
  gatheredBufferPerGpu: number;
  gpuCount: number;
}

/**
 * Training peak = weights + gradients + optimizer states (+ adapters) + activations + logits + CUDA context.
 * Over N GPUs (ZeRO-3 / FSDP FULL_SHARD style) weights, gradients, optimizer states and adapters are divided by N,
 * activations are not (each GPU runs its own micro-batch), and each GPU holds one gathered-layer buffer.
 */
export function fineTuningMemory(input: FineTuningMemoryInput): MemoryBytes {
  const { gpuCount } = input;
  const adapters = input.separateAdapters ? input.trainableParams * input.stateBytes.weights : 0;
  const gradients = input.trainableParams * input.stateBytes.gradients;
  const optimizer = input.trainableParams * input.stateBytes.optimizer;
  const sharded = input.weights + adapters + gradients + optimizer;
  // A gathered module is never larger than half the sharded state for real models; the cap keeps 2 GPUs from ever
  // needing more per GPU than 1 (tiny models whose embedding is most of the model).
  const gathered = gpuCount > 1 ? Math.min(input.gatheredBufferPerGpu, sharded / 2) : 0;
  const perGpuExtras = input.activationsPerGpu + CUDA_CONTEXT_BYTES + gathered;
  const overhead = (CUDA_CONTEXT_BYTES + gathered) * gpuCount;
  const activations = input.activationsPerGpu * gpuCount;
  const breakdown: MemoryBytes['breakdown'] = { weights: input.weights, activations, gradients, optimizer, overhead };
  if (input.separateAdapters) breakdown.adapters = adapters;
  return { breakdown, total: sharded + activations + overhead, perGpu: sharded / gpuCount + perGpuExtras };
}

/**
 * Bytes of the largest single module (one transformer layer or the embedding) when gathered on one GPU.
 * @param linearBytes bytes per linear-layer parameter
 * @param embeddingBytes bytes per embedding parameter (16-bit when the linear layers are quantized)
 */
export function largestModuleBytes(
  architecture: ResolvedArchitecture,
  linearBytes: number,
  embeddingBytes: number,
): number {
  const hidden = architecture.hiddenSize;
  const queryWidth = architecture.attentionHeads * architecture.headDim;
  const kvWidth = architecture.kvHeads * architecture.headDim;
  const layer =
    2 * hidden * queryWidth + 2 * hidden * kvWidth + 3 * hidden * architecture.intermediateSize * architecture.experts;
  return Math.max(layer * linearBytes, architecture.vocabSize * hidden * embeddingBytes);
}
