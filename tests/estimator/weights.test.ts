import { describe, expect, it } from 'vitest';
import { BYTES_PER_WEIGHT, embeddingParams, weightBytes } from '../../src/estimator/index.ts';
import { resolved } from './catalog-architectures.ts';

describe('weightBytes', () => {
  it('stores every parameter at the precision for fp32, bf16 and fp16', () => {
    expect(weightBytes(7e9, 5e8, 'fp32')).toBe(28e9);
    expect(weightBytes(7e9, 5e8, 'bf16')).toBe(14e9);
    expect(weightBytes(7e9, 5e8, 'fp16')).toBe(14e9);
  });

  it('keeps embeddings and output head in 16 bits when quantizing (int8: 1 B, int4: 0.516 B on linear layers)', () => {
    expect(weightBytes(7e9, 5e8, 'int8')).toBe(6.5e9 * 1 + 5e8 * 2);
    expect(weightBytes(7e9, 5e8, 'int4')).toBeCloseTo(6.5e9 * 0.516 + 5e8 * 2, 0);
  });

  it('QLoRA §3: NF4 with double quantization costs 4.127 bits per parameter', () => {
    expect(BYTES_PER_WEIGHT.int4 * 8).toBeCloseTo(4.127, 2);
  });

  it('never counts more 16-bit parameters than the model has', () => {
    expect(weightBytes(1e8, 3e8, 'int4')).toBe(2e8);
  });

  it('counts the output head once when embeddings are tied (Gemma 2 2B) and twice otherwise (Llama 3.1 8B)', () => {
    expect(embeddingParams(resolved('gemma-2-2b'))).toBe(256000 * 2304);
    expect(embeddingParams(resolved('llama-3.1-8b'))).toBe(2 * 128256 * 4096);
  });
});
