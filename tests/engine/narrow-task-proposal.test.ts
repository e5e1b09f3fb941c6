/**
 * A narrow supervised task (classify, extract) with a few hundred labels and no model named: the proposal is a small
 * model, as it is from a thousand labels on (newuser43: 800 clause labels and no GPUs got Qwen2.5 72B, 1,000 got an
 * 8B). And LoRA against QLoRA is a memory choice: a data amount or a volume that tips their tie is not reported as
 * what would change the answer.
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

const clauses = {
  task: 'classify contract clauses into 25 clause types',
  taskType: 'classify',
  gpuCount: 0,
  oneTimeBudgetUSD: 2000,
  dataMustStayOnPrem: false,
};

describe('a narrow task with no model named', () => {
  it.each([150, 800, 999, 1000, 12_000])('proposes a model of at most 8B with %i labels', (labeledExamples) => {
    const result = run({ ...clauses, labeledExamples });
    const proposed = knowledge.findModel(result.destination.model.name ?? '');
    expect(result.destination.model.proposed).toBe(true);
    expect(proposed?.paramsB).toBeLessThanOrEqual(8.1);
  });

  it('reports no LoRA-to-QLoRA flip from a data amount or a volume', () => {
    const result = run({ ...clauses, labeledExamples: 12_000, requestsPerDay: 4000 });
    const flips = result.sensitivity.filter(
      (entry) =>
        (entry.field === 'labeledExamples' || entry.field === 'requestsPerDay') &&
        new Set([entry.becomes, result.destination.method]).size === 2 &&
        [entry.becomes, result.destination.method].every((method) => method === 'lora' || method === 'qlora'),
    );
    expect(flips).toEqual([]);
  });
});

describe('questions for a model nobody can tune, and for a language only the team has', () => {
  it('asks whether another model may be used for a per-item task on Claude Sonnet, examples not yet counted', () => {
    const result = run({
      modelName: 'Claude Sonnet',
      task: 'Review supplier contracts against our negotiation playbook and flag clauses that deviate from our positions',
      taskType: 'extract',
      deployment: 'cloud-api',
    });
    expect(result.questions.map((question) => question.field)).toContain('canSwitchModel');
  });

  it('asks how much of an in-house language exists as examples and as text', () => {
    const result = run({
      modelName: 'Qwen2.5 7B',
      task: 'Write and fix configuration files in our in-house deployment DSL; today the model invents keywords',
      taskType: 'code',
      gpuName: 'RTX 4090',
      gpuCount: 1,
      deployment: 'on-prem',
    });
    expect(result.questions.map((question) => question.field)).toEqual(
      expect.arrayContaining(['labeledExamples', 'corpusTokens']),
    );
  });
});
