/**
 * A base checkpoint with an ample set of the team's own instruction examples and some preference pairs: the team's
 * supervised stage is the destination, preference tuning follows it, and the vendor's instruct checkpoint is not the
 * answer (a base pretrained further on the team's domain would lose that training). Found by batch w63.
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
const run = (profile: Record<string, unknown>) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

const insurer = {
  modelName: 'Llama 3.1 8B',
  modelStage: 'base',
  task: 'draft German customer letters and claim summaries following underwriters instructions',
  taskType: 'generate',
  labeledExamples: 15000,
  preferencePairs: 2000,
  corpusTokens: 5_000_000_000,
  goals: ['instruction-following', 'style'],
  tried: [{ method: 'prompt-engineering', result: 'failed' }],
  gpuName: 'H100 SXM',
  gpuCount: 8,
  dataMustStayOnPrem: true,
};

describe('a base model with its own instruction data', () => {
  it('tunes the base on the examples first, then preference tuning, with no second supervised step', () => {
    const result = run(insurer);
    expect(result.destination.method).toBe('instruction-tuning');
    expect(result.plan.map((step) => step.methods.join('+'))).toEqual(['instruction-tuning', 'preference-tuning']);
  });

  it.each([
    ['a few hundred examples: the vendor instruct checkpoint, then the pairs', { labeledExamples: 400 }],
    ['alignment named as the goal', { goals: ['alignment'] }],
  ])('keeps preference tuning as the destination with %s', (_label, patch) => {
    expect(run({ ...insurer, ...patch }).destination.method).toBe('preference-tuning');
  });
});

describe('a distillation student for a classifier in another language', () => {
  const kaizen = {
    task: 'classify each report into one of 40 defect categories (in Japanese)',
    taskType: 'classify',
    modelName: 'GPT-4o mini',
    deployment: 'cloud-self-hosted',
    requestsPerDay: 30000,
    goals: ['cost'],
    canSwitchModel: true,
    labeledExamples: 3500,
    unlabeledCorpus: 'large',
    gpuCount: 0,
    teacherModel: 'GPT-4o mini',
  };

  it('is a multilingual encoder, trained whole, when the team’s own labels are a few thousand beside the teacher', () => {
    const result = run(kaizen);
    expect(result.destination.method).toBe('distillation');
    expect(result.destination.student).toBe('XLM-RoBERTa Base');
    const estimates = result.recommendations.find((entry) => entry.method === 'distillation')?.estimates;
    expect(estimates?.assumptions[0]).toMatch(/^Training the encoder student whole/);
    expect(estimates?.assumptions.join(' ')).toMatch(/AdamW mixed precision/);
  });

  it('tunes a decoder whose card covers the language when tens of thousands of labels are the teacher’s outputs', () => {
    const destination = run({ ...kaizen, labeledExamples: 50_000 }).destination;
    const model = knowledge.findModel(destination.model.name ?? '');
    expect(model?.architecture?.kind).not.toBe('encoder');
    // (Llama 3.1's card names eight languages and not Japanese; Qwen2.5's names Japanese.)
    expect(destination.model.name).not.toMatch(/^Llama 3/);
    expect(model?.supportedLanguages?.named).toContain('japanese');
  });
});
