import { createRoute } from '@hono/zod-openapi';
import { type ErrorDetail, ValidationError } from '../../errors.ts';
import type { EstimateInput } from '../../estimator/types.ts';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import type { Gpu, Model } from '../../knowledge/schemas.ts';
import { suggestGpuNames, suggestModelNames } from '../../knowledge/suggest-names.ts';
import { errorResponses, jsonResponse } from '../openapi-helpers.ts';
import { type EstimateRequest, EstimateRequest as EstimateRequestSchema, EstimateResponse } from '../schemas.ts';
import type { App, AppDeps, EstimateFunction } from '../types.ts';

const route = createRoute({
  method: 'post',
  path: '/v1/estimates',
  tags: ['advice'],
  summary: 'Memory, compute and cost of one model × workload × hardware',
  description:
    'A catalog model uses its real architecture (layers, KV heads, head size, vocabulary); with only modelParamsB the ' +
    'estimator assumes a Llama-style architecture and says so in `assumptions`. Unknown names are a 400 with close matches.',
  request: { body: { required: true, content: { 'application/json': { schema: EstimateRequestSchema } } } },
  responses: {
    200: jsonResponse(EstimateResponse, 'The estimate, with the resolved model and GPU'),
    ...errorResponses(400, 413, 415, 500),
  },
});

/** Relative difference above which an explicit number contradicts the catalog. */
const CONFLICT_TOLERANCE = 0.05;

function differs(given: number, catalog: number): boolean {
  return Math.abs(given - catalog) / catalog > CONFLICT_TOLERANCE;
}

function unknownName(field: string, kind: string, name: string, suggestions: string[]): ErrorDetail {
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  return { path: field, message: `unknown ${kind} "${name}"${hint}` };
}

/**
 * Resolves names against the catalog and turns the request into the estimator's input.
 * Throws a ValidationError naming every unresolvable or contradictory field.
 */
export function resolveEstimateInput(
  request: EstimateRequest,
  knowledge: Knowledge,
): { input: EstimateInput; model: Model | undefined; gpu: Gpu | undefined } {
  const details: ErrorDetail[] = [];
  let model: Model | undefined;
  if (request.modelName !== undefined) {
    model = knowledge.findModel(request.modelName);
    if (!model)
      details.push(
        unknownName('modelName', 'model', request.modelName, suggestModelNames(knowledge, request.modelName)),
      );
  }
  let paramsB = request.modelParamsB;
  if (model) {
    if (model.paramsB === undefined && paramsB === undefined)
      details.push({
        path: 'modelName',
        message: `"${model.name}" has no published parameter count (its weights are not public); give modelParamsB to estimate a model of a known size`,
      });
    else if (model.paramsB !== undefined && paramsB !== undefined && differs(paramsB, model.paramsB))
      details.push({
        path: 'modelParamsB',
        message: `${paramsB} conflicts with the catalog's ${model.paramsB} for "${model.name}"; send modelName or modelParamsB, not both`,
      });
    paramsB ??= model.paramsB;
  }

  let gpu: Gpu | undefined;
  if (request.gpuName !== undefined) {
    gpu = knowledge.findGpu(request.gpuName);
    if (!gpu) details.push(unknownName('gpuName', 'GPU', request.gpuName, suggestGpuNames(knowledge, request.gpuName)));
  }
  if (gpu && request.gpuMemoryGB !== undefined && differs(request.gpuMemoryGB, gpu.memoryGB))
    details.push({
      path: 'gpuMemoryGB',
      message: `${request.gpuMemoryGB} GB conflicts with the catalog's ${gpu.memoryGB} GB for "${gpu.name}"; send gpuName or gpuMemoryGB, not both`,
    });

  if (details.length > 0 || paramsB === undefined) {
    throw new ValidationError(
      `The request is invalid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      details,
    );
  }

  const input: EstimateInput = {
    model: {
      paramsB,
      ...(model?.architecture ? { architecture: model.architecture } : {}),
      ...(model ? { name: model.name } : {}),
    },
    workload: request.workload,
  };
  if (request.precision !== undefined) input.precision = request.precision;
  if (request.sequenceLength !== undefined) input.sequenceLength = request.sequenceLength;
  if (request.batchSize !== undefined) input.batchSize = request.batchSize;
  const gpuMemoryGB = gpu?.memoryGB ?? request.gpuMemoryGB;
  if (gpuMemoryGB !== undefined) input.gpuMemoryGB = gpuMemoryGB;
  if (request.gpuCount !== undefined) input.gpuCount = request.gpuCount;
  if (gpu?.denseBf16Tflops) input.denseBf16Tflops = gpu.denseBf16Tflops;
  if (gpu?.price) input.usdPerGpuHour = gpu.price.usdPerHour;
  if (request.trainingTokens !== undefined) input.trainingTokens = request.trainingTokens;
  if (request.loraRank !== undefined) input.loraRank = request.loraRank;
  return { input, model, gpu };
}

/**
 * The estimate answer for a validated request: names resolved against the catalog, the estimator's figures (hours to
 * 3 significant figures), the resolved model and GPU. Throws a ValidationError naming every bad field. Shared by
 * POST /v1/estimates and the MCP tool `estimate_memory_and_cost`.
 */
export function estimateAnswer(
  request: EstimateRequest,
  knowledge: Knowledge,
  estimate: EstimateFunction,
): EstimateResponse {
  const { input, model, gpu } = resolveEstimateInput(request, knowledge);
  const result = estimate(input);
  const gpuMemoryGB = input.gpuMemoryGB;
  return {
    ...result,
    memoryGB: { ...result.memoryGB, breakdown: { ...result.memoryGB.breakdown } },
    // Hours to 3 significant figures: the estimate is not more precise than that.
    ...(result.compute
      ? {
          compute: {
            ...result.compute,
            gpuHours: Number(result.compute.gpuHours.toPrecision(3)),
            ...(result.compute.wallClockHours === undefined
              ? {}
              : { wallClockHours: Number(result.compute.wallClockHours.toPrecision(3)) }),
          },
        }
      : {}),
    assumptions: [...result.assumptions],
    model: {
      id: model?.id ?? null,
      name: model?.name ?? null,
      paramsB: input.model.paramsB,
      architecture: input.model.architecture ? ('catalog' as const) : ('assumed' as const),
    },
    gpu:
      gpuMemoryGB === undefined
        ? null
        : {
            id: gpu?.id ?? null,
            name: gpu?.name ?? null,
            memoryGB: gpuMemoryGB,
            count: input.gpuCount ?? 1,
            price: gpu?.price ? { ...gpu.price, sources: [...gpu.price.sources] } : null,
          },
    knowledgeVersion: knowledge.version,
  };
}

/** POST /v1/estimates. */
export function registerEstimateRoutes(app: App, deps: AppDeps, estimate: EstimateFunction): void {
  app.openapi(route, (c) => c.json(estimateAnswer(c.req.valid('json'), deps.knowledge, estimate), 200));
}
