import { describe, expect, it } from 'vitest';
import {
  checkExplanation,
  findEndorsement,
  mentionsMethod,
  methodAliases,
} from '../../src/llm/validate-explanation.ts';
import { fixtureKnowledge, fixtureRecommendation, GOOD_EXPLANATION } from './fixtures.ts';

const knowledge = fixtureKnowledge();
const fullFineTuning = methodAliases('full-fine-tuning', knowledge);

describe('methodAliases', () => {
  it('id, name, name without parenthesis and each parenthesis item', () => {
    expect(methodAliases('rag', knowledge)).toEqual(
      expect.arrayContaining(['rag', 'retrieval augmented generation', 'retrieval augmented generation (rag)']),
    );
    expect(methodAliases('preference-tuning', knowledge)).toEqual(
      expect.arrayContaining(['preference tuning', 'rlhf', 'dpo', 'reinforcement fine tuning']),
    );
  });
});

describe('mentionsMethod', () => {
  it('matches on word boundaries, ignoring case and hyphenation, and not inside citations', () => {
    const lora = methodAliases('lora', knowledge);
    expect(mentionsMethod('Train LoRA adapters.', lora)).toBe(true);
    expect(mentionsMethod('Use low-rank adaptation.', lora)).toBe(true);
    expect(mentionsMethod('Use QLoRA.', lora)).toBe(false);
    expect(mentionsMethod('Start small [lora].', lora)).toBe(false);
  });
});

describe('findEndorsement', () => {
  it.each([
    'I recommend full fine-tuning.',
    'We recommend using full fine-tuning of GPT-4o.',
    'My suggestion: you should go with full fine tuning.',
    'The best option here is full fine-tuning.',
    'The best choice for your team would be to use full fine-tuning.',
    'Full fine-tuning is the best approach.',
    'Full-fine-tuning is recommended for you.',
    'You should definitely use full fine-tuning.',
    'I would choose full fine-tuning.',
    'LoRA is not viable, and I suggest full fine-tuning instead.',
  ])('flags "%s"', (text) => {
    expect(findEndorsement(text, fullFineTuning)).toBeDefined();
  });

  it.each([
    'I would not recommend full fine-tuning: it does not fit in 24 GB [zero].',
    "I don't recommend full fine-tuning.",
    'Full fine-tuning is not the best option here.',
    'Full fine-tuning is ruled out because it needs about 16 bytes per parameter.',
    'Avoid going with full fine-tuning on one GPU.',
    'Rather than full fine-tuning, go with LoRA.',
    'Go with LoRA; full fine-tuning is not viable.',
    'Full fine-tuning would be the best choice if you had several 80 GB GPUs.',
  ])('does not flag "%s"', (text) => {
    expect(findEndorsement(text, fullFineTuning)).toBeUndefined();
  });
});

describe('checkExplanation', () => {
  const recommendation = fixtureRecommendation();

  it('accepts an explanation that names the top method and rules out the blocked ones', () => {
    expect(checkExplanation(GOOD_EXPLANATION, recommendation, knowledge)).toEqual({ ok: true });
  });

  it('accepts the top method named by its full name only', () => {
    expect(checkExplanation('Low-rank adaptation comes first.', recommendation, knowledge)).toEqual({ ok: true });
  });

  it('rejects an explanation without the top method', () => {
    expect(checkExplanation('Start with QLoRA on a 4-bit base.', recommendation, knowledge)).toMatchObject({
      ok: false,
      problem: 'top-method-missing',
    });
  });

  it('rejects an explanation that recommends a not-viable method', () => {
    expect(
      checkExplanation('LoRA ranks first, but our pick is managed fine-tuning.', recommendation, knowledge),
    ).toMatchObject({ ok: false, problem: 'not-viable-recommended' });
  });

  it('does not require a top method when every method is not-viable', () => {
    const blocked = {
      ...recommendation,
      recommendations: recommendation.recommendations.map((entry) => ({ ...entry, verdict: 'not-viable' as const })),
    };
    expect(checkExplanation('Nothing fits: every option is blocked.', blocked, knowledge)).toEqual({ ok: true });
    expect(checkExplanation('I recommend LoRA anyway.', blocked, knowledge)).toMatchObject({
      ok: false,
      problem: 'not-viable-recommended',
    });
  });
});
