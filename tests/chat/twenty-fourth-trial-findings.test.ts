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
