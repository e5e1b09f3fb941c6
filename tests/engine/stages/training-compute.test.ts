import { describe, expect, it } from 'vitest';
import {
  assessFit,
  cheapestRental,
  MIN_RENTAL_HOURS,
  PROJECT_RUNS,
  rerunAt,
  TIGHT_FRACTION,
} from '../../../src/engine/training-compute.ts';
import { estimate } from '../../../src/estimator/index.ts';
import type { EstimateInput } from '../../../src/estimator/types.ts';
import { buildFixtureKnowledge } from '../../helpers/fixture-knowledge.ts';

const lora8b: EstimateInput = { model: { paramsB: 8 }, workload: 'lora', sequenceLength: 2048 };

describe('assessFit: a tolerance band with the usual levers', () => {
  const result = estimate(lora8b);
  const needed = result.memoryGB.perGpu;
  const bandAt = (perGpu: number | undefined, hasGpu: boolean | undefined = true) =>
    assessFit(result, 'lora', perGpu, hasGpu, 1, rerunAt(lora8b));

  it('fits with headroom, is tight near the limit, fits-if a fused loss or shorter sequences help, and is a no beyond', () => {
    expect(bandAt(needed / TIGHT_FRACTION + 1).level).toBe('fits');
    expect(bandAt(needed + 0.01).level).toBe('tight');
    // The first lever keeps every token: a fused, chunked loss drops the vocabulary logits.
    const fused = estimate({ ...lora8b, fusedLoss: true }).memoryGB.perGpu;
    expect(fused).toBeLessThan(needed);
    const withFusedLoss = bandAt((fused + needed) / 2);
    expect(withFusedLoss.level).toBe('fits-if');
    expect(withFusedLoss.adjustments[0]).toMatch(/fused, chunked cross-entropy loss/);
    // Below that, shorter sequences (when the examples may be cut) are the next lever.
    const shorter = estimate({ ...lora8b, sequenceLength: 512 }).memoryGB.perGpu;
    if (shorter < fused) {
      const cut = bandAt((shorter + fused) / 2);
      expect(cut.level).toBe('fits-if');
      expect(cut.adjustments[0]).toMatch(/sequences of 512 tokens/);
    }
    expect(bandAt(Math.min(shorter, fused) - 1).level).toBe('no');
  });

  it('is unknown without a memory figure and no without a GPU', () => {
    expect(bandAt(undefined).level).toBe('unknown');
    expect(bandAt(80, false).level).toBe('no');
  });

  it('more memory never lowers the band', () => {
    const order = ['no', 'fits-if', 'tight', 'fits'];
    let last = -1;
    for (let memory = 4; memory <= 80; memory += 0.5) {
      const level = order.indexOf(bandAt(memory).level);
      expect(level).toBeGreaterThanOrEqual(last);
      last = level;
    }
  });
});

describe('cheapestRental: a project, not one ideal run', () => {
  const knowledge = buildFixtureKnowledge();
  const rentals = knowledge.gpus.filter(
    (gpu): gpu is typeof gpu & { price: NonNullable<typeof gpu.price> } =>
      gpu.class === 'datacenter' && gpu.price !== null,
  );

  it('bills PROJECT_RUNS runs and at least one hour per GPU, on the fewest GPUs that hold the job', () => {
    const single = estimate(lora8b);
    const tiny = cheapestRental(single, 1e15, 0.35, rentals, false);
    expect(tiny?.usd).toBeCloseTo(MIN_RENTAL_HOURS * (tiny?.count ?? 0) * (tiny?.usdPerGpuHour ?? 0), 2);
    const big = cheapestRental(single, 1e20, 0.35, rentals, false);
    const gpu = knowledge.gpus.find((candidate) => candidate.name === big?.gpu);
    const hours = (1e20 / ((gpu?.denseBf16Tflops ?? 1) * 1e12 * 0.35) / 3600) * PROJECT_RUNS;
    expect(big?.usd).toBeCloseTo(hours * (big?.usdPerGpuHour ?? 0), 0);
  });

  it('finds nothing when no node of the catalog holds the job', () => {
    const huge = estimate({ model: { paramsB: 2000 }, workload: 'full-fine-tuning' });
    expect(cheapestRental(huge, 1e18, 0.35, rentals, false)).toBeUndefined();
  });
});
