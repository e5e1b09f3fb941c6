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

describe('assessFit: the levers together when none alone is enough (newuser65 F18)', () => {
  // Full fine-tuning of an 8B on 52,000-token contracts, sharded over two 80 GB cards: the logits alone are ~53 GB, the
  // AdamW state ~48 GB a GPU. Neither the fused loss nor the 8-bit optimizer alone brings it under 80 GB; both do.
  const long: EstimateInput = {
    model: { paramsB: 8 },
    workload: 'full-fine-tuning',
    sequenceLength: 52_000,
    gpuCount: 2,
  };
  const result = estimate(long);
  const bandAt = (perGpu: number) => assessFit(result, 'full-fine-tuning', perGpu, true, 2, rerunAt(long), 52_000);

  it('is fits-if with a fused loss and an 8-bit optimizer, and says what it needs then', () => {
    const band = bandAt(80);
    expect(result.memoryGB.perGpu).toBeGreaterThan(80);
    expect(band.level).toBe('fits-if');
    expect(band.adjustments).toHaveLength(2);
    expect(band.adjustments[0]).toMatch(/fused, chunked cross-entropy loss/);
    expect(band.adjustments[1]).toMatch(/8-bit \(paged\) AdamW/);
    // The 52,000-token examples are not cut: no shorter sequence is offered.
    expect(band.adjustments.join(' ')).not.toMatch(/512 tokens/);
    expect(band.adjustedPerGpuGB).toBeLessThanOrEqual(80);
    expect(band.adjustedPerGpuGB).toBeLessThan(band.neededPerGpuGB);
  });

  it('is still a no where even all the levers do not fit', () => {
    expect(bandAt(24).level).toBe('no');
  });

  it('gives LoRA a fused loss and shorter sequences together, never the 8-bit optimizer', () => {
    // Examples of unstated length may be cut: where neither the fused loss nor 512-token sequences alone fit, both do.
    const lora: EstimateInput = { model: { paramsB: 8 }, workload: 'lora', sequenceLength: 8192 };
    const loraResult = estimate(lora);
    const fused = estimate({ ...lora, fusedLoss: true }).memoryGB.perGpu;
    const short = estimate({ ...lora, sequenceLength: 512 }).memoryGB.perGpu;
    const both = estimate({ ...lora, sequenceLength: 512, fusedLoss: true }).memoryGB.perGpu;
    expect(both).toBeLessThan(Math.min(fused, short));
    const band = assessFit(loraResult, 'lora', (both + Math.min(fused, short)) / 2, true, 1, rerunAt(lora));
    expect(band.level).toBe('fits-if');
    expect(band.adjustments).toHaveLength(2);
    expect(band.adjustments[0]).toMatch(/fused, chunked cross-entropy loss/);
    expect(band.adjustments[1]).toMatch(/sequences of 512 tokens/);
    expect(band.adjustments.join(' ')).not.toMatch(/8-bit/);
    expect(band.adjustedPerGpuGB).toBeCloseTo(both, 1);
  });

  it('more memory never lowers the band, with every lever', () => {
    const order = ['no', 'fits-if', 'tight', 'fits'];
    let last = -1;
    for (let memory = 16; memory <= 200; memory += 2) {
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
