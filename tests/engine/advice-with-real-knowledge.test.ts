import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { MethodId, Profile } from '../../src/profile/profile-schema.ts';

const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});

const planMethods = (profile: Profile): MethodId[][] =>
  recommend(profile, knowledge, { explain: 'none' }).plan.map((step) => step.methods);
const reasonRules = (profile: Profile, method: MethodId): string[] =>
  recommend(profile, knowledge, { explain: 'none' })
    .recommendations.find((entry) => entry.method === method)
    ?.reasons.map((reason) => reason.ruleId) ?? [];

describe('advice on the real knowledge base', () => {
  it('keeps CLIP label prompts viable but rules out generation-only methods', () => {
    const result = recommend({ modelName: 'CLIP ViT-L/14', gpuName: 'A100 40GB', labeledExamples: 500 }, knowledge, {
      explain: 'none',
    });
    const verdict = (id: MethodId) => result.recommendations.find((entry) => entry.method === id)?.verdict;
    expect(verdict('prompt-engineering')).not.toBe('not-viable');
    for (const id of ['in-context-learning', 'rag', 'instruction-tuning', 'preference-tuning'] as const)
      expect(verdict(id), id).toBe('not-viable');
  });

  it('treats a model the catalog has no architecture for as a generator (no encoder rule fires or stays undecided)', () => {
    for (const profile of [{ modelName: 'GPT-4o' }, { modelParamsB: 13, modelAccess: 'open-weights' as const }]) {
      const trace = recommend(profile, knowledge, { explain: 'none' }).trace;
      for (const id of ['encoder-models-do-not-generate', 'text-encoders-have-no-prompt'])
        expect(trace.find((entry) => entry.ruleId === id)?.outcome, id).toBe('not-fired');
    }
  });

  it('tells a team whose 70B model only fits one GPU at 4 bits to serve it quantised', () => {
    const profile: Profile = { modelName: 'Llama 3.1 70B', gpuName: 'H100', gpuCount: 1, labeledExamples: 1000 };
    const result = recommend(profile, knowledge);
    expect(reasonRules(profile, 'prompt-engineering')).toContain('serve-quantised-when-16bit-does-not-fit');
    expect(result.explanation?.text).toMatch(/Keep in mind:\n- At 16 bits the model does not fit your GPUs/);
    // On eight H100s the 16-bit model fits and the note disappears.
    expect(reasonRules({ ...profile, gpuCount: 8 }, 'prompt-engineering')).not.toContain(
      'serve-quantised-when-16bit-does-not-fit',
    );
  });

  it('points to distillation or a hosted endpoint when even 4-bit weights exceed the GPUs', () => {
    const profile: Profile = { modelName: 'Llama 3.1 405B', gpuName: 'RTX 4090', gpuCount: 1 };
    expect(reasonRules(profile, 'distillation')).toContain('model-too-large-to-serve-on-your-gpus');
  });

  it('does not ask for a training budget when the training costs cents', () => {
    const result = recommend(
      { modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090', gpuCount: 1, labeledExamples: 2000, needsStyleOrFormat: true },
      knowledge,
      { explain: 'none' },
    );
    expect(result.recommendations.find((entry) => entry.method === 'lora')?.estimates?.oneTimeUSD).toBeLessThan(50);
    expect(result.questions.map((question) => question.field)).not.toContain('oneTimeBudgetUSD');
  });

  it('warns that costs are a floor for speech and image examples and rough for non-decoder models', () => {
    const whisper = recommend({ modelName: 'Whisper large-v3', gpuName: 'L4', labeledExamples: 3000 }, knowledge, {
      explain: 'none',
    });
    const fields = whisper.assumptions.map((assumption) => assumption.field);
    expect(fields).toContain('estimates.examplesAsText');
    expect(fields).toContain('estimates.architectureKind');
    const llama = recommend({ modelName: 'Llama 3.1 8B', gpuName: 'L4', labeledExamples: 3000 }, knowledge, {
      explain: 'none',
    }).assumptions.map((assumption) => assumption.field);
    expect(llama).not.toContain('estimates.examplesAsText');
    expect(llama).not.toContain('estimates.architectureKind');
  });

  it('prices the API bill at the stated volume and flags one above the monthly budget', () => {
    const profile: Profile = { modelName: 'GPT-4o', requestsPerDay: 100_000, monthlyBudgetUSD: 500 };
    const result = recommend(profile, knowledge, { explain: 'none' });
    // 100,000 requests × 30 days × (1,000 × $2.50 + 300 × $10) / 1M = $16,500.
    const prompt = result.recommendations.find((entry) => entry.method === 'prompt-engineering');
    expect(prompt?.estimates?.monthlyUSD).toBe(16_500);
    expect(result.assumptions.find((item) => item.field === 'estimates.apiMonthlyUSD')?.value).toBe(16_500);
    expect(reasonRules(profile, 'distillation')).toContain('api-bill-over-monthly-budget');
    expect(reasonRules({ ...profile, monthlyBudgetUSD: 20_000 }, 'distillation')).not.toContain(
      'api-bill-over-monthly-budget',
    );
    // Without a volume there is no bill to show (not $0).
    const noVolume = recommend({ modelName: 'GPT-4o' }, knowledge, { explain: 'none' });
    expect(noVolume.recommendations.find((entry) => entry.method === 'prompt-engineering')?.estimates).toBeUndefined();
  });
});
