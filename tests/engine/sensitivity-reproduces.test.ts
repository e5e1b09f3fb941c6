import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { loadCases } from '../scenarios/v2/score-scenarios.ts';

const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});

/**
 * "What would change my answer" is a promise: a fresh request with the stated value gets the stated destination.
 * Checked on every profile of the tuned scenario batches (the held-out splits are not read here).
 */
describe('sensitivity entries reproduce with a fresh recommendation', () => {
  const profiles = ['tuned.json', 'batch2.json', 'batch3.json', 'batch4.json'].flatMap((file) =>
    loadCases(here(`../scenarios/v2/${file}`)).map((scenario) => [scenario.id, scenario.profile] as const),
  );
  it('covers entries at all (the check is not vacuous)', () => {
    const count = profiles.reduce(
      (sum, [, profile]) => sum + recommend(Profile.parse(profile), knowledge, { explain: 'none' }).sensitivity.length,
      0,
    );
    expect(count).toBeGreaterThan(20);
  });
  it.each(profiles)('%s', (_id, profile) => {
    const result = recommend(Profile.parse(profile), knowledge, { explain: 'none' });
    for (const entry of result.sensitivity) {
      const again = recommend(Profile.parse({ ...profile, [entry.field]: entry.value }), knowledge, {
        explain: 'none',
      });
      expect(again.destination.method, `${entry.field} = ${entry.value}`).toBe(entry.becomes);
    }
  });
});
