import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import {
  CHANGE_FREQUENCIES,
  CORPUS_SIZES,
  DEPLOYMENTS,
  EXPERTISE_LEVELS,
  GOALS,
  METHOD_IDS,
  MODALITIES,
  MODEL_ACCESS,
  MODEL_STAGES,
  PROFILE_FIELDS,
  Profile,
  type ProfileField,
  TASK_TYPES,
  TRIED_RESULTS,
} from '../profile/profile-schema.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { type FallbackReason, recordOutcome, type TokenUsage } from './explain.ts';
import { boundedHistory, type ChatTurn } from './explain-prompt.ts';
import { type LlmClient, toLlmCallError } from './llm-client.ts';
import type { Prompts } from './prompt-templates.ts';

/**
 * Structured extraction of profile fields from free text with the LLM (`chat.completions.parse` + a strict zod
 * response format), and the merge with the rule-based extractor.
 *
 * Strict structured outputs accept no `.optional()` and no records, so every field is `.nullable()` (null = not
 * stated). Ranges are not put into the JSON schema (weaker servers ignore or reject them); every value is checked
 * against the Profile schema afterwards, and invalid values are dropped and reported.
 */

const LLM_FIELD_SHAPE = {
  modelName: z.string().nullable().describe('The foundation model named, e.g. "Llama 3.1 8B", "GPT-4o mini"'),
  modelAccess: z
    .enum(MODEL_ACCESS)
    .nullable()
    .describe(
      'open-weights: weights downloadable; api-only: only an API; api-with-finetuning: an API that offers tuning',
    ),
  modelParamsB: z.number().nullable().describe('Model size in billions of parameters, e.g. 8 for "8B"'),
  modality: z.enum(MODALITIES).nullable().describe('What the model handles'),
  task: z.string().nullable().describe('What the model should do, in a short phrase'),
  labeledExamples: z.number().nullable().describe('Number of input/output example pairs the team has'),
  unlabeledCorpus: z.enum(CORPUS_SIZES).nullable().describe('Domain documents available (small: up to thousands)'),
  knowledgeChanges: z.enum(CHANGE_FREQUENCIES).nullable().describe('How often the knowledge the answers need changes'),
  needsCitations: z.boolean().nullable().describe('Answers must cite their sources'),
  needsStyleOrFormat: z.boolean().nullable().describe('A strict tone, style or output format is required'),
  gpuName: z.string().nullable().describe('GPU model, e.g. "A100 80GB", "RTX 4090"'),
  gpuCount: z.number().nullable().describe('Number of GPUs (0 if the team says it has none)'),
  gpuMemoryGB: z.number().nullable().describe('Memory per GPU in GB'),
  oneTimeBudgetUSD: z.number().nullable().describe('One-time budget in US dollars (training, setup)'),
  monthlyBudgetUSD: z.number().nullable().describe('Monthly budget in US dollars (serving, API)'),
  mlExpertise: z.enum(EXPERTISE_LEVELS).nullable().describe("The team's machine-learning experience"),
  latencyTargetMs: z.number().nullable().describe('Target response latency in milliseconds'),
  requestsPerDay: z.number().nullable().describe('Expected requests per day'),
  deployment: z.enum(DEPLOYMENTS).nullable().describe('Where the model will run'),
  dataMustStayOnPrem: z.boolean().nullable().describe('No data may leave the premises'),
  timelineWeeks: z.number().nullable().describe('Time available, in weeks'),
  multilingual: z.boolean().nullable().describe('Several languages must be handled'),
  safetyCritical: z.boolean().nullable().describe('Errors could cause harm (medical, legal, safety)'),
  tasksCount: z.number().nullable().describe('Number of distinct tasks or tenants sharing one base model'),
  goals: z.array(z.enum(GOALS)).nullable().describe('What must get better (knowledge, format, cost, ...)'),
  taskType: z.enum(TASK_TYPES).nullable().describe('The shape of the task'),
  preferencePairs: z.number().nullable().describe('Chosen/rejected answer pairs available'),
  modelStage: z.enum(MODEL_STAGES).nullable().describe('base, instruct or fine-tuned'),
  tried: z
    .array(z.object({ method: z.enum(METHOD_IDS), result: z.enum(TRIED_RESULTS) }).strict())
    .nullable()
    .describe('Methods already tried and how they went'),
  teacherModel: z.string().nullable().describe('A larger model whose outputs may train a smaller one'),
  deviceMemoryGB: z.number().nullable().describe('Memory the model may use on the target device, GB'),
  corpusTokens: z.number().nullable().describe('Size of the domain corpus in tokens'),
  canSwitchModel: z.boolean().nullable().describe('The team may switch to another model'),
  exampleTokens: z.number().nullable().describe('Average tokens in one training example (input and output together)'),
  currentMonthlySpendUSD: z
    .number()
    .nullable()
    .describe('What the team pays per month today for the model (its current API bill), not a budget'),
  allowedProviders: z
    .array(z.string())
    .nullable()
    .describe('The only clouds or vendors the team may use ("azure-openai", "aws-bedrock", "google-vertex", "openai")'),
  gpusRented: z.boolean().nullable().describe('The GPUs the team named are rented (hourly or monthly), not owned'),
  inputTokensPerRequest: z
    .number()
    .nullable()
    .describe('Average input tokens one production request sends (prompt, retrieved passages), not a training example'),
  outputTokensPerRequest: z.number().nullable().describe('Average tokens the model writes for one production request'),
} satisfies Record<ProfileField, z.ZodType>;

/** The response format sent to the LLM: every Profile field, nullable. */
export const LlmProfileExtraction = z.object(LLM_FIELD_SHAPE).strict();
export type LlmProfileExtraction = z.infer<typeof LlmProfileExtraction>;
export const PROFILE_RESPONSE_FORMAT_NAME = 'profile_extraction';

/** The field list of prompts/extract-profile.md. */
export function fieldGuideText(): string {
  return PROFILE_FIELDS.map((field) => {
    const schema = LLM_FIELD_SHAPE[field];
    const inner = schema.unwrap();
    const kind = inner instanceof z.ZodEnum ? `one of ${inner.options.join(' | ')}` : inner.type;
    return `- ${field} (${kind}): ${schema.description ?? ''}`;
  }).join('\n');
}

/** A value the LLM gave that the Profile schema rejects. */
export interface RejectedValue {
  readonly field: ProfileField;
  readonly value: unknown;
  readonly message: string;
}

export interface LlmExtraction {
  /** Valid values only (each checked against the Profile schema). Empty on any fault. */
  readonly fields: Partial<Profile>;
  readonly rejected: readonly RejectedValue[];
  /** Human-readable notes: dropped values and why the LLM was not used. */
  readonly notes: readonly string[];
  /** Set when the LLM result is empty because of a fault or because the LLM is off. */
  readonly fallbackReason?: Exclude<FallbackReason, 'llm-contradicted-engine'>;
  readonly usage?: TokenUsage;
}

export interface ExtractDependencies {
  readonly client: LlmClient | undefined;
  readonly breaker: CircuitBreaker;
  readonly prompts: Prompts;
}

export interface ExtractOptions {
  readonly history?: readonly ChatTurn[];
  /** The field the advisor just asked about, so that a bare answer ("3", "yes") is read as that field. */
  readonly requestedField?: ProfileField;
  readonly signal?: AbortSignal;
}

/**
 * Keep the non-null values that satisfy the Profile schema (ranges, integers, lengths); report the others.
 * Strings are trimmed first.
 */
export function checkExtractedValues(raw: Partial<Record<ProfileField, unknown>>): {
  fields: Partial<Profile>;
  rejected: RejectedValue[];
} {
  const fields: Record<string, unknown> = {};
  const rejected: RejectedValue[] = [];
  for (const field of PROFILE_FIELDS) {
    const value = raw[field];
    if (value === null || value === undefined) continue;
    const result = Profile.shape[field].safeParse(typeof value === 'string' ? value.trim() : value);
    if (result.success && result.data !== undefined) fields[field] = result.data;
    else
      rejected.push({
        field,
        value,
        message: result.success ? 'empty value' : (result.error.issues[0]?.message ?? 'invalid value'),
      });
  }
  return { fields: fields as Partial<Profile>, rejected };
}

/** The extraction messages: system prompt, bounded history, then the new message. */
export function buildExtractMessages(prompts: Prompts, message: string, options: ExtractOptions) {
  const requestedField = options.requestedField
    ? `The advisor's last question asked for "${options.requestedField}": a bare answer such as "3", "yes" or "none" answers that field.`
    : 'The advisor has not asked about a specific field.';
  return [
    {
      role: 'system' as const,
      content: prompts.render('extract-profile', { requestedField, fieldGuide: fieldGuideText() }),
    },
    ...boundedHistory(options.history),
    { role: 'user' as const, content: message },
  ];
}

const empty = (fallbackReason: LlmExtraction['fallbackReason'], note: string): LlmExtraction => ({
  fields: {},
  rejected: [],
  notes: [note],
  ...(fallbackReason ? { fallbackReason } : {}),
});

/**
 * Extract profile fields from one user message with the LLM. Never throws: on any fault (LLM off, breaker open,
 * timeout, 429, 5xx, bad JSON, output not matching the schema, refusal, abort) it returns no fields and a
 * `fallbackReason`, and the caller keeps the rule-based extraction.
 */
export async function extractProfileWithLlm(
  dependencies: ExtractDependencies,
  message: string,
  options: ExtractOptions = {},
): Promise<LlmExtraction> {
  const { client, breaker } = dependencies;
  if (!client) return empty('llm-off', 'The LLM is off: only the rule-based extractor ran.');
  if (options.signal?.aborted) return empty('aborted', 'The request was aborted before the LLM was called.');
  if (!breaker.tryAcquire())
    return empty('circuit-open', 'The LLM is paused after repeated failures: only the rule-based extractor ran.');

  try {
    const completion = await client.parseChat(
      {
        messages: buildExtractMessages(dependencies.prompts, message, options),
        response_format: zodResponseFormat(LlmProfileExtraction, PROFILE_RESPONSE_FORMAT_NAME),
      },
      { signal: options.signal },
    );
    const usage = completion.usage
      ? {
          promptTokens: completion.usage.prompt_tokens,
          completionTokens: completion.usage.completion_tokens,
          totalTokens: completion.usage.total_tokens,
        }
      : undefined;
    const reply = completion.choices?.[0]?.message;
    if (reply?.refusal) {
      recordOutcome(breaker, 'refusal');
      return {
        ...empty('refusal', `The LLM refused to extract: ${reply.refusal.slice(0, 200)}`),
        ...(usage ? { usage } : {}),
      };
    }
    if (!reply?.parsed) {
      recordOutcome(breaker, 'malformed-response');
      return { ...empty('malformed-response', 'The LLM returned no structured result.'), ...(usage ? { usage } : {}) };
    }
    recordOutcome(breaker, 'success');
    const { fields, rejected } = checkExtractedValues(reply.parsed);
    return {
      fields,
      rejected,
      notes: rejected.map(
        (entry) => `Dropped the LLM's ${entry.field} = ${JSON.stringify(entry.value)}: ${entry.message}.`,
      ),
      ...(usage ? { usage } : {}),
    };
  } catch (error) {
    const failure = toLlmCallError(error, options.signal);
    recordOutcome(breaker, failure.reason);
    const reason =
      failure.reason === 'stream-stalled' || failure.reason === 'stream-cut' ? 'upstream-error' : failure.reason;
    return empty(reason, `The LLM extraction failed (${failure.message}); only the rule-based extractor ran.`);
  }
}

export type Contributor = 'rules' | 'llm';

/** A field where the LLM read something different from what was kept. */
export interface ExtractionDisagreement {
  readonly field: ProfileField;
  readonly kept: unknown;
  readonly keptFrom: 'rules' | 'correction';
  readonly llmValue: unknown;
}

export interface MergedExtraction {
  readonly fields: Partial<Profile>;
  /** Who supplied each field in `fields`: 'rules' (the rule extractor or the user's explicit correction) or 'llm'. */
  readonly contributedBy: Partial<Record<ProfileField, Contributor>>;
  readonly disagreements: readonly ExtractionDisagreement[];
}

/**
 * Merge the rule-based and the LLM extraction of a message (pure). Precedence: the user's explicit corrections, then
 * the rule extractor's values, then the LLM's; the LLM only fills fields nobody else did. `explicitCorrections` are
 * values the user stated explicitly (e.g. "actually 3 GPUs"): they appear in `fields` marked 'rules' and are never
 * overridden. Disagreements between the LLM and a kept value are listed, not silently dropped.
 */
export function mergeExtractions(
  ruleBased: Partial<Profile>,
  llm: Partial<Profile>,
  options: { explicitCorrections?: Partial<Profile> } = {},
): MergedExtraction {
  const corrections = options.explicitCorrections ?? {};
  const fields: Record<string, unknown> = {};
  const contributedBy: Partial<Record<ProfileField, Contributor>> = {};
  const disagreements: ExtractionDisagreement[] = [];
  for (const field of PROFILE_FIELDS) {
    const correction = corrections[field];
    const ruleValue = ruleBased[field];
    const llmValue = llm[field];
    const [kept, keptFrom] =
      correction !== undefined
        ? [correction, 'correction' as const]
        : ruleValue !== undefined
          ? [ruleValue, 'rules' as const]
          : [undefined, undefined];
    if (keptFrom) {
      fields[field] = kept;
      contributedBy[field] = 'rules';
      if (llmValue !== undefined && !sameValue(llmValue, kept)) disagreements.push({ field, kept, keptFrom, llmValue });
    } else if (llmValue !== undefined) {
      fields[field] = llmValue;
      contributedBy[field] = 'llm';
    }
  }
  return { fields: fields as Partial<Profile>, contributedBy, disagreements };
}

function sameValue(left: unknown, right: unknown): boolean {
  if (typeof left === 'string' && typeof right === 'string')
    return left.trim().toLowerCase() === right.trim().toLowerCase();
  return left === right;
}
