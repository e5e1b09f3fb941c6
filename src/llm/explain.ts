import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Explanation, Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { buildExplainMessages, type ChatTurn } from './explain-prompt.ts';
import {
  classifyStreamError,
  LlmCallError,
  type LlmClient,
  type LlmFailureReason,
  toLlmCallError,
} from './llm-client.ts';
import type { Prompts } from './prompt-templates.ts';
import { checkExplanation } from './validate-explanation.ts';

/**
 * Streams an LLM explanation of the engine's recommendation and decides, at the end, whether it may stand.
 *
 * The caller forwards `delta` events to its client as they arrive. The last event is always exactly one `final`:
 * either the LLM text (`source: 'llm'`, checked against the engine by `checkExplanation`) or the template
 * explanation with a `fallbackReason`; `replacesStreamedText` tells the caller that deltas it already sent must be
 * replaced by `explanation.text`. Nothing here throws to the caller and nothing mutates the recommendation.
 */

/** Why the template explanation was used instead of the LLM's. A closed set, part of the API. */
export const FALLBACK_REASONS = [
  'llm-off',
  'timeout',
  'rate-limited',
  'upstream-error',
  'malformed-response',
  'refusal',
  'stream-cut',
  'stream-stalled',
  'circuit-open',
  'llm-contradicted-engine',
  'aborted',
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** Token counts reported by the server (`stream_options.include_usage`), when it reports them. */
export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
}

export type ExplanationEvent =
  | { readonly type: 'delta'; readonly text: string }
  | {
      readonly type: 'final';
      readonly explanation: Explanation;
      /** True when `delta`s were emitted but the final text is the template: the caller must replace them. */
      readonly replacesStreamedText: boolean;
      readonly usage?: TokenUsage;
      /** Human-readable cause of a fallback, for logs (never shown as the explanation). */
      readonly detail?: string;
    };

/** The template explainer of src/explainer (rule-only explanation). A string or an Explanation-like object. */
export type TemplateExplainer = (recommendation: Recommendation, knowledge: Knowledge) => string | { text: string };

export interface ExplainDependencies {
  /** Undefined when the LLM is off. */
  readonly client: LlmClient | undefined;
  readonly breaker: CircuitBreaker;
  readonly prompts: Prompts;
  readonly templateExplanation: TemplateExplainer;
  readonly stallTimeoutMs: number;
}

export interface ExplainInput {
  readonly recommendation: Recommendation;
  readonly knowledge: Knowledge;
  readonly history?: readonly ChatTurn[];
  /** The caller's signal (e.g. the HTTP client disconnecting); aborting it aborts the upstream request. */
  readonly signal?: AbortSignal;
}

/** Failure reasons that say the LLM service is unhealthy (they count towards opening the breaker). */
const HEALTH_FAILURES: ReadonlySet<string> = new Set<LlmFailureReason>([
  'timeout',
  'rate-limited',
  'upstream-error',
  'malformed-response',
  'stream-cut',
  'stream-stalled',
]);

/** Report a finished call's outcome to the breaker. Refusals and contradictions come from a healthy service. */
export function recordOutcome(breaker: CircuitBreaker, reason: LlmFailureReason | 'success'): void {
  if (reason === 'aborted') breaker.recordNeutral();
  else if (HEALTH_FAILURES.has(reason)) breaker.recordFailure();
  else breaker.recordSuccess();
}

/** The template explanation flagged with why the LLM's was not used. */
export function fallbackExplanation(
  dependencies: Pick<ExplainDependencies, 'templateExplanation'>,
  input: Pick<ExplainInput, 'recommendation' | 'knowledge'>,
  fallbackReason: FallbackReason,
): Explanation {
  const template = dependencies.templateExplanation(input.recommendation, input.knowledge);
  return { text: typeof template === 'string' ? template : template.text, source: 'template', fallbackReason };
}

type StreamOutcome =
  | { kind: 'text'; text: string; finishReason: string | null; chunks: number; usage: TokenUsage | undefined }
  | { kind: 'failed'; error: LlmCallError; usage: TokenUsage | undefined };

/** Stream an explanation: `delta` events, then exactly one `final` event. */
export async function* streamExplanation(
  dependencies: ExplainDependencies,
  input: ExplainInput,
): AsyncGenerator<ExplanationEvent, void, undefined> {
  const fallback = (reason: FallbackReason, streamed: boolean, detail?: string, usage?: TokenUsage) =>
    ({
      type: 'final',
      explanation: fallbackExplanation(dependencies, input, reason),
      replacesStreamedText: streamed,
      ...(usage ? { usage } : {}),
      ...(detail ? { detail } : {}),
    }) as const;

  const { client, breaker } = dependencies;
  if (!client) return yield fallback('llm-off', false);
  if (input.signal?.aborted) return yield fallback('aborted', false);
  if (!breaker.tryAcquire()) return yield fallback('circuit-open', false, 'the circuit breaker is open');

  let settled = false;
  let streamed = false;
  let abortUpstream: (() => void) | undefined;
  try {
    let stream: Awaited<ReturnType<LlmClient['streamChat']>>;
    try {
      const messages = buildExplainMessages(dependencies.prompts, input.recommendation, input.knowledge, input.history);
      stream = await client.streamChat(messages, { signal: input.signal });
    } catch (error) {
      const failure = toLlmCallError(error, input.signal);
      recordOutcome(breaker, failure.reason);
      settled = true;
      return yield fallback(failure.reason, false, failure.message);
    }
    abortUpstream = stream.abort;

    const outcome: StreamOutcome = yield* relayChunks(stream, dependencies.stallTimeoutMs, input.signal, (text) => {
      streamed = true;
      return { type: 'delta', text };
    });

    if (outcome.kind === 'failed') {
      recordOutcome(breaker, outcome.error.reason);
      settled = true;
      return yield fallback(outcome.error.reason, streamed, outcome.error.message, outcome.usage);
    }
    const problem = finishProblem(outcome);
    if (problem) {
      recordOutcome(breaker, problem.reason);
      settled = true;
      return yield fallback(problem.reason, streamed, problem.detail, outcome.usage);
    }
    recordOutcome(breaker, 'success');
    settled = true;
    const check = checkExplanation(outcome.text, input.recommendation, input.knowledge);
    if (!check.ok) return yield fallback('llm-contradicted-engine', streamed, check.detail, outcome.usage);
    yield {
      type: 'final',
      explanation: { text: outcome.text.trim(), source: 'llm' },
      replacesStreamedText: false,
      ...(outcome.usage ? { usage: outcome.usage } : {}),
    };
  } finally {
    // The consumer stopped iterating early (e.g. its client left): cancel upstream, do not blame the LLM.
    if (!settled) {
      abortUpstream?.();
      breaker.recordNeutral();
    }
  }
}

/** A complete stream that still must not be shown: refusal, cut, empty. */
function finishProblem(
  outcome: Extract<StreamOutcome, { kind: 'text' }>,
): { reason: LlmFailureReason; detail: string } | undefined {
  if (outcome.chunks === 0)
    return { reason: 'malformed-response', detail: 'the response contained no stream chunk (not an SSE stream?)' };
  if (outcome.finishReason === null)
    return { reason: 'stream-cut', detail: 'the stream ended without a finish_reason (connection closed early)' };
  if (outcome.finishReason === 'content_filter')
    return { reason: 'refusal', detail: 'the LLM stopped on its content filter' };
  if (outcome.finishReason === 'length')
    return { reason: 'stream-cut', detail: 'the LLM hit its output length limit before finishing' };
  if (outcome.text.trim() === '') return { reason: 'malformed-response', detail: 'the LLM sent no text' };
  return undefined;
}

function toUsage(chunk: ChatCompletionChunk): TokenUsage | undefined {
  const usage = chunk.usage;
  if (!usage) return undefined;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
  };
}

/**
 * Read chunks, yield their content, stop on refusal, stall or error. A stall (no chunk for `stallTimeoutMs`)
 * aborts the upstream request.
 */
async function* relayChunks(
  stream: Awaited<ReturnType<LlmClient['streamChat']>>,
  stallTimeoutMs: number,
  signal: AbortSignal | undefined,
  toEvent: (text: string) => ExplanationEvent,
): AsyncGenerator<ExplanationEvent, StreamOutcome, undefined> {
  const iterator = stream.chunks[Symbol.asyncIterator]();
  let text = '';
  let finishReason: string | null = null;
  let chunks = 0;
  let usage: TokenUsage | undefined;
  const fail = (error: LlmCallError): StreamOutcome => ({ kind: 'failed', error, usage });
  try {
    while (true) {
      const next = await nextWithin(iterator, stallTimeoutMs);
      if (next === 'stalled') {
        stream.abort();
        void Promise.resolve(iterator.return?.()).catch(() => undefined);
        return fail(
          signal?.aborted
            ? new LlmCallError('aborted', 'The caller aborted the request.')
            : new LlmCallError('stream-stalled', `the LLM stream sent no chunk for ${stallTimeoutMs} ms`),
        );
      }
      if (next.done) break;
      const chunk = next.value;
      chunks += 1;
      usage = toUsage(chunk) ?? usage;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      const delta = choice.delta as ChatCompletionChunk.Choice.Delta | undefined;
      if (delta?.refusal) {
        stream.abort();
        return fail(new LlmCallError('refusal', `the LLM refused: ${delta.refusal.slice(0, 200)}`));
      }
      if (typeof delta?.content === 'string' && delta.content !== '') {
        text += delta.content;
        yield toEvent(delta.content);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (error) {
    return fail(classifyStreamError(error, signal, stream.secrets));
  }
  // openai ends an aborted stream silently, so an abort is only visible on the signal.
  if (signal?.aborted) return fail(new LlmCallError('aborted', 'The caller aborted the request.'));
  return { kind: 'text', text, finishReason, chunks, usage };
}

async function nextWithin<T>(iterator: AsyncIterator<T>, timeoutMs: number): Promise<IteratorResult<T> | 'stalled'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<'stalled'>((resolve) => {
    timer = setTimeout(() => resolve('stalled'), timeoutMs);
  });
  try {
    return await Promise.race([iterator.next(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Non-streaming variant: runs `streamExplanation` to its end and returns the final explanation (LLM text if it
 * passed the check, otherwise the flagged template). Never throws.
 */
export async function explainOnce(dependencies: ExplainDependencies, input: ExplainInput): Promise<Explanation> {
  let final: Explanation | undefined;
  for await (const event of streamExplanation(dependencies, input))
    if (event.type === 'final') final = event.explanation;
  return final ?? fallbackExplanation(dependencies, input, 'malformed-response');
}
