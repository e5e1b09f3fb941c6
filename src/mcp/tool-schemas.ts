/**
 * @module mcp/tool-schemas: the zod input and output schemas of the advisor's MCP tools. Inputs reuse the REST
 * contract (the strict `Profile` of POST /v1/recommendations, `EstimateRequest` of POST /v1/estimates), so a typo such
 * as `gpuCout` is refused by name on both surfaces; outputs describe exactly what the tools put in `structuredContent`
 * (MCP clients validate it against the advertised JSON Schema, which forbids extra keys).
 */
import { z } from 'zod';
import { ComputeOption, Destination, Recommendation } from '../engine/recommendation-schema.ts';
import { EstimateRequest, EstimateResponse } from '../http/schemas.ts';
import { PROVIDER_SERVICES } from '../knowledge/schemas.ts';
import { Jobs } from '../profile/job-schema.ts';
import { MethodId, Profile } from '../profile/profile-schema.ts';

// ------------------------------------------------------------------ recommend_adaptation
export const RecommendInput = z
  .object({
    profile: Profile.describe(
      'The team situation; every field optional, unknown keys refused (the profile of POST /v1/recommendations)',
    ),
    jobs: Jobs.optional(),
    explain: z
      .enum(['none', 'template'])
      .default('template')
      .describe('"template": a deterministic plain-words explanation; "none": no explanation'),
  })
  .strict();
export type RecommendInput = z.infer<typeof RecommendInput>;
export const RecommendOutput = Recommendation;

// ------------------------------------------------------------------ estimate_memory_and_cost
export const EstimateInput = EstimateRequest;
export const EstimateOutput = EstimateResponse;

// ------------------------------------------------------------------ compare_options
export const MAX_COMPARED_OPTIONS = 8;

export const CompareVariant = z
  .object({
    label: z.string().trim().min(1).max(80).describe('A short name for this option, e.g. "2 × A100"'),
    overrides: Profile.describe('Profile fields that replace the base profile for this option'),
  })
  .strict();

export const CompareInput = z
  .object({
    base: Profile.default({}).describe('The profile every variant starts from; itself compared as the first option'),
    baseLabel: z.string().trim().min(1).max(80).default('base'),
    variants: z
      .array(CompareVariant)
      .min(1, 'give at least one variant to compare with the base')
      .max(MAX_COMPARED_OPTIONS - 1),
  })
  .strict()
  .refine(
    (input) => new Set([input.baseLabel, ...input.variants.map((v) => v.label)]).size === input.variants.length + 1,
    {
      message: 'labels must be distinct (the base label included)',
      path: ['variants'],
    },
  );
export type CompareInput = z.infer<typeof CompareInput>;

export const VERDICTS = ['recommended', 'viable', 'conditional', 'not-viable'] as const;

export const MethodOutcome = z
  .object({
    method: MethodId,
    rank: z.number().int().positive(),
    verdict: z.enum(VERDICTS),
    decidedBy: z.array(z.string()).optional().describe('conditional: the unknown fields that decide it'),
    blockedBecause: z.string().optional().describe('not-viable: the first blocker, in words'),
    memoryFit: z.enum(['fits', 'tight', 'fits-if', 'no', 'unknown']).optional(),
    memoryNeededGB: z.number().optional(),
    trainingGpuHours: z.number().optional(),
    oneTimeUSD: z.number().optional(),
    monthlyUSD: z.number().optional(),
  })
  .strict();
export type MethodOutcome = z.infer<typeof MethodOutcome>;

export const ComparedOption = z
  .object({
    label: z.string(),
    profile: Profile.describe('The merged profile this option was judged on'),
    destination: Destination,
    firstStep: z.array(MethodId),
    keyMethods: z.array(MethodOutcome).describe('The destination, the first step and the weight-changing methods'),
    computeOptions: z.array(ComputeOption),
    questions: z.array(z.string()).describe('Fields the advisor would still ask about'),
  })
  .strict();
export type ComparedOption = z.infer<typeof ComparedOption>;

export const Difference = z
  .object({
    aspect: z.string().describe('A profile field (input) or an outcome such as "destination.method"'),
    kind: z.enum(['input', 'outcome']),
    values: z.array(z.object({ label: z.string(), value: z.unknown() }).strict()),
  })
  .strict();
export type Difference = z.infer<typeof Difference>;

export const CompareOutput = z
  .object({
    options: z.array(ComparedOption),
    differences: z.array(Difference).describe('Only what differs between the options'),
    summary: z.string(),
    knowledgeVersion: z.string(),
  })
  .strict();
export type CompareOutput = z.infer<typeof CompareOutput>;

// ------------------------------------------------------------------ list_methods
export const METHOD_FAMILIES = [
  'prompting',
  'retrieval',
  'parameter-efficient',
  'full-weights',
  'new-model',
  'provider-run',
] as const;

export const ListMethodsInput = z
  .object({
    family: z.enum(METHOD_FAMILIES).optional().describe('Only the methods of this family'),
  })
  .strict();

export const MethodSummary = z
  .object({
    id: MethodId,
    name: z.string(),
    family: z.enum(METHOD_FAMILIES),
    whatChanges: z.string(),
    changesWeights: z.boolean(),
    needsWeightAccess: z.boolean(),
    dataNeeded: z.string(),
    minExamples: z.number(),
    computeClass: z.string(),
    expertise: z.string(),
    whenToUse: z.array(z.string()),
    whenNotToUse: z.array(z.string()),
    combinesWith: z.array(MethodId),
    sources: z.array(z.string()),
    resource: z.string().describe('URI of the full entry, e.g. advisor://methods/lora'),
  })
  .strict();
export type MethodSummary = z.infer<typeof MethodSummary>;

export const ListMethodsOutput = z.object({ methods: z.array(MethodSummary), knowledgeVersion: z.string() }).strict();

// ------------------------------------------------------------------ provider_facts
export const FACT_KINDS = ['tuning-offer', 'model-end-of-life', 'api-price', 'gpu-price'] as const;

export const ProviderFactsInput = z
  .object({
    query: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('A provider, model or GPU name ("OpenAI", "GPT-4o mini", "H100"); all facts without it'),
    kinds: z.array(z.enum(FACT_KINDS)).min(1).optional().describe('Only these kinds of fact'),
    service: z.enum(PROVIDER_SERVICES).optional().describe('Tuning offers of this service only'),
  })
  .strict();
export type ProviderFactsInput = z.infer<typeof ProviderFactsInput>;

export const ProviderFact = z
  .object({
    kind: z.enum(FACT_KINDS),
    subject: z.string().describe('What the fact is about: a provider offer, a model or a GPU'),
    statement: z.string().describe('The fact in one sentence, with its date'),
    asOf: z.string().nullable().describe('The date the source showed it (null for an announced end-of-life date)'),
    date: z.string().optional().describe('The date the fact is about: an end of life, the last day of an offer'),
    provider: z.string().optional(),
    service: z.enum(PROVIDER_SERVICES).optional(),
    status: z.enum(['available', 'restricted', 'deprecated', 'discontinued']).optional(),
    models: z.array(z.string()).optional(),
    usd: z
      .object({
        perGpuHour: z.number().optional(),
        perMillionInput: z.number().optional(),
        perMillionOutput: z.number().optional(),
      })
      .strict()
      .optional(),
    sources: z.array(z.string()),
  })
  .strict();
export type ProviderFact = z.infer<typeof ProviderFact>;

export const ProviderFactsOutput = z
  .object({
    referenceDate: z.string().describe('The date the advisor judges availability at (knowledge manifest)'),
    facts: z.array(ProviderFact),
    knowledgeVersion: z.string(),
  })
  .strict();
export type ProviderFactsOutput = z.infer<typeof ProviderFactsOutput>;
