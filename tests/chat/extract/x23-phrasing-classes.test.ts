/**
 * Classes of phrasing found by the independent batch x23 on arrival (a broad mix, December 2026): task shapes said
 * through what the model outputs or what users send, documents named as FAQ pages or lab notebooks, citations as
 * "name the source", GPUs per node, "w/" for "with", and labels counted after the verb.
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

describe('x23 phrasing classes', () => {
  it.each<[string, Partial<Profile>]>([
    ['we want to search 20 years of project docs', { taskType: 'search' }],
    ['we want natural-language playlist search', { taskType: 'search' }],
    ['chat support for bookings', { taskType: 'chat' }],
    ['farmers send an SMS asking about pests and prices', { taskType: 'chat' }],
    ['goal: turn match event data into scouting reports', { taskType: 'generate' }],
    ['reads maintenance log entries and outputs the likely fault code', { taskType: 'classify' }],
    ['we want a tool to draft replies from our ~150 FAQ pages', { goals: ['knowledge'] }],
    [
      'an assistant that answers questions about past experiments from our electronic lab notebooks',
      { goals: ['knowledge'] },
    ],
    ['get answers that name the source doc and page', { needsCitations: true }],
    ['2 nodes, 8x MI300X each', { gpuCount: 16 }],
    ['RTX 4070 laptop GPU w/ 8GB', { gpuMemoryGB: 8 }],
    ["forget the A100s, we don't actually have any GPUs", { gpuCount: 0 }],
    ['labeled 6,500 by hand so far', { labeledExamples: 6500 }],
    ['we have 1.2M existing listings w/ human written descriptions', { labeledExamples: 1_200_000 }],
    ['translation memories hold ~2M aligned segment pairs', { labeledExamples: 2_000_000 }],
    ['sorry typo, 20k labeled not 2k', { labeledExamples: 20_000 }],
  ])('reads %j', (message, expected) => {
    expect(fields(message)).toMatchObject(expected);
  });

  it.each<[string, (keyof Profile)[]]>([
    ['customers ask about 30 different topics', ['taskType']],
    ['we tried a vector search over the docs, answers got better', ['taskType']],
    // With no GPUs, a GPU named in the same breath is taken back.
    ["forget the A100s, we don't actually have any GPUs", ['gpuName', 'gpuMemoryGB']],
  ])('leaves %j alone', (message, absent) => {
    const read = fields(message);
    for (const field of absent) expect(read[field], field).toBeUndefined();
  });
});
