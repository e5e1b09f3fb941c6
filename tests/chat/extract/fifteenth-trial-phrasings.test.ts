/**
 * What the fifteenth new-user trial typed and the extractor misread (newuser15: five personas, 76 turns over both chat
 * APIs). Each row is a class of phrasing, with the neighbours it must leave alone.
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

describe('fifteenth new-user trial: phrasings', () => {
  it.each<[string, Partial<Profile>]>([
    // A denial before a permission: the data may NOT leave.
    ['Important: by law none of this data can leave our own servers. No cloud.', { dataMustStayOnPrem: true }],
    ['none of it may leave the building', { dataMustStayOnPrem: true }],
    ['data can leave, the cloud is fine', { dataMustStayOnPrem: false }],
    // A GPU's model number is not a count of GPUs.
    ['we have 6 laptops, each with one RTX 4070 laptop GPU', { gpuCount: 1 }],
    // A model named as the other side of a price or a comparison is not the team's model.
    [
      'No - the model is Qwen2.5 14B, I only mentioned GPT-4.1 mini for the price comparison.',
      { modelName: 'Qwen2.5 14B' },
    ],
    ['we use Llama 3.1 8B instead of GPT-4o', { modelName: 'Llama 3.1 8B' }],
    // A family word and a size with one catalog model of that family and size.
    ['serving the tuned Qwen 14B', { modelName: 'Qwen2.5 14B' }],
    // A prompt the team has, with its outcome in the next sentence; a baseline said to exist.
    [
      'We have a long system prompt with the schema and 3 worked examples. It got us from 20% errors to 8% and has been stuck there for two months.',
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
    [
      "We've been running the prompted 70B in production for a year, 70% thumbs up - that IS our baseline.",
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
    // One example's input and output lengths.
    ['our forms are long, roughly 6k tokens of OCR text in and 500 tokens of JSON out', { exampleTokens: 6500 }],
    ['2k tokens in, 300 out', { exampleTokens: 2300 }],
    // A volume with a two-word noun, or named as "volume".
    ['Volume is about 12,000 case files a month', { requestsPerDay: 400 }],
    ['volume is about 500 per day', { requestsPerDay: 500 }],
    // GPUs the team rents, not owns; a monthly bill for them; a rental only weighed is not theirs.
    ['The H100s are NOT owned, we rent them.', { gpusRented: true }],
    ["And the L40S is rented, we don't own it.", { gpusRented: true, gpuName: 'NVIDIA L40S' }],
    ['we run it on 2 rented H100s', { gpusRented: true, gpuCount: 2 }],
    ['on 2 H100s that we rent', { gpusRented: true, gpuCount: 2 }],
    ['the 2 H100s cost us about $9,000 a month', { gpusRented: true, currentMonthlySpendUSD: 9000 }],
    ['we own 8x RTX 4090', { gpusRented: false, gpuCount: 8 }],
  ])('reads %j', (message, expected) => {
    expect(fields(message)).toMatchObject(expected);
  });

  it.each<[string, (keyof Profile)[]]>([
    ['our dev boxes are laptops with RTX 4070 laptop GPUs (8GB)', ['gpuCount']],
    [
      "and what would serving the tuned Qwen 14B cost per month vs the ~$115 we'd pay for GPT-4.1 mini?",
      ['modelAccess'],
    ],
    ['we get 5,000 labeled tickets per month', ['requestsPerDay']],
    ['what is our baseline?', ['tried']],
    ['a rented cloud GPU is fine', ['gpusRented']],
    ['no GPUs of our own, we would rent', ['gpusRented']],
    ['we could rent two H100s', ['gpusRented']],
    // The rent said back ("that's the $9k") is no training budget.
    ["The H100s are NOT owned, we rent them, that's the $9k.", ['oneTimeBudgetUSD', 'monthlyBudgetUSD']],
  ])('leaves %j alone', (message, absent) => {
    const read = fields(message);
    for (const field of absent) expect(read[field], field).toBeUndefined();
  });

  it('keeps the model the team named when another is only priced against it', () => {
    const read = fields("what would serving the tuned Qwen 14B cost per month vs the ~$115 we'd pay for GPT-4.1 mini?");
    expect(read.modelName).not.toBe('GPT-4.1 mini');
  });

  it('resolves a family and size only when the catalog has one model of that family and size', () => {
    expect(fields('we use llama 8b').modelName).not.toMatch(/^Llama 3(?:\.1)? 8B$/);
    expect(fields('we use qwen3 14b').modelName).toBe('qwen3 14b');
  });
});
