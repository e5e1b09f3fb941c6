import { describe, expect, it } from 'vitest';
import { estimateServingCost, estimateTrainingTokens, trainingTokensAssumption } from '../../src/estimator/index.ts';

describe('estimateServingCost', () => {
  it('prices self-hosting as GPUs × $/h × 730 h and the API per million tokens over 30 days', () => {
    const result = estimateServingCost({
      requestsPerDay: 10_000,
      gpuCount: 2,
      usdPerGpuHour: 1.99,
      apiUsdPerMillionInput: 2.5,
      apiUsdPerMillionOutput: 10,
    });
    expect(result.selfHostedMonthlyUSD).toBe(2905.4);
    // 10,000 × 30 × (1000 × 2.5 + 300 × 10) / 1e6 = 1,650
    expect(result.apiMonthlyUSD).toBe(1650);
    expect(result.assumptions.join(' ')).toMatch(/730 hours a month/);
    expect(result.assumptions.join(' ')).toMatch(/1000 input and 300 output tokens per request \(assumed\)/);
  });

  it('uses the given token counts and does not call them assumed', () => {
    const result = estimateServingCost({
      requestsPerDay: 100,
      inputTokensPerRequest: 2000,
      outputTokensPerRequest: 0,
      apiUsdPerMillionInput: 1,
      apiUsdPerMillionOutput: 4,
    });
    expect(result.apiMonthlyUSD).toBe(6);
    expect(result.assumptions.join(' ')).not.toMatch(/assumed/);
  });

  it('returns null for each side whose inputs are missing, and says which', () => {
    const result = estimateServingCost({ requestsPerDay: 100, gpuCount: 1 });
    expect(result).toMatchObject({ selfHostedMonthlyUSD: null, apiMonthlyUSD: null });
    expect(result.assumptions).toEqual([
      'Self-hosting cost not estimated: price per GPU-hour unknown.',
      'API cost not estimated: price per million input or output tokens unknown.',
    ]);
    expect(estimateServingCost({ requestsPerDay: 1, gpuCount: 0, usdPerGpuHour: 2 }).selfHostedMonthlyUSD).toBeNull();
  });
});

describe('estimateTrainingTokens', () => {
  it('multiplies examples by 500 tokens and 3 epochs by default', () => {
    expect(estimateTrainingTokens(10_000)).toBe(15_000_000);
    expect(estimateTrainingTokens(1000, 2000, 1)).toBe(2_000_000);
    expect(trainingTokensAssumption(10)).toBe('Training tokens = 10 examples × 500 tokens × 3 epochs (assumed).');
  });
});
