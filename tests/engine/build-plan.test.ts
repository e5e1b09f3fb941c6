import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/engine/build-plan.ts';
import type { RankedMethod } from '../../src/engine/rank-methods.ts';
import { METHOD_IDS, type MethodId } from '../../src/profile/profile-schema.ts';

type Verdict = RankedMethod['verdict'];

/** Ranked methods in the given order; methods not listed are "viable" after them. */
function ranked(verdicts: [MethodId, Verdict][]): RankedMethod[] {
  const listed = verdicts.map(([method]) => method);
  const rest = METHOD_IDS.filter((method) => !listed.includes(method)).map((method): [MethodId, Verdict] => [
    method,
    'viable',
  ]);
  return [...verdicts, ...rest].map(([method, verdict], index) => ({
    method,
    rank: index + 1,
    verdict,
    score: 50,
    reasons: [{ ruleId: `why-${method}`, effect: '+10', text: `${method} helps here.`, sources: ['src-a'] }],
    blockers: [],
  }));
}

describe('buildPlan', () => {
  it('always starts with the prompt baseline and an evaluation set of at least 20 cases', () => {
    const plan = buildPlan(ranked([['prompt-engineering', 'recommended']]));
    expect(plan[0]?.step).toBe(1);
    expect(plan[0]?.methods).toEqual(['prompt-engineering', 'in-context-learning']);
    expect(plan[0]?.why).toContain('at least 20');
  });

  it('leaves in-context learning out of the baseline when it is not viable', () => {
    const plan = buildPlan(ranked([['in-context-learning', 'not-viable']]));
    expect(plan[0]?.methods).toEqual(['prompt-engineering']);
  });

  it('stages RAG, the best behaviour method, preference tuning and distillation in order, numbering consecutively', () => {
    const plan = buildPlan(
      ranked([
        ['rag', 'recommended'],
        ['qlora', 'recommended'],
        ['lora', 'recommended'],
        ['preference-tuning', 'recommended'],
        ['distillation', 'recommended'],
      ]),
    );
    expect(plan.map((step) => [step.step, step.methods])).toEqual([
      [1, ['prompt-engineering', 'in-context-learning']],
      [2, ['rag']],
      [3, ['qlora']],
      [4, ['preference-tuning']],
      [5, ['distillation']],
    ]);
    expect(plan[1]?.why).toContain('rag helps here.');
  });

  it('skips stages whose methods are only viable, and renumbers', () => {
    const plan = buildPlan(
      ranked([
        ['managed-fine-tuning', 'recommended'],
        ['rag', 'viable'],
      ]),
    );
    expect(plan.map((step) => [step.step, step.methods])).toEqual([
      [1, ['prompt-engineering', 'in-context-learning']],
      [2, ['managed-fine-tuning']],
    ]);
  });

  it('never puts a not-viable method in the plan', () => {
    const plan = buildPlan(
      ranked([
        ['full-fine-tuning', 'not-viable'],
        ['distillation', 'not-viable'],
      ]),
    );
    expect(plan.flatMap((step) => step.methods)).not.toContain('full-fine-tuning');
    expect(plan.flatMap((step) => step.methods)).not.toContain('distillation');
  });
});
