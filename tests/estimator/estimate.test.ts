import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimator/index.ts';
import type { EstimateInput } from '../../src/estimator/types.ts';
import { ARCHITECTURES } from './catalog-architectures.ts';

const llama8b = { paramsB: 8.03, architecture: ARCHITECTURES['llama-3.1-8b'], name: 'Llama 3.1 8B' };

function sum(breakdown: object): number {
  return Object.values(breakdown as Record<string, number | undefined>).reduce<number>(
    (total, value) => total + (value ?? 0),
    0,
  );
}

describe('estimate: inference', () => {
  const result = estimate({ model: llama8b, workload: 'inference', gpuMemoryGB: 24 });

  it('adds weights, bf16 KV cache of the default 4,096 tokens, prefill working set and 1 GiB context', () => {
    expect(result.memoryGB.breakdown).toEqual({
      weights: 16.06,
      kvCache: 0.537, // 128 KiB × 4096
      activations: 0.487, // 4096 · (3·14336 + 4·4096) · 2
      overhead: 1.074,
    });
    expect(result.memoryGB.total).toBeCloseTo(sum(result.memoryGB.breakdown), 2);
    expect(result.fits).toBe(true);
  });

  it('lists every default it used', () => {
    const text = result.assumptions.join('\n');
    expect(text).toMatch(/GB = 1e9 bytes/);
    expect(text).toMatch(/from the model catalog/);
    expect(text).toMatch(/One GPU assumed/);
    expect(text).toMatch(/bf16 weights/);
    expect(text).toMatch(/4096 tokens per sequence, 1 concurrent sequence; bf16 KV cache of 128 KiB per token/);
    expect(text).toMatch(/1 GiB per GPU/);
  });

  it('splits weights and KV cache over GPUs (tensor parallel) and says so', () => {
    const split = estimate({ model: llama8b, workload: 'inference', gpuCount: 2 });
    expect(split.memoryGB.perGpu).toBeCloseTo((16.06 + 0.537) / 2 + 0.487 + 1.074, 2);
    expect(split.assumptions.join(' ')).toMatch(/tensor parallelism/);
  });

  it('has no compute or cost', () => {
    expect(result.compute).toBeUndefined();
    expect(result.costUSD).toBeUndefined();
  });
});

describe('estimate: training', () => {
  it('full fine-tuning counts 18 bytes/param (AdamW mixed precision) plus activations and logits', () => {
    const result = estimate({ model: llama8b, workload: 'full-fine-tuning' });
    const { breakdown } = result.memoryGB;
    expect(breakdown.weights).toBeCloseTo(16.06, 2);
    expect(breakdown.gradients).toBeCloseTo(32.12, 2);
    expect(breakdown.optimizer).toBeCloseTo(96.36, 2);
    // checkpointing: 2·s·h·L + 56·s·h = 0.537 + 0.470 GB; logits 8·2048·128256 = 2.101 GB
    expect(breakdown.activations).toBeCloseTo(0.537 + 0.47 + 2.101, 2);
    expect(result.assumptions.join(' ')).toMatch(/18 bytes per parameter/);
  });

  it('full fine-tuning in fp32 counts 16 bytes/param; int4 falls back to bf16 and says so', () => {
    const fp32 = estimate({ model: llama8b, workload: 'full-fine-tuning', precision: 'fp32' });
    expect(
      fp32.memoryGB.breakdown.weights + fp32.memoryGB.breakdown.gradients! + fp32.memoryGB.breakdown.optimizer!,
    ).toBeCloseTo(16 * 8.03, 1);
    const int4 = estimate({ model: llama8b, workload: 'full-fine-tuning', precision: 'int4' });
    expect(int4.memoryGB.breakdown.weights).toBeCloseTo(16.06, 2);
    expect(int4.assumptions.join(' ')).toMatch(/cannot update int4 weights directly/);
  });

  it('turning checkpointing off keeps every layer’s activations', () => {
    const on = estimate({ model: llama8b, workload: 'lora' });
    const off = estimate({ model: llama8b, workload: 'lora', gradientCheckpointing: false });
    // 32 layers × 56·s·h bytes = 15.03 GB + logits 2.10 GB
    expect(off.memoryGB.breakdown.activations).toBeCloseTo(15.032 + 2.101, 2);
    expect(off.memoryGB.total).toBeGreaterThan(on.memoryGB.total + 10);
    expect(off.assumptions.join(' ')).toMatch(/checkpointing off/);
  });

  it('LoRA: bf16 base + 16 bytes per adapter parameter (rank 16, all linear layers by default)', () => {
    const result = estimate({ model: llama8b, workload: 'lora' });
    const adapterParams = (4096 + 4096 + 2 * (4096 + 1024) + 4096 + 4096 + 3 * (4096 + 14336)) * 16 * 32;
    expect(result.memoryGB.breakdown.weights).toBeCloseTo(16.06, 2);
    expect(result.memoryGB.breakdown.adapters).toBeCloseTo((adapterParams * 4) / 1e9, 3);
    expect(result.memoryGB.breakdown.optimizer).toBeCloseTo((adapterParams * 8) / 1e9, 3);
    expect(result.assumptions.join(' ')).toMatch(/LoRA rank 16 on all linear layers .*: 41\.94 M trainable parameters/);
  });

  it('QLoRA: NF4 base with 16-bit embeddings + 12 bytes per adapter parameter', () => {
    const result = estimate({ model: llama8b, workload: 'qlora' });
    const embeddings = 2 * 128256 * 4096;
    expect(result.memoryGB.breakdown.weights).toBeCloseTo(((8.03e9 - embeddings) * 0.516 + embeddings * 2) / 1e9, 2);
    expect(result.fits).toBeNull();
    expect(result.assumptions.join(' ')).toMatch(/12 bytes per adapter parameter/);
  });

  it('shards weights, gradients and optimizer states over GPUs (ZeRO-3/FSDP) but not activations', () => {
    const one = estimate({ model: llama8b, workload: 'full-fine-tuning' });
    const eight = estimate({ model: llama8b, workload: 'full-fine-tuning', gpuCount: 8 });
    const states = 18 * 8.03;
    // per GPU: states/8 + activations + context + one gathered module (4 bytes × the 525M-parameter embedding)
    const expected = states / 8 + 3.108 + 1.074 + (4 * 128256 * 4096) / 1e9;
    expect(eight.memoryGB.perGpu).toBeCloseTo(expected, 1);
    expect(eight.memoryGB.perGpu).toBeLessThan(one.memoryGB.perGpu);
    expect(eight.assumptions.join(' ')).toMatch(/ZeRO-3\/FSDP/);
  });

  it('a tiny model whose embedding dominates never needs more per GPU on 2 GPUs than on 1 (gathered buffer capped)', () => {
    for (const workload of ['lora', 'qlora', 'full-fine-tuning'] as const) {
      const tiny = { model: { paramsB: 0.15 }, workload, sequenceLength: 16 };
      expect(estimate({ ...tiny, gpuCount: 2 }).memoryGB.perGpu).toBeLessThanOrEqual(estimate(tiny).memoryGB.perGpu);
    }
  });
});

describe('estimate: compute and cost', () => {
  const base: EstimateInput = {
    model: llama8b,
    workload: 'full-fine-tuning',
    trainingTokens: 1e9,
    denseBf16Tflops: 989,
  };

  it('6·P·D at 35 % utilisation → GPU-hours → cost', () => {
    const result = estimate({ ...base, usdPerGpuHour: 3.99, gpuCount: 4 });
    expect(result.compute!.flops).toBeCloseTo(6 * 8.03e9 * 1e9, -10);
    expect(result.compute!.gpuHours).toBeCloseTo((6 * 8.03e18) / (989e12 * 0.35 * 3600), 6);
    expect(result.compute!.wallClockHours).toBeCloseTo(result.compute!.gpuHours / 4, 6);
    expect(result.costUSD).toBeCloseTo(result.compute!.gpuHours * 3.99, 1);
    expect(result.assumptions.join(' ')).toMatch(/assumed 35% utilisation of a 989 TFLOP\/s/);
  });

  it('LoRA and QLoRA use 4·P·D and say it is a derivation', () => {
    const result = estimate({ ...base, workload: 'qlora' });
    expect(result.compute!.flops).toBeCloseTo(4 * 8.03e18, -10);
    expect(result.assumptions.join(' ')).toMatch(/our derivation, not a published figure/);
  });

  it('mixture-of-experts compute uses the active parameters', () => {
    const result = estimate({ ...base, model: { paramsB: 46.7, activeParamsB: 12.9 } });
    expect(result.compute!.flops).toBeCloseTo(6 * 12.9e18, -10);
  });

  it('omits compute when tokens or peak are unknown, and cost when the price is unknown', () => {
    const noTokens = estimate({ model: llama8b, workload: 'lora', denseBf16Tflops: 312 });
    expect(noTokens.compute).toBeUndefined();
    expect(noTokens.assumptions.join(' ')).toMatch(/training tokens unknown/);
    const noPrice = estimate(base);
    expect(noPrice.compute).toBeDefined();
    expect(noPrice.costUSD).toBeUndefined();
    expect(noPrice.assumptions.join(' ')).toMatch(/price per GPU-hour unknown/);
  });
});

describe('estimate: fits and input checks', () => {
  it('fits is perGpu ≤ gpuMemoryGB, null when unknown, false with no GPU', () => {
    const needed = estimate({ model: llama8b, workload: 'inference' }).memoryGB.perGpu;
    expect(estimate({ model: llama8b, workload: 'inference', gpuMemoryGB: needed }).fits).toBe(true);
    expect(estimate({ model: llama8b, workload: 'inference', gpuMemoryGB: needed - 0.01 }).fits).toBe(false);
    expect(estimate({ model: llama8b, workload: 'inference' }).fits).toBeNull();
    const none = estimate({ model: llama8b, workload: 'inference', gpuCount: 0, gpuMemoryGB: 80 });
    expect(none.fits).toBe(false);
    expect(none.assumptions.join(' ')).toMatch(/No GPU available/);
  });

  it('rejects out-of-range numbers with a RangeError naming the field', () => {
    expect(() => estimate({ model: { paramsB: 0 }, workload: 'inference' })).toThrow(/paramsB/);
    expect(() => estimate({ model: { paramsB: Number.NaN }, workload: 'inference' })).toThrow(RangeError);
    expect(() => estimate({ model: llama8b, workload: 'lora', batchSize: -1 })).toThrow(/batchSize/);
    expect(() => estimate({ model: llama8b, workload: 'lora', gpuCount: 1.5 })).toThrow(/gpuCount/);
    expect(() => estimate({ model: llama8b, workload: 'lora', utilisation: 1.2 })).toThrow(/utilisation/);
  });

  it('is deterministic', () => {
    const input: EstimateInput = {
      model: { paramsB: 13 },
      workload: 'qlora',
      gpuMemoryGB: 24,
      trainingTokens: 5e6,
      denseBf16Tflops: 165.2,
    };
    expect(estimate(input)).toEqual(estimate(input));
  });
});
