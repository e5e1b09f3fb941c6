import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Recommendation, Recommendation as RecommendationSchema } from '../../src/engine/recommendation-schema.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import type { Method, Source } from '../../src/knowledge/schemas.ts';
import { createPrompts, PROMPT_NAMES, parsePromptTemplate } from '../../src/llm/prompt-templates.ts';
import { METHOD_IDS, type MethodId } from '../../src/profile/profile-schema.ts';

/**
 * Hand-built fixtures for the LLM tests, independent of the engine and of the real knowledge files.
 * Scenario: an open-weights 8B model on one 24 GB GPU, 2,000 labelled examples, strict output format.
 * The engine (as written here) ranks LoRA first and rules out full fine-tuning and managed fine-tuning.
 */

const METHOD_NAMES: Record<MethodId, string> = {
  'prompt-engineering': 'Prompt engineering',
  'in-context-learning': 'In-context (few-shot) learning',
  rag: 'Retrieval-augmented generation (RAG)',
  lora: 'LoRA (low-rank adaptation)',
  qlora: 'QLoRA (LoRA on a 4-bit base)',
  adapters: 'Adapter layers (bottleneck adapters)',
  'prefix-tuning': 'Prefix tuning',
  'prompt-tuning': 'Prompt tuning (soft prompts)',
  'full-fine-tuning': 'Full fine-tuning',
  'instruction-tuning': 'Instruction tuning (supervised fine-tuning on instruction/response pairs)',
  'preference-tuning': 'Preference tuning (RLHF, DPO, reinforcement fine-tuning)',
  distillation: 'Distillation (teacher to smaller student)',
  'managed-fine-tuning': 'Managed fine-tuning (provider-hosted tuning job)',
};

function fixtureMethod(id: MethodId): Method {
  return {
    id,
    name: METHOD_NAMES[id],
    family: 'parameter-efficient',
    whatChanges: 'fixture',
    changesWeights: true,
    needsWeightAccess: true,
    dataNeeded: { summary: 'fixture', minExamples: 0, typicalExamples: 'fixture', vendorMinimums: [] },
    computeClass: 'single-gpu',
    costDrivers: { oneTime: ['fixture'], recurring: ['fixture'] },
    inference: { latency: 'fixture', cost: 'fixture' },
    expertise: 'intermediate',
    strengths: ['fixture'],
    limitations: ['fixture'],
    whenToUse: ['fixture'],
    whenNotToUse: ['fixture'],
    combinesWith: [],
    sources: ['lora'],
  };
}

const FIXTURE_SOURCES: Source[] = [
  {
    id: 'lora',
    title: 'LoRA: Low-Rank Adaptation of Large Language Models',
    authors: 'Hu et al.',
    year: 2021,
    url: 'https://arxiv.org/abs/2106.09685',
    kind: 'paper',
  },
  {
    id: 'qlora',
    title: 'QLoRA: Efficient Finetuning of Quantized LLMs',
    authors: 'Dettmers et al.',
    year: 2023,
    url: 'https://arxiv.org/abs/2305.14314',
    kind: 'paper',
  },
  {
    id: 'zero',
    title: 'ZeRO: Memory Optimizations Toward Training Trillion Parameter Models',
    authors: 'Rajbhandari et al.',
    year: 2020,
    url: 'https://arxiv.org/abs/1910.02054',
    kind: 'paper',
  },
  {
    id: 'rag',
    title: 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks',
    authors: 'Lewis et al.',
    year: 2020,
    url: 'https://arxiv.org/abs/2005.11401',
    kind: 'paper',
  },
];

/** A Knowledge object with the 13 methods (real names) and four sources; catalogs are empty. */
export function fixtureKnowledge(): Knowledge {
  const methods = METHOD_IDS.map(fixtureMethod);
  return {
    version: 'kb-fixture',
    manifest: { name: 'fixture', referenceDate: '2025-06-01' },
    sources: FIXTURE_SOURCES,
    models: [],
    gpus: [],
    providers: [],
    methods,
    rules: [],
    sourceById: new Map(FIXTURE_SOURCES.map((source) => [source.id, source])),
    methodById: new Map(methods.map((method) => [method.id, method])),
    providerById: new Map(),
    findModel: () => undefined,
    findGpu: () => undefined,
  };
}

export const FIRED_RULE_TEXTS = {
  loraFits: 'Low-rank adapters on a frozen 16-bit 8B base fit in 24 GB and train far fewer parameters.',
  formatNeedsTuning: 'A strict output format is learned more reliably by tuning on examples than by instructions.',
  fullDoesNotFit:
    'Full fine-tuning with Adam in mixed precision needs about 16 bytes per parameter, far beyond one 24 GB GPU.',
  weightsOpen: 'The model is open-weights, so a provider-hosted tuning job is not needed and not offered for it.',
} as const;

/** Ranks: 1 lora, 2 qlora, 3 prompt-engineering, … ; full-fine-tuning and managed-fine-tuning not-viable. */
export function fixtureRecommendation(): Recommendation {
  const order: MethodId[] = [
    'lora',
    'qlora',
    'prompt-engineering',
    'in-context-learning',
    'instruction-tuning',
    'rag',
    'adapters',
    'prompt-tuning',
    'prefix-tuning',
    'distillation',
    'preference-tuning',
    'full-fine-tuning',
    'managed-fine-tuning',
  ];
  const recommendation: Recommendation = {
    destination: {
      method: 'lora',
      objective: 'sft',
      channel: 'self-run',
      model: { name: 'Llama 3.1 8B', switched: false },
      why: 'A format gap with 2,000 examples: supervised fine-tuning.',
    },
    firstStep: { methods: ['prompt-engineering'], why: 'Build a prompt baseline and a small evaluation set first.' },
    diagnosis: [{ need: 'format', evidence: ['needsStyleOrFormat: true'], methods: ['lora'] }],
    modelOptions: [],
    computeOptions: [{ kind: 'own', gpu: 'NVIDIA GeForce RTX 4090', count: 1, usd: 0, why: 'Fits your GPU.' }],
    sensitivity: [],
    stages: [],
    recommendations: order.map((method, index) => {
      const rank = index + 1;
      if (method === 'full-fine-tuning')
        return {
          method,
          rank,
          verdict: 'not-viable' as const,
          score: 0,
          reasons: [],
          blockers: [{ ruleId: 'full-ft-memory', text: FIRED_RULE_TEXTS.fullDoesNotFit, sources: ['zero'] }],
        };
      if (method === 'managed-fine-tuning')
        return {
          method,
          rank,
          verdict: 'not-viable' as const,
          score: 0,
          reasons: [],
          blockers: [{ ruleId: 'managed-needs-api-model', text: FIRED_RULE_TEXTS.weightsOpen, sources: ['lora'] }],
        };
      const reasons =
        method === 'lora'
          ? [
              { ruleId: 'lora-fits-gpu', effect: '+25', text: FIRED_RULE_TEXTS.loraFits, sources: ['lora'] },
              {
                ruleId: 'format-needs-tuning',
                effect: '+15',
                text: FIRED_RULE_TEXTS.formatNeedsTuning,
                sources: ['lora'],
              },
            ]
          : method === 'qlora'
            ? [
                {
                  ruleId: 'qlora-fits-gpu',
                  effect: '+20',
                  text: 'QLoRA fits an 8B base in far less memory.',
                  sources: ['qlora'],
                },
              ]
            : [];
      return {
        method,
        rank,
        verdict: rank === 1 ? ('recommended' as const) : ('viable' as const),
        score: Math.max(5, 80 - index * 6),
        reasons,
        blockers: [],
      };
    }),
    plan: [
      { step: 1, methods: ['prompt-engineering'], why: 'Build a prompt baseline and a small evaluation set first.' },
      { step: 2, methods: ['lora'], why: 'Train LoRA adapters on the 2,000 examples and compare with the baseline.' },
    ],
    questions: [
      {
        field: 'timelineWeeks',
        question: 'How many weeks do you have?',
        why: 'A very short timeline favours prompting.',
      },
    ],
    assumptions: [
      { field: 'mlExpertise', value: 'intermediate', why: 'Not stated; assumed a team that can run training.' },
    ],
    conflicts: [],
    trace: [],
    knowledgeVersion: 'kb-fixture',
    sources: FIXTURE_SOURCES.map(({ id, title, url, year }) => ({ id, title, url, year })),
  };
  return RecommendationSchema.parse(recommendation);
}

/** The real prompts/ templates, parsed synchronously (the tests of loadPrompts cover the async loader). */
export function realPrompts() {
  const directory = join(import.meta.dirname, '../../prompts');
  const templates = Object.fromEntries(
    PROMPT_NAMES.map((name) => [name, parsePromptTemplate(name, readFileSync(join(directory, `${name}.md`), 'utf8'))]),
  );
  return createPrompts(templates as never);
}

/** Deep-freeze a value so a test fails if any code mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A valid LLM explanation of the fixture (names LoRA, cites sources, rules out full fine-tuning). */
export const GOOD_EXPLANATION =
  'The engine ranks LoRA first: low-rank adapters on your frozen 8B base fit in 24 GB [lora], and a strict output ' +
  'format is learned more reliably from your 2,000 examples than from instructions [lora]. Full fine-tuning is ' +
  'ruled out because it needs about 16 bytes per parameter [zero]. Start with a prompt baseline, then train LoRA.';
