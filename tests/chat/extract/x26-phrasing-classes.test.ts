/**
 * Phrasing classes from the x26 batch (independent writer; tuned after its arrival figures were recorded): a figure
 * corrected right after it is said, a team's share of a shared cluster, the model's share of a device's memory and the
 * deployment that share implies, a one-time amount said after a monthly one.
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

describe('a figure corrected right after it is said', () => {
  it.each<[string, Record<string, unknown>]>([
    [
      'each of our ~25 clients gets their own adapter on the same base — no wait, 30, sales closed five more',
      { tasksCount: 30 },
    ],
    ["monthly budget's 2k. actually make that 3k, just got sign-off from finance", { monthlyBudgetUSD: 3000 }],
    ['we have 300 examples, no, 3000', { labeledExamples: 3000 }],
    ["we have 4 gpus, wait, it's 8", { gpuCount: 8 }],
    // The figure after the marker belongs to another field: nothing is corrected.
    ['we have 300 examples and sorry, 2 gpus', { labeledExamples: 300, gpuCount: 2 }],
  ])('%j', (text, want) => {
    expect(fields(text)).toMatchObject(want);
  });

  it('leaves a figure alone when no number follows the marker', () => {
    expect(fields('about 2,000 requests a day, no more').requestsPerDay).toBe(2000);
  });
});

describe('shares and devices', () => {
  it.each<[string, Record<string, unknown>]>([
    ["our team gets 2 of the cluster's 8 A100s", { gpuCount: 2, gpuName: 'NVIDIA A100 80GB' }],
    ['we use 2 of the shared 8 H100s', { gpuCount: 2 }],
    ['the phone has 8 gigs, the model can use ~3', { deviceMemoryGB: 3, deployment: 'mobile' }],
    [
      "the laptop has 32 gigs of ram but realistically the model can't take more than 8 of it",
      { deviceMemoryGB: 8, deployment: 'edge' },
    ],
    [
      'it runs offline on the sales laptops, they have 16GB but the model gets 6 at most',
      { deviceMemoryGB: 6, deployment: 'edge' },
    ],
  ])('%j', (text, want) => {
    expect(fields(text)).toMatchObject(want);
  });
});
