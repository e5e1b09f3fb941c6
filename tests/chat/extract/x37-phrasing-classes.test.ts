/**
 * Phrasing classes from the x37 batch (independent writer; tuned after its arrival figures were recorded): pasted
 * specs ("Labeled: 40k rows", "Volume ~80k/day"), GPUs counted in pieces, a prompt named by its shots, a clause that
 * says how a method went after a wish, a model fully fine-tuned, the current model as the teacher of a named student,
 * deadlines handed down, a size with a kind of model, documents getting new releases, and triage of tickets (no
 * patient in sight).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../../knowledge/', import.meta.url)));
});
const fields = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' }).fields;

describe('x37 phrasing classes', () => {
  it.each<[string, Record<string, unknown>]>([
    ['Labeled: 40k rows from our ops team. Infra: no GPUs.', { labeledExamples: 40_000, gpuCount: 0 }],
    ['training data: ~12,000 examples', { labeledExamples: 12_000 }],
    ['Volume ~80k/day.', { requestsPerDay: 80_000 }],
    ['We have 4 pieces of A100 40GB in our own server room', { gpuCount: 4, gpuName: 'NVIDIA A100 40GB' }],
    ['we have 3 units of L40S', { gpuCount: 3 }],
    [
      'Current: GPT-4o mini with a 15-shot prompt, ~88% accuracy and stuck there.',
      { tried: [{ method: 'in-context-learning', result: 'plateaued' }] },
    ],
    [
      'need strict json out every time, prompting alone plateaued.',
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
    [
      'Using BERT base today, fully fine-tuned, it is ok-ish but accuracy has plateaued.',
      { tried: [{ method: 'full-fine-tuning', result: 'plateaued' }] },
    ],
    [
      "we use gpt-4o for ticket triage and it's great but way too expensive. plan is to distill into llama 3.2 3b as the student",
      { teacherModel: 'GPT-4o', modelName: 'Llama 3.2 3B' },
    ],
    ['Management gave us twelve weeks for the whole project.', { timelineWeeks: 12 }],
    ["it's an in-house 13B decoder model, the weights are ours.", { modelParamsB: 13 }],
    ['product docs get a new release every month', { knowledgeChanges: 'monthly' }],
  ])('%j', (text, want) => {
    expect(fields(text)).toMatchObject(want);
  });

  it('triage of tickets is no high-stakes work; triage for nurses is', () => {
    expect(fields('we do support ticket triage with GPT-4o').safetyCritical).toBeUndefined();
    expect(fields('a triage assistant for nurses; wrong advice could hurt patients').safetyCritical).toBe(true);
  });

  it('a wish before the method stays a wish when nothing says how it went', () => {
    expect(fields('we want to know if RAG, which failed elsewhere, is good').tried).toBeUndefined();
  });
});

/** Phrasing classes from the x38 batch (mid-conversation replies, corrections, options compared in a question). */
describe('x38 phrasing classes', () => {
  it.each<[string, Record<string, unknown>]>([
    ["Data residency isn't an issue for us.", { dataMustStayOnPrem: false }],
    [
      "We're deciding whether to keep o4-mini or move to something self hosted, open to either.",
      { canSwitchModel: true },
    ],
    ["volume correction: it's about 2k a day, not 20k, I added a zero", { requestsPerDay: 2000 }],
    ["the 8B base model we SFT'd is too verbose and sometimes rude", { modelStage: 'fine-tuned' }],
    [
      'We classify customer messages into 120 intents with GPT-4o mini, 200k a day, accuracy is good enough',
      { requestsPerDay: 200_000 },
    ],
  ])('%j', (text, want) => {
    expect(fields(text)).toMatchObject(want);
  });

  it('GPUs compared in a question, and "writing training code", state nothing', () => {
    expect(
      fields("what's the rough cost difference between qlora on a 4090 vs full fine-tuning on A100s, just ballpark"),
    ).toEqual({});
    expect(fields("we're comfortable writing training code").taskType).toBeUndefined();
    expect(fields("we have 2 A100s. what's the difference between LoRA and QLoRA on them?").gpuCount).toBe(2);
  });
});

/** Phrasing classes from the x39 batch and the thirty-fourth trial (counts, currencies, tried in casual words). */
describe('x39 phrasing classes', () => {
  it.each<[string, Record<string, unknown>]>([
    ['Our ops team has hand-labelled about 12,000 documents.', { labeledExamples: 12_000 }],
    ['We use Mistral 7B on one RTX 4090 and have 800 dialogue examples', { labeledExamples: 800 }],
    [
      'Partner law firms gave us about 3,000 real legal opinions written by senior lawyers, each paired with the question it answers. They also ranked pairs of draft opinions, around 6,000 comparisons.',
      { labeledExamples: 3000, preferencePairs: 6000 },
    ],
    ['about 1,200 comparisons where a reviewer picked the better of two answers', { preferencePairs: 1200 }],
    ['budget is 400 zł, 4 zł to the dollar', { oneTimeBudgetUSD: 100 }],
    [
      'budget: 2 million yen one-time (~$13,500) and zero per month on top of the servers we already pay for',
      { oneTimeBudgetUSD: 13_500, monthlyBudgetUSD: 0 },
    ],
    [
      "tried QLoRA on a single 4090 with llama 3.1 8b, OOM'd every time at 4k context, never got one run to finish",
      { tried: [{ method: 'qlora', result: 'failed' }] },
    ],
    [
      'prompt engineering got us to maybe 70% and no further',
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
    [
      "LoRA on mistral 7b with 3k examples fixed the output format completely, that part's done.",
      { tried: [{ method: 'lora', result: 'good-enough' }], labeledExamples: 3000 },
    ],
    [
      '~100k instruction/response pairs generated with gpt-4.1, plan is to train a Qwen2.5 3B student on them',
      { teacherModel: 'GPT-4.1', modelName: 'Qwen2.5 3B' },
    ],
  ])('%j', (text, want) => {
    expect(fields(text)).toMatchObject(want);
  });

  it('models weighed against each other, with nothing decided, are not the team’s', () => {
    expect(fields("considering either gemma 2 9b or qwen2.5 7b, haven't decided.").modelName).toBeUndefined();
    expect(
      fields('We are evaluating Llama 3.3 70B vs GPT-4.1 mini vs Gemini 2.5 Flash, nothing in prod yet.').modelName,
    ).toBeUndefined();
    expect(fields('We use Qwen2.5 7B and are considering fine-tuning it.').modelName).toBe('Qwen2.5 7B');
  });
});
