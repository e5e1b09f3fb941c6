/**
 * Found in the twenty-first session: batch x48's phrasings (a rule's threshold is no budget, "the 40 gig version" after
 * a correction, a provider that offers tuning jobs, wire stories that update every few minutes, a voice that "has to
 * sound warm"), and newuser40's cost question asked of a plan that moved to another model, with the request size in
 * the same message.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' }).fields;

describe('phrasings of batch x48', () => {
  it.each([
    [
      'keeps ignoring half our system prompt rules (always escalate refunds over $500). we have 1200 good example conversations',
      { goals: ['instruction-following'], labeledExamples: 1200 },
    ],
    ["sorry, typo earlier, it's 3 A100s not 2. the 40 gig version", { gpuCount: 3, gpuName: 'NVIDIA A100 40GB' }],
    [
      "we only get the model through the provider's API, no weights, but they do offer fine-tuning jobs on it",
      { modelAccess: 'api-with-finetuning' },
    ],
    ['i know python and did a couple of kaggle tutorials but never fine-tuned anything', { mlExpertise: 'basic' }],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads an amount that is a rule threshold as no budget, and a cap as one', () => {
    expect(read('always escalate refunds over $500 to a human').oneTimeBudgetUSD).toBeUndefined();
    expect(read('orders above $1,000 need a second check').oneTimeBudgetUSD).toBeUndefined();
    expect(read('we can spend under $500 on this').oneTimeBudgetUSD).toBe(500);
  });

  it('reads a newsroom over its archive and the wire: knowledge, sources, daily changes', () => {
    const fields = read(
      "reporters want an assistant that answers from our archive plus today's wire stories, with every claim linked to the source article. the wire updates every few minutes.",
    );
    expect(fields.goals).toEqual(expect.arrayContaining(['knowledge', 'citations']));
    expect(fields.needsCitations).toBe(true);
    expect(fields.knowledgeChanges).toBe('daily');
  });

  it.each([
    ['Chatbot for a distillery, has to sound warm and a bit cheeky, never corporate', 'style'],
    ['we want SDXL product shots that always match our signature look', 'style'],
    ['want a model that actually knows our domain instead of generic insurance talk', 'knowledge'],
    ['a code assistant that knows our internal Kotlin framework', 'knowledge'],
  ])('%s → %s', (text, goal) => {
    expect(read(text).goals).toContain(goal);
  });

  it.each([
    ['We want to auto-generate first drafts of adverse event narratives from structured case data.'],
    ['each customer wants their own flavour of the email drafting feature'],
  ])('%s is a generation task', (text) => {
    expect(read(text).taskType).toBe('generate');
  });

  it('reads what an answer "comes out at" as output tokens', () => {
    expect(read('a sheet comes out at roughly 600 tokens').outputTokensPerRequest).toBe(600);
  });
});

describe('the cost of a plan that moved to another model', () => {
  it("prices the plan's model at the request size in the question, with the tuning job and today's bill beside it", async () => {
    const turns = await converse(
      [
        'We use GPT-4.1 mini through the OpenAI API; the tone drifts away from our brand voice. No GPUs, no ML experience. 400 labeled examples. Another model is fine. About 60 requests a day, one-time budget $1,587, monthly $952. Just recommend.',
        'OK. What would running this cost us per month, and what would the tuning job itself cost once? Our prompts are around 2,500 tokens with the instructions and a sheet comes out at roughly 600 tokens.',
      ],
      knowledge,
    );
    const [plan, cost] = turns;
    const model = plan?.recommendation?.destination.model.name;
    expect(plan?.recommendation?.destination.model.switched).toBe(true);
    expect(cost?.reply).toContain(`Running it on ${model}: about $`);
    expect(cost?.reply).toContain('(at your 2,500 input and 600 output tokens a request)');
    expect(cost?.reply).toMatch(/The tuning job itself is billed by/);
    expect(cost?.reply).toMatch(/Today's GPT-4\.1 mini calls cost/);
    expect(cost?.reply).not.toMatch(/^No:/);
  });
});
