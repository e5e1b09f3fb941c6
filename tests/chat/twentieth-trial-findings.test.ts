/**
 * Found by the twentieth new-user trial (six personas, 78 turns over both chat APIs): "about 6k drug names" answered a
 * latency question as 6,000 ms; a bill in yen was read as dollars and its dollar restatement as a one-time budget; an
 * OCR step before a text model made the task an image task; documents verified by hand were a corpus, not labels;
 * Claude named as a possible teacher made the team's model API-only.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { ProfileField } from '../../src/profile/profile-schema.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);
const fields = (text: string, requestedField?: ProfileField) =>
  extractProfile(text, { knowledge, today: '2026-12-05', ...(requestedField ? { requestedField } : {}) }).fields;

describe('what the trial typed', () => {
  it('does not read a count of things as a latency target', () => {
    expect(
      fields('against our formulary list (about 6k drug names)', 'latencyTargetMs').latencyTargetMs,
    ).toBeUndefined();
    expect(fields('under 800 ms', 'latencyTargetMs').latencyTargetMs).toBe(800);
  });

  it('takes a bill in yen at its dollar restatement, and no budget from it', () => {
    const read = fields('our monthly bill is about 6 million yen, roughly forty thousand dollars');
    expect(read.currentMonthlySpendUSD).toBe(40_000);
    expect(read.oneTimeBudgetUSD).toBeUndefined();
    expect(fields('the bill is 900,000 yen a month').currentMonthlySpendUSD).toBeUndefined();
  });

  it('keeps an OCR step before a text model out of the task type', () => {
    expect(
      fields(
        'Pipeline today: scanned bills of lading -> tesseract OCR -> gpt-4o on Azure extracts 14 fields into JSON. ~12k docs a day.',
      ).taskType,
    ).toBe('extract');
    expect(fields('note gpt-4o only sees the OCR text, not the images').taskType).toBeUndefined();
  });

  it('counts documents verified by hand as labelled examples, not as a corpus', () => {
    const read = fields('we have 1800 docs where ops verified every field by hand');
    expect(read.labeledExamples).toBe(1800);
    expect(read.unlabeledCorpus).toBeUndefined();
  });

  it('does not make the team API-only for a model named as a teacher', () => {
    expect(fields('maybe claude could be a teacher to generate extra lines?').modelAccess).toBeUndefined();
    expect(fields('we use claude for this').modelAccess).toBe('api-only');
  });
});

describe('questions the catalog answers', () => {
  it('says where a model can be tuned, from the provider offerings, without adopting the model asked about', async () => {
    const turns = await converse([
      'We write Japanese product copy with Gemini 2.5 Pro via AI Studio, 30k approved examples, bill is about $40k a month',
      'can we fine-tune gemini in AI Studio?',
      'can we fine tune 4o mini on openai?',
      'could we tune llama 3.1 8b on bedrock?',
    ]);
    const [, studio, openai, bedrock] = turns;
    expect(studio?.reply).toMatch(/^No: Google Gemini API \/ AI Studio offers no tuning of Gemini 2\.5 Pro/);
    expect(studio?.reply).toContain('Elsewhere: Google Vertex AI');
    expect(openai?.reply).toMatch(/^Only for some teams: OpenAI API tunes GPT-4o mini, but closed to organisations/);
    expect(openai?.reply).toContain('GPT-4o mini is shut down by its vendor on 2027-01-14');
    expect(bedrock?.reply).toMatch(/^Yes: Amazon Bedrock runs supervised fine tuning jobs for Llama 3\.1 8B/);
    expect(bedrock?.state.profile.modelName).toBe('Gemini 2.5 Pro');
  });

  it('gives a model’s end of life from the catalog', async () => {
    const turns = await converse([
      'We run GPT-4.1 for tenant tone, 50 customers',
      'is gpt-4.1 mini shutting down too?',
      'when does llama 3.1 8b retire?',
    ]);
    expect(turns[1]?.reply).toMatch(/^Yes: OpenAI shuts GPT-4\.1 mini down on 2027-01-14 \[1\]/);
    expect(turns[2]?.reply).toMatch(/^Llama 3\.1 8B's weights are open/);
    expect(turns[2]?.state.profile.modelName).toBe('GPT-4.1');
    // No date in the catalog: no footnote either.
    const [claude] = await converse(['is claude sonnet shutting down soon?']);
    expect(claude?.reply).toMatch(/^The catalog records no end of life for Claude Sonnet/);
    expect(claude?.reply).not.toContain('Sources:');
  });

  it('answers a question about a pilot on another model and fewer GPUs without saving either', async () => {
    const turns = await converse([
      "We're a materials science lab. Llama 3.1 70B base, 12B tokens of papers, 32x H100. We want a model that answers materials questions. just recommend",
      'ok and the 8B pilot: how long would continued pre-training of llama 3.1 8B on the 12B tokens take on just one node, 8 H100s?',
    ]);
    const pilot = turns[1];
    expect(pilot?.state.profile).toMatchObject({ modelName: 'Llama 3.1 70B', gpuCount: 32, modelStage: 'base' });
    expect(pilot?.reply).toContain('Nothing is saved');
    expect(pilot?.reply).not.toMatch(/^Noted:/);
  });
});
