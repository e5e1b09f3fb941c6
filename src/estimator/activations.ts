/** @module estimator/activations: activation, logits and prefill working-set memory (research/estimation.md §0, §2.2). */
import type { ResolvedArchitecture } from './architecture.ts';

/**
 * Copies of the hidden state one layer keeps for the backward pass. Stas Bekman measured 28 for Llama-3.1-8B and
 * Mistral-7B with memory-efficient attention (24-48 across other models), i.e. 56·s·b·h bytes per layer at 16 bits.
 */
export const HIDDEN_STATE_COPIES_PER_LAYER = 28;

/**
 * Bytes of activations kept for the backward pass, at `bytesPerValue` (2 = bf16/fp16) with FlashAttention/SDPA
 * (no s² attention-score term). With full gradient checkpointing: one hidden state per layer (2·s·b·h·L at 16 bits)
 * plus one layer's working set; without: the working set of every layer.
 */
export function trainingActivationBytes(
  architecture: ResolvedArchitecture,
  sequenceLength: number,
  batch: number,
  checkpointing: boolean,
  bytesPerValue = 2,
): number {
  const hiddenState = sequenceLength * batch * architecture.hiddenSize * bytesPerValue;
  const layerWorkingSet = HIDDEN_STATE_COPIES_PER_LAYER * hiddenState;
  return checkpointing ? architecture.layers * hiddenState + layerWorkingSet : architecture.layers * layerWorkingSet;
}

/** Bytes of training logits: fp32 logits plus fp32 probabilities over the vocabulary, 8·b·s·V. */
export function logitsBytes(architecture: ResolvedArchitecture, sequenceLength: number, batch: number): number {
  return 8 * batch * sequenceLength * architecture.vocabSize;
}

/**
 * Bytes of the largest transient tensors while prefilling a prompt: one SwiGLU layer's MLP intermediates and hidden
 * states, batch·s·(3·I·k + 4·h)·2 with k experts per token (1 for dense models). Generation computes logits only for
 * the last position, so the vocabulary does not appear.
 */
export function prefillWorkingSetBytes(
  architecture: ResolvedArchitecture,
  promptTokens: number,
  batch: number,
): number {
  const perToken = 3 * architecture.intermediateSize * architecture.expertsPerToken + 4 * architecture.hiddenSize;
  return batch * promptTokens * perToken * 2;
}
