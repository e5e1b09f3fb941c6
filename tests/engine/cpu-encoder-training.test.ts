/**
 * No GPUs and no rental: a small encoder classifier (BERT-Base, 110M) is still fine-tuned on the CPU server and served
 * there. Six independent batches (w3, w9, w19, w37, w41, w44) graded this answer; before, every training method was
 * ruled out and the advice fell back to few-shot prompting of an 8B on CPUs.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CPU_TRAINING_NOTE } from '../../src/engine/method-estimates.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});

const UTILITY = {
  modelName: 'Llama 3.1 8B',
  task: 'tag incoming service tickets with one of 25 categories',
  taskType: 'classify',
  labeledExamples: 12000,
  gpuCount: 0,
  oneTimeBudgetUSD: 0,
  deployment: 'on-prem',
  dataMustStayOnPrem: true,
  latencyTargetMs: 150,
  requestsPerDay: 50000,
  goals: ['task-skill', 'latency'],
  canSwitchModel: true,
} as const;

describe('a small encoder trained on the CPU server', () => {
  it('replaces the 8B no one can train, with full fine-tuning and no rent', () => {
    const result = recommend(Profile.parse(UTILITY), knowledge);
    expect(result.destination.method).toBe('full-fine-tuning');
    expect(result.destination.model).toMatchObject({ name: 'BERT-Base', switched: true });
    expect(result.destination.estimates?.oneTimeUSD).toBe(0);
    expect(result.destination.estimates?.trainingGpuHours).toBeUndefined();
    expect(result.destination.estimates?.assumptions.some((line) => line.startsWith(CPU_TRAINING_NOTE))).toBe(true);
    // Served on the team's CPUs: no rented GPU, no monthly bill.
    expect(result.assumptions.find((entry) => entry.field === 'estimates.servingGpus')?.value).toBe(0);
  });

  it('trains a named encoder on the CPU with the rule that says so, and keeps 4-bit methods out', () => {
    const result = recommend(Profile.parse({ ...UTILITY, modelName: 'BERT-Base', canSwitchModel: false }), knowledge);
    const full = result.recommendations.find((entry) => entry.method === 'full-fine-tuning');
    expect(full?.verdict).toBe('recommended');
    expect(full?.reasons.map((reason) => reason.ruleId)).toContain('small-model-trains-on-cpu');
    expect(result.recommendations.find((entry) => entry.method === 'qlora')?.verdict).toBe('not-viable');
  });

  it.each([
    ['a text task that is not classification', { taskType: 'generate' }],
    ['a team with GPUs', { gpuCount: 1, gpuName: 'NVIDIA L4' }],
    ['too few labels', { labeledExamples: 40 }],
  ])('is not proposed for %s', (_name, change) => {
    const result = recommend(Profile.parse({ ...UTILITY, ...change }), knowledge);
    expect(result.destination.model.name).not.toBe('BERT-Base');
  });

  it.each([
    ['said multilingual', { multilingual: true }],
    ['in another language', { task: 'route incoming citizen letters written in German into 12 departments' }],
  ])('takes the multilingual encoder (XLM-R), not English BERT, for a task %s', (_name, change) => {
    const result = recommend(Profile.parse({ ...UTILITY, ...change }), knowledge);
    expect(result.destination.method).toBe('full-fine-tuning');
    expect(result.destination.model).toMatchObject({ name: 'XLM-RoBERTa Base', switched: true });
  });

  it('keeps the smaller English encoder for an English task', () => {
    const result = recommend(Profile.parse({ ...UTILITY, multilingual: false }), knowledge);
    expect(result.destination.model.name).toBe('BERT-Base');
  });

  it('leaves an 8B untrainable without GPUs (only small models train on CPUs)', () => {
    const result = recommend(Profile.parse({ ...UTILITY, canSwitchModel: false }), knowledge);
    for (const method of ['lora', 'full-fine-tuning'] as const)
      expect(result.recommendations.find((entry) => entry.method === method)?.verdict).toBe('not-viable');
  });
});

describe('access the team states that a provider offer confirms', () => {
  it('"api-with-finetuning" for Gemini 2.5 Flash (tuned on Vertex AI) is no conflict to ask about', () => {
    const result = recommend(
      Profile.parse({
        modelName: 'Gemini 2.5 Flash',
        modelAccess: 'api-with-finetuning',
        taskType: 'generate',
        labeledExamples: 1200,
        goals: ['format'],
        tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
      }),
      knowledge,
    );
    expect(result.conflicts.map((conflict) => conflict.field)).not.toContain('modelAccess');
    expect(result.questions.map((question) => question.field)).not.toContain('modelAccess');
  });
});
