import { describe, expect, it } from 'vitest';
import { defaultArchitecture, resolveArchitecture } from '../../src/estimator/index.ts';
import { ARCHITECTURES, llamaParamCount, relativeError } from './catalog-architectures.ts';

describe('defaultArchitecture', () => {
  it('reproduces the Llama 3.1 8B and 70B shapes at their sizes', () => {
    expect(defaultArchitecture(8.03)).toMatchObject({
      layers: 32,
      hiddenSize: 4096,
      kvHeads: 8,
      headDim: 128,
      intermediateSize: 14336,
    });
    expect(defaultArchitecture(70.55)).toMatchObject({
      layers: 80,
      hiddenSize: 8192,
      kvHeads: 8,
      intermediateSize: 28672,
    });
  });

  it('reproduces Llama 3.2 1B (head size 64, tied embeddings)', () => {
    expect(defaultArchitecture(1.24)).toMatchObject({
      layers: 16,
      hiddenSize: 2048,
      headDim: 64,
      attentionHeads: 32,
      tiedEmbeddings: true,
    });
  });

  it('gives a shape whose own parameter count is within 25 % of the requested size between the anchors', () => {
    for (const paramsB of [2, 5, 13, 20, 45, 120, 250]) {
      const count = llamaParamCount(defaultArchitecture(paramsB)) / 1e9;
      expect(relativeError(count, paramsB), `${paramsB}B → ${count.toFixed(2)}B`).toBeLessThan(0.25);
    }
  });

  it('extrapolates below 1B and above 405B with every dimension still positive', () => {
    for (const paramsB of [0.05, 0.3, 800, 2000]) {
      const shape = defaultArchitecture(paramsB);
      expect(shape.layers).toBeGreaterThanOrEqual(2);
      expect(shape.hiddenSize! % shape.headDim!).toBe(0);
      expect(shape.attentionHeads! * shape.headDim!).toBe(shape.hiddenSize);
    }
  });
});

describe('resolveArchitecture', () => {
  it('uses the catalog architecture and says so', () => {
    const { architecture, assumption } = resolveArchitecture({
      paramsB: 7.62,
      architecture: ARCHITECTURES['qwen2.5-7b'],
      name: 'Qwen2.5 7B',
    });
    expect(architecture).toMatchObject({ layers: 28, kvHeads: 4, headDim: 128, vocabSize: 152064 });
    expect(assumption).toBe('Architecture of Qwen2.5 7B (7.62 B parameters) from the model catalog.');
  });

  it('fills missing catalog fields from the default and names them', () => {
    const { architecture, assumption } = resolveArchitecture({
      paramsB: 1.55,
      architecture: { kind: 'encoder-decoder', layers: 64, hiddenSize: 1280, attentionHeads: 20 },
    });
    expect(architecture.kvHeads).toBe(20); // heads given, KV heads not: multi-head attention
    expect(architecture.headDim).toBe(64);
    expect(assumption).toMatch(/missing intermediateSize, vocabSize taken from a Llama-style decoder/);
  });

  it('states the assumed shape when only the size is known', () => {
    expect(resolveArchitecture({ paramsB: 13 }).assumption).toMatch(/unknown: assumed a Llama-style decoder/);
  });
});
