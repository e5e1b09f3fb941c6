/**
 * Two destinations the w45 batch found wrong on arrival: a base model that prompting could not make fluent in a
 * language (or domain) it barely writes, with billions of tokens of it, pre-trains on the corpus before instruction
 * tuning on the pairs however many pairs there are; and a device-bound task that only an API teacher does today
 * (no model named) is distilled into a student that fits the device.
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

const LANGUAGE_LAB = {
  modelName: 'Llama 3.1 8B',
  modelStage: 'base',
  gpuName: 'H100 SXM',
  gpuCount: 8,
  taskType: 'generate',
  corpusTokens: 12_000_000_000,
  unlabeledCorpus: 'large',
  knowledgeChanges: 'never',
  multilingual: true,
  labeledExamples: 20000,
  goals: ['task-skill'],
  mlExpertise: 'expert',
  oneTimeBudgetUSD: 40000,
  timelineWeeks: 16,
  tried: [{ method: 'in-context-learning', result: 'failed' }],
} as const;

describe('the corpus before the pairs', () => {
  it('pre-trains a base model on the language it writes poorly, and tunes the pairs after', () => {
    const result = recommend(Profile.parse(LANGUAGE_LAB), knowledge);
    expect(result.destination.method).toBe('full-fine-tuning');
    expect(result.destination.objective).toBe('continued-pretraining');
    expect(result.plan.flatMap((step) => step.methods)).toContain('instruction-tuning');
  });

  it('keeps instruction tuning first when following instructions is the stated goal', () => {
    const result = recommend(Profile.parse({ ...LANGUAGE_LAB, goals: ['instruction-following'] }), knowledge);
    expect(result.destination.method).toBe('instruction-tuning');
  });

  it('keeps instruction tuning first when prompting was never tried', () => {
    const result = recommend(Profile.parse({ ...LANGUAGE_LAB, tried: [] }), knowledge);
    expect(result.destination.method).toBe('instruction-tuning');
  });
});

describe('code the model writes poorly', () => {
  it('pre-trains on billions of tokens of it before tuning the pairs, once prompting and retrieval stalled', () => {
    const result = recommend(
      Profile.parse({
        modelName: 'Llama 3.1 8B',
        gpuName: 'H100 SXM',
        gpuCount: 16,
        taskType: 'code',
        corpusTokens: 5_000_000_000,
        unlabeledCorpus: 'large',
        labeledExamples: 20000,
        goals: ['task-skill'],
        mlExpertise: 'expert',
        deployment: 'on-prem',
        tried: [
          { method: 'prompt-engineering', result: 'plateaued' },
          { method: 'rag', result: 'plateaued' },
        ],
      }),
      knowledge,
    );
    expect(result.destination.objective).toBe('continued-pretraining');
    expect(result.plan.flatMap((step) => step.methods)).toEqual(['full-fine-tuning', 'instruction-tuning']);
  });
});

describe('an API teacher for a device', () => {
  it('distils into a student that fits the phone when no model is named', () => {
    const result = recommend(
      Profile.parse({
        teacherModel: 'Gemini 2.5 Pro',
        taskType: 'extract',
        deployment: 'mobile',
        deviceMemoryGB: 3,
        labeledExamples: 0,
        goals: ['on-device', 'format'],
        canSwitchModel: true,
        oneTimeBudgetUSD: 5000,
        tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
      }),
      knowledge,
    );
    expect(result.destination.method).toBe('distillation');
    const student = knowledge.findModel(result.destination.student ?? '');
    expect(student?.paramsB).toBeLessThanOrEqual(3);
  });
});
