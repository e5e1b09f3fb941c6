/** Property tests: the estimator's numbers move the right way whatever the (valid) input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimator/index.ts';
import type { EstimateInput, Precision, Workload } from '../../src/estimator/types.ts';
import { ARCHITECTURES } from './catalog-architectures.ts';

// Each estimate takes microseconds, so many runs are cheap and reach the edge cases (tiny models, many GPUs).
fc.configureGlobal({ numRuns: 500 });

const workload = fc.constantFrom<Workload>('inference', 'full-fine-tuning', 'lora', 'qlora');
const precision = fc.constantFrom<Precision>('fp32', 'bf16', 'fp16', 'int8', 'int4');
const paramsB = fc.double({ min: 0.1, max: 1000, noNaN: true });
const sequenceLength = fc.integer({ min: 1, max: 131072 });
const batchSize = fc.integer({ min: 1, max: 64 });
const gpuCount = fc.integer({ min: 1, max: 64 });
const catalogModel = fc.constantFrom(
  { paramsB: 8.03, architecture: ARCHITECTURES['llama-3.1-8b'] },
  { paramsB: 7.62, architecture: ARCHITECTURES['qwen2.5-7b'] },
  { paramsB: 7.24, architecture: ARCHITECTURES['mistral-7b'] },
  { paramsB: 2.61, architecture: ARCHITECTURES['gemma-2-2b'] },
  { paramsB: 68.98, architecture: ARCHITECTURES['llama-2-70b'] },
);
/** A model known by size only, or a catalog model. */
const model = fc.oneof(
  paramsB.map((size) => ({ paramsB: size })),
  catalogModel,
);
const options = fc.record({
  workload,
  precision,
  sequenceLength,
  batchSize,
  gpuCount,
  gradientCheckpointing: fc.boolean(),
  loraRank: fc.integer({ min: 1, max: 256 }),
});

function total(input: EstimateInput): number {
  return estimate(input).memoryGB.total;
}
function perGpu(input: EstimateInput): number {
  return estimate(input).memoryGB.perGpu;
}

describe('estimator properties', () => {
  it('memory never decreases with model size (size-only models)', () => {
    fc.assert(
      fc.property(paramsB, paramsB, options, (a, b, rest) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(total({ ...rest, model: { paramsB: small } })).toBeLessThanOrEqual(
          total({ ...rest, model: { paramsB: large } }),
        );
        expect(perGpu({ ...rest, model: { paramsB: small } })).toBeLessThanOrEqual(
          perGpu({ ...rest, model: { paramsB: large } }),
        );
      }),
    );
  });

  it('memory never decreases with sequence length', () => {
    fc.assert(
      fc.property(model, options, sequenceLength, (spec, rest, other) => {
        const [short, long] =
          rest.sequenceLength <= other ? [rest.sequenceLength, other] : [other, rest.sequenceLength];
        expect(total({ ...rest, model: spec, sequenceLength: short })).toBeLessThanOrEqual(
          total({ ...rest, model: spec, sequenceLength: long }),
        );
      }),
    );
  });

  it('memory never decreases with batch size', () => {
    fc.assert(
      fc.property(model, options, batchSize, (spec, rest, other) => {
        const [small, large] = rest.batchSize <= other ? [rest.batchSize, other] : [other, rest.batchSize];
        expect(perGpu({ ...rest, model: spec, batchSize: small })).toBeLessThanOrEqual(
          perGpu({ ...rest, model: spec, batchSize: large }),
        );
      }),
    );
  });

  it('more GPUs never increase per-GPU memory', () => {
    fc.assert(
      fc.property(model, options, gpuCount, (spec, rest, other) => {
        const [few, many] = rest.gpuCount <= other ? [rest.gpuCount, other] : [other, rest.gpuCount];
        expect(perGpu({ ...rest, model: spec, gpuCount: many })).toBeLessThanOrEqual(
          perGpu({ ...rest, model: spec, gpuCount: few }),
        );
      }),
    );
  });

  it('weights: int4 < int8 < bf16 < fp32', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 1000, noNaN: true }), (size) => {
        const weights = (p: Precision) =>
          estimate({ model: { paramsB: size }, workload: 'inference', precision: p }).memoryGB.breakdown.weights;
        expect(weights('int4')).toBeLessThan(weights('int8'));
        expect(weights('int8')).toBeLessThan(weights('bf16'));
        expect(weights('bf16')).toBeLessThan(weights('fp32'));
      }),
    );
  });

  it('fits never flips from true to false when GPU memory grows', () => {
    fc.assert(
      fc.property(
        model,
        options,
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        (spec, rest, memory, extra) => {
          const smaller = estimate({ ...rest, model: spec, gpuMemoryGB: memory }).fits;
          const larger = estimate({ ...rest, model: spec, gpuMemoryGB: memory + extra }).fits;
          if (smaller === true) expect(larger).toBe(true);
        },
      ),
    );
  });

  it('the breakdown adds up to the total and per-GPU memory never exceeds it', () => {
    fc.assert(
      fc.property(model, options, (spec, rest) => {
        const { memoryGB } = estimate({ ...rest, model: spec });
        const parts = Object.values(memoryGB.breakdown).reduce<number>((sum, value) => sum + (value ?? 0), 0);
        expect(Math.abs(parts - memoryGB.total)).toBeLessThan(0.01);
        expect(memoryGB.perGpu).toBeLessThanOrEqual(memoryGB.total + 0.001);
      }),
    );
  });
});
