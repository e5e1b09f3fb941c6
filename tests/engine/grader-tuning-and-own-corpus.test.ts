/**
 * Found by scenario batches w28 and w29 (two independent writers, on arrival): a reasoning model its provider tunes
 * only with a grader (reinforcement fine-tuning of o4-mini on Azure) was left at few-shot prompting because preference
 * tuning asked for preference pairs; a corpus given only in tokens was not a corpus; code in a language the model
 * has not seen, with no labelled pairs, went to a smaller student instead of training on the team's own code; and a
 * team that said only "on the phone" was not asked what the model should do.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const run = (profile: Profile) => recommend(profile, knowledge, { explain: 'none' });
const verdict = (profile: Profile, method: string) =>
  run(profile).recommendations.find((entry) => entry.method === method)?.verdict;

const O4_MINI: Profile = {
  modelName: 'o4-mini',
  canSwitchModel: false,
  taskType: 'classify',
  labeledExamples: 600,
  goals: ['task-skill'],
  oneTimeBudgetUSD: 4000,
  deployment: 'cloud-api',
  tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
};

describe('grader-based reinforcement fine-tuning', () => {
  it('is the destination for a plateaued reasoning model its provider tunes only with a grader', () => {
    const result = run(O4_MINI);
    expect(result.destination.method).toBe('preference-tuning');
    expect(result.destination.channel).toBe('managed');
    expect(result.destination.why).toMatch(/grader/);
  });

  it('needs examples with checkable answers, not preference pairs; without examples it still needs pairs', () => {
    expect(verdict({ ...O4_MINI, preferencePairs: 0 }, 'preference-tuning')).not.toBe('not-viable');
    expect(verdict({ ...O4_MINI, preferencePairs: 0, labeledExamples: 0 }, 'preference-tuning')).toBe('not-viable');
    // A model with only pair-based preference tuning (DPO) still needs the pairs.
    expect(
      verdict(
        { modelName: 'Llama 3.1 8B', gpuName: 'A100 80GB', labeledExamples: 600, preferencePairs: 0 },
        'preference-tuning',
      ),
    ).toBe('not-viable');
  });
});

describe('a corpus given in tokens, and code the model has never seen', () => {
  const DSL: Profile = {
    modelName: 'Qwen2.5 7B',
    taskType: 'code',
    corpusTokens: 30_000_000,
    labeledExamples: 0,
    goals: ['task-skill'],
    gpuName: 'A100 80GB',
    gpuCount: 4,
    latencyTargetMs: 300,
    deployment: 'on-prem',
    mlExpertise: 'expert',
    tried: [{ method: 'rag', result: 'plateaued' }],
  };

  it('a corpus larger than a prompt is something to train on, one that fits a prompt is small', () => {
    expect(verdict(DSL, 'lora')).toBe('viable');
    expect(verdict({ ...DSL, corpusTokens: 50_000 }, 'lora')).toBe('not-viable');
  });

  it('trains on the team’s own code (continued pre-training), not a smaller student', () => {
    const result = run(DSL);
    expect(result.destination.objective).toBe('continued-pretraining');
    expect(['full-fine-tuning', 'lora']).toContain(result.destination.method);
  });
});

describe('only where it runs', () => {
  it('"on the phone" with no task asks what the model must do', () => {
    const fields = run({ deployment: 'mobile', goals: ['on-device'] }).questions.map((question) => question.field);
    expect(fields).toContain('task');
    expect(fields).not.toContain('requestsPerDay');
  });
});

describe('the evaluation set of the first step', () => {
  it('is held out from thousands of the team’s own labels, not "at least 20 real cases"', () => {
    const why = run({
      modelName: 'Qwen2.5 7B',
      gpuName: 'L40S',
      gpuCount: 2,
      taskType: 'classify',
      labeledExamples: 25_000,
      multilingual: true,
      goals: ['task-skill'],
    }).firstStep.why;
    expect(why).toMatch(/held out from your own examples \(a few hundred or more, covering every class or language/);
    expect(why).not.toMatch(/at least 20 real cases/);
  });
});

describe('the plan after a small model tuned directly', () => {
  it('adds no distillation step when the destination already is the small model ("nothing to distil")', () => {
    const result = run({
      multilingual: true,
      taskType: 'classify',
      goals: ['task-skill', 'cost'],
      dataMustStayOnPrem: true,
      deployment: 'on-prem',
      labeledExamples: 25_000,
      gpuName: 'L40S',
      gpuCount: 2,
      requestsPerDay: 6000,
    });
    expect(result.destination.why).toMatch(/nothing to distil/);
    expect(result.plan.flatMap((step) => step.methods)).not.toContain('distillation');
  });
});

describe('a small model as the fix', () => {
  it('moves a narrow, high-volume task off a large named model when another model is allowed', () => {
    const result = run({
      taskType: 'classify',
      dataMustStayOnPrem: true,
      labeledExamples: 40_000,
      gpuName: 'A10',
      gpuCount: 2,
      requestsPerDay: 5_000_000,
      latencyTargetMs: 50,
      modelName: 'Llama 3.1 8B',
      canSwitchModel: true,
    });
    expect(result.destination.model.switched).toBe(true);
    expect(knowledge.findModel(result.destination.model.name ?? '')?.paramsB ?? 99).toBeLessThan(8);
    // Without leave to switch, it stays on the named model.
    expect(
      run({
        taskType: 'classify',
        labeledExamples: 40_000,
        gpuName: 'A10',
        gpuCount: 2,
        requestsPerDay: 5_000_000,
        latencyTargetMs: 50,
        modelName: 'Llama 3.1 8B',
      }).destination.model.switched,
    ).toBe(false);
  });
});

describe('a teacher’s outputs as the training set', () => {
  it('a speech model with no transcripts, a larger teacher and recordings to run it on is distilled', () => {
    const result = run({
      modelName: 'Whisper small',
      teacherModel: 'Whisper large-v3',
      modality: 'audio',
      taskType: 'transcribe',
      deployment: 'mobile',
      deviceMemoryGB: 1,
      labeledExamples: 0,
      unlabeledCorpus: 'large',
      oneTimeBudgetUSD: 2000,
      goals: ['on-device', 'task-skill'],
    });
    expect(result.destination.method).toBe('distillation');
    expect(result.destination.why).toMatch(/pseudo-labelling/);
  });
});

describe('a model shut down within weeks', () => {
  it('asks whether the model may change even when the plan trains nothing', () => {
    const fields = run({ modelName: 'GPT-4.1 mini' }).questions.map((question) => question.field);
    expect(fields).toContain('canSwitchModel');
  });
});

describe('continued pre-training that full training cannot fit', () => {
  it('a 70B base with 2B tokens on 8 H100s that may not rent adapts with LoRA on the corpus, then instruction tuning', () => {
    const result = run({
      modelName: 'Llama 3.1 70B',
      modelStage: 'base',
      corpusTokens: 2_000_000_000,
      labeledExamples: 500,
      gpuName: 'H100',
      gpuCount: 8,
      canSwitchModel: false,
      goals: ['knowledge', 'instruction-following'],
      dataMustStayOnPrem: true,
    });
    expect(result.destination.objective).toBe('continued-pretraining');
    expect(['lora', 'qlora']).toContain(result.destination.method);
    const planned = result.plan.flatMap((step) => step.methods);
    expect(planned.indexOf('instruction-tuning')).toBeGreaterThan(planned.indexOf(result.destination.method));
  });
});

describe('a teacher that misses what the team’s own examples show', () => {
  it('trains a small model on the team’s examples, not on the large model’s outputs', () => {
    const result = run({
      modelName: 'GPT-4.1',
      goals: ['style', 'cost'],
      requestsPerDay: 66_667,
      monthlyBudgetUSD: 3000,
      canSwitchModel: true,
      labeledExamples: 15_000,
      gpuCount: 0,
      taskType: 'generate',
      tried: [
        { method: 'prompt-engineering', result: 'plateaued' },
        { method: 'in-context-learning', result: 'plateaued' },
      ],
    });
    expect(result.destination.method).not.toBe('distillation');
    expect(result.destination.objective).toBe('sft');
    expect(result.destination.model.switched).toBe(true);
    expect(result.destination.why).toMatch(/not on the large model’s outputs/);
  });
});
