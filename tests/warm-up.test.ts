import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load-knowledge.ts';
import { warmUp } from '../src/warm-up.ts';

describe('warmUp', () => {
  it('runs a rule-only first turn on the real knowledge without throwing, and reports its duration', async () => {
    const knowledge = await loadKnowledge(fileURLToPath(new URL('../knowledge/', import.meta.url)));
    const ms = await warmUp(knowledge);
    expect(ms).toBeGreaterThan(0);
  });
});
