import { z } from 'zod';

/** Stable method ids (the public contract, see shared/design.md). Order = tie-break order everywhere. */
export const METHOD_IDS = [
  'prompt-engineering',
  'in-context-learning',
  'rag',
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
] as const;
export const MethodId = z.enum(METHOD_IDS);
export type MethodId = z.infer<typeof MethodId>;

export const MODEL_ACCESS = ['open-weights', 'api-only', 'api-with-finetuning'] as const;
export const MODALITIES = ['text', 'code', 'image', 'audio', 'vision-language'] as const;
export const CORPUS_SIZES = ['none', 'small', 'large'] as const;
export const CHANGE_FREQUENCIES = ['never', 'rarely', 'monthly', 'weekly', 'daily'] as const;
export const EXPERTISE_LEVELS = ['none', 'basic', 'intermediate', 'expert'] as const;
export const DEPLOYMENTS = ['cloud-api', 'cloud-self-hosted', 'on-prem', 'edge', 'mobile'] as const;
/** What must get better (design: profile `goals`). */
export const GOALS = [
  'knowledge',
  'freshness',
  'citations',
  'format',
  'style',
  'task-skill',
  'instruction-following',
  'alignment',
  'cost',
  'latency',
  'on-device',
] as const;
export type Goal = (typeof GOALS)[number];
/** The shape of the task (design: profile `taskType`). */
export const TASK_TYPES = [
  'chat',
  'generate',
  'extract',
  'classify',
  'search',
  'code',
  'transcribe',
  'image-generate',
  'image-understand',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];
export const MODEL_STAGES = ['base', 'instruct', 'fine-tuned'] as const;
export const TRIED_RESULTS = ['good-enough', 'plateaued', 'failed'] as const;

/** One thing the team already tried, and how it went. */
export const TriedEntry = z
  .object({
    method: MethodId,
    result: z.enum(TRIED_RESULTS),
    note: z.string().max(500).optional(),
  })
  .strict()
  .meta({ id: 'TriedEntry' });
export type TriedEntry = z.infer<typeof TriedEntry>;

/**
 * The profile a caller describes its situation with. Every field is optional; unknown keys are rejected
 * (`.strict()`), so a typo such as `gpuCout` is a 400 naming the key instead of being silently ignored.
 */
export const Profile = z
  .object({
    modelName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('Resolved against knowledge/models by name or alias, case-insensitively')
      .optional(),
    modelAccess: z.enum(MODEL_ACCESS).describe('Can the team change the weights, and how').optional(),
    modelParamsB: z
      .number()
      .min(0.001, 'Too small: a foundation model has at least a million parameters (0.001 billion)')
      .max(100_000)
      .describe('Parameters, in billions')
      .optional(),
    modality: z.enum(MODALITIES).optional(),
    task: z.string().max(2000).describe('Free text').optional(),
    labeledExamples: z.number().int().min(0).max(1e12).describe('Input/output pairs available').optional(),
    unlabeledCorpus: z.enum(CORPUS_SIZES).describe('Domain documents available').optional(),
    knowledgeChanges: z
      .enum(CHANGE_FREQUENCIES)
      .describe('How often the knowledge the answers need changes')
      .optional(),
    needsCitations: z.boolean().describe('Answers must cite their sources').optional(),
    needsStyleOrFormat: z.boolean().describe('Strict tone, style or output format').optional(),
    gpuName: z.string().trim().min(1).max(200).describe('Resolved against knowledge/gpus').optional(),
    gpuCount: z.number().int().min(0).max(100_000).optional(),
    gpuMemoryGB: z.number().positive().max(10_000).describe('Memory per GPU, GB').optional(),
    oneTimeBudgetUSD: z.number().min(0).max(1e12).optional(),
    monthlyBudgetUSD: z.number().min(0).max(1e12).optional(),
    mlExpertise: z.enum(EXPERTISE_LEVELS).optional(),
    latencyTargetMs: z.number().positive().max(3_600_000).optional(),
    requestsPerDay: z.number().min(0).max(1e12).optional(),
    deployment: z.enum(DEPLOYMENTS).optional(),
    dataMustStayOnPrem: z.boolean().describe('No data may leave the premises').optional(),
    timelineWeeks: z.number().positive().max(1000).optional(),
    multilingual: z.boolean().optional(),
    safetyCritical: z.boolean().optional(),
    tasksCount: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .describe('Distinct tasks or tenants on one base model')
      .optional(),
    goals: z
      .array(z.enum(GOALS))
      .max(GOALS.length)
      .describe('What must get better; combines with the booleans and what `task` says')
      .optional(),
    taskType: z.enum(TASK_TYPES).describe('The shape of the task').optional(),
    preferencePairs: z
      .number()
      .int()
      .min(0)
      .max(1e12)
      .describe('Chosen/rejected pairs (or ranked outputs) available')
      .optional(),
    modelStage: z
      .enum(MODEL_STAGES)
      .describe('What the named model already is: base, instruct or fine-tuned')
      .optional(),
    tried: z.array(TriedEntry).max(20).describe('What the team already tried and how it went').optional(),
    teacherModel: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('A larger model whose outputs may train a student (resolved like modelName)')
      .optional(),
    deviceMemoryGB: z
      .number()
      .positive()
      .max(10_000)
      .describe('Memory the model may use on the target device (edge, mobile, laptop)')
      .optional(),
    corpusTokens: z.number().min(0).max(1e15).describe('Size of the unlabeled domain corpus, in tokens').optional(),
    canSwitchModel: z.boolean().describe('May the advisor propose another model than the named one').optional(),
    exampleTokens: z
      .number()
      .int()
      .positive()
      .max(1_000_000)
      .describe('Average tokens in one training example, input and output together (training time and memory)')
      .optional(),
    currentMonthlySpendUSD: z
      .number()
      .min(0)
      .max(1e12)
      .describe('What the team pays per month today for the model it runs (the API bill), not a budget')
      .optional(),
    inputTokensPerRequest: z
      .number()
      .int()
      .positive()
      .max(2_000_000)
      .describe(
        'Average input tokens sent with one request in production (prompt, instructions, retrieved passages, history): the API bill and the serving context',
      )
      .optional(),
    outputTokensPerRequest: z
      .number()
      .int()
      .positive()
      .max(200_000)
      .describe('Average tokens the model writes for one request in production (the API bill and the serving context)')
      .optional(),
    allowedProviders: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .max(20)
      .describe(
        'The only outside vendors and clouds the team may use (provider ids, names or aliases from GET /v1/catalog/providers: "azure-openai", "AWS"); unset means any',
      )
      .optional(),
    gpusRented: z
      .boolean()
      .describe(
        'The GPUs named (gpuName, gpuCount) are rented by the hour or month, not owned: serving on them has a monthly bill',
      )
      .optional(),
  })
  .strict()
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof Profile>;
export type ProfileField = keyof Profile;
export const PROFILE_FIELDS = Object.keys(Profile.shape) as ProfileField[];
