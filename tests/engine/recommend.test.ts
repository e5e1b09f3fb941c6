import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import { Recommendation } from '../../src/engine/recommendation-schema.ts';
import { templateExplanation } from '../../src/explainer/template-explanation.ts';
import type { Profile } from '../../src/profile/profile-schema.ts';
import { buildFixtureKnowledge } from '../helpers/fixture-knowledge.ts';

const knowledge = buildFixtureKnowledge();
const styleProfile: Profile = {
  modelName: 'Llama 3.1 8B',
  gpuName: 'RTX 4090',
  needsStyleOrFormat: true,
  labeledExamples: 2000,
  knowledgeChanges: 'rarely',
};

describe('recommend', () => {
  it('returns output matching the Recommendation contract, every method ranked once', () => {
    const result = recommend(styleProfile, knowledge);
    expect(Recommendation.safeParse(result).success).toBe(true);
    expect(result.recommendations.map((method) => method.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(result.knowledgeVersion).toBe('kb-fixture');
    expect(result.trace).toHaveLength(knowledge.rules.length);
  });

  it('ranks LoRA first for style with enough data on a GPU where it fits, and plans baseline then LoRA', () => {
    const result = recommend(styleProfile, knowledge);
    expect(result.recommendations[0]).toMatchObject({ method: 'lora', verdict: 'recommended', score: 80 });
    expect(result.recommendations[0]?.estimates?.memoryGB).toMatchObject({ available: 24, fits: true });
    expect(result.plan.map((step) => step.methods)).toEqual([['prompt-engineering', 'in-context-learning'], ['lora']]);
  });

  it('blocks weight-changing methods for an API-only model and managed tuning when data must stay on premises', () => {
    const result = recommend(
      { modelName: 'API Tunable', dataMustStayOnPrem: true, needsStyleOrFormat: true, labeledExamples: 900 },
      knowledge,
    );
    const verdict = (id: string) => result.recommendations.find((method) => method.method === id)?.verdict;
    for (const id of ['lora', 'qlora', 'full-fine-tuning', 'managed-fine-tuning'])
      expect(verdict(id)).toBe('not-viable');
    expect(result.plan.flatMap((step) => step.methods)).not.toContain('managed-fine-tuning');
  });

  it('lists the sources of fired rules only, sorted by id, with title, url and year', () => {
    const result = recommend({ needsCitations: true, knowledgeChanges: 'daily' }, knowledge);
    expect(result.sources).toEqual([
      { id: 'src-a', title: 'Source A', url: 'https://example.org/a', year: 2021 },
      { id: 'src-b', title: 'Source B', url: 'https://example.org/b', year: 2023 },
    ]);
  });

  it('reports conflicts and lists assumptions sorted by field', () => {
    const result = recommend({ modelName: 'Big Open 70B', modelParamsB: 7, gpuName: 'H100' }, knowledge);
    expect(result.conflicts).toEqual([{ field: 'modelParamsB', given: 7, catalog: 70 }]);
    const fields = result.assumptions.map((assumption) => assumption.field);
    expect(fields).toEqual([...fields].sort());
    expect(result.assumptions).toContainEqual(expect.objectContaining({ field: 'gpuCount', value: 1 }));
    expect(result.assumptions).toContainEqual(expect.objectContaining({ field: 'estimates.architecture' }));
  });

  it('is deterministic: two calls give byte-identical JSON', () => {
    const profile: Profile = { modelParamsB: 13, gpuMemoryGB: 48, multilingual: true, oneTimeBudgetUSD: 500 };
    expect(JSON.stringify(recommend(profile, knowledge))).toBe(JSON.stringify(recommend(profile, knowledge)));
  });

  it('adds a template explanation by default and none on request', () => {
    expect(recommend(styleProfile, knowledge).explanation?.source).toBe('template');
    expect(recommend(styleProfile, knowledge, { explain: 'none' }).explanation).toBeUndefined();
  });
});

describe('templateExplanation', () => {
  it('names the top method with its reasons and sources, the plan, the blocked methods and the questions', () => {
    const result = recommend({ modelName: 'Llama 3.1 8B', gpuCount: 0, needsStyleOrFormat: true }, knowledge, {
      explain: 'none',
    });
    const text = templateExplanation(result, knowledge);
    expect(text).toMatch(/^(Top choice|Recommended): /);
    expect(text).toContain('Plan:\n1. Prompt Engineering');
    expect(text).toContain(
      'Not viable:\n- Lora, Qlora, Full Fine Tuning: Without a GPU, local training is impossible. [src-c]',
    );
    expect(text).toContain('Answering these could change the advice:');
  });
});
