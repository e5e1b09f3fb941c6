/**
 * Two questions a consultant asks that the engine skipped (w47, scored on arrival): a team with no GPUs and training
 * on the table is asked its budget (anything trained is rented), and a plan that moves a provider tuning job to another
 * vendor's model asks the team's experience (a job there, or LoRA on an open model it runs).
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
const asked = (profile: object) => recommend(Profile.parse(profile), knowledge).questions.map((entry) => entry.field);

describe('no GPUs and training on the table: the budget', () => {
  const CHATBOT = {
    task: 'customer-facing website chatbot for a telecom operator',
    taskType: 'chat',
    gpuCount: 0,
    labeledExamples: 20000,
  } as const;

  it('is asked when nothing says what it may spend', () => {
    expect(asked(CHATBOT)).toContain('oneTimeBudgetUSD');
  });

  it.each([
    ['a budget already stated', { oneTimeBudgetUSD: 500 }],
    ['data that may not go to a rented GPU', { dataMustStayOnPrem: true, deployment: 'cloud-api' }],
    ['GPUs of its own', { gpuCount: 2, gpuName: 'NVIDIA A100 80GB' }],
    ['a handful of labels and nothing to train', { labeledExamples: 20 }],
  ])('is not asked with %s', (_name, change) => {
    expect(asked({ ...CHATBOT, ...change })).not.toContain('oneTimeBudgetUSD');
  });
});

describe('a tuning job moved to another vendor: the team’s experience', () => {
  const RETIRING = {
    modelName: 'GPT-4o mini',
    modelAccess: 'api-with-finetuning',
    modelStage: 'fine-tuned',
    task: 'turn call-centre transcripts into a structured CRM call summary',
    taskType: 'generate',
    needsStyleOrFormat: true,
    goals: ['format', 'task-skill'],
    labeledExamples: 3000,
    requestsPerDay: 25000,
    canSwitchModel: true,
    timelineWeeks: 5,
    tried: [{ method: 'managed-fine-tuning', result: 'good-enough' }],
  } as const;

  it('is asked when the plan moves the job off the retiring model', () => {
    const result = recommend(Profile.parse(RETIRING), knowledge);
    expect(result.destination.method).toBe('managed-fine-tuning');
    expect(result.destination.model.switched).toBe(true);
    expect(result.questions.map((entry) => entry.field)).toContain('mlExpertise');
  });

  it('is not asked once the team said it', () => {
    expect(asked({ ...RETIRING, mlExpertise: 'basic' })).not.toContain('mlExpertise');
  });
});
