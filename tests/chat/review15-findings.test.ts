/**
 * Found in the fifteenth code review, of 4711216..869d6a0: the CPU-training path said "on your GPUs
 * … image models" and lost its monthly answer; new engine rules fired beyond their comments; extraction read "no IT",
 * "everything runs on-prem", "monthly project budget" and comparison budgets wrong; new intents captured questions about
 * data, latency, licences, servers and parser code; the calendar and risks answers contradicted the plan.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' });

describe('the CPU-training path says what it does', () => {
  it('the cost line is the CPU server, not "your GPUs … image models"', async () => {
    const turns = await converse(
      [
        'We want to tag incoming service tickets with one of 25 categories using BERT-Base. We have 12,000 labelled tickets. We have no GPUs, and the data must stay on-prem.',
        'just recommend',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/on your CPU server \(about \d+ GB of RAM\), no rental; its time is not estimated/);
    expect(turns[1]?.reply).not.toMatch(/image models/);
  });

  it('a plan served from the team’s CPUs answers the monthly cost, with the load it was not sized for', async () => {
    const turns = await converse(
      [
        'We run a support chatbot on Llama 3.1 8B. No GPUs, and the data must stay on-prem. 50,000 requests a day, answers within 300 ms. 5,000 labelled examples, strict format, prompting plateaued. Monthly budget $3,000.',
        'How much will it cost per month?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(
      /own CPU servers costs no monthly bill\. Whether CPUs carry 50,000 requests a day within 300 ms/,
    );
    expect(turns[1]?.reply).not.toMatch(/tell me how many requests a day/);
  });

  it.each([
    ['renting allowed', { modelName: 'BERT-Base', gpuCount: 0, oneTimeBudgetUSD: 1000 }],
    ['a speech model', { modelName: 'Whisper small', gpuCount: 0, dataMustStayOnPrem: true, taskType: 'transcribe' }],
  ])('takes no CPU route with %s', (_name, profile) => {
    const result = recommend(Profile.parse({ labeledExamples: 12000, taskType: 'classify', ...profile }), knowledge);
    expect(
      result.recommendations.some((entry) => entry.reasons.some((r) => r.ruleId === 'small-model-trains-on-cpu')),
    ).toBe(false);
  });

  it('proposes no English encoder for Polish tickets or 30-page contracts', () => {
    for (const task of [
      'tag Polish service tickets into 25 categories',
      'classify legal contracts (each 30 pages) by risk',
    ]) {
      const result = recommend(
        Profile.parse({
          modelName: 'Llama 3.1 8B',
          task,
          taskType: 'classify',
          labeledExamples: 5000,
          gpuCount: 0,
          dataMustStayOnPrem: true,
          canSwitchModel: true,
        }),
        knowledge,
      );
      expect(result.destination.model.name).not.toBe('BERT-Base');
    }
  });
});

describe('engine rules within their comments', () => {
  const BASE = {
    modelName: 'Llama 3.1 8B',
    modelStage: 'base',
    gpuName: 'H100 SXM',
    gpuCount: 8,
    corpusTokens: 12_000_000_000,
    unlabeledCorpus: 'large',
    knowledgeChanges: 'never',
    labeledExamples: 20000,
    mlExpertise: 'expert',
    taskType: 'chat',
    tried: [{ method: 'prompt-engineering', result: 'failed' }],
  } as const;

  it.each([
    ['no goal', {}],
    ['a format goal', { goals: ['format'] }],
    ['a style goal', { goals: ['style'] }],
  ])('a base model with %s tunes the pairs first', (_name, change) => {
    expect(recommend(Profile.parse({ ...BASE, ...change }), knowledge).destination.method).toBe('instruction-tuning');
  });

  it('an API teacher with 20,000 labels for an edge box tunes a small model on the labels, not distils', () => {
    const result = recommend(
      Profile.parse({
        teacherModel: 'GPT-4o',
        taskType: 'classify',
        deployment: 'edge',
        deviceMemoryGB: 8,
        labeledExamples: 20000,
        goals: ['on-device'],
        canSwitchModel: true,
        oneTimeBudgetUSD: 5000,
      }),
      knowledge,
    );
    expect(result.destination.method).not.toBe('distillation');
  });
});

describe('extraction found in review', () => {
  it.each([
    ['Small clinic, no IT.', {}],
    ["Right now everything runs on-prem, but we're happy to move to AWS.", { deployment: 'on-prem' }],
    ['Our monthly project budget is $2,000.', { monthlyBudgetUSD: 2000 }],
    ['For training, $5k; for hosting the project, $300', { oneTimeBudgetUSD: 5000, monthlyBudgetUSD: 300 }],
    ['We have to weigh this against our $5,000 budget.', { oneTimeBudgetUSD: 5000 }],
    ['our monthly budget of $1,500 is close to what we pay OpenAI today', { monthlyBudgetUSD: 1500 }],
    ['budgets: £10k, $1k a month for serving', { oneTimeBudgetUSD: 10000, monthlyBudgetUSD: 1000 }],
    [
      'We have no GPUs and honestly no budget for any of this, hosting included.',
      { gpuCount: 0, monthlyBudgetUSD: 0, oneTimeBudgetUSD: 0 },
    ],
    ['Would QLoRA work? Then again, we only have one RTX 4090.', { gpuCount: 1, gpuName: 'NVIDIA GeForce RTX 4090' }],
    ['We have 500 hours of speech recordings from call centres.', { modality: 'audio' }],
    ['Access to the tool is eng-only for now.', {}],
  ])('%s', (text, expected) => {
    const { fields } = read(text);
    expect(fields).toMatchObject(expected);
    for (const key of ['modelStage', 'dataMustStayOnPrem', 'multilingual'] as const)
      if (!(key in expected)) expect(fields[key]).toBeUndefined();
  });

  it('"just polish the drafts" is a verb, not a language', () => {
    expect(read('We want the model to just polish the drafts our agents write.').fields.multilingual).toBeUndefined();
  });
});

describe('intents found in review', () => {
  it.each([
    ['We have 3 months of support logs. Is that enough to fine-tune?', 'asksTimeline'],
    ['We want 200 ms latency. Is that realistic?', 'asksTimeline'],
    ['Any gotchas with the Llama licence?', 'asksRisks'],
    ["We'll go straight to DPO. How much will it cost?", 'asksSftBeforePreference'],
    ['How do we deploy the model to Linux servers?', 'asksOnDeviceRuntime'],
    ['Can the model help fix bugs in our parser code?', 'asksFormatGuarantee'],
  ])('%s does not set %s', (text, key) => {
    expect((read(text).intents as unknown as Record<string, unknown>)[key]).toBeUndefined();
  });

  it('"How long until we can run this in production?" asks the calendar', () => {
    expect(read('How long until we can run this in production?').intents.asksTimeline).toBe(true);
  });
});

describe('the calendar and the risks agree with the plan', () => {
  it('three runs longer than the deadline are said as such, in the calendar and the risks', async () => {
    const turns = await converse(
      [
        'We want Llama 3.1 8B to write support replies in our format. We have one RTX 4090, 400,000 labelled examples, prompting plateaued. One-time budget $300, $2,000 a month. 5,000 requests a day. Team is intermediate at ML. We need it in production in 1 week.',
        'just recommend',
        'What could go wrong?',
        'How long until production?',
      ],
      knowledge,
    );
    expect(turns[2]?.reply).toMatch(/more than your 1 week\b/);
    expect(turns[3]?.reply).not.toMatch(/takes a large share of it/);
  });

  it('60 examples after a plateau are few, not "below 50-100, collect more before you train"', async () => {
    const turns = await converse(
      [
        'We want Llama 3.1 8B to reply in our strict format. One A100 80GB. We have 60 labelled examples, prompting plateaued. Timeline 8 weeks.',
        'just recommend',
        'What could go wrong?',
      ],
      knowledge,
    );
    expect(turns[2]?.reply).not.toMatch(/Collect more before you train/);
  });

  it('a GPU count without a type is no "your GPUs cannot hold it"', async () => {
    const turns = await converse(
      [
        'We want Llama 3.1 8B to reply in our strict format. We have 2 GPUs in house. 3,000 labelled examples, prompting plateaued. Timeline 8 weeks, one-time budget $2,000.',
        'just recommend',
        'What could go wrong?',
      ],
      knowledge,
    );
    expect(turns[2]?.reply).not.toMatch(/Your GPUs cannot hold/);
  });
});

describe('left open in the first pass of the review', () => {
  it.each([
    ['We handle two hundred fifty thousand requests a day.', 250000],
    ['three hundred and fifty thousand requests a day', 350000],
    ['one hundred twenty thousand requests a day', 120000],
  ])('%s is %i a day', (text, value) => {
    expect(read(text).fields.requestsPerDay).toBe(value);
  });

  it('two questions in one sentence get both answers: the calendar (or the risks) and the cost', async () => {
    const turns = await converse(
      [
        'We run a support bot for a Danish bank on Llama 3.1 8B, we have 2 A100 80GB on-prem, 12,000 labeled ticket answers, data must stay on-prem, answers must follow our strict JSON format. Prompting plateaued.',
        'How many weeks until production, and how much will it cost?',
        'What could go wrong, and how much will it cost?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/Compute is the part I can time[\s\S]*GPU-hours for a three-run project/);
    expect(turns[2]?.reply).toMatch(/The risks I see[\s\S]*GPU-hours for a three-run project/);
  });
});

describe('a what-if bill names the model it is for', () => {
  it('"would it cut the bill?" on Gemini 2.5 Flash names the cheaper tier the plan moves to, and no "today" of it', async () => {
    const turns = await converse(
      [
        "We use GPT-4o for support replies, 20,000 requests a day, about 1,500 tokens in and 300 out. Prompting is good enough, but it's expensive. Monthly budget $5,000.",
        'What if we switched to Gemini 2.5 Flash? Would it cut the bill?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(
      /Running it on Gemini 2\.5 Flash-Lite, where the plan would move from Gemini 2\.5 Flash: about \$/,
    );
    expect(reply).not.toMatch(/Today's Gemini/);
    // (Since the twenty-ninth session "but it's expensive" is a cost goal, so the plan itself may leave GPT-4o.)
    expect(reply).toMatch(/(?:On GPT-4o, the plan costs|GPT-4o, your model today, costs) about \$/);
  });
});
