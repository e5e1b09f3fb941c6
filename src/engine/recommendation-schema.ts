import { z } from 'zod';
import { GOALS, MethodId } from '../profile/profile-schema.ts';

/** The recommendation contract (shared/design.md, "The recommendation"). Used for OpenAPI and client validation. */

export const Reason = z
  .object({
    ruleId: z.string(),
    effect: z.string().describe('e.g. "+20", "-15", "blocks"'),
    text: z.string(),
    sources: z.array(z.string()),
  })
  .meta({ id: 'Reason' });
export type Reason = z.infer<typeof Reason>;

export const Blocker = z
  .object({ ruleId: z.string(), text: z.string(), sources: z.array(z.string()) })
  .meta({ id: 'Blocker' });
export type Blocker = z.infer<typeof Blocker>;

export const FIT_LEVELS = ['fits', 'tight', 'fits-if', 'no', 'unknown'] as const;

export const MethodEstimates = z
  .object({
    memoryGB: z
      .object({
        needed: z.number().describe('GB in total at the default settings'),
        available: z.number().nullable().describe('GB on all your GPUs together (null when unknown)'),
        fits: z.boolean().nullable(),
        fit: z
          .enum(FIT_LEVELS)
          .describe('fits; tight (over 90% of memory); fits-if (with the listed adjustments); no; unknown'),
        adjustments: z.array(z.string()).optional().describe('What makes a fits-if case fit'),
        adjustedPerGpu: z
          .number()
          .optional()
          .describe('GB on the busiest GPU once the adjustments of a fits-if case are made'),
        perGpu: z
          .number()
          .optional()
          .describe('GB on the busiest GPU when the work is spread over several (activations are not shared)'),
        gpuCount: z.number().int().optional().describe('The GPUs the need is spread over (with perGpu)'),
      })
      .optional(),
    trainingGpuHours: z
      .number()
      .optional()
      .describe('GPU-hours of the training project (several runs): elapsed hours times the number of GPUs'),
    oneTimeUSD: z.number().optional().describe('0 on your own GPUs; the rental cost when training must be rented'),
    monthlyUSD: z.number().optional(),
    retrievalOnlyMonthlyUSD: z
      .number()
      .optional()
      .describe(
        'A search task: the monthly bill of embedding each query, the part of retrieval billed per search (not the reranker, the index or the one-time catalog embedding), without a generated answer per search; monthlyUSD is the bill with one',
      ),
    assumptions: z.array(z.string()),
  })
  .meta({ id: 'MethodEstimates' });
export type MethodEstimates = z.infer<typeof MethodEstimates>;

export const MethodRecommendation = z
  .object({
    method: MethodId,
    rank: z.number().int().positive(),
    verdict: z.enum(['recommended', 'viable', 'conditional', 'not-viable']),
    score: z
      .number()
      .min(0)
      .max(100)
      .describe('Fit to the situation (50 = neutral); used only to choose between close siblings'),
    decidedBy: z.array(z.string()).optional().describe('conditional: the unknown fields that decide it'),
    reasons: z.array(Reason),
    blockers: z.array(Blocker),
    estimates: MethodEstimates.optional(),
  })
  .meta({ id: 'MethodRecommendation' });
export type MethodRecommendation = z.infer<typeof MethodRecommendation>;

export const PlanStep = z
  .object({ step: z.number().int().positive(), methods: z.array(MethodId), why: z.string() })
  .meta({ id: 'PlanStep' });
export type PlanStep = z.infer<typeof PlanStep>;

export const Question = z.object({ field: z.string(), question: z.string(), why: z.string() }).meta({ id: 'Question' });
export type Question = z.infer<typeof Question>;

export const Assumption = z
  .object({ field: z.string(), value: z.unknown(), why: z.string() })
  .meta({ id: 'Assumption' });
export type Assumption = z.infer<typeof Assumption>;

export const Conflict = z
  .object({
    field: z.string(),
    given: z.unknown(),
    catalog: z.unknown(),
    /**
     * Which value the answer uses: the caller's (the default, also when absent) or the catalog's, when the caller's
     * cannot be true (open weights for a model whose weights were never published).
     */
    used: z.enum(['given', 'catalog']).optional(),
  })
  .meta({ id: 'Conflict' });
export type Conflict = z.infer<typeof Conflict>;

export const Explanation = z
  .object({
    text: z.string(),
    source: z.enum(['template', 'llm']),
    fallbackReason: z.string().optional(),
  })
  .meta({ id: 'Explanation' });
export type Explanation = z.infer<typeof Explanation>;

export const SourceRef = z
  .object({ id: z.string(), title: z.string(), url: z.string(), year: z.number() })
  .meta({ id: 'SourceRef' });

export const RuleTraceEntry = z
  .object({
    ruleId: z.string(),
    kind: z.enum(['constraint', 'score']),
    outcome: z.enum(['fired', 'not-fired', 'unknown']),
    missingFacts: z.array(z.string()),
  })
  .meta({ id: 'RuleTraceEntry' });
export type RuleTraceEntry = z.infer<typeof RuleTraceEntry>;

export const OBJECTIVES = [
  'none',
  'sft',
  'instruction',
  'preference',
  'distillation',
  'continued-pretraining',
] as const;
export const CHANNELS = ['prompt-side', 'self-run', 'managed', 'hosted-trainer'] as const;

export const Destination = z
  .object({
    method: MethodId,
    objective: z.enum(OBJECTIVES),
    channel: z.enum(CHANNELS),
    model: z.object({
      name: z.string().nullable(),
      switched: z.boolean(),
      proposed: z
        .boolean()
        .optional()
        .describe('True when no model was named and this catalog model is the one proposed for the destination'),
      dependsOn: z
        .array(z.string())
        .optional()
        .describe(
          "On a proposed model: the unknown fields the destination's method on that model still depends on (empty when it is possible as described); the verdicts are about a model not yet chosen",
        ),
    }),
    blocked: z
      .literal(true)
      .optional()
      .describe(
        'Every method is ruled out under the stated facts: `method` is the one that would close the gap, and it is not possible (see its blockers and modelOptions)',
      ),
    student: z
      .string()
      .optional()
      .describe(
        'Distillation: the catalog model proposed as the student (the size the estimates assume, at most 8B), trained on the outputs of `model`',
      ),
    why: z.string(),
    estimates: MethodEstimates.optional().describe(
      "On a substituted or proposed model: the destination's memory and cost figures on that model",
    ),
    providers: z
      .array(z.object({ name: z.string(), asOf: z.string(), endsOn: z.string().optional() }))
      .optional()
      .describe(
        'For a managed channel: the providers with a live offer of this job for this model at the knowledge reference date, with the date each offer was seen and its announced end',
      ),
  })
  .meta({ id: 'Destination' });
export type Destination = z.infer<typeof Destination>;

export const FirstStep = z.object({ methods: z.array(MethodId), why: z.string() }).meta({ id: 'FirstStep' });
export type FirstStep = z.infer<typeof FirstStep>;

/** The gaps the diagnosis names: the same vocabulary as the profile's `goals`. */
export const NEEDS = GOALS;
export type Need = (typeof NEEDS)[number];

export const DiagnosisEntry = z
  .object({ need: z.enum(NEEDS), evidence: z.array(z.string()), methods: z.array(MethodId) })
  .meta({ id: 'DiagnosisEntry' });
export type DiagnosisEntry = z.infer<typeof DiagnosisEntry>;

export const ModelOption = z
  .object({
    model: z.string(),
    access: z.enum(['open-weights', 'api-only', 'api-with-finetuning']),
    why: z.string(),
    verdict: z.enum(['viable', 'conditional', 'not-viable']),
  })
  .meta({ id: 'ModelOption' });
export type ModelOption = z.infer<typeof ModelOption>;

export const ComputeOption = z
  .object({
    kind: z.enum(['own', 'rent', 'hosted']),
    gpu: z.string().optional(),
    count: z.number().int().positive().optional(),
    hours: z.number().optional(),
    usd: z.number().optional(),
    why: z.string(),
  })
  .meta({ id: 'ComputeOption' });
export type ComputeOption = z.infer<typeof ComputeOption>;

export const SensitivityEntry = z
  .object({
    field: z.string(),
    value: z.number().describe('The value at which the destination changes'),
    becomes: MethodId.describe('The destination at that value'),
    on: z
      .string()
      .optional()
      .describe('The model the destination would run on at that value, when it is another than the plan runs on'),
  })
  .meta({ id: 'SensitivityEntry' });
export type SensitivityEntry = z.infer<typeof SensitivityEntry>;

export const StageTraceEntry = z
  .object({
    stage: z.enum(['resolve', 'feasibility', 'options', 'diagnosis', 'data', 'destination', 'questions']),
    decided: z.string(),
  })
  .meta({ id: 'StageTraceEntry' });
export type StageTraceEntry = z.infer<typeof StageTraceEntry>;

/** The advice for one job of several (the request's `jobs`): the same stages, on the team's facts and the job's own. */
export const JobAdvice = z
  .object({
    name: z.string().describe("The job's name, as the request gave it"),
    task: z.string().optional(),
    destination: Destination,
    verdict: z
      .enum(['recommended', 'viable', 'conditional', 'not-viable'])
      .describe(
        "The destination method's verdict on the model it is planned on (not-viable: the job cannot be built as described)",
      ),
    blockers: z.array(Blocker).describe('Why the destination is not viable, when it is not'),
    firstStep: FirstStep,
    diagnosis: z.array(DiagnosisEntry),
    plan: z.array(PlanStep),
    modelOptions: z.array(ModelOption),
    computeOptions: z.array(ComputeOption),
    questions: z.array(Question).describe('What this job still needs to know, most decisive first'),
    estimates: MethodEstimates.optional().describe("The figures of this job's destination method"),
    sources: z.array(z.string()).describe("The ids of the sources this job's advice rests on (listed in `sources`)"),
  })
  .meta({ id: 'JobAdvice' });
export type JobAdvice = z.infer<typeof JobAdvice>;

export const Recommendation = z
  .object({
    destination: Destination,
    firstStep: FirstStep,
    diagnosis: z.array(DiagnosisEntry),
    modelOptions: z.array(ModelOption),
    computeOptions: z.array(ComputeOption),
    recommendations: z.array(MethodRecommendation),
    plan: z.array(PlanStep),
    questions: z.array(Question),
    sensitivity: z.array(SensitivityEntry),
    assumptions: z.array(Assumption),
    conflicts: z.array(Conflict),
    explanation: Explanation.optional(),
    jobs: z
      .array(JobAdvice)
      .optional()
      .describe(
        'With two or more jobs in the request: each job advised on its own; the rest of the answer is the jobs together',
      ),
    /** Every rule's outcome; the basis of "why not X?" answers. */
    trace: z.array(RuleTraceEntry),
    /** Which pipeline stage decided what. */
    stages: z.array(StageTraceEntry),
    knowledgeVersion: z.string(),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'Recommendation' });
export type Recommendation = z.infer<typeof Recommendation>;
