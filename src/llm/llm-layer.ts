import type { Explanation } from '../engine/recommendation-schema.ts';
import { templateExplanation } from '../explainer/template-explanation.ts';
import { type BreakerStatus, createCircuitBreaker } from './circuit-breaker.ts';
import {
  type ExplainDependencies,
  type ExplainInput,
  type ExplanationEvent,
  explainOnce,
  streamExplanation,
  type TemplateExplainer,
} from './explain.ts';
import { type ExtractOptions, extractProfileWithLlm, type LlmExtraction } from './extract.ts';
import { createLlmClient, type LlmCallEvent } from './llm-client.ts';
import type { LlmConfig, LlmMode } from './llm-config.ts';
import type { Prompts } from './prompt-templates.ts';

/**
 * The LLM layer as the HTTP and chat layers use it: one object, created once at start-up, holding the client, the
 * shared circuit breaker and the prompts. With the LLM off every method still answers (template explanation, empty
 * extraction) with `fallbackReason: 'llm-off'`.
 */

/** What `/readyz` shows about the LLM. The LLM is optional, so it never makes the service unready. */
export interface LlmStatus {
  readonly mode: LlmMode;
  readonly enabled: boolean;
  readonly model: string | null;
  /** Origin of OPENAI_BASE_URL (no path, no credentials), or "https://api.openai.com" by default; null when off. */
  readonly endpoint: string | null;
  readonly breaker: BreakerStatus;
  readonly promptVersions: Readonly<Record<string, number>>;
}

export interface LlmLayer {
  readonly enabled: boolean;
  /** Deltas, then exactly one `final` event (see `streamExplanation` in explain.ts). Never throws. */
  streamExplanation(input: ExplainInput): AsyncGenerator<ExplanationEvent, void, undefined>;
  /** The final explanation only (LLM text if it passed the engine check, else the flagged template). Never throws. */
  explainOnce(input: ExplainInput): Promise<Explanation>;
  /** LLM profile extraction; empty with a `fallbackReason` on any fault. Never throws. */
  extractProfileWithLlm(message: string, options?: ExtractOptions): Promise<LlmExtraction>;
  status(): LlmStatus;
}

export interface CreateLlmLayerOptions {
  readonly config: LlmConfig;
  readonly prompts: Prompts;
  /** The rule-only explainer; defaults to `templateExplanation` of src/explainer/template-explanation.ts. */
  readonly templateExplanation?: TemplateExplainer;
  readonly fetch?: typeof fetch;
  /** Observability: every attempt, retry, success and failure of an upstream call. */
  readonly onEvent?: (event: LlmCallEvent) => void;
  /** Clock for the circuit breaker (tests). */
  readonly now?: () => number;
  /** First retry delay without Retry-After (tests shorten it). */
  readonly backoffBaseMs?: number;
}

/** Build the layer from the validated config and the loaded prompts. */
export function createLlmLayer(options: CreateLlmLayerOptions): LlmLayer {
  const { config, prompts } = options;
  const client = config.enabled
    ? createLlmClient(config, {
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
        ...(options.backoffBaseMs === undefined ? {} : { backoffBaseMs: options.backoffBaseMs }),
      })
    : undefined;
  const breaker = createCircuitBreaker({
    threshold: config.breakerThreshold,
    cooldownMs: config.breakerCooldownMs,
    ...(options.now ? { now: options.now } : {}),
  });
  const explainDependencies: ExplainDependencies = {
    client,
    breaker,
    prompts,
    templateExplanation: options.templateExplanation ?? templateExplanation,
    stallTimeoutMs: config.stallTimeoutMs,
  };
  const endpoint = config.enabled ? new URL(config.baseURL ?? 'https://api.openai.com/v1').origin : null;

  return {
    enabled: config.enabled,
    streamExplanation: (input) => streamExplanation(explainDependencies, input),
    explainOnce: (input) => explainOnce(explainDependencies, input),
    extractProfileWithLlm: (message, extractOptions) =>
      extractProfileWithLlm({ client, breaker, prompts }, message, extractOptions),
    status: () => ({
      mode: config.mode,
      enabled: config.enabled,
      model: config.enabled ? config.model : null,
      endpoint,
      breaker: breaker.status(),
      promptVersions: prompts.versions,
    }),
  };
}
