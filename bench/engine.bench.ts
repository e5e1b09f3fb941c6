import { readFile } from 'node:fs/promises';
import { recommend } from '../src/engine/recommend.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import type { Profile } from '../src/profile/profile-schema.ts';
import { report, summarize } from './stats.ts';

/** (a) Engine time per recommendation, questions analysis included, over every scenario profile. */
export async function benchEngine(knowledge: Knowledge, iterations = 300): Promise<Record<string, string | number>> {
  const scenarios = JSON.parse(await readFile(new URL('../tests/scenarios/scenarios.json', import.meta.url), 'utf8'))
    .scenarios as { profile: Profile }[];
  const profiles: Profile[] = [{}, ...scenarios.map((scenario) => scenario.profile)];
  for (const profile of profiles) for (let i = 0; i < 20; i++) recommend(profile, knowledge); // warm-up (JIT)
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    for (const profile of profiles) {
      const start = performance.now();
      recommend(profile, knowledge);
      samples.push(performance.now() - start);
    }
  }
  const stats = summarize(samples);
  return report('engine: recommend() incl. questions (ms)', {
    profiles: profiles.length,
    samples: stats.n,
    p50: stats.p50,
    p99: stats.p99,
    max: stats.max,
    target: 'p99 < 2 ms (issue 10)',
  });
}
