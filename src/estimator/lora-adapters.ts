/** @module estimator/lora-adapters: trainable LoRA parameter count (research/estimation.md §3.1). */
import type { ResolvedArchitecture } from './architecture.ts';
import type { LoraTargets } from './types.ts';

/** Plain-words names of the adapted projections. */
export const LORA_TARGETS_TEXT: Readonly<Record<LoraTargets, string>> = {
  'all-linear': 'all linear layers (q, k, v, o, gate, up, down)',
  attention: 'the attention projections q, k, v, o',
  'attention-qv': 'the q and v projections',
};

/**
 * Trainable parameters LoRA adds: r·(d_in + d_out) per adapted linear layer (lora_A d_in→r, lora_B r→d_out, no
 * bias, as in PEFT), summed over the targets of one layer and multiplied by the layers. K and V use the KV width
 * (KV heads × head size), so grouped-query attention counts correctly; a mixture-of-experts model gets one set of
 * MLP adapters per expert.
 * @example loraAdapterParams(llama2_7b, 8, 'attention') // 8,388,608
 */
export function loraAdapterParams(architecture: ResolvedArchitecture, rank: number, targets: LoraTargets): number {
  const hidden = architecture.hiddenSize;
  const queryWidth = architecture.attentionHeads * architecture.headDim;
  const kvWidth = architecture.kvHeads * architecture.headDim;
  const q = hidden + queryWidth;
  const kv = hidden + kvWidth;
  const o = queryWidth + hidden;
  let perLayer: number;
  if (targets === 'attention-qv') perLayer = q + kv;
  else {
    perLayer = q + 2 * kv + o;
    if (targets === 'all-linear') perLayer += 3 * (hidden + architecture.intermediateSize) * architecture.experts;
  }
  return perLayer * rank * architecture.layers;
}
