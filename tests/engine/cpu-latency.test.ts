/**
 * A generative model served from the team's own CPU servers reads its prompt and writes token by token: below a floor
 * set from llama.cpp's fastest CPU measurements (with a margin of about four), no CPU answers within the latency target,
 * so no method that serves that model is viable (rule cpu-too-slow-for-latency-target). Graded by w41: prompting an 8B
 * on CPUs under 20 ms was called viable before.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CPU_EXAMPLE_PROMPT_TOKENS,
  cpuLatencyFloorMs,
  cpuMeasuredSpeed,
  MIN_PROMPT_TOKENS,
} from '../../src/engine/cpu-latency.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});

const RULE = 'cpu-too-slow-for-latency-target';
const BANK = {
  modelName: 'Llama 3.1 8B',
  task: 'categorise card-transaction descriptions into 40 spending categories',
  taskType: 'classify',
  labeledExamples: 60000,
  gpuCount: 0,
  deployment: 'on-prem',
  dataMustStayOnPrem: true,
  latencyTargetMs: 20,
} as const;

const verdictOf = (profile: object, method: string) =>
  recommend(Profile.parse(profile), knowledge).recommendations.find((entry) => entry.method === method);

describe('the CPU latency floor', () => {
  it('grows with the model: an 8B cannot beat 20 ms on any CPU, a 1B can', () => {
    expect(cpuLatencyFloorMs(8, 5)).toBeGreaterThan(20);
    expect(cpuLatencyFloorMs(1, 0.7)).toBeLessThan(20);
    expect(cpuLatencyFloorMs(70, 40)).toBeGreaterThan(cpuLatencyFloorMs(8, 5));
  });

  it('sits below the measured speed: the fastest measured CPU would take longer than the floor', () => {
    // The measured workstation speed for an 8B: the floor must be well under it (the floor is optimistic).
    const { promptTokensPerSecond, tokensPerSecond } = cpuMeasuredSpeed(8, 5);
    const measuredMs = (MIN_PROMPT_TOKENS / promptTokensPerSecond + 1 / tokensPerSecond) * 1000;
    expect(cpuLatencyFloorMs(8, 5)).toBeLessThan(measuredMs / 4);
  });
});

describe('rule cpu-too-slow-for-latency-target', () => {
  it.each([['prompt-engineering'], ['in-context-learning'], ['rag'], ['lora']])(
    'blocks %s on an 8B served from CPUs under 20 ms',
    (method) => {
      const entry = verdictOf(BANK, method);
      expect(entry?.verdict).toBe('not-viable');
      expect(entry?.blockers.map((blocker) => blocker.ruleId)).toContain(RULE);
    },
  );

  it.each([
    ['a target the floor allows (2 s)', { latencyTargetMs: 2000 }],
    ['GPUs to serve on', { gpuCount: 1, gpuName: 'NVIDIA L4' }],
    ['data that may go to a rented GPU', { dataMustStayOnPrem: false }],
    ['no latency target', { latencyTargetMs: undefined }],
    ['a 1B model, fast enough at 20 ms', { modelName: 'Llama 3.2 1B' }],
  ])('does not fire with %s', (_name, change) => {
    const entry = verdictOf({ ...BANK, ...change }, 'prompt-engineering');
    expect(entry?.blockers.map((blocker) => blocker.ruleId)).not.toContain(RULE);
  });

  it('never fires for an encoder (it writes no tokens)', () => {
    const entry = verdictOf({ ...BANK, modelName: 'BERT-Base' }, 'full-fine-tuning');
    expect(entry?.blockers.map((blocker) => blocker.ruleId) ?? []).not.toContain(RULE);
  });

  it('leaves the switch to a small encoder as the answer when the team may switch', () => {
    const result = recommend(Profile.parse({ ...BANK, canSwitchModel: true }), knowledge);
    expect(result.destination.model?.name).toBe('BERT-Base');
  });

  it('more GPU memory never brings the block back', () => {
    for (const gpuCount of [1, 2, 4]) {
      const entry = verdictOf({ ...BANK, gpuCount, gpuName: 'NVIDIA A100 80GB' }, 'prompt-engineering');
      expect(entry?.verdict).not.toBe('not-viable');
    }
  });
});

describe('the CPU serving note', () => {
  it('times the team’s own prompt length, or a 500-token prompt', () => {
    const base = {
      modelName: 'Llama 3.1 8B',
      gpuCount: 0,
      dataMustStayOnPrem: true,
      unlabeledCorpus: 'large',
      task: 'answer staff questions over maintenance manuals',
    } as const;
    const note = (profile: object) =>
      recommend(Profile.parse(profile), knowledge).assumptions.find((entry) => entry.field === 'estimates.cpuServing')
        ?.why ?? '';
    expect(note(base)).toContain(`a ${CPU_EXAMPLE_PROMPT_TOKENS}-token prompt takes about`);
    expect(note(base)).toMatch(/reads about \d+ prompt tokens a second and writes about \d+ a second/);
    const long = note({ ...base, inputTokensPerRequest: 5000 });
    expect(long).toContain('a 5,000-token prompt takes about');
    expect(long).toContain('too slow for someone waiting');
  });
});
