import { z } from 'zod';
import { ConfigError, type ErrorDetail } from '../errors.ts';
import { isSecretKey } from '../logger.ts';

/**
 * Configuration of the optional LLM layer, read from environment variables. Pure: pass `process.env` (or a test
 * object) to `parseLlmConfig`; only the process entry point decides what to do with a thrown `LlmConfigError`.
 */

export const LLM_MODES = ['off', 'auto'] as const;
export type LlmMode = (typeof LLM_MODES)[number];

export interface LlmConfig {
  /** True when the LLM will be called: `LLM_MODE=auto` and an API key is set. */
  readonly enabled: boolean;
  readonly mode: LlmMode;
  readonly apiKey: string | undefined;
  /** Undefined means the openai client's default (https://api.openai.com/v1). */
  readonly baseURL: string | undefined;
  readonly model: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryAfterMaxMs: number;
  readonly stallTimeoutMs: number;
  readonly breakerThreshold: number;
  readonly breakerCooldownMs: number;
}

/** Thrown by `parseLlmConfig`; the message and `details` (one per variable) name every offending variable. */
export class LlmConfigError extends ConfigError {
  override name = 'LlmConfigError';
}

interface EnvDoc {
  readonly name: string;
  /** The default as it would be written in .env.example; empty when there is none. */
  readonly default: string;
  readonly description: string;
}

/** Documentation of every LLM variable, in the order they should appear in .env.example and the README. */
export const LLM_ENV_DOCS: readonly EnvDoc[] = [
  {
    name: 'LLM_MODE',
    default: 'auto',
    description:
      '`off`: never call an LLM (rule-based extraction and template explanations only). `auto`: use the LLM when OPENAI_API_KEY is set.',
  },
  {
    name: 'OPENAI_API_KEY',
    default: '',
    description:
      'API key of the OpenAI-compatible server. Local servers without authentication (vLLM, Ollama, LM Studio) still need a placeholder such as `local`, because `auto` mode only turns the LLM on when a key is set.',
  },
  {
    name: 'OPENAI_BASE_URL',
    default: '',
    description:
      'Base URL of the Chat Completions API; empty means OpenAI (https://api.openai.com/v1). Azure OpenAI: https://<resource>.openai.azure.com/openai/v1 (the v1 API; OPENAI_MODEL is then the deployment name). vLLM: http://localhost:8000/v1. Ollama: http://localhost:11434/v1. LM Studio: http://localhost:1234/v1.',
  },
  {
    name: 'OPENAI_MODEL',
    default: 'gpt-4o-mini',
    description: 'Model (or Azure deployment) name sent with every request.',
  },
  {
    name: 'LLM_TIMEOUT_MS',
    default: '20000',
    description:
      'Per attempt: time allowed until the response starts (streaming) or completes (structured extraction).',
  },
  {
    name: 'LLM_MAX_RETRIES',
    default: '1',
    description: 'Retries after a timeout, connection error, 408/409/5xx or 429 (0 = a single attempt).',
  },
  {
    name: 'LLM_RETRY_AFTER_MAX_MS',
    default: '5000',
    description:
      'A 429 with Retry-After (or retry-after-ms) is retried after that delay only if it is at most this long; otherwise the call gives up at once and the rule-only answer is used.',
  },
  {
    name: 'LLM_STALL_TIMEOUT_MS',
    default: '8000',
    description: 'A streamed explanation that sends no chunk for this long is cut and replaced by the template.',
  },
  {
    name: 'LLM_BREAKER_THRESHOLD',
    default: '3',
    description: 'Consecutive failed LLM calls that open the circuit breaker (no LLM calls until the cool-down ends).',
  },
  {
    name: 'LLM_BREAKER_COOLDOWN_MS',
    default: '60000',
    description: 'How long the open breaker skips the LLM before letting one trial call through.',
  },
];

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const integerVariable = (defaultValue: number, minimum: number, maximum: number) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+$/, `must be a whole number between ${minimum} and ${maximum}`)
      .transform(Number)
      .pipe(z.number().int().min(minimum).max(maximum))
      .default(defaultValue),
  );

const LlmEnv = z.object({
  LLM_MODE: z.preprocess(
    (value) => (typeof value === 'string' ? emptyToUndefined(value.trim().toLowerCase()) : value),
    z.enum(LLM_MODES, { error: 'must be "off" or "auto"' }).default('auto'),
  ),
  OPENAI_API_KEY: z.preprocess(emptyToUndefined, z.string().trim().optional()),
  OPENAI_BASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:11434/v1' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(200).default('gpt-4o-mini')),
  LLM_TIMEOUT_MS: integerVariable(20_000, 100, 600_000),
  LLM_MAX_RETRIES: integerVariable(1, 0, 10),
  LLM_RETRY_AFTER_MAX_MS: integerVariable(5_000, 0, 600_000),
  LLM_STALL_TIMEOUT_MS: integerVariable(8_000, 100, 600_000),
  LLM_BREAKER_THRESHOLD: integerVariable(3, 1, 1_000),
  LLM_BREAKER_COOLDOWN_MS: integerVariable(60_000, 0, 86_400_000),
});

/**
 * Validate the LLM variables of `env` and return the configuration. Unset or empty variables take their defaults
 * (see `LLM_ENV_DOCS`). The LLM is enabled only when `LLM_MODE` is `auto` and `OPENAI_API_KEY` is non-empty.
 *
 * @throws LlmConfigError naming each invalid variable, e.g.
 *   `Invalid LLM configuration: LLM_TIMEOUT_MS must be a whole number between 100 and 600000 (got "fast")`.
 * @example parseLlmConfig({ OPENAI_API_KEY: 'local', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'llama3.1' })
 */
export function parseLlmConfig(env: Record<string, string | undefined>): LlmConfig {
  const result = LlmEnv.safeParse(env);
  if (!result.success) {
    const details: ErrorDetail[] = result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '(environment)');
      // Never echo a credential (OPENAI_API_KEY): the message goes to stderr and the process manager's logs.
      const given = isSecretKey(variable) ? undefined : env[variable];
      return { path: variable, message: `${issue.message}${given === undefined ? '' : ` (got "${given}")`}` };
    });
    const lines = details.map((detail) => `${detail.path} ${detail.message}`).join('; ');
    throw new LlmConfigError(`Invalid LLM configuration: ${lines}. See .env.example.`, details);
  }
  const parsed = result.data;
  return Object.freeze({
    enabled: parsed.LLM_MODE === 'auto' && parsed.OPENAI_API_KEY !== undefined && parsed.OPENAI_API_KEY !== '',
    mode: parsed.LLM_MODE,
    apiKey: parsed.OPENAI_API_KEY,
    baseURL: parsed.OPENAI_BASE_URL,
    model: parsed.OPENAI_MODEL,
    timeoutMs: parsed.LLM_TIMEOUT_MS,
    maxRetries: parsed.LLM_MAX_RETRIES,
    retryAfterMaxMs: parsed.LLM_RETRY_AFTER_MAX_MS,
    stallTimeoutMs: parsed.LLM_STALL_TIMEOUT_MS,
    breakerThreshold: parsed.LLM_BREAKER_THRESHOLD,
    breakerCooldownMs: parsed.LLM_BREAKER_COOLDOWN_MS,
  });
}
