/**
 * Found by the twenty-fourth new-user trial (six personas, 84 turns over both chat APIs): "Why Phi-3-mini?" made
 * Phi-3-mini the team's model; "₹2.5 lakh is our MONTHLY budget" was read as one-time and a rate given in the first
 * message was forgotten; "stay on gpt-4.1 mini" did not lock the model; "why is there no RAG in ur plan??" got "I
 * can't answer"; "$1,980" lost its "$1" when a question was quoted back.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' });
const last = async (messages: string[]) => (await converseWith(messages, knowledge)).at(-1)!;

describe('questions about the advice state no facts', () => {
  it('answers "Why Phi-3-mini?" as a question about the model and keeps the team’s', async () => {
    expect(read('Why Phi-3-mini?').fields.modelName).toBeUndefined();
    expect(read('Why Phi-3-mini?').intents.asksModel).toBe(true);
    expect(read('why did you pick Qwen2.5 3B?').intents.asksModel).toBe(true);
    const turn = await last([
      'Legal team: we summarise contracts with Claude 3.5 Sonnet, about 3,000 a day; we can switch models and have 5,000 reviewed summaries.',
      'Why Phi-3-mini?',
    ]);
    expect(turn.state.profile.modelName).toMatch(/^Claude Sonnet/);
  });

  it('reads "why is there no RAG in ur plan??" as why not retrieval', () => {
    expect(read('Why is there no RAG in ur plan??').intents.whyNot).toBe('rag');
  });

  it('keeps "$1,980" whole when it quotes a question back', async () => {
    const turn = await last([
      'We use GPT-4o mini through the OpenAI API for a tutoring chatbot.',
      'does $1,980 still fit? and what is the weather like?',
    ]);
    expect(turn.reply).not.toContain('does ,980');
  });
});

describe('money and the model the team stays on', () => {
  it('reads the period named with the budget after the amount', () => {
    expect(read('$3k is our monthly budget').fields).toEqual({ monthlyBudgetUSD: 3000 });
    expect(read('$3k is our one-time budget').fields).toEqual({ oneTimeBudgetUSD: 3000 });
  });

  it('converts rupees at a rate the user gave in an earlier message', async () => {
    const turn = await last([
      'edtech startup, gpt-4o mini via the openai api. our monthly budget for AI is about ₹4 lakh (1 USD = 84 INR).',
      'correction - our AI budget is actually only ₹2.5 lakh a month, not 4.',
    ]);
    expect(turn.state.profile.monthlyBudgetUSD).toBe(2976);
    expect(turn.reply).toContain('converted at $0.0119 per ₹');
  });

  it('locks the model on "stay on gpt-4.1 mini"', () => {
    expect(read('We are not allowed to use Google. stay on gpt-4.1 mini please').fields).toMatchObject({
      canSwitchModel: false,
      modelName: 'GPT-4.1 mini',
    });
  });
});

describe('continued pre-training is costed on the corpus everywhere', () => {
  it('rents for the corpus run, and says the tokens are the corpus’s', () => {
    const advice = recommend(
      Profile.parse({
        modelStage: 'instruct',
        modelName: 'Qwen2.5 7B',
        corpusTokens: 1_200_000_000,
        labeledExamples: 1500,
        gpuCount: 4,
        gpuName: 'NVIDIA A100 80GB',
        taskType: 'chat',
        unlabeledCorpus: 'large',
        goals: ['knowledge', 'format', 'task-skill'],
      }),
      knowledge,
    );
    expect(advice.destination.objective).toBe('continued-pretraining');
    const rent = advice.computeOptions.find((option) => option.kind === 'rent');
    // 6 × 7.6e9 × 1.2e9 FLOPs a run at 35% of an MI300X's peak: about a hundred hours for three runs, not minutes.
    expect(rent?.hours ?? 0).toBeGreaterThan(50);
    const tokens = advice.assumptions.find((assumption) => assumption.field === 'estimates.trainingTokens');
    expect(tokens?.why).toContain('one epoch over your corpus');
  });
});

describe('the legal team on Claude', () => {
  it.each<[string, Record<string, unknown>]>([
    [
      'We may switch models and have 120,000 logged Sonnet extractions, 5,000 of them reviewed.',
      { labeledExamples: 120000 },
    ],
  ])('%j', (text, want) => {
    expect(read(text).fields).toMatchObject(want);
  });

  it('takes the documents an extraction reads as its input, not knowledge to retrieve', () => {
    expect(read('we extract clauses from contracts').fields.goals).toBeUndefined();
    expect(read('answer questions from our docs').fields.goals).toEqual(['knowledge']);
  });
});

describe('facts the output adds to its input', () => {
  it('reads "hallucinates facts that aren’t in the transcript" as no knowledge gap, and "hallucinates policy details" as one', () => {
    expect(read("it hallucinates facts that aren't in the transcript").fields.goals).toBeUndefined();
    expect(read('it hallucinates policy details').fields.goals).toEqual(['knowledge']);
  });
});

describe('found in review: sentences the new readings must leave alone', () => {
  it.each<[string, Record<string, unknown>]>([
    ['Our monthly budget is $3k (about ₹2.5 lakh).', { monthlyBudgetUSD: 3000 }],
    ['Which model do you recommend for our 8,000 labelled tickets?', { labeledExamples: 8000 }],
    ['Why does Llama 3.1 8B hallucinate so much?', { modelName: 'Llama 3.1 8B' }],
    [
      'We extract fields and the answers must cite facts from our policy manual.',
      { goals: ['knowledge', 'citations'] },
    ],
  ])('%j', (text, want) => {
    expect(read(text).fields).toMatchObject(want);
  });

  it.each<[string, string]>([
    ["We don't want to stay on GPT-4o forever.", 'canSwitchModel'],
    ['We have 40 stored procedures and their responses are slow.', 'labeledExamples'],
    ["The training data doesn't leave, but inference calls go to OpenAI's API.", 'dataMustStayOnPrem'],
  ])('%j states no %s', (text, field) => {
    expect(read(text).fields).not.toHaveProperty(field);
  });

  it('asks nothing about a competitor’s rupees, and reads "Rs 5 lakh" as rupees', () => {
    expect(read('Our competitor spends ₹50 lakh a month on AI').unconvertedMoney).toBeUndefined();
    expect(read('Our budget is Rs 5 lakh one-time.').fields.oneTimeBudgetUSD).toBeUndefined();
  });

  it.each<[string, string, unknown]>([
    ['How much would LoRA cost, and does that fit our budget?', 'asksFit', undefined],
    ['Which model should we use for our local government clients?', 'asksOpenModel', undefined],
    ['Our current setup is RAG, which was worth every penny.', 'whyNot', undefined],
    ['Why does Llama 3.1 8B hallucinate so much?', 'asksModel', undefined],
    ["Why isn't there RAG in the plan?", 'whyNot', 'rag'],
  ])('%j reads %s as %j', (text, key, value) => {
    expect((read(text).intents as unknown as Record<string, unknown>)[key]).toBe(value);
  });
});

describe('found by the twenty-fifth trial (five personas, 57 turns)', () => {
  it('takes "your estimate looked like one GPU" as the advisor’s figure, not the GPUs', () => {
    expect(read('We have 2 GPUs, not 1. I said your estimate looked like one GPU.').fields).toEqual({ gpuCount: 2 });
  });

  it('keeps "$577?" said back out of a what-if message', () => {
    const extraction = read(
      '$577? we run TWO L40S on AWS, g6e pricing. Your number looks like one GPU at some marketplace rate. Also, hypothetically, would Llama 3.1 8B be a better base than Qwen for this?',
    );
    expect(extraction.fields).toMatchObject({ gpuCount: 2, gpuName: 'NVIDIA L40S' });
    expect(extraction.fields.oneTimeBudgetUSD).toBeUndefined();
    expect(extraction.hypothetical?.oneTimeBudgetUSD).toBeUndefined();
  });

  it.each<[string, number | undefined]>([
    ['60 tenants, each wants their own tone. Per tenant we have between 150 and 400 approved examples.', 9000],
    ['60 tenants, each with 150 to 400 approved replies', 9000],
    ['about 250 examples per tenant', undefined],
  ])('reads a per-tenant count as the total only with the tenants counted: %j', (text, total) => {
    expect(read(text).fields.labeledExamples).toBe(total);
  });

  it('sizes "what if I bought a 3090?" on the 3090, not on the memory said of today’s card', async () => {
    const turn = await last([
      'hobbyist here, i have a 12gb gpu, want to fine tune llama 3.1 8b to write NPC dialogue in my game’s style, ~2k examples, no budget',
      'what if I bought a 3090? would lora fit then?',
    ]);
    expect(turn.reply).toMatch(/Yes: LoRA needs about \d+ GB and you have 24 GB/);
    expect(turn.state.profile.gpuMemoryGB).toBe(12);
  });

  it('reads "the V100s have 256GB total" as no per-GPU memory', () => {
    expect(read('the V100s have 256GB total').fields.gpuMemoryGB).toBeUndefined();
    expect(read('the top 20 tenants have 2k-10k approved replies each').fields.labeledExamples).toBeUndefined();
  });

  it('answers "our CTO asks: what about just fine-tuning GPT-4.1 nano?" as a what-if and saves nothing', () => {
    const extraction = read(
      'our CTO asks: what about just fine-tuning GPT-4.1 nano on OpenAI instead of self hosting? would that be simpler?',
    );
    expect(extraction.fields.modelName).toBeUndefined();
    expect(extraction.hypothetical?.modelName).toBe('GPT-4.1 nano');
  });
});
