/**
 * Found by review18 of ca7f640..c266af2: past data that is gone, the team's own model read as a teacher, a tested
 * model the team adopts, notes that name no model, denials in questions, "latency doesn't matter" said of something
 * else, prices in a condition, a classifier the team built, a training workstation, a switch the same sentence
 * forbids.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { measuredOnAnotherModel } from '../../src/engine/diagnose.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' });

describe('data and models', () => {
  it.each([
    'Last year we had 50k labeled tickets but they were lost in a storage migration.',
    'We used to have 10k labeled examples; the vendor deleted them when the contract ended.',
  ])('counts no examples that are gone: %j', (text) => {
    expect(read(text).fields.labeledExamples).toBeUndefined();
  });

  it('keeps examples used in the past', () => {
    expect(read('we ran hosted fine-tuning on 4o mini last month with 1,000 examples').fields.labeledExamples).toBe(
      1000,
    );
  });

  it.each([
    ['Our Mistral 7B generated summaries are too long and miss key facts.', 'Mistral 7B v0.1'],
    ['We use GPT-4o mini for drafting replies; GPT-4o mini wrote replies that sounded robotic.', 'GPT-4o mini'],
  ])('keeps the team’s model at work as the model, not a teacher: %j', (text, model) => {
    const { fields } = read(text);
    expect(fields.modelName).toBe(model);
    expect(fields.teacherModel).toBeUndefined();
  });

  it('takes up a tested model the team says it is switching to', async () => {
    const turns = await converse(
      [
        'We classify support tickets into 12 queues with GPT-4o mini. 5,000 labeled tickets, 2 A100s, data may leave. just recommend',
        'We tested Llama 3.1 8B with LoRA on the tickets; it works well and we are switching to it.',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.modelName).toBe('Llama 3.1 8B');
  });

  it('reads no other model from notes that name none', () => {
    expect(measuredOnAnotherModel('measured on claims from Q3 2024', 'Llama 3.1 70B')).toBe(false);
    expect(measuredOnAnotherModel('F1 0.93 measured on batch 7', 'Llama 3.1 70B')).toBe(false);
    expect(measuredOnAnotherModel('measured on Llama 3.1 8B', 'Llama 3.1 70B')).toBe(true);
  });

  it.each(['GPT-4o is not the model that fails, our retriever is.', 'So GPT-4o is not the model you would keep?'])(
    'denies no model in %j',
    (text) => {
      expect((read(text) as { deniedModel?: string }).deniedModel).toBeUndefined();
    },
  );
});

describe('what is said of something else', () => {
  it.each([
    'If we dont care about speed for the overnight digest emails, could we batch those?',
    'The vendor said latency is not an issue with their API.',
    'Latency doesnt matter for the nightly report, but the chat widget must answer under 500 ms.',
  ])('keeps the latency target after %j', async (text) => {
    const turns = await converse(
      ['We answer support chats with Llama 3.1 8B on one L4; answers must come within 800 ms. just recommend', text],
      knowledge,
    );
    expect(turns[1]?.state.profile.latencyTargetMs).toBeDefined();
  });

  it.each([
    'If we need more GPUs we would have to spend at least $20k, which we do not have.',
    'If we need to buy GPUs we would pay about $30k for two of them.',
  ])('reads no budget from a price in a condition: %j', (text) => {
    expect(read(text).fields.oneTimeBudgetUSD).toBeUndefined();
  });

  it('reads the classifier the team built as its task, and past experience as none', () => {
    expect(
      read('We fine-tuned DistilBERT to classify support tickets and now want an LLM to do it better.').fields.taskType,
    ).toBe('classify');
    expect(
      read("intermediate I'd say — we've fine-tuned small classifiers before but never an LLM").fields.taskType,
    ).toBeUndefined();
  });

  it('reads where training runs as no deployment, and one person’s workstation as a device', () => {
    expect(
      read('We fine-tune on my workstation (one RTX 4090) and then serve it through our AWS account.').fields
        .deployment,
    ).not.toBe('on-prem');
    expect(read("It has to run on the engineer's workstation offline.").fields.deployment).toBe('edge');
  });

  it('reads no permission to switch where the same sentence locks the model', () => {
    expect(
      read('We would switch if legal allowed it, but procurement locked us to Azure OpenAI GPT-4o.').fields
        .canSwitchModel,
    ).not.toBe(true);
  });
});

describe('the small-bill rule (review18 H4)', () => {
  const descriptions = {
    modelName: 'Gemini 2.5 Flash',
    canSwitchModel: true,
    task: 'write product descriptions from supplier spec sheets',
    taskType: 'generate',
    requestsPerDay: 3000,
    deployment: 'cloud-api',
    gpuCount: 0,
    tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
  } as const;

  it('plans no distillation after keeping the prompt, and asks the request size it assumed', () => {
    const result = recommend(Profile.parse({ ...descriptions, goals: ['cost'] }), knowledge);
    expect(result.destination.method).toBe('prompt-engineering');
    expect(result.plan.flatMap((step) => step.methods)).not.toContain('distillation');
    expect(result.questions.map((question) => question.field)).toContain('inputTokensPerRequest');
  });

  it('does not fire for a latency goal, nor when the data must stay on the premises', () => {
    const latency = recommend(Profile.parse({ ...descriptions, goals: ['latency'], latencyTargetMs: 300 }), knowledge);
    expect(latency.destination.why).not.toMatch(/cannot pay back/);
    const onPrem = recommend(Profile.parse({ ...descriptions, goals: ['cost'], dataMustStayOnPrem: true }), knowledge);
    expect(onPrem.destination.why).not.toMatch(/cannot pay back/);
  });
});
