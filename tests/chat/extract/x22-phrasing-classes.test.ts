/**
 * Classes of phrasing found by the independent batch x22 on arrival (an ordinary working day in the chat box): spaced
 * thousands, corrections said as "X not Y", a duration as a list item, abbreviated preference pairs, pairs counted in a
 * message about preference training, and a bare amount with its budget period after it. Each row stands for a rule,
 * with the neighbours it must leave alone.
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

describe('x22 phrasing classes', () => {
  it.each<[string, Partial<Profile>]>([
    // A space between groups of three digits separates thousands.
    ['We have 18 000 labelled emails from last 2 years.', { labeledExamples: 18_000 }],
    ['we get 1 200 000 requests a day', { requestsPerDay: 1_200_000 }],
    // "X not Y" corrections of a duration, with or without a lead word.
    ['oops, 6 weeks not 6 months', { timelineWeeks: 6 }],
    ['correction: 8 weeks, not 8 months', { timelineWeeks: 8 }],
    // A duration as one item of a terse list.
    ['so roughly: 1.2k labeled, 0 pref pairs, 3 weeks, one T4. go', { timelineWeeks: 3, preferencePairs: 0 }],
    ['we have 2 a100s, 6 weeks, 5k budget', { timelineWeeks: 6, oneTimeBudgetUSD: 5000 }],
    ['we have 3k pref pairs', { preferencePairs: 3000 }],
    // In a message about preference training, bare pairs are chosen/rejected pairs, not labelled examples.
    ['we had a DPO run last month that collapsed, so we rolled back. 20k pairs.', { preferencePairs: 20_000 }],
    // A bare amount with its budget period after it.
    ['5k one time, maybe 500/mo after that', { oneTimeBudgetUSD: 5000, monthlyBudgetUSD: 500 }],
    ['correction: the 15k is per month, not one-time', { monthlyBudgetUSD: 15_000 }],
    ['10k upfront is fine', { oneTimeBudgetUSD: 10_000 }],
  ])('reads %j', (message, expected) => {
    expect(fields(message)).toMatchObject(expected);
  });

  it.each<[string, (keyof Profile)[]]>([
    // Digits before a unit or a letter are not spaced thousands.
    ['we have 2 100 GB cards', ['labeledExamples', 'requestsPerDay']],
    ['we use llama 3 405b on 16 gpus', ['labeledExamples']],
    // A bare monthly amount with no budget word or one-time period is not money.
    ['we get 15k per month', ['monthlyBudgetUSD', 'oneTimeBudgetUSD']],
    // Pairs of a named kind stay labelled examples, even next to DPO.
    ['we have 5k q&a pairs and want to try DPO later', ['preferencePairs']],
    // A cadence list item is no deadline.
    ['docs change every sprint, 2 weeks, and we have 3 gpus', ['timelineWeeks']],
  ])('leaves %j alone', (message, absent) => {
    const read = fields(message);
    for (const field of absent) expect(read[field], field).toBeUndefined();
  });

  it('keeps the model name whole when a version is followed by a three-digit size', () => {
    expect(fields('we use llama 3 405b on 16 gpus').modelParamsB).toBe(405);
    expect(fields('We have 18 000 labelled emails').labeledExamples).toBe(18_000);
  });
});
