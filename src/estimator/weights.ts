/** @module estimator/weights: memory of model weights by storage precision (research/estimation.md §0, §1.1). */
import type { Precision } from './types.ts';

/** Bytes per parameter of the quantizable (linear-layer) weights for each storage precision. */
export const BYTES_PER_WEIGHT: Readonly<Record<Precision, number>> = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  int8: 1,
  // 4 bits + 0.127 bit of double-quantized block constants (QLoRA §3: NF4 block 64, second-level block 256);
  // GPTQ/AWQ group-128 int4 lands at about 0.5-0.52 B/param, so one constant serves both.
  int4: 0.516,
};

/** Plain-words name of each precision's weight storage, for assumption lists. */
export const PRECISION_TEXT: Readonly<Record<Precision, string>> = {
  fp32: 'fp32 weights (4 bytes/param)',
  bf16: 'bf16 weights (2 bytes/param)',
  fp16: 'fp16 weights (2 bytes/param)',
  int8: 'int8 linear-layer weights (1 byte/param) with 16-bit embeddings and output head',
  int4: '4-bit linear-layer weights (0.516 byte/param: NF4 with double quantization, QLoRA §3; GPTQ/AWQ int4 is similar) with 16-bit embeddings and output head',
};

/** True for the formats that quantize linear layers and keep embeddings, output head and norms in 16 bits. */
export function isQuantized(precision: Precision): boolean {
  return precision === 'int8' || precision === 'int4';
}

/**
 * Bytes of weights: `P·b` for fp32/bf16/fp16; `P_lin·b + P_other·2` for int8/int4, where `P_other` are the
 * embedding and output-head parameters (capped at the total, so a tiny model is never below its 16-bit size).
 * @param totalParams all parameters
 * @param embeddingParameters input embedding + output head parameters
 */
export function weightBytes(totalParams: number, embeddingParameters: number, precision: Precision): number {
  if (!isQuantized(precision)) return totalParams * BYTES_PER_WEIGHT[precision];
  const other = Math.min(embeddingParameters, totalParams);
  return (totalParams - other) * BYTES_PER_WEIGHT[precision] + other * 2;
}
