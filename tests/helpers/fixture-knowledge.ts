import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import type { Gpu, Method, Model, Provider, Rule, Source } from '../../src/knowledge/schemas.ts';
import { METHOD_IDS, type MethodId } from '../../src/profile/profile-schema.ts';

/** Parts of a fixture knowledge base; anything omitted falls back to the small default set below. */
export interface FixtureParts {
  rules?: Rule[];
  models?: Model[];
  gpus?: Gpu[];
  providers?: Provider[];
  referenceDate?: string;
}

const WEIGHT_METHODS: readonly MethodId[] = [
  'lora',
  'qlora',
  'adapters',
  'prefix-tuning',
  'prompt-tuning',
  'full-fine-tuning',
  'instruction-tuning',
  'preference-tuning',
  'distillation',
];

export const FIXTURE_SOURCES: Source[] = [
  { id: 'src-a', title: 'Source A', publisher: 'Test', year: 2021, url: 'https://example.org/a', kind: 'paper' },
  { id: 'src-b', title: 'Source B', publisher: 'Test', year: 2023, url: 'https://example.org/b', kind: 'vendor-doc' },
  { id: 'src-c', title: 'Source C', publisher: 'Test', year: 2024, url: 'https://example.org/c', kind: 'community' },
];

export const FIXTURE_MODELS: Model[] = [
  {
    id: 'llama-3.1-8b',
    name: 'Llama 3.1 8B',
    aliases: ['llama3.1-8b'],
    vendor: 'Meta',
    family: 'llama',
    access: 'open-weights',
    modality: 'text',
    paramsB: 8.03,
    architecture: {
      kind: 'decoder',
      layers: 32,
      hiddenSize: 4096,
      attentionHeads: 32,
      kvHeads: 8,
      headDim: 128,
      intermediateSize: 14336,
      vocabSize: 128256,
      contextLength: 131072,
    },
    sources: ['src-a'],
  },
  {
    id: 'big-open-70b',
    name: 'Big Open 70B',
    aliases: [],
    vendor: 'Test',
    family: 'big-open',
    access: 'open-weights',
    modality: 'text',
    paramsB: 70,
    sources: ['src-a'],
  },
  {
    id: 'api-tunable',
    name: 'API Tunable',
    aliases: [],
    vendor: 'Test',
    family: 'api',
    access: 'api-with-finetuning',
    provider: 'test-provider',
    modality: 'text',
    sources: ['src-b'],
  },
  {
    id: 'api-retired',
    name: 'API Retired',
    aliases: [],
    vendor: 'Test',
    family: 'api',
    access: 'api-only',
    provider: 'test-provider',
    modality: 'text',
    endOfLife: '2025-06-30',
    sources: ['src-b'],
  },
];

export const FIXTURE_GPUS: Gpu[] = [
  {
    id: 'rtx-4090',
    name: 'RTX 4090',
    aliases: [],
    vendor: 'NVIDIA',
    class: 'consumer',
    memoryGB: 24,
    denseBf16Tflops: 165,
    supportsBf16: true,
    price: { usdPerHour: 0.7, where: 'test cloud', asOf: '2025-01-01', sources: ['src-c'] },
    sources: ['src-c'],
  },
  {
    id: 'h100-sxm',
    name: 'H100 SXM',
    aliases: ['h100'],
    vendor: 'NVIDIA',
    class: 'datacenter',
    memoryGB: 80,
    denseBf16Tflops: 989,
    supportsBf16: true,
    price: { usdPerHour: 3, where: 'test cloud', asOf: '2025-01-01', sources: ['src-c'] },
    sources: ['src-c'],
  },
  {
    id: 'a100-80gb',
    name: 'A100 80GB',
    aliases: [],
    vendor: 'NVIDIA',
    class: 'datacenter',
    memoryGB: 80,
    denseBf16Tflops: 312,
    supportsBf16: true,
    price: { usdPerHour: 1.5, where: 'test cloud', asOf: '2025-01-01', sources: ['src-c'] },
    sources: ['src-c'],
  },
];

export const FIXTURE_PROVIDERS: Provider[] = [
  {
    id: 'test-provider',
    name: 'Test Provider',
    aliases: [],
    kind: 'model-api',
    offerings: [
      {
        service: 'supervised-fine-tuning',
        models: ['api-tunable'],
        openModels: false,
        status: 'available',
        asOf: '2025-01-01',
        sources: ['src-b'],
      },
      {
        service: 'preference-tuning',
        models: ['api-tunable'],
        openModels: false,
        status: 'available',
        endsOn: '2025-10-01',
        asOf: '2025-01-01',
        sources: ['src-b'],
      },
      {
        service: 'distillation',
        models: ['api-tunable'],
        openModels: false,
        status: 'deprecated',
        asOf: '2025-01-01',
        sources: ['src-b'],
      },
    ],
    sources: ['src-b'],
  },
];

/** A rule with defaults for the fields a test does not care about. */
export function rule(partial: Partial<Rule> & Pick<Rule, 'id' | 'when'>): Rule {
  return {
    kind: partial.blocks && partial.blocks.length > 0 ? 'constraint' : 'score',
    blocks: [],
    scores: {},
    text: `Because of ${partial.id}.`,
    sources: ['src-a'],
    ...partial,
  };
}

/** A small rule set exercising constraints, scores, derived facts and thresholds. */
export const FIXTURE_RULES: Rule[] = [
  rule({
    id: 'no-weights-no-weight-training',
    when: { fact: 'weightsAvailable', op: 'eq', value: false },
    blocks: ['lora', 'qlora', 'adapters', 'prefix-tuning', 'prompt-tuning', 'full-fine-tuning'],
    text: 'Without the weights, no method that changes them can run.',
    sources: ['src-a'],
  }),
  rule({
    id: 'no-gpu-no-training',
    when: { fact: 'hasGpu', op: 'eq', value: false },
    blocks: ['lora', 'qlora', 'full-fine-tuning'],
    text: 'Without a GPU, local training is impossible.',
    sources: ['src-c'],
  }),
  rule({
    id: 'on-prem-no-managed',
    when: { fact: 'dataMustStayOnPrem', op: 'eq', value: true },
    blocks: ['managed-fine-tuning'],
    text: 'Data may not leave the premises, so hosted tuning is out.',
    sources: ['src-b'],
  }),
  rule({
    id: 'managed-unavailable',
    when: { fact: 'managedTuningAvailable', op: 'eq', value: false },
    blocks: ['managed-fine-tuning'],
    text: 'No provider offers hosted tuning of this model.',
    sources: ['src-b'],
  }),
  rule({
    id: 'volatile-knowledge-favours-rag',
    when: { fact: 'knowledgeVolatile', op: 'eq', value: true },
    scores: { rag: 20, 'full-fine-tuning': -10 },
    text: 'Knowledge that changes often is better retrieved than trained in.',
    sources: ['src-a', 'src-b'],
  }),
  rule({
    id: 'citations-need-rag',
    when: { fact: 'needsCitations', op: 'eq', value: true },
    scores: { rag: 15 },
    text: 'Citations need retrieval.',
    sources: ['src-a'],
  }),
  rule({
    id: 'style-with-data-favours-lora',
    when: {
      all: [
        { fact: 'needsStyleOrFormat', op: 'eq', value: true },
        { fact: 'labeledExamples', op: 'gte', value: 500 },
      ],
    },
    scores: { lora: 25, qlora: 15, 'managed-fine-tuning': 20 },
    text: 'Consistent style from enough examples is what tuning does best.',
    sources: ['src-c'],
  }),
  rule({
    id: 'few-examples',
    when: { fact: 'labeledExamples', op: 'lt', value: 100 },
    scores: { lora: -15, 'full-fine-tuning': -20, 'in-context-learning': 10 },
    text: 'Too few examples to train on.',
    sources: ['src-a'],
  }),
  rule({
    id: 'lora-fits',
    when: { fact: 'fits.lora', op: 'eq', value: true },
    scores: { lora: 5 },
    text: 'LoRA fits the GPU memory.',
    sources: ['src-c'],
  }),
  rule({
    id: 'multilingual-prompting',
    when: { fact: 'multilingual', op: 'eq', value: true },
    scores: { 'prompt-engineering': 1 },
    text: 'Multilingual use is tested first with prompting.',
    sources: ['src-c'],
  }),
];

function fixtureMethod(id: MethodId): Method {
  const changesWeights = WEIGHT_METHODS.includes(id);
  return {
    id,
    name: id
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' '),
    family: changesWeights ? 'parameter-efficient' : id === 'managed-fine-tuning' ? 'provider-run' : 'prompting',
    whatChanges: 'test',
    changesWeights: changesWeights || id === 'managed-fine-tuning',
    needsWeightAccess: changesWeights,
    dataNeeded: { summary: 'test', minExamples: 0, typicalExamples: 'test', vendorMinimums: [] },
    computeClass: 'none',
    costDrivers: { oneTime: ['test'], recurring: ['test'] },
    inference: { latency: 'test', cost: 'test' },
    expertise: 'none',
    strengths: ['test'],
    limitations: ['test'],
    whenToUse: ['test'],
    whenNotToUse: ['test'],
    combinesWith: [],
    sources: ['src-a'],
  };
}

function findByName<T extends { id: string; name: string; aliases: readonly string[] }>(
  entries: readonly T[],
  query: string,
): T | undefined {
  const key = query.trim().toLowerCase();
  return entries.find((entry) => [entry.id, entry.name, ...entry.aliases].some((name) => name.toLowerCase() === key));
}

/**
 * Builds an in-memory Knowledge for engine unit tests (no files, no validation): the fixture catalogs and
 * rules, or the parts given. Name lookup is exact and case-insensitive on id, name and aliases.
 */
export function buildFixtureKnowledge(parts: FixtureParts = {}): Knowledge {
  const models = parts.models ?? FIXTURE_MODELS;
  const gpus = parts.gpus ?? FIXTURE_GPUS;
  const providers = parts.providers ?? FIXTURE_PROVIDERS;
  const methods = METHOD_IDS.map(fixtureMethod);
  return {
    version: 'kb-fixture',
    manifest: { name: 'fixture', referenceDate: parts.referenceDate ?? '2026-01-01' },
    sources: FIXTURE_SOURCES,
    models,
    gpus,
    providers,
    methods,
    rules: parts.rules ?? FIXTURE_RULES,
    sourceById: new Map(FIXTURE_SOURCES.map((source) => [source.id, source])),
    methodById: new Map(methods.map((method) => [method.id, method])),
    providerById: new Map(providers.map((provider) => [provider.id, provider])),
    findModel: (name) => findByName(models, name),
    findGpu: (name) => findByName(gpus, name),
  };
}
