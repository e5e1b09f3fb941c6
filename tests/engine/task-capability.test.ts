import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import { kindForTask, taskFitsModel } from '../../src/engine/task-capability.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { Profile } from '../../src/profile/profile-schema.ts';

describe('taskFitsModel: what a model of a kind can do at all', () => {
  it.each([
    ['encoder', 'text', 'classify', true],
    ['encoder', 'text', 'generate', false],
    ['encoder', 'text', 'image-generate', false],
    ['encoder', 'vision-language', 'image-understand', true],
    ['encoder', 'vision-language', 'generate', false],
    ['encoder-decoder', 'audio', 'transcribe', true],
    ['encoder-decoder', 'audio', 'chat', false],
    ['encoder-decoder', 'text', 'generate', true],
    ['diffusion', 'image', 'image-generate', true],
    ['diffusion', 'image', 'classify', false],
    ['decoder', 'text', 'code', true],
    ['decoder', 'text', 'image-understand', false],
    ['decoder', 'text', 'transcribe', false],
  ] as const)('%s / %s → %s: %s', (kind, modality, task, fits) => {
    expect(taskFitsModel(kind, modality, task)).toBe(fits);
  });

  it('decides nothing when the architecture or the task is unknown (API models, no task shape)', () => {
    expect(taskFitsModel(undefined, 'text', 'image-understand')).toBeUndefined();
    expect(taskFitsModel('encoder', 'text', undefined)).toBeUndefined();
  });

  it('names the kind a substitute must have', () => {
    expect(kindForTask('image-generate')).toEqual({ kind: 'diffusion', modality: 'image' });
    expect(kindForTask('transcribe')).toEqual({ kind: 'encoder-decoder', modality: 'audio' });
    expect(kindForTask('chat')).toEqual({ kind: 'decoder', modality: 'text' });
  });
});

describe('a model asked for a task its kind cannot do (engine red team 2, class 1)', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
  });

  it.each<[string, Profile, string]>([
    [
      'BERT asked to draw images',
      { modelName: 'BERT-Base', taskType: 'image-generate', labeledExamples: 30 },
      'diffusion',
    ],
    ['Whisper asked to chat', { modelName: 'Whisper large-v3', taskType: 'chat' }, 'decoder'],
    [
      'CLIP asked to write product descriptions',
      { modelName: 'CLIP ViT-L/14', taskType: 'generate', labeledExamples: 2000 },
      'decoder',
    ],
  ])('%s: every method is ruled out on it, and the plan moves to a model of the right kind', (_name, profile, kind) => {
    const result = recommend(profile, knowledge, { explain: 'none' });
    for (const entry of result.recommendations) {
      expect(entry.verdict, entry.method).toBe('not-viable');
      expect(entry.blockers.map((blocker) => blocker.ruleId)).toContain('model-cannot-do-task');
    }
    expect(result.destination.model.switched).toBe(true);
    const substitute = knowledge.findModel(result.destination.model.name ?? '');
    const substituteKind =
      substitute?.architecture?.kind === 'moe-decoder' ? 'decoder' : substitute?.architecture?.kind;
    expect(substituteKind).toBe(kind);
  });

  it('keeps the image-LoRA rules off a text encoder that is asked to draw', () => {
    const result = recommend({ modelName: 'BERT-Base', taskType: 'image-generate', labeledExamples: 30 }, knowledge, {
      explain: 'none',
    });
    const fired = result.recommendations.flatMap((entry) => entry.reasons.map((reason) => reason.ruleId));
    expect(fired).not.toContain('image-models-adapt-with-lora');
  });
});

describe('zero budgets (engine red team 2, class 2)', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
  });

  it('a $0 monthly budget rules out a tuned API copy, and untuned calls once their bill is known; a $0 one-time budget rules out a paid tuning job', () => {
    const api = recommend(
      { modelName: 'GPT-4o', monthlyBudgetUSD: 0, requestsPerDay: 20_000, canSwitchModel: false },
      knowledge,
      { explain: 'none' },
    );
    const rulesOut = (method: string) =>
      api.recommendations.find((item) => item.method === method)?.blockers.map((blocker) => blocker.ruleId) ?? [];
    for (const method of ['prompt-engineering', 'in-context-learning', 'rag'] as const)
      expect(rulesOut(method), method).toContain('api-bill-with-no-monthly-budget');
    expect(rulesOut('managed-fine-tuning')).toContain('api-calls-need-a-running-budget');
    // No volume (or no list price): the calls may fit a free tier or a licence already paid for, an assumption.
    const free = recommend({ modelName: 'Gemini 2.0 Flash', monthlyBudgetUSD: 0, gpuCount: 0 }, knowledge, {
      explain: 'none',
    });
    expect(free.destination.method).toBe('prompt-engineering');
    expect(free.recommendations.find((item) => item.method === 'prompt-engineering')?.verdict).not.toBe('not-viable');
    expect(free.assumptions.some((assumption) => assumption.field === 'monthlyBudgetUSD')).toBe(true);
    const job = recommend(
      {
        modelName: 'GPT-4o mini',
        oneTimeBudgetUSD: 0,
        labeledExamples: 2000,
        tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
      },
      knowledge,
      { explain: 'none' },
    );
    const managed = job.recommendations.find((item) => item.method === 'managed-fine-tuning');
    expect(managed?.verdict).toBe('not-viable');
    expect(managed?.blockers.map((blocker) => blocker.ruleId)).toContain('paid-tuning-jobs-need-a-one-time-budget');
    expect(job.destination.method).not.toBe('managed-fine-tuning');
  });
});

describe('the named teacher (engine red team 2, class 3)', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
  });

  it.each<[string, Profile, string]>([
    [
      'a teacher past its end of life on every channel',
      { modelName: 'Llama 3.2 1B', teacherModel: 'Claude 3 Haiku', requestsPerDay: 500_000, goals: ['cost'] },
      'teacher-retired',
    ],
    [
      'an API teacher when the data must stay on the premises',
      {
        modelName: 'Llama 3.2 3B',
        teacherModel: 'GPT-4o',
        dataMustStayOnPrem: true,
        requestsPerDay: 500_000,
        goals: ['cost'],
      },
      'api-teacher-with-on-prem-data',
    ],
  ])('%s rules out distillation from it, and no other student is proposed instead', (_name, profile, ruleId) => {
    const result = recommend({ ...profile, gpuName: 'RTX 4090', gpuCount: 1 }, knowledge, { explain: 'none' });
    const distillation = result.recommendations.find((entry) => entry.method === 'distillation');
    expect(distillation?.verdict).toBe('not-viable');
    expect(distillation?.blockers.map((blocker) => blocker.ruleId)).toContain(ruleId);
    expect(result.destination.method).not.toBe('distillation');
    expect(result.destination.model.switched).toBe(false);
  });

  it('a live open teacher with data on the premises leaves distillation possible', () => {
    const result = recommend(
      {
        modelName: 'Llama 3.2 3B',
        teacherModel: 'Llama 3.1 70B',
        dataMustStayOnPrem: true,
        requestsPerDay: 500_000,
        goals: ['cost'],
        gpuName: 'H100',
        gpuCount: 2,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.recommendations.find((entry) => entry.method === 'distillation')?.verdict).not.toBe('not-viable');
  });
});

describe('a destination nothing makes possible (engine red team 2, class 4)', () => {
  it('is marked blocked, so a client reading destination.method is not told a ruled-out method is the plan', async () => {
    const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
    const result = recommend(
      { modelName: 'Claude 3 Haiku', canSwitchModel: false, labeledExamples: 3000, taskType: 'classify' },
      knowledge,
      { explain: 'none' },
    );
    expect(result.recommendations.every((entry) => entry.verdict === 'not-viable')).toBe(true);
    expect(result.destination.blocked).toBe(true);
    const possible = recommend({ modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090', gpuCount: 1 }, knowledge, {
      explain: 'none',
    });
    expect(possible.destination.blocked).toBeUndefined();
  });
});
