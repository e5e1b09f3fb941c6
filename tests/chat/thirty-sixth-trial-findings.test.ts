/**
 * Found by the thirty-sixth new-user trial (c266af2): labelled data said in the domain's words, money read as a
 * budget when it was rent or a bill, rates with a decimal comma, and models weighed in a question saved as the team's.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' }).fields;

describe('labelled data in the domain’s words', () => {
  it.each([
    ['We have about 12,000 discharge summaries already coded by our coding staff.', 12000],
    ['maybe 150 questions handlers asked with the correct answer written by a senior underwriter', 150],
    ['we fine-tuned Qwen2.5 14B with LoRA on ~5k tutoring dialogues', 5000],
  ])('reads %j as %d labelled examples', (text, count) => {
    expect(read(text).labeledExamples).toBe(count);
  });
});

describe('money that is no budget', () => {
  it('reads rent per card and a bill compared against as no budget', () => {
    expect(read("we don't own them, they're rented, about $320 per card per month")).not.toHaveProperty(
      'oneTimeBudgetUSD',
    );
    const compared = read('with 2 rented L4s at $640/month total, how does that compare to the $10.7k?');
    expect(compared.oneTimeBudgetUSD).toBeUndefined();
  });

  it('converts at a rate written with a decimal comma, and reads won as a currency', () => {
    expect(read('(1 USD = 5,40 BRL, our one-time budget is R$ 15.000)').oneTimeBudgetUSD).toBe(2778);
    expect(read('our budget is 1,380,000 won at 1,380 won to the dollar').oneTimeBudgetUSD).toBe(1000);
  });
});

describe('models weighed in a question', () => {
  it.each([
    'something like Qwen2.5 7B or Llama 3.1 8B. which one, and what GPU do we rent?',
    'would a smaller model do, e.g. Llama 3.1 8B?',
  ])('saves no model from %j', (text) => {
    expect(read(text).modelName).toBeUndefined();
  });

  it('keeps the model stated beside the question', () => {
    expect(
      read(
        'We run Llama 3.1 70B. would a smaller model do, e.g. Llama 3.1 8B fully fine-tuned instead of LoRA on the 70B?',
      ).modelName,
    ).toBe('Llama 3.1 70B');
  });
});

describe('more of x42’s phrasings (classes, not single messages)', () => {
  it.each([
    ['we have 55,000 claim notes, each tagged with the fraud-review outcome by the SIU team', 55000],
    ['support tickets with the queue they ended up in, roughly 40 thousand from the last two yrs', 40000],
    ['our paralegals marked up around 800 NDAs and MSAs', 800],
  ])('reads %j as %d labelled examples', (text, count) => {
    expect(read(text).labeledExamples).toBe(count);
  });

  it.each([
    '1.2 lakh grievance emails already tagged with the department by call centre staff',
    'we have about 12,000 discharge summaries already coded with ICD-10, want a model to suggest codes for new ones',
    'want auto routing within 2 weeks',
  ])('reads %j as classification', (text) => {
    expect(read(text).taskType).toBe('classify');
  });

  it.each([
    'we run Gemma 2 9B IT in prod right now and are thinking about moving to Qwen2.5 14B, cant decide',
    'we use Gemma 2 9B today. someone on the team suggested Qwen2.5 14B instead, is it better?',
  ])('keeps the model in use in %j', (text) => {
    expect(read(text).modelName).toBe('Gemma 2 9B');
  });

  it('saves no model from models weighed with "vs" or "which is better"', () => {
    expect(read('phi 3 mini vs gemma 2 2b for an offline laptop assistant?').modelName).toBeUndefined();
    expect(
      read(
        'which is better for us: managed fine-tuning on gemini 2.5 flash, or lora on qwen2.5 14b on our own 2x A6000?',
      ).modelName,
    ).toBeUndefined();
  });

  it('reads "a small open model we host ourselves" as self-hosting', () => {
    expect(read('we want to distill it into a small open model we host ourselves').deployment).toBe(
      'cloud-self-hosted',
    );
  });

  it('keeps another team’s spending out of the budget', () => {
    expect(
      read('the hospital across town spent like $40k fine tuning their own thing').oneTimeBudgetUSD,
    ).toBeUndefined();
  });
});

describe('numbers that count something else (newuser36 H2, M2)', () => {
  it('reads "15 mil reais" as fifteen thousand reais, at the rate given', () => {
    expect(read('our one-time budget is 15 mil reais, at 5.40 reais per dollar').oneTimeBudgetUSD).toBe(2778);
  });

  it('reads "8 chunks of ~700 tokens" as the prompt, not 8 requests a day', () => {
    const fields = extractProfile(
      'with RAG each question would pull in maybe 8 chunks of ~700 tokens, so ~6k tokens of prompt. does your number include that?',
      { knowledge, requestedField: 'requestsPerDay' },
    ).fields;
    expect(fields.requestsPerDay).toBeUndefined();
    expect(fields.inputTokensPerRequest).toBe(6000);
  });
});
