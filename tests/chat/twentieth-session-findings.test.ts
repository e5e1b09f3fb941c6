/**
 * Found in the twentieth session (gaps the nineteenth left): "2 nos. of A100" as Indian English counts GPUs, code-mixed
 * languages ("Taglish") are two languages, "does RAG make fine-tuning pointless?" compares the two, and a message that
 * asks one question of the plan and one "what if" answers each on its own facts.
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
const extract = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' });
const read = (text: string) => extract(text).fields;

describe('abbreviations inside a sentence', () => {
  it.each([
    ['we have 2 nos. of A100 80GB in our lab', { gpuCount: 2, gpuName: 'NVIDIA A100 80GB' }],
    ['2 nos. A100 in the server room', { gpuCount: 2, gpuName: 'NVIDIA A100 80GB' }],
    ['no. of GPUs: 3 A100s', { gpuCount: 3 }],
    ['we use approx. 5k labeled examples', { labeledExamples: 5000 }],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it('still ends a sentence at the answer "no."', () => {
    // ("GPUs? no. We use the API only": the "no" answers the question; the next sentence is its own.)
    const fields = read('GPUs? no. We use the API only');
    expect(fields).toMatchObject({ modelAccess: 'api-only' });
    expect(fields).not.toHaveProperty('gpuCount');
  });
});

describe('code-mixed languages', () => {
  it.each([
    'discharge summaries in Taglish',
    'our users write in Hinglish mostly',
    'lots of code-switching between Swahili and English',
  ])('reads %j as multilingual', (text) => {
    expect(read(text).multilingual).toBe(true);
  });

  it('does not read a word that merely contains one', () => {
    expect(read('we publish an English newsletter')).not.toHaveProperty('multilingual', true);
  });
});

describe('whether one method makes the other unnecessary', () => {
  it.each([
    ['does RAG make fine-tuning pointless for us?', ['rag', 'full-fine-tuning']],
    ['can RAG replace fine-tuning for this?', ['rag', 'full-fine-tuning']],
    ['do we still need LoRA if we do RAG?', ['rag', 'lora']],
    ['would we even need QLoRA once we have RAG?', ['rag', 'qlora']],
  ])('reads %j as a comparison', (text, pair) => {
    expect(extract(text).intents.asksComparison).toEqual(pair);
  });

  it('is no comparison when nothing is asked about two methods', () => {
    expect(extract('RAG made our old search pointless').intents.asksComparison).toBeUndefined();
    expect(extract('we still need LoRA adapters for each client').intents.asksComparison).toBeUndefined();
  });

  it('answers it beside another question instead of saying it cannot', async () => {
    const [, turn] = await converse(
      [
        'We are a hospital in Manila. We want a model that drafts discharge summaries in Taglish from doctors notes. One L40S, data must stay on prem, about 2000 example summaries.',
        'Which model should we use? And does RAG make fine-tuning pointless for us?',
      ],
      knowledge,
    );
    expect(turn?.reply).not.toMatch(/can't answer/i);
    expect(turn?.reply).toMatch(/retrieval/i);
  });
});

describe('a question of the plan beside a "what if"', () => {
  it('answers the cost on the team facts and the fit on the model asked about', async () => {
    const [, turn] = await converse(
      [
        'We are a research lab with Qwen2.5 7B Instruct, 8000 preference pairs, 2 H100s for a week. Goal: align the assistant tone to our preferences.',
        'What would it cost to run DPO? Also would QLoRA on Qwen2.5 32B fit on one H100?',
      ],
      knowledge,
    );
    const reply = turn?.reply ?? '';
    const [plan, whatIf] = reply.split('If you had');
    // The cost comes first and is the 7B's on the team's two GPUs (no "if"); the fit is the 32B's.
    expect(plan).toMatch(/preference tuning/i);
    expect(plan).toMatch(/your 2 GPUs/);
    expect(whatIf).toMatch(/Qwen2\.5 32B/);
    expect(whatIf).toMatch(/QLoRA needs about \d+ GB/);
    expect(whatIf).not.toMatch(/GPU-hours/);
  });

  it('keeps the whole message a "what if" when every question varies something', async () => {
    const [, turn] = await converse(
      [
        'We are a research lab with Qwen2.5 7B Instruct, 8000 preference pairs, 2 H100s for a week. Goal: align the assistant tone to our preferences.',
        'Would QLoRA on Qwen2.5 32B fit on one H100? And what would it cost on Qwen2.5 32B?',
      ],
      knowledge,
    );
    expect(turn?.reply.startsWith('If you had')).toBe(true);
  });
});

describe('x46: corrections, form-like answers and facts said in passing', () => {
  it.each([
    ['Nobody from us did machine learning before.', { mlExpertise: 'none' }],
    ['ml experience: pretty basic tbh', { mlExpertise: 'basic' }],
    ['8x H100 SXM. 3 wks. 7 extraction tasks, one base.', { tasksCount: 7 }],
    ['total budget is 20 lakh rupees, roughly $24,000, one time', { oneTimeBudgetUSD: 24_000 }],
    ['total budget is 2000 euros, roughly $2,200, one time', { oneTimeBudgetUSD: 2200 }],
    ["we're on Llama 3 8B, oops I mean 3.1.", { modelName: 'Llama 3.1 8B' }],
    ['if the model gets a dosage wrong someone could get hurt.', { safetyCritical: true }],
    ['we ran a fine-tuning job and that fine-tuned model is what’s in prod now', { modelStage: 'fine-tuned' }],
    ['we generate product descriptions for ~5,000 new SKUs a day.', { requestsPerDay: 5000 }],
    [
      "it has to run on the sales reps' laptops, 16GB macbooks, and the model can take maybe half of that memory",
      { deviceMemoryGB: 8 },
    ],
    ['phones with 8GB, the model may use half of it', { deviceMemoryGB: 4 }],
    [
      'we collected ~8k thumbs up/down pairs and want the model to give the kind of answers people liked.',
      { goals: ['alignment'] },
    ],
    [
      'so basically our CEO saw a demo last week and now wants an assistant that answers questions about our pricing, which changes pretty much every day',
      { knowledgeChanges: 'daily' },
    ],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it('takes a budget corrected to the other period once, and keeps two budgets said as two', () => {
    const corrected = read("budget is 10k a month, no wait, that's the whole thing, 10k total, one-off");
    expect(corrected).toMatchObject({ oneTimeBudgetUSD: 10_000 });
    expect(corrected).not.toHaveProperty('monthlyBudgetUSD');
    expect(read('budget: 5k a month. Actually our one-time budget is 20k')).toMatchObject({
      monthlyBudgetUSD: 5000,
      oneTimeBudgetUSD: 20_000,
    });
  });

  it.each([
    ['we have 10k one-time and 2k a month', 'timelineWeeks'],
    ['it has to keep running on Azure’s API', 'deployment'],
    ['we train on 64GB macs', 'deviceMemoryGB'],
    ['nobody did ML on this dataset before us', 'mlExpertise'],
    ['if we ever did medical advice it would be different', 'safetyCritical'],
    ['is the fine-tuned model in prod better?', 'modelStage'],
    ['we sell 300 products a month', 'requestsPerDay'],
  ])('reads nothing of the kind from %j', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });
});
