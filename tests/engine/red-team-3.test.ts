/**
 * Classes of impossible verdicts found by the third engine red team (profiles written before the engine was run):
 * a training run longer than the whole timeline, speech and image models "trained" on text, CLIP asked to write,
 * self-hosting over the monthly budget, a full copy per tenant that cannot be served, and teachers that cannot
 * teach (wrong kind of output, or a paid API with no budget). One row per class, with the hard reason.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import { kindForTask, taskFitsModel } from '../../src/engine/task-capability.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { MethodId, Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});

/** A 30-billion-token corpus, a 0.5B model and one T4 on the premises: pre-training that takes weeks on that card. */
const CORPUS_ON_A_T4: Profile = {
  modelName: 'Qwen2.5 0.5B',
  gpuName: 'T4',
  gpuCount: 1,
  dataMustStayOnPrem: true,
  labeledExamples: 0,
  unlabeledCorpus: 'large',
  corpusTokens: 30_000_000_000,
  goals: ['knowledge'],
  taskType: 'chat',
};

const verdict = (profile: Profile, method: MethodId) =>
  recommend(profile, knowledge, { explain: 'none' }).recommendations.find((entry) => entry.method === method);

describe('red team 3: methods the stated facts rule out are never viable', () => {
  it.each<[string, Profile, MethodId[], string]>([
    [
      'one continued pre-training run on one T4 takes weeks; the timeline is half a week and nothing may be rented',
      { ...CORPUS_ON_A_T4, timelineWeeks: 0.5, canSwitchModel: false },
      ['full-fine-tuning', 'lora', 'qlora'],
      'full-fine-tuning-run-outlasts-the-timeline',
    ],
    [
      'Whisper learns from audio with transcripts, not from a text corpus',
      {
        modelName: 'Whisper large-v3',
        taskType: 'transcribe',
        labeledExamples: 0,
        unlabeledCorpus: 'large',
        corpusTokens: 200_000_000,
        gpuName: 'A100 80GB',
        gpuCount: 1,
      },
      ['lora', 'qlora', 'full-fine-tuning'],
      'speech-and-image-models-learn-from-their-own-media',
    ],
    [
      'Stable Diffusion learns a style from images, not from brand-guideline text',
      {
        modelName: 'Stable Diffusion 1.5',
        taskType: 'image-generate',
        labeledExamples: 0,
        unlabeledCorpus: 'large',
        corpusTokens: 1_000_000_000,
        gpuName: 'RTX 4090',
        gpuCount: 1,
      },
      ['lora', 'qlora', 'full-fine-tuning'],
      'speech-and-image-models-learn-from-their-own-media',
    ],
    [
      'CLIP cannot write a description of a photo',
      {
        modelName: 'CLIP ViT-L/14',
        taskType: 'image-understand',
        task: 'write a one-paragraph description of each product photo',
        labeledExamples: 5000,
        gpuName: 'A100 80GB',
        gpuCount: 1,
        canSwitchModel: false,
      },
      ['lora', 'full-fine-tuning', 'prompt-engineering', 'adapters'],
      'model-cannot-do-task',
    ],
    [
      'self-hosting a 405B model costs thousands a month against a $300 budget',
      {
        modelName: 'Llama 3.1 405B',
        gpuCount: 0,
        monthlyBudgetUSD: 300,
        deployment: 'cloud-self-hosted',
        requestsPerDay: 1000,
        canSwitchModel: false,
        taskType: 'chat',
        labeledExamples: 5000,
        needsStyleOrFormat: true,
      },
      ['prompt-engineering', 'in-context-learning', 'rag', 'lora', 'qlora'],
      'self-hosting-cannot-be-paid',
    ],
    [
      '100 full copies of a 0.5B model do not fit one T4, and the data may not go to rented GPUs',
      {
        modelName: 'Qwen2.5 0.5B',
        gpuName: 'T4',
        gpuCount: 1,
        tasksCount: 100,
        labeledExamples: 2000,
        taskType: 'classify',
        dataMustStayOnPrem: true,
        canSwitchModel: false,
      },
      ['full-fine-tuning'],
      'full-copies-per-task-cannot-be-served',
    ],
    [
      'an image generator is no teacher for an extraction student',
      {
        modelName: 'Qwen2.5 1.5B',
        teacherModel: 'Stable Diffusion XL 1.0',
        labeledExamples: 0,
        taskType: 'extract',
        goals: ['cost'],
        gpuName: 'L4',
        gpuCount: 1,
        requestsPerDay: 100_000,
      },
      ['distillation'],
      'teacher-cannot-do-task',
    ],
    [
      "a paid API teacher's answers cannot be bought with a $0 budget",
      {
        modelName: 'Llama 3.2 3B',
        teacherModel: 'Claude Opus',
        labeledExamples: 0,
        oneTimeBudgetUSD: 0,
        monthlyBudgetUSD: 0,
        gpuName: 'RTX 4090',
        gpuCount: 1,
        taskType: 'generate',
        goals: ['cost'],
        requestsPerDay: 50_000,
      },
      ['distillation'],
      'api-teacher-needs-a-budget',
    ],
  ])('%s', (_name, profile, impossible, ruleId) => {
    const result = recommend(profile, knowledge, { explain: 'none' });
    for (const method of impossible) {
      const entry = result.recommendations.find((candidate) => candidate.method === method);
      expect(entry?.verdict, method).toBe('not-viable');
    }
    const blockers = result.recommendations.flatMap((entry) => entry.blockers.map((blocker) => blocker.ruleId));
    expect(blockers).toContain(ruleId);
  });

  it('the same profiles without the deciding fact keep those methods open (the rules are not blanket bans)', () => {
    expect(verdict(CORPUS_ON_A_T4, 'full-fine-tuning')?.verdict).not.toBe('not-viable');
    expect(
      verdict(
        {
          modelName: 'Whisper large-v3',
          taskType: 'transcribe',
          labeledExamples: 800,
          gpuName: 'A100 80GB',
          gpuCount: 1,
        },
        'lora',
      )?.verdict,
    ).not.toBe('not-viable');
  });

  it('a text model asked to answer questions about photos is not moved to CLIP, which writes nothing', () => {
    const result = recommend(
      {
        modelName: 'Llama 3.1 8B',
        taskType: 'image-understand',
        task: 'answer customer questions about photos of their damaged parcels',
        labeledExamples: 3000,
        gpuName: 'A100 80GB',
        gpuCount: 1,
        canSwitchModel: true,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.model.name).not.toMatch(/CLIP/);
    expect(result.modelOptions.map((option) => option.model).join(' ')).not.toMatch(/CLIP/);
  });

  it('writing about images needs a vision-language decoder; labelling them, an image-text encoder', () => {
    expect(taskFitsModel('encoder', 'vision-language', 'image-understand', 'tag each product photo')).toBe(true);
    expect(taskFitsModel('encoder', 'vision-language', 'image-understand', 'write a caption for each photo')).toBe(
      false,
    );
    expect(kindForTask('image-understand', 'describe each photo')).toEqual({
      kind: 'decoder',
      modality: 'vision-language',
    });
    expect(kindForTask('image-understand', 'sort photos by damage type')).toEqual({
      kind: 'encoder',
      modality: 'vision-language',
    });
  });

  it('retrieval that finds the right passages but a model that misuses them, with prompting plateaued: tune on retrieval-formatted examples', () => {
    const profile: Profile = {
      modelName: 'Gemma 2 9B',
      modelStage: 'instruct',
      task: 'Answer legal questions from retrieved statute passages with correct citations',
      taskType: 'chat',
      labeledExamples: 2500,
      needsCitations: true,
      gpuName: 'L4',
      gpuCount: 1,
      oneTimeBudgetUSD: 1000,
      tried: [
        { method: 'rag', result: 'plateaued', note: 'retrieval fine, model misuses context' },
        { method: 'prompt-engineering', result: 'plateaued' },
      ],
    };
    expect(['lora', 'qlora']).toContain(recommend(profile, knowledge, { explain: 'none' }).destination.method);
    // Without a note saying how retrieval fell short, it is not read as the model misusing the passages.
    const { tried: _tried, ...rest } = profile;
    const unexplained: Profile = {
      ...rest,
      tried: [
        { method: 'rag', result: 'plateaued' },
        { method: 'prompt-engineering', result: 'plateaued' },
      ],
    };
    expect(['lora', 'qlora']).not.toContain(recommend(unexplained, knowledge, { explain: 'none' }).destination.method);
  });

  it('a model shut down on every channel teaches no student: ample labels train a small model instead', () => {
    const result = recommend(
      {
        modelName: 'Claude 3 Haiku',
        canSwitchModel: true,
        taskType: 'classify',
        labeledExamples: 10_000,
        requestsPerDay: 200_000,
        goals: ['cost', 'task-skill'],
        deployment: 'cloud-api',
        gpuCount: 0,
      },
      knowledge,
      { explain: 'none' },
    );
    expect(['lora', 'qlora', 'managed-fine-tuning']).toContain(result.destination.method);
    expect(result.destination.model.switched).toBe(true);
  });

  it('preference tuning that failed is not proposed again as is: a supervised stage on the chosen answers comes first', () => {
    const result = recommend(
      {
        modelName: 'Llama 3.1 8B',
        labeledExamples: 0,
        preferencePairs: 3000,
        tried: [
          { method: 'preference-tuning', result: 'failed' },
          { method: 'prompt-engineering', result: 'plateaued' },
        ],
        gpuName: 'A100 80GB',
        gpuCount: 1,
        goals: ['alignment'],
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.method).toBe('instruction-tuning');
    expect(result.destination.why).toMatch(/chosen answers/);
  });
});

describe('red team 4: what the new rules must not block', () => {
  it.each<[string, Profile, MethodId]>([
    [
      'CLIP labelling photos for a report is labelling, not writing',
      {
        modelName: 'CLIP ViT-L/14',
        taskType: 'image-understand',
        task: 'Tag warehouse photos with one of 12 damage categories for the weekly damage report',
        labeledExamples: 2000,
        gpuName: 'A100 80GB',
        gpuCount: 1,
        canSwitchModel: false,
      },
      'lora',
    ],
    [
      'Whisper tells the language of a recording',
      {
        modelName: 'Whisper large-v3',
        taskType: 'classify',
        task: 'identify the language spoken in each support call',
        labeledExamples: 3000,
        gpuName: 'A100 80GB',
        gpuCount: 1,
      },
      'lora',
    ],
    [
      '20 full copies of BERT-Base fit one 16 GB T4 (weights per copy, the runtime once)',
      {
        modelName: 'BERT-Base',
        taskType: 'classify',
        tasksCount: 20,
        labeledExamples: 5000,
        gpuName: 'T4',
        gpuCount: 1,
        dataMustStayOnPrem: true,
      },
      'full-fine-tuning',
    ],
    [
      'a 0.5B model self-hosted on $250 a month runs on a CPU server',
      {
        modelName: 'Qwen2.5 0.5B',
        deployment: 'cloud-self-hosted',
        monthlyBudgetUSD: 250,
        gpuCount: 0,
        taskType: 'classify',
        labeledExamples: 3000,
      },
      'prompt-engineering',
    ],
    [
      'a base model can be instruction-tuned on public instruction sets with no pairs of its own',
      { modelName: 'Llama 3.1 8B', modelStage: 'base', labeledExamples: 0, gpuName: 'A100 80GB', gpuCount: 1 },
      'instruction-tuning',
    ],
  ])('%s', (_name, profile, method) => {
    expect(verdict(profile, method)?.verdict).not.toBe('not-viable');
  });
});
