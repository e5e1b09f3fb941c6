/**
 * Classes of phrasing found by the independent batch x25 on arrival (messages typed mid-conversation): other teams'
 * hardware and models, the advisor's plan and sizes quoted back, hypotheticals said as "let's say", the team's own count
 * said after a question about another, and a count that is the product of two factors.
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

describe('x25 phrasing classes', () => {
  it.each<[string, Partial<Profile>]>([
    ['would 5k examples be enough? we only have about 1,800 right now', { labeledExamples: 1800 }],
    ['3 regions x 4 brands = 12 separate assistants on the same base model', { tasksCount: 12 }],
    ['we dont need realtime, 5 seconds per response is fine', { latencyTargetMs: 5000 }],
    ["is 2 weeks realistic? because that's our deadline", { timelineWeeks: 2 }],
    [
      "the 70B you suggested won't happen. we have a single 4090 and $500 total to spend",
      { gpuCount: 1, oneTimeBudgetUSD: 500 },
    ],
  ])('reads %j', (message, expected) => {
    expect(fields(message)).toMatchObject(expected);
  });

  it.each<[string, (keyof Profile)[]]>([
    ["the research group down the hall has a DGX with 8 A100s but we can't touch it", ['gpuCount', 'gpuName']],
    ["the speech team is on whisper large-v3 but that's a different project", ['modelName']],
    ['the plan says rent 2 H100 for 14 hours, fine', ['gpuCount', 'gpuName']],
    ["let's say hypothetically we had a $50k budget, would full FT be realistic?", ['oneTimeBudgetUSD']],
    ["the 70B you suggested won't happen", ['modelParamsB']],
  ])('states nothing of %j', (message, absent) => {
    const found = fields(message);
    for (const field of absent) expect(found[field], field).toBeUndefined();
  });
});
