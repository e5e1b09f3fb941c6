/** @module estimator/serving-cost: monthly self-hosting vs API cost at a request rate. */
import type { ServingCostInput, ServingCostResult } from './types.ts';

/** Hours in an average month: 24 × 365 / 12. */
export const HOURS_PER_MONTH = 730;
/** Days per month used for API traffic. */
export const DAYS_PER_MONTH = 30;
export const DEFAULT_INPUT_TOKENS_PER_REQUEST = 1000;
export const DEFAULT_OUTPUT_TOKENS_PER_REQUEST = 300;

/**
 * Monthly cost of serving `requestsPerDay`: self-hosted = GPUs × $/GPU-hour × 730 h (GPUs kept running all month);
 * API = requests/day × 30 days × (input tokens × input price + output tokens × output price) / 1M. Each side is null
 * when its inputs are missing; every default is listed in `assumptions`.
 * @example estimateServingCost({ requestsPerDay: 1000, gpuCount: 1, usdPerGpuHour: 2 }).selfHostedMonthlyUSD // 1460
 */
export function estimateServingCost(input: ServingCostInput): ServingCostResult {
  const assumptions: string[] = [];
  let selfHostedMonthlyUSD: number | null = null;
  if (input.gpuCount === undefined || input.usdPerGpuHour === undefined || input.gpuCount < 1) {
    assumptions.push(
      `Self-hosting cost not estimated: ${input.gpuCount === undefined || input.gpuCount < 1 ? 'number of GPUs' : 'price per GPU-hour'} unknown.`,
    );
  } else {
    selfHostedMonthlyUSD = round(input.gpuCount * input.usdPerGpuHour * HOURS_PER_MONTH);
    assumptions.push(
      `Self-hosting: ${input.gpuCount} GPU${input.gpuCount === 1 ? '' : 's'} running ${HOURS_PER_MONTH} hours a month at $${input.usdPerGpuHour} per GPU-hour; assumes they can serve the traffic, excludes staff, storage and networking.`,
    );
  }
  const inputTokens = input.inputTokensPerRequest ?? DEFAULT_INPUT_TOKENS_PER_REQUEST;
  const outputTokens = input.outputTokensPerRequest ?? DEFAULT_OUTPUT_TOKENS_PER_REQUEST;
  let apiMonthlyUSD: number | null = null;
  const inputPrice = input.apiUsdPerMillionInput;
  const outputPrice = input.apiUsdPerMillionOutput;
  if (inputPrice === undefined || outputPrice === undefined) {
    assumptions.push('API cost not estimated: price per million input or output tokens unknown.');
  } else {
    const perRequest = (inputTokens * inputPrice + outputTokens * outputPrice) / 1e6;
    apiMonthlyUSD = round(input.requestsPerDay * DAYS_PER_MONTH * perRequest);
    assumptions.push(
      `API: ${input.requestsPerDay} requests a day for ${DAYS_PER_MONTH} days, ${inputTokens} input and ${outputTokens} output tokens per request${input.inputTokensPerRequest === undefined || input.outputTokensPerRequest === undefined ? ' (assumed)' : ''}, at $${inputPrice} / $${outputPrice} per million input / output tokens.`,
    );
  }
  return { selfHostedMonthlyUSD, apiMonthlyUSD, assumptions };
}

function round(usd: number): number {
  return Math.round(usd * 100) / 100;
}
