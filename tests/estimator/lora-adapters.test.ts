import { describe, expect, it } from 'vitest';
import { loraAdapterParams } from '../../src/estimator/index.ts';
import type { LoraTargets } from '../../src/estimator/types.ts';
import { type ArchitectureName, relativeError, resolved } from './catalog-architectures.ts';

describe('loraAdapterParams against research/estimation.md §3.1 (computed from PEFT: r·(d_in + d_out) per layer)', () => {
  const table: [ArchitectureName, number, LoraTargets, number][] = [
    ['llama-2-7b', 8, 'attention', 8.39e6],
    ['llama-2-7b', 64, 'all-linear', 159.9e6],
    ['llama-2-13b', 8, 'attention', 13.1e6],
    ['llama-2-13b', 64, 'all-linear', 250.4e6],
    ['llama-2-70b', 8, 'attention', 32.8e6],
    ['llama-2-70b', 64, 'all-linear', 828.4e6],
  ];
  it.each(table)('%s r=%d on %s: %d trainable parameters', (name, rank, targets, expected) => {
    expect(relativeError(loraAdapterParams(resolved(name), rank, targets), expected)).toBeLessThan(0.005);
  });

  it('Llama-2-7B r=8 on q,k,v,o is exactly 32 layers × 4 × 8 × 8,192', () => {
    expect(loraAdapterParams(resolved('llama-2-7b'), 8, 'attention')).toBe(32 * 4 * 8 * 8192);
  });

  it('q,v only is half of q,k,v,o for a multi-head-attention model', () => {
    const model = resolved('llama-2-7b');
    expect(loraAdapterParams(model, 4, 'attention-qv') * 2).toBe(loraAdapterParams(model, 4, 'attention'));
  });

  it('a mixture-of-experts model adapts every expert’s MLP', () => {
    const dense = resolved('llama-3.1-8b');
    const moe = { ...dense, experts: 8, expertsPerToken: 2 };
    const mlp = 3 * (dense.hiddenSize + dense.intermediateSize) * 16 * dense.layers;
    expect(loraAdapterParams(moe, 16, 'all-linear') - loraAdapterParams(dense, 16, 'all-linear')).toBe(7 * mlp);
  });
});
