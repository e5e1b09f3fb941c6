import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { ProfileField } from '../../../src/profile/profile-schema.ts';
import { fixtureCatalog } from './fixture-catalog.ts';

const extract = (message: string, requestedField?: ProfileField) =>
  extractProfile(message, { knowledge: fixtureCatalog, ...(requestedField ? { requestedField } : {}) });

describe('short answers to the requested field', () => {
  it.each<[ProfileField, string, unknown]>([
    ['gpuCount', '2', 2],
    ['gpuCount', 'none', 0],
    ['needsCitations', 'yes', true],
    ['needsCitations', 'nope', false],
    ['labeledExamples', 'about 300', 300],
    ['labeledExamples', 'we have none', 0],
    ['knowledgeChanges', 'weekly', 'weekly'],
    ['oneTimeBudgetUSD', '5k', 5000],
    ['monthlyBudgetUSD', '$800', 800],
    ['timelineWeeks', '3 months', 13],
    ['latencyTargetMs', 'maybe 200ms', 200],
    ['gpuName', 'A100', 'NVIDIA A100 80GB'],
    ['modelName', 'llama 3.1 8b', 'Llama 3.1 8B'],
    ['mlExpertise', 'basic', 'basic'],
    ['unlabeledCorpus', 'lots', 'large'],
    ['corpusTokens', 'about 300 pages', 120_000],
    ['corpusTokens', 'roughly 2 million tokens', 2_000_000],
  ])('%s + %j → %j', (field, message, value) => {
    expect(extract(message, field).fields[field]).toEqual(value);
  });

  it('does not read a question to the advisor as the answer to its own question', () => {
    const reply = extract('what would you do first?', 'task');
    expect(reply.fields.task).toBeUndefined();
    expect(reply.intents.asksFirstStep).toBe(true);
    expect(extract('how much would it cost?', 'goals').fields.goals).toBeUndefined();
  });

  it('keeps a complaint about style and what the current model does from one first message', () => {
    const { fields } = extract(
      'We run a marketing-copy startup. GPT-4o mini writes our product descriptions but they do not sound like our brand. We have 1,500 approved descriptions.',
    );
    expect(fields).toMatchObject({
      task: 'writes our product descriptions',
      needsStyleOrFormat: true,
      labeledExamples: 1500,
    });
  });

  it('reads a bare "no" to the requests-per-day question as no answer, not as zero traffic', () => {
    expect(extract('no', 'requestsPerDay').fields.requestsPerDay).toBeUndefined();
    expect(extract('about 3000', 'requestsPerDay').fields.requestsPerDay).toBe(3000);
  });

  it('reads "not sure" to a yes/no question as no answer, not as "no"', () => {
    for (const message of ['not sure', 'no idea', "I don't know"])
      expect(extract(message, 'dataMustStayOnPrem').fields.dataMustStayOnPrem, message).toBeUndefined();
  });

  it('fills nothing from a bare number when no field was asked', () => {
    expect(extract('42').fields).toEqual({});
    expect(extract('about 300').fields).toEqual({});
  });

  it('rejects a year-like number as a GPU count', () => {
    expect(extract('not sure, maybe 2024?', 'gpuCount').fields).toEqual({});
  });

  it('ignores numbers that belong to a model name', () => {
    expect(extract('we use Llama 3 70B', 'gpuCount').fields).toEqual({ modelName: 'Llama 3 70B' });
  });

  it('answers a yes/no question and still reads the rest of the message', () => {
    expect(extract('yes, and the docs change daily', 'needsCitations').fields).toEqual({
      needsCitations: true,
      knowledgeChanges: 'daily',
      // Answers that must cite their sources make citations a goal; documents changing daily make freshness one.
      goals: ['citations', 'freshness'],
    });
  });
});

describe('intents', () => {
  it.each([
    ['just recommend', 'justRecommend', true],
    ['skip', 'justRecommend', true],
    ['go ahead', 'justRecommend', true],
    ['whatever, give me the answer', 'justRecommend', true],
    ['why not LoRA?', 'whyNot', 'lora'],
    ['why not full fine-tuning', 'whyNot', 'full-fine-tuning'],
    ['why not QLoRA', 'whyNot', 'qlora'],
    ['why RAG?', 'whyMethod', 'rag'],
    ['what if we had 2 GPUs?', 'whatIf', true],
    ['start over', 'reset', true],
    ['hello', 'greeting', true],
  ] as const)('%j → %s', (message, intent, value) => {
    expect(extract(message).intents[intent]).toBe(value);
  });

  it('keeps what a what-if question asks about apart from the facts', () => {
    expect(extract('what if we had 2 GPUs?').fields).toEqual({});
    expect(extract('what if we had 2 GPUs?').hypothetical).toEqual({ gpuCount: 2 });
    const mixed = extract("if we had like 8 H100s what would you do differently? (we don't, we have two L4s)");
    expect(mixed.fields).toMatchObject({ gpuCount: 2, gpuName: 'NVIDIA L4' });
    expect(mixed.hypothetical).toMatchObject({ gpuCount: 8 });
  });

  it('sets nothing for a plain statement', () => {
    expect(extract('we have 2 GPUs').intents).toEqual({
      justRecommend: false,
      whatIf: false,
      reset: false,
      greeting: false,
    });
  });
});

describe('corrections', () => {
  it.each([
    ['actually 3 GPUs', ['gpuCount']],
    ["sorry, it's 2 H100s", ['gpuName', 'gpuCount']],
    ['make that 500 examples', ['labeledExamples']],
    ['correction: weekly', ['knowledgeChanges']],
    ['we have 3 GPUs', []],
  ])('%j corrects %j', (message, fields) => {
    expect(extract(message).corrections.sort()).toEqual([...fields].sort());
  });

  it('ignores the contrasted value ("…, not $500")', () => {
    expect(extract('Actually, the budget is $800/month, not $500.').fields).toEqual({ monthlyBudgetUSD: 800 });
  });
});
