/**
 * A message that asks several questions gets an answer to each (the twentieth new-user trial: "CPT or RAG over the
 * corpus? and if CPT, LoRA or full? will full fit across the 32 cards?" got only the first, and "will full fine-tuning
 * fit? and would LoRA be enough for the CPT part" only a generic "LoRA is possible" that sized LoRA, not full).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { questionClauses } from '../../src/chat/extract/intents.ts';
import type { ExtractionIntents } from '../../src/chat/extract/types.ts';
import { coveredBy, joinAnswers } from '../../src/chat/several-questions.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);
const base = (intents: Partial<ExtractionIntents>): ExtractionIntents => ({
  justRecommend: false,
  whatIf: false,
  reset: false,
  greeting: false,
  ...intents,
});

const LAB = [
  'academic lab, we want a domain LLM. corpus of ~twelve billion tokens of papers and patents. starting point Llama 3.1 70B base (not instruct).',
  'it should answer researchers questions about synthesis routes. hardware: 4 nodes of 8x H100 SXM, so thirty two H100s',
  'labelled: around 3k question/answer pairs. nothing tried yet',
];

describe('reading the questions of one message apart', () => {
  it('takes a last question typed without its question mark', () => {
    expect(
      questionClauses(
        'will full fine-tuning of the 70B fit on the 32 H100s? and would LoRA be enough for the CPT part',
      ),
    ).toEqual([
      { text: 'will full fine-tuning of the 70B fit on the 32 H100s?', open: true },
      { text: 'would LoRA be enough for the CPT part?', open: true },
    ]);
  });

  it('keeps a question without a question word, but only an open one can be "unanswered"', () => {
    const clauses = questionClauses(
      'so: continued pre-training or just RAG over the corpus? and if CPT, LoRA or full?',
    );
    expect(clauses.map((clause) => clause.text)).toEqual([
      'continued pre-training or just RAG over the corpus?',
      'if CPT, LoRA or full?',
    ]);
    expect(clauses.every((clause) => !clause.open)).toBe(true);
  });

  it('reads "LoRA or full" and "will full fit" as full fine-tuning, and "full" elsewhere as nothing', () => {
    const intents = (text: string) => extractProfile(text, { knowledge }).intents;
    expect(intents('and if CPT, LoRA or full?').asksComparison).toEqual(['lora', 'full-fine-tuning']);
    expect(intents('will full fit across the 32 cards?').asksFit).toBe('full-fine-tuning');
    expect(intents('is the full budget ok?').asksComparison).toBeUndefined();
    expect(intents('full pipeline or lora?').asksComparison).toBeUndefined();
  });

  it('keeps each question that asks the advisor something, with what it asks', () => {
    const { intents } = extractProfile(
      'continued pre-training or just RAG over the corpus? and if CPT, LoRA or full? will full fit across the 32 cards?',
      { knowledge },
    );
    expect(intents.separately?.map((question) => question.intents.asksComparison ?? question.intents.asksFit)).toEqual([
      ['full-fine-tuning', 'rag'],
      ['lora', 'full-fine-tuning'],
      'full-fine-tuning',
    ]);
  });
});

describe('coveredBy', () => {
  it('covers a question the whole message asks the same way, or the plan-default form of it', () => {
    expect(coveredBy(base({ asksCost: 'lora' }), base({ asksCost: 'lora', asksFit: true }))).toBe(true);
    expect(coveredBy(base({ asksCost: true }), base({ asksCost: 'lora' }))).toBe(true);
  });

  it('does not cover a question about another method or another kind', () => {
    expect(coveredBy(base({ asksFit: 'full-fine-tuning' }), base({ asksFit: 'lora' }))).toBe(false);
    expect(coveredBy(base({ asksFit: 'full-fine-tuning' }), base({ whyNot: 'lora' }))).toBe(false);
  });

  it('does not count a question as covered when the whole message is answered by another one alone', () => {
    // "isn't gpt-4o mini being shut down soon? … what would it cost per month?": the end-of-life reply stands alone.
    expect(coveredBy(base({ asksCost: true }), base({ asksCost: true, asksRetirement: 'GPT-4o mini' }))).toBe(false);
  });

  it('ignores the words that only qualify a question', () => {
    expect(coveredBy(base({ asksFit: true, asksFitFor: 'training' }), base({ asksFit: true }))).toBe(true);
  });

  it('does not count a fit for serving as covered by a fit for training, nor a fit on one card by one on all', () => {
    // "Would QLoRA fit on the T4? And can the T4 even serve it?" (newuser26's NGO).
    expect(
      coveredBy(base({ asksFit: true, asksFitFor: 'serving' }), base({ asksFit: 'qlora', asksFitFor: 'training' })),
    ).toBe(false);
    // "Will LoRA fit across our four L40S? And what about QLoRA on just one of the cards?" (newuser26's hospital).
    expect(coveredBy(base({ asksFit: true, asksFitGpus: 1 }), base({ asksFit: true }))).toBe(false);
  });
});

describe('joinAnswers', () => {
  it('renumbers the second answer’s source marks after the first’s, keeping a shared source’s number', () => {
    const [a, b, c] = knowledge.sources.slice(0, 3).map((source) => source.id) as [string, string, string];
    const first = { text: 'One [1]. Two [2].', sources: [a, b].map((id, index) => ({ n: index + 1, id, title: id })) };
    const more = {
      text: 'Shared [1]. New [2].',
      sources: [b, c].map((id, index) => ({ n: index + 1, id, title: id })),
    };
    const joined = joinAnswers(first, more, knowledge);
    expect(joined.text).toBe('One [1]. Two [2].\n\nShared [2]. New [3].');
    expect(joined.sources?.map((source) => source.id)).toEqual([a, b, c]);
    expect(joined.footnotes).toMatch(/^Sources:\n\[1\] .*\n\[2\] .*\n\[3\] /);
  });
});

describe('each question of a message is answered', () => {
  it('answers pre-training against retrieval, LoRA against full for pre-training, and whether full fits', async () => {
    const turns = await converse([
      ...LAB,
      'continued pre-training or just RAG over the corpus? and if CPT, LoRA or full? will full fit across the 32 cards?',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/continued pre-training on your corpus adapts the model/);
    expect(reply).toMatch(/LoRA learned substantially less than full fine-tuning/);
    expect(reply).toMatch(/Yes: Full fine-tuning needs about \d+ GB on each GPU/);
    // Each answer once, and the source the LoRA finding rests on under the reply.
    expect(reply.match(/Full fine-tuning needs about/g)).toHaveLength(1);
    expect(turns.at(-1)?.replyData?.sources?.map((source) => source.id)).toContain('biderman');
  });

  it('sizes full fine-tuning when that is asked beside "would LoRA be enough for the CPT part"', async () => {
    const turns = await converse([
      ...LAB,
      'will full fine-tuning of the 70B fit on the 32 H100s? and would LoRA be enough for the CPT part',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/Full fine-tuning needs about \d+ GB on each GPU/);
    expect(reply).toMatch(/For continued pre-training, plan on full fine-tuning where it fits/);
    expect(reply).not.toMatch(/LoRA is possible, but/);
  });

  it('answers an end-of-life question, "what would you move us to" and the monthly cost in one message', async () => {
    const turns = await converse([
      "We're an agency writing product copy in our clients' tone with gpt-4o mini via the API, about 20k requests a day, bill is €2,500 a month (1 EUR = 1.08 USD). 6,000 approved examples. We can switch models.",
      "isn't gpt-4o mini being shut down soon? what would you move us to, and what would it cost per month?",
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/^Yes: OpenAI shuts GPT-4o mini down on 2027-01-14/);
    expect(reply).toMatch(/\n\nGemini 2\.5 Flash-Lite, which allows/);
    expect(reply).toMatch(/Running it on Gemini 2\.5 Flash-Lite: about \$\d+ a month of API calls at your volume/);
    // The team's own bill is today's model's, said beside the moved-to model's list-price bill, never as it.
    expect(reply).not.toMatch(/Running it: \$[\d,]+ a month \(your figure\)/);
    expect(reply).toMatch(/Today's GPT-4o mini calls cost \$2,700 a month \(your figure\)/);
  });

  it('does not answer a "what if" on other hardware as if it were the team’s', async () => {
    const turns = await converse([...LAB, 'what would LoRA cost? and would full fine-tuning fit on 2 H100s?']);
    expect(turns.at(-1)?.reply).not.toMatch(/on each of your 32 GPUs/);
  });
});
