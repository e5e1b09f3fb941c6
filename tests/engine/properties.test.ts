import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_MAX_QUESTIONS, MAX_QUESTIONS } from '../../src/engine/choose-questions.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import {
  CHANGE_FREQUENCIES,
  CORPUS_SIZES,
  DEPLOYMENTS,
  EXPERTISE_LEVELS,
  MODALITIES,
  MODEL_ACCESS,
  type Profile,
} from '../../src/profile/profile-schema.ts';

const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));

const RUNS = 150;

/** Random profiles over every field (any subset given), model and GPU names drawn from the real catalogs. */
function profileArbitrary(knowledge: Knowledge): fc.Arbitrary<Profile> {
  return fc.record(
    {
      modelName: fc.constantFrom(...knowledge.models.map((model) => model.name), 'Unknown Model 9B'),
      modelAccess: fc.constantFrom(...MODEL_ACCESS),
      modelParamsB: fc.constantFrom(0.5, 1, 3, 7, 8, 13, 34, 70, 405),
      modality: fc.constantFrom(...MODALITIES),
      labeledExamples: fc.constantFrom(0, 10, 50, 100, 500, 1000, 10_000, 100_000),
      unlabeledCorpus: fc.constantFrom(...CORPUS_SIZES),
      knowledgeChanges: fc.constantFrom(...CHANGE_FREQUENCIES),
      needsCitations: fc.boolean(),
      needsStyleOrFormat: fc.boolean(),
      gpuName: fc.constantFrom(...knowledge.gpus.map((gpu) => gpu.name)),
      gpuCount: fc.integer({ min: 0, max: 16 }),
      gpuMemoryGB: fc.constantFrom(8, 16, 24, 40, 48, 80, 141),
      oneTimeBudgetUSD: fc.constantFrom(0, 100, 1000, 10_000, 1_000_000),
      monthlyBudgetUSD: fc.constantFrom(0, 100, 1000, 10_000),
      mlExpertise: fc.constantFrom(...EXPERTISE_LEVELS),
      latencyTargetMs: fc.constantFrom(100, 500, 2000),
      requestsPerDay: fc.constantFrom(10, 1000, 100_000, 10_000_000),
      deployment: fc.constantFrom(...DEPLOYMENTS),
      dataMustStayOnPrem: fc.boolean(),
      timelineWeeks: fc.constantFrom(1, 2, 8, 26),
      multilingual: fc.boolean(),
      safetyCritical: fc.boolean(),
      tasksCount: fc.constantFrom(1, 3, 50),
    },
    { requiredKeys: [] },
  );
}

describe('engine properties over random profiles (real knowledge)', () => {
  let knowledge: Knowledge;
  let arbitrary: fc.Arbitrary<Profile>;
  beforeAll(async () => {
    knowledge = await loadKnowledge(knowledgeDir);
    arbitrary = profileArbitrary(knowledge);
  });

  it('more GPU memory never makes a viable method not-viable, nor a fitting estimate not fit', () => {
    fc.assert(
      fc.property(arbitrary, fc.constantFrom(8, 16, 24, 48, 80), fc.constantFrom(1.5, 2, 4), (base, memory, factor) => {
        const { gpuName: _dropped, ...profile } = base;
        const smaller = recommend({ ...profile, gpuMemoryGB: memory }, knowledge, { explain: 'none' });
        const larger = recommend({ ...profile, gpuMemoryGB: memory * factor }, knowledge, { explain: 'none' });
        for (const method of smaller.recommendations) {
          const after = larger.recommendations.find((candidate) => candidate.method === method.method);
          if (method.verdict !== 'not-viable') expect(after?.verdict, method.method).not.toBe('not-viable');
          if (method.estimates?.memoryGB?.fits === true)
            expect(after?.estimates?.memoryGB?.fits, method.method).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an api-only model never gets a weight-changing method that needs the weights as viable', () => {
    const weightMethods = knowledge.methods.filter((method) => method.changesWeights && method.needsWeightAccess);
    expect(weightMethods.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(arbitrary, (base) => {
        const { modelName: _dropped, ...profile } = base;
        const result = recommend({ ...profile, modelAccess: 'api-only' }, knowledge, { explain: 'none' });
        for (const method of weightMethods) {
          const entry = result.recommendations.find((candidate) => candidate.method === method.id);
          expect(entry?.verdict, method.id).toBe('not-viable');
        }
        // "api-only" (not "api-with-finetuning") also says the API offers no tuning of any kind.
        for (const id of ['managed-fine-tuning', 'preference-tuning']) {
          const entry = result.recommendations.find((candidate) => candidate.method === id);
          expect(entry?.verdict, id).toBe('not-viable');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('dataMustStayOnPrem never makes managed fine-tuning viable, nor leaves a plan on a hosted API model', () => {
    fc.assert(
      fc.property(arbitrary, (base) => {
        const result = recommend({ ...base, dataMustStayOnPrem: true }, knowledge, { explain: 'none' });
        const managed = result.recommendations.find((candidate) => candidate.method === 'managed-fine-tuning');
        expect(managed?.verdict).toBe('not-viable');
        const model = base.modelName === undefined ? undefined : knowledge.findModel(base.modelName);
        const access = base.modelAccess ?? model?.access;
        if ((access === 'api-only' || access === 'api-with-finetuning') && !result.destination.model.switched) {
          // Every step on the hosted model would send data to the vendor's servers: only another model helps.
          expect(result.plan, JSON.stringify(base)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an explicit api-only never gets any tuning method viable, with or without a catalog model', () => {
    // Every method that changes weights, but distillation, which trains another model (a student the team owns).
    const tuning = knowledge.methods
      .filter((method) => method.changesWeights && method.id !== 'distillation')
      .map((method) => method.id);
    expect(tuning).toHaveLength(9);
    fc.assert(
      fc.property(arbitrary, (base) => {
        const result = recommend({ ...base, modelAccess: 'api-only' }, knowledge, { explain: 'none' });
        for (const id of tuning) {
          const entry = result.recommendations.find((candidate) => candidate.method === id);
          expect(entry?.verdict, `${id} ${JSON.stringify(base)}`).toBe('not-viable');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('"open weights" said of a catalog model whose weights are unpublished never makes self-run tuning viable on it', () => {
    const closed = knowledge.models.filter((model) => model.access !== 'open-weights' && model.modality === 'text');
    expect(closed.length).toBeGreaterThan(5);
    const selfRun = ['lora', 'qlora', 'full-fine-tuning', 'dora', 'prompt-tuning', 'instruction-tuning'];
    fc.assert(
      fc.property(arbitrary, fc.constantFrom(...closed), (base, model) => {
        const profile = { ...base, modelName: model.name, modelAccess: 'open-weights' as const };
        delete profile.modelParamsB;
        const result = recommend(profile, knowledge, { explain: 'none' });
        if (result.destination.model.switched) return;
        for (const id of selfRun) {
          const entry = result.recommendations.find((candidate) => candidate.method === id);
          if (entry) expect(entry.verdict, `${id} ${JSON.stringify(profile)}`).toBe('not-viable');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a method is never viable while one of its hard constraints is undecided (it is conditional)', () => {
    fc.assert(
      fc.property(arbitrary, (profile) => {
        const result = recommend(profile, knowledge, { explain: 'none' });
        const undecided = new Set<string>();
        for (const entry of result.trace) {
          if (entry.kind !== 'constraint' || entry.outcome !== 'unknown') continue;
          const rule = knowledge.rules.find((candidate) => candidate.id === entry.ruleId);
          for (const method of rule?.blocks ?? []) undecided.add(method);
        }
        for (const method of result.recommendations) {
          if (method.verdict === 'viable' || method.verdict === 'recommended')
            expect(undecided.has(method.method), `${method.method} ${JSON.stringify(profile)}`).toBe(false);
          if (method.verdict === 'conditional') expect(method.decidedBy?.length ?? 0).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('rank 1 is the destination, and the destination is never not-viable unless every method is', () => {
    fc.assert(
      fc.property(arbitrary, (profile) => {
        const result = recommend(profile, knowledge, { explain: 'none' });
        expect(result.recommendations[0]?.method).toBe(result.destination.method);
        if (!result.destination.model.switched && result.recommendations[0]?.verdict === 'not-viable')
          expect(result.recommendations.every((method) => method.verdict === 'not-viable')).toBe(true);
        // A handful while nothing is diagnosed (an intake); three once goals say what must get better.
        expect(result.questions.length).toBeLessThanOrEqual(INTAKE_MAX_QUESTIONS);
        if ((profile.goals ?? []).length > 0) expect(result.questions.length).toBeLessThanOrEqual(MAX_QUESTIONS);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same profile twice gives byte-identical JSON', () => {
    fc.assert(
      fc.property(arbitrary, (profile) => {
        expect(JSON.stringify(recommend(profile, knowledge))).toBe(JSON.stringify(recommend(profile, knowledge)));
      }),
      { numRuns: RUNS },
    );
  });

  it('every question is about an unknown field (or a stated one that contradicts the catalog), and every reason cites known sources', () => {
    fc.assert(
      fc.property(arbitrary, (profile) => {
        const result = recommend(profile, knowledge, { explain: 'none' });
        const contradicted = new Set(result.conflicts.map((conflict) => conflict.field));
        for (const question of result.questions)
          if (!contradicted.has(question.field)) expect(profile).not.toHaveProperty(question.field);
        const cited = new Set(result.sources.map((source) => source.id));
        for (const method of result.recommendations)
          for (const reason of method.reasons) for (const id of reason.sources) expect(cited.has(id), id).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
