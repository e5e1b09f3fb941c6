import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/engine/evaluate-condition.ts';
import type { Facts } from '../../src/engine/facts.ts';
import {
  ARCHITECTURE_KINDS,
  type Condition,
  FACT_NAMES,
  FACT_TYPES,
  type FactName,
  MethodsFile,
  ModelsFile,
  ProvidersFile,
  type Rule,
  RulesFile,
  SourcesFile,
} from '../../src/knowledge/schemas.ts';
import {
  CHANGE_FREQUENCIES,
  CORPUS_SIZES,
  DEPLOYMENTS,
  EXPERTISE_LEVELS,
  METHOD_IDS,
  MethodId,
  MODALITIES,
  MODEL_ACCESS,
  Profile,
} from '../../src/profile/profile-schema.ts';

const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const scenariosPath = fileURLToPath(new URL('../scenarios/scenarios.json', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const methods = MethodsFile.parse(readJson(`${knowledgeDir}methods.json`)).methods;
const rules = RulesFile.parse(readJson(`${knowledgeDir}rules.json`)).rules;
const sourceIds: ReadonlySet<string> = new Set(
  SourcesFile.parse(readJson(`${knowledgeDir}sources.json`)).sources.map((source) => source.id),
);
const providerIds = new Set(
  ProvidersFile.parse(readJson(`${knowledgeDir}providers.json`)).providers.map((provider) => provider.id),
);
const modelFamilies = new Set(
  ModelsFile.parse(readJson(`${knowledgeDir}models.json`)).models.map((model) => model.family),
);

/** The values an enum fact may take (undefined: any string). */
const ENUM_VALUES: Partial<Record<FactName, ReadonlySet<string> | undefined>> = {
  modelAccess: new Set(MODEL_ACCESS),
  modality: new Set(MODALITIES),
  unlabeledCorpus: new Set(CORPUS_SIZES),
  knowledgeChanges: new Set(CHANGE_FREQUENCIES),
  mlExpertise: new Set(EXPERTISE_LEVELS),
  deployment: new Set(DEPLOYMENTS),
  modelProvider: providerIds,
  modelFamily: modelFamilies,
  modelArchitecture: new Set(ARCHITECTURE_KINDS),
};

type FactTest = Extract<Condition, { fact: FactName }>;

function factTests(condition: Condition): FactTest[] {
  if ('all' in condition) return condition.all.flatMap(factTests);
  if ('any' in condition) return condition.any.flatMap(factTests);
  if ('not' in condition) return factTests(condition.not);
  return [condition];
}

/** Why a single fact test is ill-typed, or undefined when it is fine. */
function testProblem(test: FactTest): string | undefined {
  const type = FACT_TYPES[test.fact];
  const { op, value } = test;
  if (op === 'known') return value === undefined ? undefined : '"known" takes no value';
  if (op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte') {
    if (type !== 'number') return `${op} needs a number fact, ${test.fact} is ${type}`;
    return typeof value === 'number' ? undefined : `${op} needs a number value`;
  }
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(value) || value.length === 0) return `${op} needs a non-empty array`;
    if (type === 'boolean') return `${op} on boolean fact ${test.fact}; use eq`;
    const wanted = type === 'number' ? 'number' : 'string';
    if (value.some((item) => typeof item !== wanted)) return `${op} values must be ${wanted}s`;
    return value.map((item) => enumProblem(test.fact, item)).find(Boolean);
  }
  // eq / neq
  const wanted = type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : 'string';
  if (typeof value !== wanted) return `${op} on ${type} fact ${test.fact} needs a ${wanted} value`;
  return enumProblem(test.fact, value);
}

function enumProblem(fact: FactName, value: unknown): string | undefined {
  const allowed = ENUM_VALUES[fact];
  if (allowed === undefined || typeof value !== 'string') return undefined;
  return allowed.has(value) ? undefined : `"${value}" is not a value of ${fact}`;
}

const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
function rule(id: string): Rule {
  const found = ruleById.get(id);
  if (!found) throw new Error(`rule ${id} is missing from knowledge/rules.json`);
  return found;
}

describe('knowledge/methods.json', () => {
  it('lists all 13 methods in METHOD_IDS order', () => {
    expect(methods.map((method) => method.id)).toEqual([...METHOD_IDS]);
  });

  it('marks which methods change weights and which need downloadable weights', () => {
    const changing = methods.filter((method) => method.changesWeights).map((method) => method.id);
    expect(changing.sort()).toEqual(
      [
        'lora',
        'qlora',
        'adapters',
        'prefix-tuning',
        'prompt-tuning',
        'full-fine-tuning',
        'instruction-tuning',
        'preference-tuning',
        'distillation',
        'managed-fine-tuning',
      ].sort(),
    );
    const needAccess = methods.filter((method) => method.needsWeightAccess).map((method) => method.id);
    expect(needAccess.sort()).toEqual(
      ['lora', 'qlora', 'adapters', 'prefix-tuning', 'prompt-tuning', 'full-fine-tuning', 'instruction-tuning'].sort(),
    );
  });

  it('never lets a method combine with itself and has no duplicate partners', () => {
    for (const method of methods) {
      expect(method.combinesWith, method.id).not.toContain(method.id);
      expect(new Set(method.combinesWith).size, method.id).toBe(method.combinesWith.length);
    }
  });

  it('carries the published vendor minimums for managed fine-tuning', () => {
    const managed = methods.find((method) => method.id === 'managed-fine-tuning');
    const minimums = Object.fromEntries((managed?.dataNeeded.vendorMinimums ?? []).map((v) => [v.vendor, v.minimum]));
    expect(minimums.OpenAI).toBe(10);
    expect(minimums['Azure OpenAI / Microsoft Foundry']).toBe(10);
    expect(managed?.dataNeeded.minExamples).toBe(10);
  });

  it('gives prompting and retrieval no training-data floor', () => {
    for (const id of ['prompt-engineering', 'rag', 'distillation'] as const) {
      expect(methods.find((method) => method.id === id)?.dataNeeded.minExamples, id).toBe(0);
    }
  });
});

describe('knowledge/rules.json', () => {
  it('has at least 45 rules with unique ids', () => {
    expect(rules.length).toBeGreaterThanOrEqual(45);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('tests only known facts, with operators and values that fit each fact type', () => {
    const problems: string[] = [];
    for (const r of rules) {
      for (const test of factTests(r.when)) {
        if (!FACT_NAMES.includes(test.fact)) problems.push(`${r.id}: unknown fact ${test.fact}`);
        const problem = testProblem(test);
        if (problem) problems.push(`${r.id}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses blocks only on constraints and scores only on score rules', () => {
    for (const r of rules) {
      if (r.kind === 'constraint') expect(Object.keys(r.scores), r.id).toEqual([]);
      else expect(r.blocks, r.id).toEqual([]);
    }
  });

  it('cites only sources that exist in knowledge/sources.json', () => {
    const cited = [
      ...rules.flatMap((r) => r.sources.map((id) => [`rule ${r.id}`, id] as const)),
      ...methods.flatMap((m) => [
        ...m.sources.map((id) => [`method ${m.id}`, id] as const),
        ...m.dataNeeded.vendorMinimums.flatMap((v) => v.sources.map((id) => [`method ${m.id} minimum`, id] as const)),
      ]),
    ];
    expect(cited.filter(([, id]) => !sourceIds.has(id))).toEqual([]);
  });

  it('touches every method with at least one rule', () => {
    const touched = new Set(rules.flatMap((r) => [...r.blocks, ...Object.keys(r.scores)]));
    expect(METHOD_IDS.filter((id) => !touched.has(id))).toEqual([]);
  });

  it('starts every recommendation with a prompt baseline rule that always fires', () => {
    const baseline = rule('start-with-prompt-and-evals');
    expect(evaluateCondition(baseline.when, {}).value).toBe(true);
    expect(baseline.scores['prompt-engineering']).toBeGreaterThan(0);
  });

  // Each row: a rule, facts it is evaluated on, and the expected three-valued outcome.
  const cases: [string, Facts, true | false | 'unknown'][] = [
    ['weights-needed-for-self-run-tuning', { weightsAvailable: false }, true],
    ['weights-needed-for-self-run-tuning', {}, 'unknown'],
    ['managed-tuning-not-for-open-weights', { weightsAvailable: true }, true],
    // api-only + a model the catalog does not know: nothing to order.
    ['managed-tuning-needs-provider-offer', { modelAccess: 'api-only', knownModel: false }, true],
    // api-only catalog model that a provider (e.g. Azure) can tune: not blocked.
    [
      'managed-tuning-needs-provider-offer',
      { modelAccess: 'api-only', knownModel: true, managedTuningAvailable: true },
      false,
    ],
    ['managed-tuning-needs-provider-offer', { modelAccess: 'api-with-finetuning' }, false],
    ['on-prem-data-blocks-hosted-api-model', { dataMustStayOnPrem: true, weightsAvailable: false }, true],
    ['on-prem-data-blocks-hosted-api-model', { dataMustStayOnPrem: true, weightsAvailable: true }, false],
    ['on-prem-data-blocks-hosted-api-model', { dataMustStayOnPrem: true }, 'unknown'],
    [
      'no-gpu-for-self-run-training',
      { weightsAvailable: true, hasGpu: false, rentalAllowed: false, cpuTrainable: false },
      true,
    ],
    // A small encoder trains on the CPU server (rule small-model-trains-on-cpu).
    [
      'no-gpu-for-self-run-training',
      { weightsAvailable: true, hasGpu: false, rentalAllowed: false, cpuTrainable: true },
      false,
    ],
    ['small-model-trains-on-cpu', { hasGpu: false, cpuTrainable: true }, true],
    ['small-model-trains-on-cpu', { hasGpu: false, cpuTrainable: false }, false],
    ['no-gpu-for-self-run-training', { weightsAvailable: true, hasGpu: false, rentalAllowed: true }, false],
    ['managed-tuning-needs-10-examples', { labeledExamples: 9 }, true],
    ['managed-tuning-needs-10-examples', { labeledExamples: 10 }, false],
    ['weight-tuning-needs-examples-or-corpus', { labeledExamples: 0, unlabeledCorpus: 'large' }, false],
    ['weight-tuning-needs-examples-or-corpus', { labeledExamples: 0, unlabeledCorpus: 'none' }, true],
    // Unstated modality counts as text, so the few-examples rule still decides.
    ['too-few-examples-to-tune', { labeledExamples: 20 }, true],
    ['too-few-examples-to-tune', { labeledExamples: 30, modality: 'image' }, false],
    ['qlora-when-16bit-does-not-fit', { 'fits.lora': false, 'fits.qlora': true }, true],
    ['adapters-add-latency', { latencyTargetMs: 150 }, true],
    ['prompt-tuning-lags-on-small-models', { largeModel: false }, true],
    ['retrieval-does-not-apply-to-image-or-speech', { modality: 'audio' }, true],
    ['encoder-models-do-not-generate', { modelArchitecture: 'encoder' }, true],
    ['encoder-models-do-not-generate', { modelArchitecture: 'decoder' }, false],
    // No catalog architecture (API model, unknown name): treated as a generator, not left undecided.
    ['encoder-models-do-not-generate', {}, false],
    ['text-encoders-have-no-prompt', { modelArchitecture: 'encoder', modality: 'text' }, true],
    ['text-encoders-have-no-prompt', { modelArchitecture: 'encoder', modality: 'vision-language' }, false],
    ['tens-of-thousands-of-examples-pay-off-in-training', { labeledExamples: 9999 }, false],
    ['tens-of-thousands-of-examples-pay-off-in-training', { labeledExamples: 10_000 }, true],
    ['code-instruction-data-favours-full-fine-tuning', { modality: 'code', labeledExamples: 100_000 }, true],
    [
      'code-instruction-data-favours-full-fine-tuning',
      { modality: 'text', taskType: 'chat', labeledExamples: 100_000 },
      false,
    ],
    // A code task on a text model (catalog LLMs are 'text'): the task shape is what counts.
    [
      'code-instruction-data-favours-full-fine-tuning',
      { modality: 'text', taskType: 'code', labeledExamples: 100_000 },
      true,
    ],
    [
      'format-tuning-survives-knowledge-churn',
      { knowledgeVolatile: true, needsStyleOrFormat: true, labeledExamples: 100 },
      true,
    ],
    ['format-tuning-survives-knowledge-churn', { knowledgeVolatile: true, needsStyleOrFormat: false }, false],
    [
      'serve-quantised-when-16bit-does-not-fit',
      { weightsAvailable: true, hasGpu: true, 'fits.inference': false, 'fits.inference-int4': true },
      true,
    ],
    // No GPU at all: the no-GPU rules speak, not the serving-memory ones.
    ['serve-quantised-when-16bit-does-not-fit', { weightsAvailable: true, hasGpu: false }, false],
    [
      'model-too-large-to-serve-on-your-gpus',
      { weightsAvailable: true, hasGpu: true, 'fits.inference-int4': false },
      true,
    ],
    ['self-hosting-over-monthly-budget', { weightsAvailable: true, 'affordable.self-hosting': false }, true],
    ['self-hosting-over-monthly-budget', { weightsAvailable: false, 'affordable.self-hosting': false }, false],
    ['tuning-a-model-that-retires-soon', { modelRetiringSoon: true, weightsAvailable: false }, true],
    ['tuning-a-model-that-retires-soon', { modelRetiringSoon: false, weightsAvailable: false }, false],
    ['tuning-a-model-that-retires-soon', { weightsAvailable: false }, false],
    ['api-bill-over-monthly-budget', { weightsAvailable: false, 'affordable.api': false }, true],
    ['api-bill-over-monthly-budget', { weightsAvailable: false, 'affordable.api': true }, false],
    ['preference-tuning-needs-preference-pairs', { preferencePairs: 0, managedRftAvailable: false }, true],
    ['preference-tuning-needs-preference-pairs', { preferencePairs: 0, labeledExamples: 0 }, true],
    // A provider's grader-based reinforcement fine-tuning learns from prompts with checkable answers, not pairs.
    [
      'preference-tuning-needs-preference-pairs',
      { preferencePairs: 0, managedRftAvailable: true, labeledExamples: 600 },
      false,
    ],
    ['preference-tuning-needs-preference-pairs', { preferencePairs: 800 }, false],
    ['lora-does-not-fit-memory', { 'trainable.lora': false }, true],
    ['lora-does-not-fit-memory', { 'fits.lora': false, 'trainable.lora': true }, false],
    ['distillation-student-does-not-fit', { weightsAvailable: true, 'trainable.distillation-student': false }, true],
    // An API teacher whose provider distils for you needs no GPU of yours.
    [
      'distillation-student-does-not-fit',
      { weightsAvailable: false, managedDistillationAvailable: true, 'trainable.distillation-student': false },
      false,
    ],
    [
      'distillation-student-does-not-fit',
      { weightsAvailable: false, managedDistillationAvailable: false, 'trainable.distillation-student': false },
      true,
    ],
  ];
  it.each(cases)('%s on %j is %s', (id, facts, expected) => {
    expect(evaluateCondition(rule(id).when, facts).value).toBe(expected);
  });

  it('blocks the hosted paths of an API model when data must stay on the premises', () => {
    expect(rule('on-prem-data-blocks-hosted-api-model').blocks).toEqual(
      expect.arrayContaining([
        'prompt-engineering',
        'in-context-learning',
        'rag',
        'managed-fine-tuning',
        'distillation',
      ]),
    );
    expect(rule('on-prem-data-blocks-provider-tuning').blocks).toEqual(['managed-fine-tuning']);
  });

  // The candidate rules of adaptation-facts.md Part E that rest on confirmed facts, and the rules that carry them.
  const partE: [string, string[]][] = [
    ['prompt baseline + eval set', ['start-with-prompt-and-evals']],
    [
      'missing or stale knowledge → RAG',
      ['volatile-knowledge-needs-retrieval', 'documents-are-best-used-by-retrieval'],
    ],
    ['small knowledge base → whole corpus in a cached prompt', ['small-corpus-fits-in-prompt']],
    [
      'format or tone → fine-tune',
      ['format-consistency-by-tuning-open-model', 'format-consistency-by-provider-tuning'],
    ],
    ['teaching facts by fine-tuning → warn', ['fine-tuning-new-facts-raises-hallucination']],
    ['vendor example minimums', ['managed-tuning-needs-10-examples', 'enough-examples-to-start-tuning']],
    [
      'knowledge changes often → avoid fine-tuning',
      ['volatile-knowledge-needs-retrieval', 'monthly-knowledge-favours-retrieval'],
    ],
    ['knowledge and behaviour → hybrid', ['both-knowledge-and-behaviour']],
    ['OpenAI fine-tuning wind-down', ['openai-is-winding-down-fine-tuning']],
    ['Gemini API has no tuning', ['gemini-api-has-no-tuning']],
    ['Claude tuning only Haiku on Bedrock', ['claude-tuning-only-haiku-on-bedrock']],
    ['Mistral and Cohere deprecated', ['mistral-cohere-tuning-deprecated']],
    ['Bedrock Provisioned Throughput', ['bedrock-custom-models-need-provisioned-throughput']],
    ['one 24-48 GB GPU, model too big for 16-bit → QLoRA', ['qlora-when-16bit-does-not-fit']],
    ['many tasks → LoRA', ['many-tasks-share-one-base']],
    ['latency-critical → no Houlsby adapters', ['adapters-add-latency']],
    ['prompt tuning only at ≥ 10B', ['prompt-tuning-competitive-at-scale', 'prompt-tuning-lags-on-small-models']],
    ['large domain shift + data + multi-GPU → full FT', ['large-corpus-and-cluster-full-fine-tuning']],
    ['preference tuning after SFT', ['preference-tuning-comes-after-sft']],
    ['costly at volume → distillation', ['api-costs-at-volume-favour-distillation']],
    ['high cost of failure → human in the loop', ['high-stakes-keep-human-in-loop']],
  ];
  it.each(partE)('covers Part E: %s', (_label, ids) => {
    for (const id of ids) expect(ruleById.has(id), id).toBe(true);
  });
});

describe('tests/scenarios/scenarios.json', () => {
  const ScenarioMethods = MethodId.array();
  const { scenarios } = readJson(scenariosPath) as {
    scenarios: {
      id: string;
      description: string;
      profile: unknown;
      expectTop: unknown;
      forbidden: unknown;
      mustBeNotViable: unknown;
      reason: string;
      sources: string[];
    }[];
  };

  // An empty expectTop means no method is acceptable on this model: every method must be in mustBeNotViable.
  it('has at least 32 scenarios with unique ids', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(32);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s is well-formed', (_id, scenario) => {
    expect(() => Profile.parse(scenario.profile)).not.toThrow();
    const expectTop = ScenarioMethods.parse(scenario.expectTop);
    const forbidden = ScenarioMethods.parse(scenario.forbidden);
    const mustBeNotViable = ScenarioMethods.parse(scenario.mustBeNotViable);
    expect(expectTop.filter((id) => forbidden.includes(id) || mustBeNotViable.includes(id))).toEqual([]);
    if (expectTop.length === 0) expect([...mustBeNotViable].sort()).toEqual([...METHOD_IDS].sort());
    expect(scenario.description.length).toBeGreaterThan(10);
    expect(scenario.reason.length).toBeGreaterThan(10);
    expect(scenario.sources.length).toBeGreaterThan(0);
    if (sourceIds) expect(scenario.sources.filter((id) => !sourceIds.has(id))).toEqual([]);
  });
});
