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
    modelParamsB: z.number().positive().max(100_000).describe('Parameters, in billions').optional(),
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
  })
  .strict()
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof Profile>;
export type ProfileField = keyof Profile;
export const PROFILE_FIELDS = Object.keys(Profile.shape) as ProfileField[];
