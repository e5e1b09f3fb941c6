import { z } from 'zod';
import { Recommendation } from '../engine/recommendation-schema.ts';
import { Gpu, Method, Model, Provider, Source } from '../knowledge/schemas.ts';
import { Jobs } from '../profile/job-schema.ts';
import { METHOD_IDS, MODALITIES, MODEL_ACCESS, Profile } from '../profile/profile-schema.ts';

/** Request and response schemas of the REST API; they generate /openapi.json. */

export const ExplainMode = z.enum(['none', 'template', 'llm']);

export const RecommendationRequest = z
  .object({
    profile: Profile,
    jobs: Jobs.optional(),
    options: z
      .object({
        explain: ExplainMode.default('template').describe(
          '"none": no explanation; "template": deterministic text; "llm": LLM-written text, falling back to the template (the answer says why)',
        ),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({
    id: 'RecommendationRequest',
    example: {
      profile: {
        modelName: 'Llama 3.1 8B',
        labeledExamples: 2000,
        knowledgeChanges: 'weekly',
        needsCitations: true,
        gpuName: 'RTX 4090',
        gpuCount: 1,
        oneTimeBudgetUSD: 500,
      },
      options: { explain: 'template' },
    },
  });

export const RecommendationResponse = Recommendation;

export const WORKLOADS = ['inference', 'full-fine-tuning', 'lora', 'qlora'] as const;
export const PRECISIONS = ['fp32', 'bf16', 'fp16', 'int8', 'int4'] as const;

export const EstimateRequest = z
  .object({
    modelName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Resolved against the model catalog (aliases, case-insensitive)'),
    modelParamsB: z
      .number()
      .positive()
      .max(100_000)
      .optional()
      .describe('Parameters in billions, when the model is not in the catalog'),
    workload: z.enum(WORKLOADS),
    precision: z.enum(PRECISIONS).optional().describe('Weights precision; default bf16 (int4 for qlora)'),
    sequenceLength: z.number().int().positive().max(10_000_000).optional(),
    batchSize: z.number().int().positive().max(100_000).optional(),
    gpuName: z.string().trim().min(1).max(200).optional().describe('Resolved against the GPU catalog'),
    gpuMemoryGB: z
      .number()
      .positive()
      .max(10_000)
      .optional()
      .describe('Memory per GPU, GB, when the GPU is not in the catalog'),
    gpuCount: z.number().int().min(1).max(100_000).optional(),
    trainingTokens: z
      .number()
      .positive()
      .max(1e16)
      .optional()
      .describe('Tokens seen in training, epochs included (D in 6·P·D)'),
    loraRank: z.number().int().min(1).max(4096).optional(),
  })
  .strict()
  .refine((request) => request.modelName !== undefined || request.modelParamsB !== undefined, {
    message: 'give modelName (from the catalog) or modelParamsB',
    path: ['modelName'],
  })
  .meta({
    id: 'EstimateRequest',
    example: { modelName: 'Llama 3.1 8B', workload: 'qlora', gpuName: 'RTX 4090', trainingTokens: 20_000_000 },
  });
export type EstimateRequest = z.infer<typeof EstimateRequest>;

export const EstimateResponse = z
  .object({
    memoryGB: z.object({
      total: z.number(),
      perGpu: z.number(),
      breakdown: z.object({
        weights: z.number(),
        kvCache: z.number().optional(),
        activations: z.number().optional(),
        gradients: z.number().optional(),
        optimizer: z.number().optional(),
        adapters: z.number().optional(),
        overhead: z.number(),
      }),
    }),
    fits: z.boolean().nullable().describe('null when the GPU memory is unknown'),
    compute: z
      .object({
        flops: z.number(),
        gpuHours: z.number(),
        utilisation: z.number(),
        wallClockHours: z.number().optional().describe('gpuHours spread over gpuCount GPUs'),
      })
      .optional(),
    costUSD: z.number().optional().describe('GPU-hours × the catalog price per GPU-hour, when both are known'),
    assumptions: z.array(z.string()),
    model: z.object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      paramsB: z.number(),
      architecture: z.enum(['catalog', 'assumed']),
    }),
    gpu: z
      .object({
        id: z.string().nullable(),
        name: z.string().nullable(),
        memoryGB: z.number(),
        count: z.number(),
        price: z
          .object({ usdPerHour: z.number(), where: z.string(), asOf: z.string(), sources: z.array(z.string()) })
          .nullable(),
      })
      .nullable(),
    knowledgeVersion: z.string(),
  })
  .meta({ id: 'EstimateResponse' });
export type EstimateResponse = z.infer<typeof EstimateResponse>;

export const MethodSchema = Method.meta({ id: 'Method' });
export const MethodsResponse = z
  .object({ methods: z.array(MethodSchema), knowledgeVersion: z.string() })
  .meta({ id: 'MethodsResponse' });
export const MethodIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .meta({ param: { name: 'id', in: 'path' }, example: 'lora', description: `One of: ${METHOD_IDS.join(', ')}` }),
});

export const ModelSchema = Model.meta({ id: 'Model' });
export const ModelsQuery = z.object({
  q: z.string().trim().min(1).max(200).optional().describe('Filter by name, alias, id, vendor or family'),
  access: z.enum(MODEL_ACCESS).optional(),
  modality: z.enum(MODALITIES).optional(),
});
export const NameQuery = z.object({
  q: z.string().trim().min(1).max(200).optional().describe('Filter by name, alias, id or vendor'),
});
export const ModelsResponse = z
  .object({ models: z.array(ModelSchema), knowledgeVersion: z.string() })
  .meta({ id: 'ModelsResponse' });
export const GpuSchema = Gpu.meta({ id: 'Gpu' });
export const GpusResponse = z
  .object({ gpus: z.array(GpuSchema), knowledgeVersion: z.string() })
  .meta({ id: 'GpusResponse' });
export const ProviderSchema = Provider.meta({ id: 'Provider' });
export const ProvidersResponse = z
  .object({ providers: z.array(ProviderSchema), knowledgeVersion: z.string() })
  .meta({ id: 'ProvidersResponse' });
export const SourceSchema = Source.meta({ id: 'Source' });
export const SourcesResponse = z
  .object({ sources: z.array(SourceSchema), knowledgeVersion: z.string() })
  .meta({ id: 'SourcesResponse' });

/** The optional LLM as /readyz shows it: informational only (the LLM off or its breaker open never makes it 503). */
export const LlmReadiness = z
  .object({
    mode: z.enum(['off', 'auto']).describe('LLM_MODE'),
    enabled: z.boolean().describe('True when the LLM is called (mode auto and a key set)'),
    model: z.string().nullable().describe('OPENAI_MODEL when enabled, else null'),
    breaker: z
      .object({
        state: z.enum(['closed', 'open', 'half-open']),
        consecutiveFailures: z.number().int(),
        openUntil: z.string().nullable().describe('While open: when the next trial call may go through'),
      })
      .describe('Circuit breaker: while open, answers use the rule-only template without calling the LLM'),
  })
  .meta({ id: 'LlmReadiness' });

export const HealthResponse = z.object({ status: z.literal('ok') }).meta({ id: 'HealthResponse' });
export const ReadinessResponse = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    knowledgeVersion: z.string().nullable(),
    checks: z.array(z.object({ name: z.string(), ok: z.boolean(), reason: z.string().optional() })),
    llm: LlmReadiness.optional(),
  })
  .meta({ id: 'ReadinessResponse' });
