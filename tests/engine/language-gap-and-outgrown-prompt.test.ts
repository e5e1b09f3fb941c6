/**
 * Found by batch w58 and the thirty-seventh trial (nineteenth session): a language the model writes poorly is tuned
 * before retrieval; a prompt good enough on a few pasted chapters does not scale to a corpus too big for the prompt;
 * DPO holds both answers of a pair in memory; preferences named in the task ask for the pairs.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const advise = (profile: Record<string, unknown>) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

const hausa = {
  modelName: 'Llama 3.2 1B Instruct',
  taskType: 'chat',
  multilingual: true,
  needsCitations: true,
  labeledExamples: 2500,
  unlabeledCorpus: 'small',
  corpusTokens: 250_000,
  knowledgeChanges: 'rarely',
  gpuName: 'RTX 4090',
  gpuCount: 1,
  goals: ['task-skill', 'knowledge', 'citations'],
  tried: [{ method: 'prompt-engineering', result: 'failed', note: 'answers drift into English; Hausa grammar errors' }],
} as const;

describe('a language the model writes poorly', () => {
  it('tunes on the examples and keeps retrieval in the plan for the facts', () => {
    const result = advise(hausa);
    expect(['lora', 'qlora']).toContain(result.destination.method);
    expect(result.plan.flatMap((step) => step.methods)).toContain('rag');
  });

  it.each([
    ['in English only', { multilingual: false }],
    ['when prompting was not tried', { tried: [] }],
    [
      'when the failure says nothing of the language',
      { tried: [{ method: 'prompt-engineering', result: 'failed', note: 'answers skip the escalation steps' }] },
    ],
    ['without examples to tune on', { labeledExamples: 20 }],
  ])('leaves retrieval first %s', (_case, change) => {
    expect(advise({ ...hausa, ...change }).destination.method).toBe('rag');
  });
});

describe('a prompt good enough on part of a corpus', () => {
  const handbook = {
    modelName: 'GPT-4.1',
    taskType: 'chat',
    unlabeledCorpus: 'large',
    knowledgeChanges: 'rarely',
    goals: ['knowledge'],
    tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
  } as const;

  it('moves to retrieval when the corpus is too large for the prompt, and keeps the prompt when it fits', () => {
    expect(advise({ ...handbook, corpusTokens: 1_100_000 }).destination.method).toBe('rag');
    expect(advise({ ...handbook, corpusTokens: 60_000 }).destination.method).toBe('prompt-engineering');
  });
});

describe('DPO memory and the pairs question', () => {
  it('holds the chosen and rejected answer at once: more memory than the same adapters on one answer', () => {
    const memory = (result: ReturnType<typeof advise>, method: string) =>
      result.recommendations.find((entry) => entry.method === method)?.estimates?.memoryGB?.needed ?? 0;
    // On an 80 GB card, 16-bit LoRA DPO fits: it needs more than LoRA on one sequence.
    const roomy = advise({ modelName: 'Llama 3.1 8B', gpuName: 'A100 80GB', gpuCount: 1, preferencePairs: 3500 });
    expect(memory(roomy, 'preference-tuning')).toBeGreaterThan(memory(roomy, 'lora'));
    // On a 24 GB card, 16-bit LoRA fits one answer (about 21 GB) but not DPO's two: DPO is shown on QLoRA, which still
    // needs more than QLoRA on one answer.
    const small = advise({ modelName: 'Llama 3.1 8B', gpuName: 'RTX 3090', gpuCount: 1, preferencePairs: 3500 });
    const dpo = small.recommendations.find((entry) => entry.method === 'preference-tuning');
    expect(dpo?.estimates?.assumptions.some((line) => line.startsWith('Assumes preference tuning with QLoRA'))).toBe(
      true,
    );
    expect(memory(small, 'preference-tuning')).toBeGreaterThan(memory(small, 'qlora'));
    expect(dpo?.verdict).not.toBe('not-viable');
  });

  it('asks for chosen/rejected pairs when the task names RLHF or thumbs ratings', () => {
    const result = advise({
      task: 'do RLHF with our 40,000 thumbs-up/down ratings to improve the help bot',
      taskType: 'chat',
    });
    expect(result.questions.map((question) => question.field)).toContain('preferencePairs');
  });
});
