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

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
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
