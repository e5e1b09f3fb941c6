/**
 * Found by batch w56 (eighteenth session): distilling to save on an API bill that is smaller than a month of the
 * cheapest rented GPU cannot pay back, and "handle incoming claims" says what the model works on, not what it produces.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { deviceNeed } from '../../src/engine/device-fit.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});

const descriptions = {
  modelName: 'Gemini 2.5 Flash',
  canSwitchModel: true,
  task: 'write product descriptions from supplier spec sheets',
  taskType: 'generate',
  goals: ['cost'],
  oneTimeBudgetUSD: 5000,
  deployment: 'cloud-api',
  gpuCount: 0,
  tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
} as const;

describe('distillation for cost against the size of the bill', () => {
  it('keeps a good prompt when the whole bill is under a month of the cheapest rented GPU', () => {
    const result = recommend(Profile.parse({ ...descriptions, requestsPerDay: 3000 }), knowledge);
    expect(result.destination.method).toBe('prompt-engineering');
    expect(result.destination.why).toMatch(/distillation cannot pay back/);
    expect(result.firstStep.why).toMatch(/family's cheaper tier/);
  });

  it('still distils when the bill is larger than serving a student would cost', () => {
    const result = recommend(Profile.parse({ ...descriptions, requestsPerDay: 300_000 }), knowledge);
    expect(result.destination.method).toBe('distillation');
  });

  it('leaves the bill alone for a team that owns GPUs to serve the student on', () => {
    const result = recommend(
      Profile.parse({ ...descriptions, requestsPerDay: 3000, gpuCount: 1, gpuName: 'NVIDIA L4' }),
      knowledge,
    );
    expect(result.destination.why).not.toMatch(/cannot pay back/);
  });
});

describe('a task said with a verb that covers deciding and writing alike', () => {
  it('asks what the model produces for "handle incoming warranty claims"', () => {
    const result = recommend(
      Profile.parse({
        task: 'handle incoming warranty claims',
        labeledExamples: 8000,
        deployment: 'on-prem',
        gpuCount: 0,
        latencyTargetMs: 300,
        requestsPerDay: 20000,
        dataMustStayOnPrem: true,
      }),
      knowledge,
    );
    expect(result.questions[0]?.field).toBe('taskType');
    expect(result.questions[0]?.why).toMatch(/names what it works on, not what it produces/);
  });

  it('does not ask when the task says its shape', () => {
    const result = recommend(
      Profile.parse({ task: 'handle warranty claims by routing them to the right team', labeledExamples: 8000 }),
      knowledge,
    );
    expect(result.questions.map((question) => question.why).join(' ')).not.toMatch(/names what it works on/);
  });
});

describe('what a model needs on a device', () => {
  it('adds the context cache of one request and the runtime to the weights, for every device answer alike', () => {
    const llama = knowledge.findModel('Llama 3.2 1B');
    const need = deviceNeed({ paramsB: llama?.paramsB ?? 0, architecture: llama?.architecture }, {});
    expect(need.weightsGB).toBeCloseTo((1.24 * 4.9) / 8, 1);
    expect(need.kvCacheGB).toBeGreaterThan(0);
    expect(need.totalGB).toBeCloseTo(need.weightsGB + need.kvCacheGB + 0.5, 6);
    // Llama 3.2 1B fits 1.5 GB; Qwen2.5 1.5B, whose weights alone are larger, does not.
    expect(need.totalGB).toBeLessThanOrEqual(1.5);
    const qwen = knowledge.findModel('Qwen2.5 1.5B');
    const qwenNeed = deviceNeed({ paramsB: qwen?.paramsB ?? 0, architecture: qwen?.architecture }, {});
    expect(qwenNeed.totalGB).toBeGreaterThan(1.5);
  });
});

describe('a plan that leaves a model its vendor shuts down soon (newuser36 H6)', () => {
  it('says the move and the teacher outputs are due before the shutdown', () => {
    const result = recommend(
      Profile.parse({
        modelName: 'GPT-4o',
        teacherModel: 'GPT-4o',
        taskType: 'extract',
        goals: ['format', 'cost'],
        requestsPerDay: 40000,
        canSwitchModel: true,
        labeledExamples: 200000,
        gpuCount: 0,
        deployment: 'cloud-self-hosted',
        tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
      }),
      knowledge,
    );
    // (Since the twenty-ninth session the named model is the teacher of a student, not swapped for a small model
    // trained on the labels: its own logged outputs with a prompt good enough make the labels a teacher's.)
    expect(result.destination.model.switched || result.destination.student !== undefined).toBe(true);
    const notice = result.assumptions.find((assumption) => assumption.field === 'modelName');
    expect(notice?.why).toMatch(
      /OpenAI shuts GPT-4o down on 2027-01-14: what runs on it today must have moved by then/,
    );
  });
});
