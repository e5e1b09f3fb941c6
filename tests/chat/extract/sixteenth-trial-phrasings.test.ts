/**
 * What the sixteenth new-user trial typed and the extractor misread (newuser16: five personas, 75 turns over both chat
 * APIs): ordinary sentences that overwrote facts. Each row is a class, with the neighbours it must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import type { Profile, ProfileField } from '../../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../../knowledge/', import.meta.url)));
});

const fields = (message: string, requestedField?: ProfileField): Partial<Profile> =>
  extractProfile(message, { knowledge, today: '2026-12-05', ...(requestedField ? { requestedField } : {}) }).fields;

describe('sixteenth new-user trial: phrasings', () => {
  it.each<[string, Partial<Profile>]>([
    ['Wait, the 14k is what we pay for the fine-tuned GPT-4o today', { currentMonthlySpendUSD: 14_000 }],
    [
      'the 11k is what we pay now, not a budget - target is ~5.5k/month',
      { currentMonthlySpendUSD: 11_000, monthlyBudgetUSD: 5500 },
    ],
    ["quality is good enough, editors are happy. it's purely a cost problem.", { goals: ['cost'] }],
    ['users prefer shorter answers', { goals: ['alignment'] }],
  ])('reads %j', (message, expected) => {
    expect(fields(message)).toMatchObject(expected);
  });

  it.each<[string, ProfileField | undefined, ProfileField[]]>([
    // A share is no latency, even while the latency question is pending.
    [
      'We already did the prompt baseline though - I told you, zero-shot with definitions got 78%. Why start there again?',
      'latencyTargetMs',
      ['latencyTargetMs'],
    ],
    // A count per robot is not the daily total asked for.
    ['Maybe 2,000 frames per robot per shift.', 'requestsPerDay', ['requestsPerDay']],
    // An approach some people prefer is no preference data.
    ['That avoids touching the approved weights, which our model risk people would prefer.', undefined, ['goals']],
    // The advisor's own model quoted back in disbelief is not the team's.
    ['Llama 3.2 3B?? where did that come from. and the count is 6 GPUs.', undefined, ['modelName']],
    // The bill said back is no request volume.
    ['Wait, the 14k is what we pay for the fine-tuned GPT-4o today', undefined, ['requestsPerDay']],
  ])('leaves %j alone (asked: %s)', (message, requestedField, absent) => {
    const read = fields(message, requestedField);
    for (const field of absent) expect(read[field], field).toBeUndefined();
  });

  it('keeps answers that are plain counts and durations', () => {
    expect(fields('about 300', 'labeledExamples').labeledExamples).toBe(300);
    expect(fields('2k a day', 'requestsPerDay').requestsPerDay).toBe(2000);
    expect(fields('500ms', 'latencyTargetMs').latencyTargetMs).toBe(500);
    expect(fields('Llama 3.2 3B?? where did that come from. and the count is 6 GPUs.').gpuCount).toBe(6);
  });
});
