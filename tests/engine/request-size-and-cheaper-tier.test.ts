/**
 * The size of a production request (`inputTokensPerRequest`, `outputTokensPerRequest`) drives the API bill and the
 * serving context; and a prompt that is good enough on an API model whose only gap is its bill moves to the family's
 * cheaper tier when that tier's list-price bill fits the monthly budget (w36's invoice case, as a class).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { type Profile, Profile as ProfileSchema } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const advise = (profile: Profile) => recommend(ProfileSchema.parse(profile), knowledge, { explain: 'none' });
const bill = (profile: Profile) =>
  advise(profile).recommendations.find((entry) => entry.method === 'prompt-engineering')?.estimates?.monthlyUSD;

describe('the stated request size', () => {
  const base: Profile = { modelName: 'GPT-4o mini', requestsPerDay: 1200 };

  it('prices the API bill at the stated input and output tokens instead of the defaults', () => {
    // 1,200 a day × 30 days × (25,000 × $0.15 + 2,000 × $0.60) / 1M = $178.20.
    expect(bill({ ...base, inputTokensPerRequest: 25_000, outputTokensPerRequest: 2000 })).toBeCloseTo(178.2, 1);
    // The defaults (1,000 in, 300 out): 36,000 × (150 + 180) / 1M = $11.88.
    expect(bill(base)).toBeCloseTo(11.88, 2);
  });

  it('says which figures were stated and which assumed', () => {
    const why = (profile: Profile) =>
      advise(profile).assumptions.find((entry) => entry.field === 'estimates.apiMonthlyUSD')?.why ?? '';
    expect(why({ ...base, inputTokensPerRequest: 25_000, outputTokensPerRequest: 2000 })).toContain(
      '25000 input and 2000 output tokens each (as you said)',
    );
    expect(why({ ...base, inputTokensPerRequest: 25_000 })).toContain('(output assumed)');
    expect(why(base)).toContain('(assumed)');
  });

  it('sizes the serving KV cache for requests longer than the default context', () => {
    const context = (profile: Profile) =>
      advise(profile).assumptions.find((entry) => entry.field === 'estimates.inferenceContextTokens')?.value;
    const open: Profile = { modelName: 'Llama 3.1 8B', gpuName: 'NVIDIA L4' };
    expect(context(open)).toBe(4096);
    expect(context({ ...open, inputTokensPerRequest: 30_000, outputTokensPerRequest: 2000 })).toBe(32_000);
  });
});

describe('a good-enough prompt whose bill is the gap', () => {
  // Gemini 2.5 Pro at 40,000 requests a day of 3,000 in and 400 out: about $8,900 a month; 2.5 Flash about $2,280.
  const invoices: Profile = {
    modelName: 'Gemini 2.5 Pro',
    taskType: 'extract',
    labeledExamples: 400,
    requestsPerDay: 40_000,
    inputTokensPerRequest: 3000,
    outputTokensPerRequest: 400,
    monthlyBudgetUSD: 4000,
    tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
    goals: ['cost'],
    deployment: 'cloud-api',
  };

  it('keeps the prompt and moves it to the cheaper tier whose bill fits the budget', () => {
    const result = advise(invoices);
    expect(result.destination).toMatchObject({
      method: 'prompt-engineering',
      model: { name: 'Gemini 2.5 Flash', switched: true },
    });
    expect(result.destination.estimates?.monthlyUSD).toBeCloseTo(2280, 0);
    // Distillation stays in the plan, for when the cheaper tier misses the bar.
    expect(result.plan.flatMap((step) => step.methods)).toContain('distillation');
    // The first step is the current prompt run on the cheaper tier, not "start on the destination directly".
    expect(result.firstStep.why).toMatch(/^Run your current prompt unchanged on Gemini 2\.5 Flash against/);
  });

  it.each<[string, Partial<Profile>]>([
    ['a budget no cheaper tier fits', { monthlyBudgetUSD: 300 }],
    ['a teacher named (the team is set up to distil)', { teacherModel: 'Gemini 2.5 Pro' }],
    ['a model that may not change', { canSwitchModel: false }],
    ['latency as a goal too', { goals: ['cost', 'latency'] }],
  ])('does not switch tiers with %s', (_label, patch) => {
    const result = advise({ ...invoices, ...patch });
    expect(
      result.destination.method === 'prompt-engineering' && result.destination.model.name === 'Gemini 2.5 Flash',
    ).toBe(false);
  });

  it('switches tiers even with ample labels: they become the evaluation set, and train a student only if the tier falls short (w48)', () => {
    const result = advise({ ...invoices, labeledExamples: 50_000 });
    expect(result.destination.method).toBe('prompt-engineering');
    expect(result.destination.model.name).toBe('Gemini 2.5 Flash');
  });
});
