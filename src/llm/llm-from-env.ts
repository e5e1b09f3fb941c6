import type { Explanation } from '../engine/recommendation-schema.ts';
import { templateExplanation } from '../explainer/template-explanation.ts';
import type { Logger } from '../logger.ts';
import type { AppMetrics } from '../observability/app-metrics.ts';
import { fallbackExplanation } from './explain.ts';
import type { LlmCallEvent } from './llm-client.ts';
import { type LlmConfig, parseLlmConfig } from './llm-config.ts';
import { createLlmLayer, type LlmLayer } from './llm-layer.ts';
import { loadPrompts } from './prompt-templates.ts';

/**
 * Start-up wiring of the optional LLM layer: environment → validated config → prompts → layer. Used by
 * src/index.ts; the only I/O is reading prompts/ (and only when the LLM is enabled).
 */

/** Where the prompt templates live unless PROMPTS_DIR says otherwise. */
export const DEFAULT_PROMPTS_DIR = 'prompts';

/**
 * The LLM client's call events as metrics and logs: `llm_calls_total{outcome}` counts one per upstream attempt
 * ("success" or the failure reason, retried attempts included); retries and final failures are logged at warn level.
 */
export function recordLlmEvents(sinks: {
  metrics?: AppMetrics | undefined;
  logger?: Logger | undefined;
}): (event: LlmCallEvent) => void {
  const { metrics, logger } = sinks;
  return (event) => {
    if (event.type === 'success') metrics?.llmCall('success');
    else if (event.type === 'retry') {
      metrics?.llmCall(event.reason);
      logger?.warn('llm call retried', {
        operation: event.operation,
        attempt: event.attempt,
        reason: event.reason,
        delayMs: Math.round(event.delayMs),
        ...(event.status === undefined ? {} : { status: event.status }),
      });
    } else if (event.type === 'failure') {
      metrics?.llmCall(event.reason);
      logger?.warn('llm call failed', {
        operation: event.operation,
        attempt: event.attempt,
        reason: event.reason,
        message: event.message,
        ...(event.status === undefined ? {} : { status: event.status }),
      });
    }
  };
}

export interface LlmFromEnvOptions {
  /** Directory of the prompt templates; default `env.PROMPTS_DIR`, else "prompts". */
  readonly promptsDir?: string;
  readonly onEvent?: (event: LlmCallEvent) => void;
  /** Custom fetch for the openai client (tests, proxies). */
  readonly fetch?: typeof fetch;
}

/**
 * The layer with the LLM off (`LLM_MODE=off`, or `auto` without a key): no client exists, nothing is ever sent.
 * Explanations are the template flagged `fallbackReason: "llm-off"`, extraction is empty with the same reason, and
 * `status()` reports the mode so /readyz can show why the LLM is not used.
 */
export function createDisabledLlmLayer(config: Pick<LlmConfig, 'mode'>): LlmLayer {
  const explain = (input: Parameters<LlmLayer['explainOnce']>[0]): Explanation =>
    fallbackExplanation({ templateExplanation }, input, 'llm-off');
  return {
    enabled: false,
    async *streamExplanation(input) {
      yield { type: 'final', explanation: explain(input), replacesStreamedText: false };
    },
    explainOnce: async (input) => explain(input),
    extractProfileWithLlm: async () => ({
      fields: {},
      rejected: [],
      notes: ['The LLM is off: only the rule-based extractor ran.'],
      fallbackReason: 'llm-off',
    }),
    status: () => ({
      mode: config.mode,
      enabled: false,
      model: null,
      endpoint: null,
      breaker: { state: 'closed', consecutiveFailures: 0, openUntil: null },
      promptVersions: {},
    }),
  };
}

/**
 * Parse the LLM variables of `env` and, when the LLM is enabled (`LLM_MODE=auto` and `OPENAI_API_KEY` set), load
 * and check the prompts and build the layer. With the LLM off it returns `createDisabledLlmLayer`: no client, no
 * prompts read, so an offline deployment behaves exactly as without this layer.
 * @throws LlmConfigError for an invalid variable, PromptTemplateError for a missing or broken template (both are
 *   ConfigErrors: start-up stops with a message naming the variable or file).
 */
export async function createLlmFromEnv(
  env: Record<string, string | undefined>,
  options: LlmFromEnvOptions = {},
): Promise<LlmLayer> {
  const config = parseLlmConfig(env);
  if (!config.enabled) return createDisabledLlmLayer(config);
  const promptsDir = options.promptsDir ?? (env.PROMPTS_DIR?.trim() || DEFAULT_PROMPTS_DIR);
  const prompts = await loadPrompts(promptsDir);
  return createLlmLayer({
    config,
    prompts,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
