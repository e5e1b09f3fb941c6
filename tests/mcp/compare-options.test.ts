import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import { compareOptions, findDifferences } from '../../src/mcp/compare-options.ts';
import { type ComparedOption, CompareInput } from '../../src/mcp/tool-schemas.ts';
import { fixtureKnowledge } from '../helpers/build-test-app.ts';

describe('compareOptions', () => {
  it('merges each variant over the base and judges every option with the engine', () => {
    const knowledge = fixtureKnowledge();
    const input = CompareInput.parse({
      base: { modelName: 'Llama 3.1 8B', labeledExamples: 2000, gpuName: 'RTX 4090', gpuCount: 1 },
      variants: [{ label: 'API model', overrides: { modelName: 'GPT-4o', modelAccess: 'api-only' } }],
    });
    const result = compareOptions(input, knowledge, recommend);
    expect(result.options.map((option) => option.label)).toEqual(['base', 'API model']);
    const [base, api] = result.options as [ComparedOption, ComparedOption];
    expect(base.destination).toEqual(recommend(input.base, knowledge, { explain: 'none' }).destination);
    expect(api.profile).toEqual({ ...input.base, modelName: 'GPT-4o', modelAccess: 'api-only' });
    // An API-only model rules out training adapters: the comparison shows it with the blocker's words.
    const lora = api.keyMethods.find((entry) => entry.method === 'lora');
    expect(lora?.verdict).toBe('not-viable');
    expect(lora?.blockedBecause).toContain('weights');
    expect(result.differences.find((d) => d.aspect === 'lora.verdict')?.values).toEqual([
      { label: 'base', value: base.keyMethods.find((entry) => entry.method === 'lora')?.verdict },
      { label: 'API model', value: 'not-viable' },
    ]);
    expect(result.knowledgeVersion).toBe(knowledge.version);
  });
});

describe('findDifferences', () => {
  const option = (label: string, gpuCount: number, method: 'lora' | 'qlora'): ComparedOption => ({
    label,
    profile: { gpuCount },
    destination: { method, objective: 'sft', channel: 'self-run', model: { name: 'M', switched: false }, why: '' },
    firstStep: ['prompt-engineering'],
    keyMethods: [],
    computeOptions: [],
    questions: [],
  });

  it('lists only the inputs and outcomes that differ, each with every option’s value', () => {
    expect(findDifferences([option('a', 1, 'qlora'), option('b', 2, 'lora')])).toEqual([
      {
        aspect: 'gpuCount',
        kind: 'input',
        values: [
          { label: 'a', value: 1 },
          { label: 'b', value: 2 },
        ],
      },
      {
        aspect: 'destination.method',
        kind: 'outcome',
        values: [
          { label: 'a', value: 'qlora' },
          { label: 'b', value: 'lora' },
        ],
      },
    ]);
    expect(findDifferences([option('a', 1, 'lora'), option('b', 1, 'lora')])).toEqual([]);
  });
});
