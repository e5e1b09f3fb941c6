/**
 * Classes of phrasing found by the independent batch x24 on arrival (first messages, short replies, and facts mixed
 * with questions and other people's numbers): records counted by what was done to them ("200k already-coded
 * summaries", "18k aligned lines"), counts said inside a question ("how long on our 3k examples?"), volumes said
 * as "we run N a day", what was tried and how it went in a few words, and numbers that belong to someone else.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import type { Profile } from '../../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../../knowledge/', import.meta.url)));
});

const fields = (message: string): Partial<Profile> =>
  extractProfile(message, { knowledge, today: '2026-12-05' }).fields;

describe('x24 phrasing classes', () => {
  it.each<[string, Partial<Profile>]>([
    ['about 200k already-coded summaries', { labeledExamples: 200_000 }],
    ['we have 30k hand-coded survey answers', { labeledExamples: 30_000 }],
    ["we've collected 4.2k tutor dialogues plus some comparisons", { labeledExamples: 4200 }],
    ["we have ~18k aligned lines from our last game's localization", { labeledExamples: 18_000 }],
    ['is QLoRA on a 7B realistic there, and how long would it take on our 3k examples?', { labeledExamples: 3000 }],
    ['we run 3,000 a day in earnings season', { requestsPerDay: 3000 }],
    ['about 9k PRs a day', { requestsPerDay: 9000 }],
    ['we process roughly 2k invoices a day', { requestsPerDay: 2000 }],
    [
      "zero-shot gets ~70% and more prompt tweaking hasn't moved it",
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
    ['tried LoRA, loss went to NaN, never got it working', { tried: [{ method: 'lora', result: 'failed' }] }],
    ['customers update them monthly or so', { knowledgeChanges: 'monthly' }],
    ['Answers must link the KB article.', { needsCitations: true }],
    ['we have 60k transcribed utterances labeled with intents', { taskType: 'classify' }],
    [
      'Could a 3B model replace Gemini 2.0 Flash for our intent detection?',
      { modelName: 'Gemini 2.0 Flash', taskType: 'classify' },
    ],
    ['We assign ICD-10 codes to discharge summaries', { taskType: 'classify' }],
    ['at half a million tool calls a day the bill is brutal', { goals: ['cost'] }],
    ['finance also wants the API bill down', { goals: ['cost'] }],
    ['and we have a 6 week deadline, does that change anything?', { timelineWeeks: 6 }],
  ])('reads %j', (message, expected) => {
    expect(fields(message)).toMatchObject(expected);
  });

  it.each<[string, (keyof Profile)[]]>([
    // Someone else's count and someone else's fine-tune are not the team's.
    [
      'someone on reddit fine-tuned mistral 7b on 500 examples and said it was amazing',
      ['labeledExamples', 'modelStage'],
    ],
    // Hedged or undecided: no model, no budget, no GPUs.
    ['deciding between Llama 3.2 1B and Qwen2.5 1.5B, which one?', ['modelName']],
    [
      "what would renting 8 H100s for a week cost? nothing's approved yet, we're just exploring",
      ['gpuName', 'gpuCount'],
    ],
    [
      'budget is still being discussed, my boss thinks maybe $5k next quarter',
      ['oneTimeBudgetUSD', 'monthlyBudgetUSD'],
    ],
  ])('states nothing of %j', (message, absent) => {
    const found = fields(message);
    for (const field of absent) expect(found[field], field).toBeUndefined();
  });

  it("keeps the team's own count beside someone else's", () => {
    expect(
      fields(
        "someone on reddit fine-tuned mistral 7b on 500 examples and said it was amazing. we're on Mistral 7B too with ~350 support macros + ideal replies. is that enough?",
      ).labeledExamples,
    ).toBe(350);
  });

  it('reads retrieval that helped and then stopped improving as plateaued', () => {
    expect(
      fields(
        "we tried RAG with a basic vector store: better, but it still makes up prices and more chunk tuning didn't help.",
      ).tried,
    ).toEqual([{ method: 'rag', result: 'plateaued' }]);
  });
});
