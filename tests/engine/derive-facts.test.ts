import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../src/engine/derive-facts.ts';
import { estimateFeasibility } from '../../src/engine/estimate-feasibility.ts';
import { methodEstimates } from '../../src/engine/method-estimates.ts';
import { resolveProfile } from '../../src/engine/resolve-profile.ts';
import type { Profile } from '../../src/profile/profile-schema.ts';
import { buildFixtureKnowledge } from '../helpers/fixture-knowledge.ts';

const knowledge = buildFixtureKnowledge();

function derive(profile: Profile, k = knowledge) {
  const resolved = resolveProfile(profile, k);
  const estimates = estimateFeasibility(resolved, k);
  return { facts: deriveFacts(resolved, k, estimates), estimates };
}

describe('deriveFacts', () => {
  it('derives no fact from an empty profile but the assumed residency: data may leave (and renting is allowed, so no CPU latency floor or measured CPU speed binds) until the team says otherwise', () => {
    const { facts } = derive({});
    expect(facts).toEqual({
      rentalAllowed: true,
      dataMustStayOnPrem: false,
      cpuLatencyMet: true,
      cpuMeasuredLatencyMet: true,
    });
  });

  it('derives model facts from the catalog', () => {
    const { facts } = derive({ modelName: 'Llama 3.1 8B' });
    expect(facts).toMatchObject({
      weightsAvailable: true,
      knownModel: true,
      modelFamily: 'llama',
      modelRetired: false,
      largeModel: false,
      smallModel: false,
      managedTuningAvailable: false,
    });
    // No API provider: the provider rules are decided (false), not left open.
    expect(facts.modelProvider).toBe('none');
    expect(derive({ modelName: 'Unknown thing' }).facts.knownModel).toBe(false);
  });

  it('marks a model retiring soon when its end of life is within 26 weeks after the reference date', () => {
    // The fixture's retired API model ends on 2025-06-30.
    const at = (referenceDate: string) =>
      derive({ modelName: 'API Retired' }, buildFixtureKnowledge({ referenceDate })).facts.modelRetiringSoon;
    expect(at('2025-01-01')).toBe(true);
    expect(at('2024-12-01')).toBe(false);
    expect(at('2025-06-30')).toBe(false); // already retired
    expect(derive({ modelName: 'Llama 3.1 8B' }).facts.modelRetiringSoon).toBe(false);
  });

  it('marks a model retired on or after its end of life and not before', () => {
    expect(derive({ modelName: 'API Retired' }).facts.modelRetired).toBe(true);
    const before = buildFixtureKnowledge({ referenceDate: '2025-06-29' });
    expect(derive({ modelName: 'API Retired' }, before).facts.modelRetired).toBe(false);
    const onTheDay = buildFixtureKnowledge({ referenceDate: '2025-06-30' });
    expect(derive({ modelName: 'API Retired' }, onTheDay).facts.modelRetired).toBe(true);
  });

  it('derives managed tuning from available, unexpired provider offerings', () => {
    const { facts } = derive({ modelName: 'API Tunable' });
    expect(facts).toMatchObject({
      modelProvider: 'test-provider',
      weightsAvailable: false,
      managedTuningAvailable: true,
      // ended on 2025-10-01, before the reference date
      managedPreferenceTuningAvailable: false,
      // deprecated
      managedDistillationAvailable: false,
    });
    const earlier = buildFixtureKnowledge({ referenceDate: '2025-10-01' });
    expect(derive({ modelName: 'API Tunable' }, earlier).facts.managedPreferenceTuningAvailable).toBe(true);
  });

  it('takes modelAccess api-with-finetuning as managed tuning available, and api-only as not', () => {
    expect(derive({ modelAccess: 'api-with-finetuning' }).facts.managedTuningAvailable).toBe(true);
    expect(derive({ modelAccess: 'api-only' }).facts.managedTuningAvailable).toBe(false);
    expect(derive({ modelAccess: 'open-weights' }).facts.managedTuningAvailable).toBeUndefined();
  });

  it('computes GPU facts and memory fits with the estimator', () => {
    const { facts } = derive({ modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090' });
    expect(facts).toMatchObject({
      hasGpu: true,
      gpuCount: 1,
      totalGpuMemoryGB: 24,
      'fits.inference': true,
      'fits.qlora': true,
      'fits.full-fine-tuning': false,
      'fits.distillation-student': true,
    });
  });

  it('makes every fit false without GPUs, and unknown when the model size is unknown', () => {
    const none = derive({ modelParamsB: 7, gpuCount: 0 }).facts;
    expect(none).toMatchObject({ hasGpu: false, totalGpuMemoryGB: 0, 'fits.lora': false, 'fits.inference': false });
    const noSize = derive({ gpuName: 'H100' }).facts;
    expect(noSize['fits.lora']).toBeUndefined();
    expect(noSize['fits.distillation-student']).toBe(true);
  });

  it('trainable: own GPUs that hold the job cost nothing; otherwise a rental within the budget, unless data must stay', () => {
    // An H100 holds LoRA on an 8B model: trainable whatever the budget.
    expect(derive({ modelName: 'Llama 3.1 8B', gpuName: 'H100', oneTimeBudgetUSD: 0 }).facts['trainable.lora']).toBe(
      true,
    );
    const base: Profile = { modelName: 'Llama 3.1 8B', gpuCount: 0, labeledExamples: 10_000 };
    const rental = derive(base).estimates.rentals.lora;
    expect(rental?.usd).toBeGreaterThan(0);
    expect(derive(base).facts['trainable.lora']).toBeUndefined(); // budget unknown: undecided
    expect(derive({ ...base, oneTimeBudgetUSD: (rental?.usd ?? 0) * 2 }).facts['trainable.lora']).toBe(true);
    expect(derive({ ...base, oneTimeBudgetUSD: (rental?.usd ?? 0) / 2 }).facts['trainable.lora']).toBe(false);
    expect(derive({ ...base, oneTimeBudgetUSD: 1e6, dataMustStayOnPrem: true }).facts['trainable.lora']).toBe(false);
  });

  it('leaves training cost unestimated (not $0) when there are no labelled examples, and says why', () => {
    const { estimates } = derive({
      modelName: 'Llama 3.1 8B',
      gpuName: 'H100',
      labeledExamples: 0,
      unlabeledCorpus: 'large',
      oneTimeBudgetUSD: 100,
    });
    expect(estimates.trainingTokens).toBeUndefined();
    expect(estimates.checks['full-fine-tuning']?.costUSD).toBeUndefined();
    expect(estimates.assumptions).toContainEqual(
      expect.objectContaining({ field: 'estimates.trainingTokens', value: null }),
    );
  });

  it('prices with the caller GPU, or else the catalog GPU with the lowest price per TFLOP/s', () => {
    expect(derive({ modelParamsB: 7, gpuName: 'RTX 4090' }).estimates.pricingGpu?.name).toBe('RTX 4090');
    // H100: 3 / 989 per TFLOP/s beats A100: 1.5 / 312; the consumer card is not a rental reference.
    expect(derive({ modelParamsB: 7 }).estimates.pricingGpu).toMatchObject({ name: 'H100 SXM', origin: 'reference' });
  });

  it('compares the monthly cost of a rented serving GPU with the monthly budget; owned GPUs are not rent', () => {
    const { facts, estimates } = derive({ modelParamsB: 7, gpuName: 'A100 80GB', gpuCount: 2, monthlyBudgetUSD: 1000 });
    // A 16-bit 7B model needs one of the two GPUs; the other is not billed to serving.
    expect(estimates.servingGpus).toBe(1);
    expect(estimates.serving?.selfHostedMonthlyUSD).toBe(1 * 1.5 * 730);
    expect(facts['affordable.self-hosting']).toBeUndefined();
    const rented = derive({ modelParamsB: 7, monthlyBudgetUSD: 100 });
    expect(rented.estimates.servingGpu?.origin).toBe('reference');
    expect(rented.facts['affordable.self-hosting']).toBe(false);
    expect(derive({ modelParamsB: 7, monthlyBudgetUSD: 10_000 }).facts['affordable.self-hosting']).toBe(true);
  });

  it('serves on as many GPUs as the model needs: 16-bit when it fits, 4-bit when only that fits the GPUs', () => {
    expect(derive({ modelParamsB: 70, gpuName: 'A100 80GB', gpuCount: 8 }).estimates.servingGpus).toBe(2);
    // One 80 GB card: 16-bit 70B does not fit, 4-bit does, so it is served quantised on that one card.
    const one = derive({ modelParamsB: 70, gpuName: 'A100 80GB', gpuCount: 1 }).estimates;
    expect(one.servingGpus).toBe(1);
    expect(one.assumptions.find((item) => item.field === 'estimates.servingGpus')?.why).toMatch(/4-bit weights/);
    // Too small even at 4 bits: as many of those cards as the 16-bit model needs.
    const small = derive({ modelParamsB: 70, gpuName: 'RTX 4090', gpuCount: 1 }).estimates;
    expect(small.servingGpus).toBe(Math.ceil((small.checks.inference?.memoryGB.total ?? 0) / 24));
    expect(small.assumptions.find((item) => item.field === 'estimates.servingGpus')?.why).toMatch(/16-bit weights/);
  });

  it('derives knowledge volatility and size classes', () => {
    expect(derive({ knowledgeChanges: 'weekly' }).facts.knowledgeVolatile).toBe(true);
    expect(derive({ knowledgeChanges: 'monthly' }).facts.knowledgeVolatile).toBe(false);
    expect(derive({ modelParamsB: 10 }).facts).toMatchObject({ largeModel: true, smallModel: false });
    expect(derive({ modelParamsB: 2.9 }).facts).toMatchObject({ largeModel: false, smallModel: true });
  });
});

describe('methodEstimates', () => {
  it('attaches memory needed vs available, GPU-hours and cost, with the estimator assumptions', () => {
    const { facts, estimates } = derive({ modelName: 'Llama 3.1 8B', gpuName: 'H100', labeledExamples: 1000 });
    const byMethod = methodEstimates(estimates, facts.hasGpu as boolean, facts.totalGpuMemoryGB as number);
    expect(byMethod.lora?.memoryGB).toMatchObject({ available: 80, fits: true });
    expect(byMethod.lora?.trainingGpuHours).toBeGreaterThan(0);
    expect(byMethod.lora?.oneTimeUSD).toBe(0); // own GPU: time, not dollars
    expect(byMethod.lora?.memoryGB?.fit).toBe('fits');
    expect(byMethod['full-fine-tuning']?.memoryGB?.needed).toBeGreaterThan(byMethod.lora?.memoryGB?.needed ?? 0);
    // Served on the owned H100: no bill, the rental price only as an opportunity cost.
    expect(byMethod.rag?.monthlyUSD).toBe(0);
    expect(byMethod.rag?.assumptions.join(' ')).toContain(`about $${3 * 730} a month`);
    expect(byMethod.adapters?.assumptions[0]).toContain('Approximated by the LoRA estimate');
    expect(byMethod['managed-fine-tuning']).toBeUndefined();
  });

  it('has no estimates except the student when the model size is unknown', () => {
    const { estimates } = derive({ modelAccess: 'api-only' });
    expect(Object.keys(methodEstimates(estimates, undefined, undefined))).toEqual(['distillation']);
  });
});
