import { z } from 'zod';
import { MethodId, MODALITIES, MODEL_ACCESS } from '../profile/profile-schema.ts';

/**
 * zod schemas of the files in knowledge/. Every file is data, never code; `load-knowledge.ts` parses them
 * at start-up, cross-checks references and refuses to start on any problem.
 * Ids are lowercase kebab-case; source ids are the research keys lowercased (e.g. "OAI-ACC" → "oai-acc").
 */

const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'ids are lowercase kebab-case, e.g. "llama-3.1-8b" or "oai-acc"');
const IsoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM-DD (or YYYY-MM when the day is unknown)');
const SourceIds = z.array(Id).min(1, 'cite at least one source id from knowledge/sources.json');

// ---------------------------------------------------------------- sources
export const Source = z
  .object({
    id: Id,
    title: z.string().min(1),
    authors: z.string().min(1).optional().describe('Authors, for papers'),
    publisher: z.string().min(1).optional().describe('Organisation, for vendor docs and community pages'),
    year: z.number().int().min(1950).max(2100),
    url: z.url(),
    kind: z.enum(['paper', 'vendor-doc', 'community', 'dataset', 'spec']),
    note: z.string().optional().describe('How it was read, caveats (e.g. "secondary: read via a summary")'),
  })
  .strict()
  .refine((s) => s.authors || s.publisher, { message: 'give authors (papers) or publisher (docs)' });
export type Source = z.infer<typeof Source>;
export const SourcesFile = z.object({ sources: z.array(Source).min(1) }).strict();

// ---------------------------------------------------------------- models
/** Architecture kinds of the model catalog (also the values of the `modelArchitecture` fact). */
export const ARCHITECTURE_KINDS = [
  'decoder',
  'encoder',
  'encoder-decoder',
  'diffusion',
  'moe-decoder',
  'other',
] as const;
export const ModelArchitecture = z
  .object({
    kind: z.enum(ARCHITECTURE_KINDS),
    layers: z.number().int().positive().optional(),
    hiddenSize: z.number().int().positive().optional(),
    attentionHeads: z.number().int().positive().optional(),
    kvHeads: z.number().int().positive().optional(),
    headDim: z.number().int().positive().optional(),
    intermediateSize: z.number().int().positive().optional(),
    vocabSize: z.number().int().positive().optional(),
    contextLength: z.number().int().positive().optional(),
    slidingWindow: z.number().int().positive().optional().describe('Tokens; caps the KV cache of windowed layers'),
    tiedEmbeddings: z.boolean().optional(),
    experts: z.number().int().positive().optional(),
    expertsPerToken: z.number().int().positive().optional(),
  })
  .strict();
export type ModelArchitecture = z.infer<typeof ModelArchitecture>;

/** A dated list price per million tokens on the vendor's own API. */
export const ApiPrice = z
  .object({
    usdPerMillionInput: z.number().positive(),
    usdPerMillionOutput: z.number().positive(),
    where: z.string().min(1).describe('Whose price, e.g. "OpenAI API, standard tier"'),
    asOf: IsoDate,
    sources: SourceIds,
  })
  .strict();
export type ApiPrice = z.infer<typeof ApiPrice>;

export const Model = z
  .object({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    vendor: z.string().min(1),
    family: z.string().min(1),
    access: z.enum(MODEL_ACCESS).describe('Default access mode; the profile may override it'),
    provider: Id.optional().describe('For API models: id in providers.json of the vendor serving it'),
    modality: z.enum(MODALITIES),
    paramsB: z.number().positive().optional().describe('Total parameters, billions (absent for API-only models)'),
    activeParamsB: z.number().positive().optional().describe('Active parameters per token (mixture-of-experts)'),
    architecture: ModelArchitecture.optional(),
    license: z.string().optional(),
    multilingual: z
      .boolean()
      .optional()
      .describe('Pre-trained on many languages (an encoder for multilingual classification); absent: not claimed'),
    languages: z
      .array(z.string().regex(/^[a-z]+(?: [a-z]+)?$/))
      .optional()
      .describe('A multilingual model: the languages of its pre-training, as lowercase English names'),
    supportedLanguages: z
      .object({
        named: z.array(z.string().regex(/^[a-z]+(?: [a-z]+)?$/)).min(1),
        complete: z
          .boolean()
          .describe(
            'true: the vendor supports only these; false: it names these among more ("over 29 languages, including…")',
          ),
        total: z.number().int().positive().optional().describe('How many languages the vendor claims in all'),
      })
      .strict()
      .optional()
      .describe("The languages the vendor's model card says the model supports (others may work, untested by it)"),
    released: IsoDate.optional(),
    supersededBy: Id.optional().describe(
      'A newer catalog model of the same family and size class that replaces it (never proposed as a substitute)',
    ),
    endOfLife: IsoDate.optional().describe('Date the vendor shuts the model down, if announced'),
    apiPrice: ApiPrice.optional().describe('API models: list price per million input and output tokens'),
    notes: z.string().optional(),
    sources: SourceIds,
  })
  .strict();
export type Model = z.infer<typeof Model>;
export const ModelsFile = z.object({ models: z.array(Model).min(1) }).strict();

// ---------------------------------------------------------------- gpus
export const Price = z
  .object({
    usdPerHour: z.number().positive(),
    where: z.string().min(1).describe('Provider and offer, e.g. "RunPod community cloud"'),
    asOf: IsoDate,
    sources: SourceIds,
  })
  .strict();
export const Gpu = z
  .object({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    vendor: z.string().min(1),
    class: z.enum(['datacenter', 'workstation', 'consumer']),
    memoryGB: z.number().positive(),
    denseBf16Tflops: z
      .number()
      .positive()
      .nullable()
      .describe('Dense (no sparsity) bf16/fp16 tensor TFLOP/s; null when unpublished'),
    supportsBf16: z.boolean(),
    price: Price.nullable().describe('Indicative on-demand price per GPU-hour; null when no dated source was found'),
    notes: z.string().optional(),
    sources: SourceIds,
  })
  .strict();
export type Gpu = z.infer<typeof Gpu>;
export const GpusFile = z.object({ gpus: z.array(Gpu).min(1) }).strict();

// ---------------------------------------------------------------- providers
export const PROVIDER_SERVICES = [
  'supervised-fine-tuning',
  'preference-tuning',
  'reinforcement-fine-tuning',
  'distillation',
  'continued-pretraining',
] as const;
export const ProviderOffering = z
  .object({
    service: z.enum(PROVIDER_SERVICES),
    models: z.array(Id).describe('Model ids from models.json this offering covers (may be empty for open-model hosts)'),
    openModels: z
      .boolean()
      .default(false)
      .describe('Offered for open-weight models in general (hosts such as Together)'),
    status: z.enum(['available', 'restricted', 'deprecated', 'discontinued']),
    availableFrom: IsoDate.optional(),
    endsOn: IsoDate.optional().describe('Last day new jobs can be created, if announced'),
    asOf: IsoDate.describe('Date the source showed this state'),
    restriction: z.string().optional().describe('Who can use it, e.g. "existing customers only"'),
    minExamples: z.number().int().nonnegative().optional(),
    recommendedExamples: z.string().optional(),
    hostingBilledHourly: z
      .boolean()
      .optional()
      .describe('A tuned model deployed from this offering is billed per hour of hosting, on top of its tokens'),
    notes: z.string().optional(),
    sources: SourceIds,
  })
  .strict();
export type ProviderOffering = z.infer<typeof ProviderOffering>;
export const Provider = z
  .object({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    kind: z.enum(['model-api', 'cloud-platform', 'open-model-host']),
    offerings: z.array(ProviderOffering),
    notes: z.string().optional(),
    sources: SourceIds,
  })
  .strict();
export type Provider = z.infer<typeof Provider>;
export const ProvidersFile = z.object({ providers: z.array(Provider).min(1) }).strict();

// ---------------------------------------------------------------- methods
export const VendorMinimum = z
  .object({
    vendor: z.string().min(1),
    minimum: z.number().int().nonnegative().optional(),
    recommended: z.string().min(1),
    sources: SourceIds,
  })
  .strict();
export const Method = z
  .object({
    id: MethodId,
    name: z.string().min(1),
    family: z.enum(['prompting', 'retrieval', 'parameter-efficient', 'full-weights', 'new-model', 'provider-run']),
    whatChanges: z.string().min(1),
    changesWeights: z.boolean(),
    needsWeightAccess: z.boolean().describe('Requires downloadable weights (open-weights access)'),
    dataNeeded: z
      .object({
        summary: z.string().min(1),
        minExamples: z.number().int().nonnegative().describe('Below this the method cannot work at all'),
        typicalExamples: z.string().min(1),
        vendorMinimums: z.array(VendorMinimum).default([]),
      })
      .strict(),
    computeClass: z.enum(['none', 'inference-only', 'single-gpu', 'multi-gpu', 'cluster', 'provider-managed']),
    costDrivers: z.object({ oneTime: z.array(z.string().min(1)), recurring: z.array(z.string().min(1)) }).strict(),
    inference: z.object({ latency: z.string().min(1), cost: z.string().min(1) }).strict(),
    embeddingPrice: z
      .object({
        model: z.string().min(1),
        usdPerMillionTokens: z.number().positive(),
        where: z.string().min(1),
        asOf: IsoDate,
        sources: SourceIds,
      })
      .strict()
      .optional()
      .describe('Retrieval: the list price of embedding text (each query, each document) with a common embedding API'),
    expertise: z.enum(['none', 'basic', 'intermediate', 'expert']),
    strengths: z.array(z.string().min(1)).min(1),
    limitations: z.array(z.string().min(1)).min(1),
    whenToUse: z.array(z.string().min(1)).min(1),
    whenNotToUse: z.array(z.string().min(1)).min(1),
    combinesWith: z.array(MethodId),
    sources: SourceIds,
  })
  .strict();
export type Method = z.infer<typeof Method>;
export const MethodsFile = z.object({ methods: z.array(Method).length(13) }).strict();

// ---------------------------------------------------------------- rules
/**
 * Facts a rule condition may test: every profile field (after catalog resolution) plus derived facts the
 * engine computes (see src/engine/derive-facts.ts). A fact whose value cannot be known makes the test `unknown`.
 */
export const FACT_TYPES = {
  // profile fields
  modelName: 'string',
  modelAccess: 'enum',
  modelParamsB: 'number',
  modality: 'enum',
  task: 'string',
  labeledExamples: 'number',
  unlabeledCorpus: 'enum',
  knowledgeChanges: 'enum',
  needsCitations: 'boolean',
  needsStyleOrFormat: 'boolean',
  gpuName: 'string',
  gpuCount: 'number',
  gpuMemoryGB: 'number',
  oneTimeBudgetUSD: 'number',
  monthlyBudgetUSD: 'number',
  mlExpertise: 'enum',
  latencyTargetMs: 'number',
  requestsPerDay: 'number',
  deployment: 'enum',
  dataMustStayOnPrem: 'boolean',
  timelineWeeks: 'number',
  multilingual: 'boolean',
  safetyCritical: 'boolean',
  tasksCount: 'number',
  taskType: 'enum',
  preferencePairs: 'number',
  modelStage: 'enum',
  teacherModel: 'string',
  deviceMemoryGB: 'number',
  corpusTokens: 'number',
  currentMonthlySpendUSD: 'number',
  exampleTokens: 'number',
  canSwitchModel: 'boolean',
  gpusRented: 'boolean',
  inputTokensPerRequest: 'number',
  outputTokensPerRequest: 'number',
  // derived facts
  weightsAvailable: 'boolean', // modelAccess === open-weights
  knownModel: 'boolean', // modelName resolved to a catalog entry
  modelProvider: 'enum', // provider id of an API model (openai, anthropic, google-gemini-api, ...); 'none' for open weights
  modelFamily: 'enum', // catalog family, e.g. "llama", "gpt-4o", "claude"
  modelArchitecture: 'enum', // catalog architecture kind: decoder, encoder (BERT, CLIP), encoder-decoder, diffusion, ...
  modelRetiringSoon: 'boolean', // catalog endOfLife falls within 26 weeks after the reference date
  vendorRetiringSoon: 'boolean', // the vendor's own end of life falls within 26 weeks, whoever else still offers it
  cheaperTierInFamily: 'boolean', // the catalog lists a live model of the same family with a lower API list price
  modelRetired: 'boolean', // catalog endOfLife is on or before the knowledge reference date
  managedTuningAvailable: 'boolean', // some provider offers supervised tuning of this model, available now
  managedPreferenceTuningAvailable: 'boolean',
  managedRftAvailable: 'boolean', // some provider offers grader-based reinforcement fine-tuning of this model, available now
  managedDistillationAvailable: 'boolean',
  hasGpu: 'boolean', // gpuCount > 0
  totalGpuMemoryGB: 'number', // gpuCount × gpuMemoryGB
  'fits.inference': 'boolean', // bf16 inference fits the GPUs
  'fits.inference-int4': 'boolean', // 4-bit quantized inference fits
  'fits.lora': 'boolean',
  'fits.qlora': 'boolean',
  'fits.full-fine-tuning': 'boolean',
  'fits.distillation-student': 'boolean', // a small (≤ 8B) student can be trained with LoRA on the GPUs
  'fits.device': 'boolean', // the model at 4 bits fits deviceMemoryGB
  'fits.device-corpus': 'boolean', // the model at 4 bits plus the KV cache of the whole corpus in its prompt fits deviceMemoryGB
  'fits.task-copies': 'boolean', // tasksCount full 16-bit copies fit the GPUs for serving
  'affordable.task-copies': 'boolean', // renting the GPUs the copies need beyond the team's own fits monthlyBudgetUSD
  cpuServing: 'boolean', // no GPUs, and the model is small enough to serve from a CPU server at 4 bits (llama.cpp)
  cpuLatencyMet: 'boolean', // served from the team's own CPU servers, a generative model can answer within latencyTargetMs at all
  cpuMeasuredLatencyMet: 'boolean', // ... and within it at the speed llama.cpp measured on a workstation CPU
  cpuTrainable: 'boolean', // a text encoder of at most 0.4B that can be fine-tuned on a CPU server, where no GPU can be rented
  rentalAllowed: 'boolean', // training may run on rented cloud GPUs (false when data must stay on the premises)
  'trainable.lora': 'boolean', // fits the team's GPUs, or a rental within the one-time budget is allowed
  'trainable.qlora': 'boolean',
  'trainable.full-fine-tuning': 'boolean',
  'trainable.distillation-student': 'boolean',
  'inTime.lora': 'boolean', // one run on the team's own GPUs ends within timelineWeeks (round the clock)
  'inTime.qlora': 'boolean',
  'inTime.full-fine-tuning': 'boolean',
  imageGenerator: 'boolean', // a diffusion model, or (with no architecture known) the task is image generation
  taskFitsModel: 'boolean', // the named model's kind can do taskType at all (BERT writes nothing, Whisper only transcribes)
  namedIsStudent: 'boolean', // a teacher is named and the named model is the smaller one: distil into it
  teacherRetired: 'boolean', // the named teacher is past its end of life on every channel the catalog knows
  teacherApiOnly: 'boolean', // the named teacher runs only on its vendor's servers (its answers come from there)
  teacherFitsTask: 'boolean', // the named teacher's kind can do taskType (an image generator is no teacher for extraction)
  'affordable.self-hosting': 'boolean', // estimated monthly self-hosting cost ≤ monthlyBudgetUSD
  'affordable.api': 'boolean', // estimated monthly API bill at requestsPerDay ≤ monthlyBudgetUSD (catalog list price)
  selfHostingCheaperThanApi: 'boolean', // at requestsPerDay, self-hosting costs less per month than the API
  knowledgeVolatile: 'boolean', // knowledgeChanges ∈ {weekly, daily}
  largeModel: 'boolean', // modelParamsB ≥ 10 (prompt tuning is competitive from about this size)
  smallModel: 'boolean', // modelParamsB < 3
  citesItsInput: 'boolean', // citations point into the document each request reads (a lease summarised), no corpus
  runsOnDevice: 'boolean', // the model must run on a phone or an edge box (goal on-device, a device's memory, or deployed there)
} as const;
export type FactName = keyof typeof FACT_TYPES;
export const FACT_NAMES = Object.keys(FACT_TYPES) as FactName[];

export const COMPARISON_OPS = ['eq', 'neq', 'in', 'notIn', 'lt', 'lte', 'gt', 'gte', 'known'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
const FactValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

export type Condition =
  | { fact: FactName; op: ComparisonOp; value?: string | number | boolean | (string | number)[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z
      .object({
        fact: z.enum(FACT_NAMES as [FactName, ...FactName[]]),
        op: z.enum(COMPARISON_OPS),
        value: FactValue.optional(),
      })
      .strict(),
    z.object({ all: z.array(Condition) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
);

export const Rule = z
  .object({
    id: Id,
    kind: z.enum(['constraint', 'score']),
    when: Condition,
    blocks: z.array(MethodId).default([]).describe('constraint rules: methods made not-viable when the rule fires'),
    scores: z
      .partialRecord(MethodId, z.number().int().min(-100).max(100))
      .default({})
      .describe('score rules: points added to each method when the rule fires'),
    text: z.string().min(10).describe('One sentence, plain words: why'),
    sources: SourceIds,
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.kind === 'constraint' && rule.blocks.length === 0)
      ctx.addIssue({ code: 'custom', path: ['blocks'], message: 'a constraint rule must block at least one method' });
    if (rule.kind === 'score' && Object.keys(rule.scores).length === 0)
      ctx.addIssue({ code: 'custom', path: ['scores'], message: 'a score rule must score at least one method' });
  });
export type Rule = z.infer<typeof Rule>;
export const RulesFile = z.object({ rules: z.array(Rule).min(1) }).strict();

// ---------------------------------------------------------------- manifest
export const Manifest = z
  .object({
    name: z.string(),
    referenceDate: IsoDate.describe(
      'The date provider availability and model end-of-life are judged at; fixed so advice is reproducible',
    ),
    notes: z.string().optional(),
  })
  .strict();
