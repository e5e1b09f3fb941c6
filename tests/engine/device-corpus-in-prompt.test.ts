/**
 * Documents under about 200,000 tokens go into a cached prompt instead of retrieval, but on a device the KV cache of
 * the whole corpus must fit its memory beside the weights (w37's offline protocol assistant on a 1.5 GB phone budget:
 * 80,000 tokens × 32 KiB a token is about 2.6 GB for Llama 3.2 1B, so retrieval over the protocol is the answer).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { type Profile, Profile as ProfileSchema } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const advise = (profile: Profile) => recommend(ProfileSchema.parse(profile), knowledge, { explain: 'none' });

describe('a small corpus in the prompt on a device', () => {
  const protocol: Profile = {
    modelName: 'Llama 3.2 1B Instruct',
    taskType: 'chat',
    deployment: 'mobile',
    corpusTokens: 80_000,
    knowledgeChanges: 'rarely',
    needsCitations: true,
    labeledExamples: 0,
    goals: ['knowledge', 'citations', 'on-device'],
  };

  it('retrieves when the corpus’s KV cache does not fit the device', () => {
    expect(advise({ ...protocol, deviceMemoryGB: 1.5 }).destination.method).toBe('rag');
  });

  it('puts the corpus in the prompt when the device holds its KV cache', () => {
    // 1B at ~4.9 bits ≈ 0.76 GB + 80,000 × 32 KiB ≈ 2.6 GB + 0.5 GB runtime ≈ 3.9 GB ≤ 8 GB.
    expect(advise({ ...protocol, deviceMemoryGB: 8 }).destination.method).toBe('prompt-engineering');
  });
});
