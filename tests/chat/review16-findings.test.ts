/**
 * Found in the sixteenth code review, of b441715..6b3d68f: new extraction patterns read anonymised or security-classified
 * records as labels, any sentence-final "we have N" as an example count and "the data never leaves them" (a vendor) as
 * on-premises data; "XLM-RoBERTa Large" resolved to Base; the CPU latency floor ignored the team's prompt length, fired
 * on devices and left a false dead end; a question about an LLM was judged on the plan's encoder.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' });
const advise = (profile: object) => recommend(Profile.parse(profile), knowledge);

describe('extraction reads no labels, counts or premises that are not there', () => {
  it.each([
    'We have 50,000 anonymised patient notes.',
    "We're a defence contractor with 20,000 classified documents and the data can't leave our site.",
    'Two years of anonymised transcripts, about 40k.',
    'We have 40k de-identified discharge summaries.',
    'For GPUs, we have 2. We would like to label some examples later.',
    'How many engineers? We have 3. We also have some labelled examples somewhere.',
    'Budget is tight, we have 5000. The examples are in a spreadsheet.',
    'We have a few hundred examples per language.',
    'Our annotators could write a few hundred examples.',
    'Our data: labelled tickets, 2019.',
  ])('no labeled examples in: %s', (text) => {
    expect(read(text).fields.labeledExamples).toBeUndefined();
  });

  it.each([
    ['We have 3,000 manually anonymized judgments.', 3000],
    ['We have 250k historically classified lines.', 250_000],
    ['we have two years of labeled tickets, ~1.2M. current model is BERT', 1_200_000],
    ['our competitor supposedly has 100k labeled examples lol. we have maybe 800', 800],
    ['We have several thousand labelled examples, roughly 6,500.', 6500],
  ])('labeled examples in: %s', (text, count) => {
    expect(read(text).fields.labeledExamples).toBe(count);
  });

  it.each([
    "We use OpenAI's API under their enterprise terms, the data never leaves them.",
    "Our data lives in our AWS account and the data can't leave it.",
    "Our warehouse is BigQuery and the data doesn't leave there.",
  ])('no on-premises residency in: %s', (text) => {
    expect(read(text).fields.dataMustStayOnPrem).toBeUndefined();
  });

  it('"XLM-RoBERTa Large" is not the Base model', () => {
    expect(read('We fine-tune XLM-RoBERTa Large on our GPUs.').fields.modelName).toBeUndefined();
    expect(read('We use XLM-R base.').fields.modelName).toBe('XLM-RoBERTa Base');
  });

  it.each([
    'We want to split the dataset into 3 groups for train, validation and test.',
    'We want to generate German subtitles from our English subtitles.',
    'Our conversational partner app teaches kids maths; we need the model to grade their answers.',
  ])('no new task type from: %s', (text) => {
    expect(read(text).fields.taskType).toBeUndefined();
  });

  it('"is prompt caching really possible?" is the cost levers, not a method verdict', () => {
    const { intents } = read('Is prompt caching really possible on Bedrock?');
    expect(intents.asksCostLevers).toBe(true);
    expect(intents.whyNot).toBeUndefined();
  });
});

describe('the CPU latency floor', () => {
  const RAG = {
    modelName: 'Llama 3.1 8B',
    gpuCount: 0,
    dataMustStayOnPrem: true,
    deployment: 'on-prem',
    latencyTargetMs: 1000,
    goals: ['knowledge'],
    task: 'answer staff questions over maintenance manuals',
  } as const;

  it('times the prompt the team states: 3,000 tokens on an 8B cannot start within 1 s on any CPU', () => {
    const entry = advise({ ...RAG, inputTokensPerRequest: 3000 }).recommendations.find((item) => item.method === 'rag');
    expect(entry?.verdict).toBe('not-viable');
    expect(entry?.blockers.map((blocker) => blocker.ruleId)).toContain('cpu-too-slow-for-latency-target');
  });

  it('says the measured-scale time against the target', () => {
    const why = advise(RAG).assumptions.find((entry) => entry.field === 'estimates.cpuServing')?.why ?? '';
    expect(why).toMatch(/times your 1,000 ms target at this scale/);
  });

  it('moves to a smaller catalog model that passes the floor instead of a dead end', () => {
    const result = advise({ ...RAG, inputTokensPerRequest: 3000, canSwitchModel: true });
    expect(result.destination.blocked).toBeUndefined();
    expect(result.destination.model).toMatchObject({ name: 'Llama 3.2 1B', switched: true });
  });

  it('does not judge a model on a device by CPU servers', () => {
    const result = advise({
      modelName: 'Llama 3.2 3B',
      deployment: 'edge',
      deviceMemoryGB: 16,
      gpuCount: 0,
      dataMustStayOnPrem: true,
      latencyTargetMs: 25,
      taskType: 'chat',
      canSwitchModel: false,
    });
    const entry = result.recommendations.find((item) => item.method === 'prompt-engineering');
    expect(entry?.blockers.map((blocker) => blocker.ruleId) ?? []).not.toContain('cpu-too-slow-for-latency-target');
  });

  it('asks the latency target of a team serving a generative model from its own CPUs', () => {
    const result = advise({
      modelName: 'Llama 3.1 8B',
      gpuCount: 0,
      deployment: 'on-prem',
      dataMustStayOnPrem: true,
      canSwitchModel: false,
      task: 'categorise card transactions',
      taskType: 'classify',
      labeledExamples: 60000,
    });
    expect(result.questions.map((question) => question.field)).toContain('latencyTargetMs');
  });
});

describe('the budget question for a team with no GPUs', () => {
  it('is not asked of an API model the team may not leave', () => {
    const result = advise({
      modelName: 'GPT-4o',
      modelAccess: 'api-only',
      canSwitchModel: false,
      gpuCount: 0,
      labeledExamples: 5000,
      goals: ['knowledge'],
    });
    expect(result.questions.map((question) => question.field)).not.toContain('oneTimeBudgetUSD');
  });
});
