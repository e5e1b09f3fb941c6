import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/core/error';
import type { AutoParseableResponseFormat } from 'openai/lib/parser';
import type {
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ParsedChatCompletion,
} from 'openai/resources/chat/completions';
import { secretScrubber } from '../logger.ts';
import type { LlmConfig } from './llm-config.ts';

/**
 * A thin wrapper over the openai client (Chat Completions only, for portability across OpenAI-compatible servers).
 * The openai client's own retries are off (`maxRetries: 0`): this module retries itself so that a 429's
 * Retry-After / retry-after-ms is honoured only within `retryAfterMaxMs`, and every attempt, retry and give-up is
 * reported through `onEvent`. Every failure is thrown as an `LlmCallError` with a reason from a closed set.
 */

/** Why an LLM call failed. The explainer and extractor turn these into `fallbackReason`s. */
export type LlmFailureReason =
  | 'timeout'
  | 'rate-limited'
  | 'upstream-error'
  | 'malformed-response'
  | 'refusal'
  | 'stream-cut'
  | 'stream-stalled'
  | 'aborted';

/** A failed LLM call; `reason` says which kind, `status` is the HTTP status when there was one. */
export class LlmCallError extends Error {
  override name = 'LlmCallError';
  readonly reason: LlmFailureReason;
  readonly status: number | undefined;
  constructor(reason: LlmFailureReason, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
  }
}

export type LlmOperation = 'explain' | 'extract';

/** Observability hook: one event per attempt, retry, success and final failure. */
export type LlmCallEvent =
  | { type: 'attempt'; operation: LlmOperation; attempt: number }
  | {
      type: 'retry';
      operation: LlmOperation;
      attempt: number;
      delayMs: number;
      reason: LlmFailureReason;
      status?: number;
    }
  | { type: 'success'; operation: LlmOperation; attempt: number; durationMs: number }
  | {
      type: 'failure';
      operation: LlmOperation;
      attempt: number;
      reason: LlmFailureReason;
      message: string;
      status?: number;
    };

export interface LlmClientOptions {
  /** Custom fetch (tests, proxies). Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  readonly onEvent?: (event: LlmCallEvent) => void;
  /** First retry delay when the server gives no Retry-After; doubles per retry, capped at `retryAfterMaxMs`. */
  readonly backoffBaseMs?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
}

/** An open streamed completion: iterate `chunks`; `abort()` cancels the upstream request. */
export interface ChatStream {
  readonly chunks: AsyncIterable<ChatCompletionChunk>;
  abort(): void;
  /** Values to scrub from the text of errors read from `chunks` (the API key; see `classifyStreamError`). */
  readonly secrets?: readonly string[];
}

export interface LlmClient {
  readonly model: string;
  /**
   * Start a streamed chat completion (with `stream_options.include_usage`). Resolves once response headers arrive,
   * after any retries; rejects with `LlmCallError`. Errors while reading the body are the caller's to classify
   * (see `classifyStreamError`).
   */
  streamChat(messages: ChatCompletionMessageParam[], options: CallOptions): Promise<ChatStream>;
  /** A structured-output completion via `chat.completions.parse`; rejects with `LlmCallError` (never retried on bad output). */
  parseChat<Parsed>(
    params: { messages: ChatCompletionMessageParam[]; response_format: AutoParseableResponseFormat<Parsed> },
    options: CallOptions,
  ): Promise<ParsedChatCompletion<Parsed>>;
}

const DEFAULT_BACKOFF_BASE_MS = 250;

/**
 * Build a client from the validated config. The openai client is created with `maxRetries: 0` and
 * `timeout: config.timeoutMs` (time to headers for streams, whole response otherwise).
 */
export function createLlmClient(config: LlmConfig, options: LlmClientOptions = {}): LlmClient {
  const openai = new OpenAI({
    apiKey: config.apiKey ?? 'unset',
    baseURL: config.baseURL,
    timeout: config.timeoutMs,
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  /** An upstream may echo the key it was sent in its error text: scrubbed from every error this client makes. */
  const secrets = config.apiKey === undefined ? [] : [config.apiKey];

  async function withRetries<T>(
    operation: LlmOperation,
    signal: AbortSignal | undefined,
    call: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const startedAt = performance.now();
      options.onEvent?.({ type: 'attempt', operation, attempt });
      try {
        const result = await call();
        options.onEvent?.({ type: 'success', operation, attempt, durationMs: performance.now() - startedAt });
        return result;
      } catch (error) {
        const failure = toLlmCallError(error, signal, secrets);
        const decision = decideRetry(error, failure, attempt, config, backoffBaseMs);
        if (decision.retry) {
          options.onEvent?.({
            type: 'retry',
            operation,
            attempt,
            delayMs: decision.delayMs,
            reason: failure.reason,
            ...(failure.status === undefined ? {} : { status: failure.status }),
          });
          try {
            await abortableSleep(decision.delayMs, signal);
          } catch {
            throw reportFailure(operation, attempt, new LlmCallError('aborted', 'The caller aborted the request.'));
          }
          continue;
        }
        throw reportFailure(operation, attempt, failure);
      }
    }
  }

  function reportFailure(operation: LlmOperation, attempt: number, failure: LlmCallError): LlmCallError {
    options.onEvent?.({
      type: 'failure',
      operation,
      attempt,
      reason: failure.reason,
      message: failure.message,
      ...(failure.status === undefined ? {} : { status: failure.status }),
    });
    return failure;
  }

  return {
    model: config.model,
    async streamChat(messages, callOptions) {
      const stream = await withRetries('explain', callOptions.signal, () =>
        openai.chat.completions.create(
          { model: config.model, messages, stream: true, stream_options: { include_usage: true } },
          { signal: callOptions.signal },
        ),
      );
      return { chunks: stream, abort: () => stream.controller.abort(), secrets };
    },
    async parseChat(params, callOptions) {
      return withRetries('extract', callOptions.signal, () =>
        openai.chat.completions.parse(
          { model: config.model, messages: params.messages, response_format: params.response_format },
          { signal: callOptions.signal },
        ),
      );
    },
  };
}

/** The most characters of an upstream error's own text kept in an `LlmCallError` message. */
export const MAX_UPSTREAM_MESSAGE_CHARS = 200;

/**
 * The text of an upstream error as this service repeats it: every `secrets` value (the API key) scrubbed, since an
 * upstream may echo the key it was sent ("Incorrect API key provided: sk-…"), and cut to
 * {@link MAX_UPSTREAM_MESSAGE_CHARS} characters, since its body may be anything (a stack, the request headers).
 */
export function upstreamMessage(error: unknown, secrets: readonly string[] = []): string {
  const raw = error instanceof Error ? error.message : String(error);
  const scrubbed = secretScrubber(secrets)(raw.replace(/\s+/g, ' ').trim());
  return scrubbed.length <= MAX_UPSTREAM_MESSAGE_CHARS
    ? scrubbed
    : `${scrubbed.slice(0, MAX_UPSTREAM_MESSAGE_CHARS - 1)}…`;
}

/**
 * Map any error from the openai client (request phase or response parsing) to an `LlmCallError`.
 * A caller abort wins over everything else. The upstream's text is scrubbed of `secrets` and cut short
 * ({@link upstreamMessage}); the original error stays the `cause` (the logger scrubs secret values too).
 */
export function toLlmCallError(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  secrets: readonly string[] = [],
): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const message = upstreamMessage(error, secrets);
  if (callerSignal?.aborted || error instanceof APIUserAbortError)
    return new LlmCallError('aborted', 'The caller aborted the request.', { cause: error });
  if (error instanceof APIConnectionTimeoutError)
    return new LlmCallError('timeout', `The LLM did not answer in time: ${message}`, { cause: error });
  if (error instanceof APIConnectionError)
    return new LlmCallError('upstream-error', `Could not reach the LLM: ${message}`, { cause: error });
  if (error instanceof APIError) {
    const status = error.status;
    if (status === 429)
      return new LlmCallError('rate-limited', `The LLM rate-limited the request: ${message}`, { status, cause: error });
    return new LlmCallError('upstream-error', `The LLM returned an error: ${message}`, {
      ...(status === undefined ? {} : { status }),
      cause: error,
    });
  }
  if (error instanceof ContentFilterFinishReasonError)
    return new LlmCallError('refusal', 'The LLM stopped on its content filter.', { cause: error });
  if (error instanceof LengthFinishReasonError)
    return new LlmCallError('malformed-response', 'The LLM output was cut at its length limit.', { cause: error });
  // SyntaxError (bad JSON), ZodError (output does not match the schema), TypeError (unexpected body shape).
  return new LlmCallError('malformed-response', `The LLM response could not be read: ${message}`, { cause: error });
}

/** Classify an error thrown while reading a streamed body (after the response started); see {@link toLlmCallError}. */
export function classifyStreamError(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  secrets: readonly string[] = [],
): LlmCallError {
  if (error instanceof LlmCallError) return error;
  if (callerSignal?.aborted) return new LlmCallError('aborted', 'The caller aborted the request.', { cause: error });
  const message = upstreamMessage(error, secrets);
  if (error instanceof SyntaxError)
    return new LlmCallError('malformed-response', `The LLM stream contained malformed JSON: ${message}`, {
      cause: error,
    });
  if (error instanceof APIError && !(error instanceof APIConnectionError))
    return new LlmCallError('upstream-error', `The LLM stream reported an error: ${message}`, { cause: error });
  return new LlmCallError('stream-cut', `The LLM stream broke off: ${message}`, { cause: error });
}

type RetryDecision = { retry: true; delayMs: number } | { retry: false };

function decideRetry(
  error: unknown,
  failure: LlmCallError,
  attempt: number,
  config: LlmConfig,
  backoffBaseMs: number,
): RetryDecision {
  if (attempt > config.maxRetries) return { retry: false };
  const backoff = Math.min(config.retryAfterMaxMs, backoffBaseMs * 2 ** (attempt - 1));
  if (failure.reason === 'timeout') return { retry: true, delayMs: backoff };
  if (failure.reason === 'rate-limited') {
    const headers = error instanceof APIError ? error.headers : undefined;
    const requested = retryAfterMs(headers);
    if (requested === undefined) return { retry: true, delayMs: backoff };
    return requested <= config.retryAfterMaxMs ? { retry: true, delayMs: requested } : { retry: false };
  }
  if (failure.reason === 'upstream-error') {
    const status = failure.status;
    if (status === undefined || status === 408 || status === 409 || status >= 500)
      return { retry: true, delayMs: backoff };
  }
  return { retry: false };
}

/**
 * The delay a 429/503 asks for, in ms: `retry-after-ms` (OpenAI), else `Retry-After` as seconds or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && /^\d+(\.\d+)?$/.test(milliseconds.trim())) return Number(milliseconds);
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function abortableSleep(delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
