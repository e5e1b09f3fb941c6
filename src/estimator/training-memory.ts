/** @module estimator/training-memory: per-parameter state memory of training (research/estimation.md §0, §2.1, §3). */
import type { Precision } from './types.ts';

/** Bytes per trained parameter, split the way the breakdown reports them. */
export interface StateBytesPerParam {
  weights: number;
  gradients: number;
  optimizer: number;
}

/**
 * AdamW state bytes per parameter for full fine-tuning. Mixed precision (bf16/fp16): 2 (16-bit weights) + 4 (fp32
 * gradients) + 12 (fp32 master copy, m, v) = 18, the conservative figure of EleutherAI, Hugging Face and
 * llm-analysis. fp32: 4 + 4 + 8 = 16.
 */
export function fullFineTuningStateBytes(precision: 'fp32' | 'bf16' | 'fp16'): StateBytesPerParam {
  return precision === 'fp32'
    ? { weights: 4, gradients: 4, optimizer: 8 }
    : { weights: 2, gradients: 4, optimizer: 12 };
}

/**
 * Bytes per trainable adapter parameter. LoRA: 16 (PEFT up-casts adapters to fp32 by default: 4 weight + 4 gradient
 * + 8 Adam). QLoRA: 12 (bf16 adapter 2 + bf16 gradient 2 + 32-bit Adam 8).
 */
export function adapterStateBytes(workload: 'lora' | 'qlora'): StateBytesPerParam {
  return workload === 'lora' ? { weights: 4, gradients: 4, optimizer: 8 } : { weights: 2, gradients: 2, optimizer: 8 };
}

/** The precision full fine-tuning really trains in: int8/int4 weights cannot be trained by AdamW directly. */
export function trainablePrecision(precision: Precision): 'fp32' | 'bf16' | 'fp16' {
  return precision === 'int8' || precision === 'int4' ? 'bf16' : precision;
}
