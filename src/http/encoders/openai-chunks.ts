/**
 * @module http/encoders/openai-chunks: reply events as OpenAI Chat Completions, streamed (`chat.completion.chunk`
 * events ending with `data: [DONE]`) or whole (`chat.completion`). The text becomes content deltas (a correction
 * starts a new paragraph); the data parts are collected into the extra top-level `advisor` field of the last choice
 * chunk. A failure mid-stream is a `{ error }` chunk with the masked message, as OpenAI sends one.
 */
import type { ReplyEvent } from '../../chat/reply-events.ts';
import type { TurnKind } from '../../chat/run-turn.ts';
import type { Profile } from '../../profile/profile-schema.ts';
import type { SseFrame } from './sse.ts';
import { maskedStreamErrorMessage, type StreamFailureContext, withMaskedErrors } from './stream-failure.ts';

/** The advisor's machine-readable extra field (validated by `AdvisorExtra` in routes/openai-compatible.ts). */
export interface AdvisorExtraData {
  kind: TurnKind;
  provisional: boolean;
  profile: Profile;
  recommendation?: ReplyDataValue<'recommendation'>;
  question?: ReplyDataValue<'question'>;
  explanation?: ReplyDataValue<'explanation'>;
  sources?: ReplyDataValue<'sources'>['sources'];
  suggestions?: string[];
}
type ReplyDataValue<Name extends Extract<ReplyEvent, { type: 'data' }>['name']> = Extract<
  Extract<ReplyEvent, { type: 'data' }>,
  { name: Name }
>['data'];

export interface CompletionEncoding {
  id: string;
  created: number;
  model: string;
  /** Characters of the request's messages, for the estimated usage. */
  promptChars: number;
  /** Streaming: send the usage chunk (`stream_options.include_usage`); every chunk then has `usage: null`. */
  includeUsage?: boolean;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Token counts are estimates: ceil(characters / 4), OpenAI's rule of thumb for English text. No tokenizer is run. */
export function estimateTokens(characters: number): number {
  return Math.ceil(characters / 4);
}

export function estimatedUsage(promptChars: number, completionChars: number): Usage {
  const prompt = estimateTokens(promptChars);
  const completion = estimateTokens(completionChars);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Collects the data parts of a reply into the `advisor` extra. */
function advisorCollector() {
  const advisor: Partial<AdvisorExtraData> = {};
  return {
    advisor,
    take(event: ReplyEvent) {
      if (event.type === 'start') {
        advisor.kind = event.kind ?? 'info';
        advisor.provisional = event.provisional ?? false;
      } else if (event.type === 'data') {
        if (event.name === 'profile') advisor.profile = event.data.profile;
        else if (event.name === 'recommendation') advisor.recommendation = event.data;
        else if (event.name === 'question') advisor.question = event.data;
        else if (event.name === 'explanation') advisor.explanation = event.data;
        else if (event.name === 'suggestions') advisor.suggestions = event.data.suggestions;
        else if (event.name === 'sources') advisor.sources = event.data.sources;
      }
    },
  };
}

/** An OpenAI error body for a failure inside a stream. */
function streamError(message: string) {
  return { error: { message, type: 'server_error', param: null, code: 'stream_failed' } };
}

/**
 * The SSE frames of a streamed completion, like OpenAI's: a first delta with the role, content deltas, a last choice
 * chunk with `finish_reason: "stop"` carrying `advisor`, the usage chunk when asked, then `[DONE]`. On a failure: an
 * `{ error }` frame and the end of the stream.
 */
export async function* completionChunkFrames(
  events: AsyncIterable<ReplyEvent>,
  encoding: CompletionEncoding,
  failure: StreamFailureContext,
): AsyncGenerator<SseFrame, void, undefined> {
  const base = { id: encoding.id, object: 'chat.completion.chunk', created: encoding.created, model: encoding.model };
  const usageField = encoding.includeUsage ? { usage: null } : {};
  const choice = (delta: Record<string, unknown>, finishReason: 'stop' | null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...usageField,
  });
  const collector = advisorCollector();
  let sent = 0;
  let inCorrection = false;
  for await (const event of withMaskedErrors(events, failure)) {
    collector.take(event);
    if (event.type === 'start') yield { data: choice({ role: 'assistant', content: '' }, null) };
    else if (event.type === 'text-delta') {
      const content = event.part === 'correction' && !inCorrection ? `\n\n${event.text}` : event.text;
      inCorrection = event.part === 'correction';
      sent += content.length;
      yield { data: choice({ content }, null) };
    } else if (event.type === 'finish') {
      yield { data: { ...choice({}, 'stop'), advisor: collector.advisor } };
      if (encoding.includeUsage) {
        yield { data: { ...base, choices: [], usage: estimatedUsage(encoding.promptChars, sent) } };
      }
      yield { data: '[DONE]', raw: true };
    } else if (event.type === 'error') {
      yield { data: streamError(event.message) };
      return;
    }
  }
}

/** A whole `chat.completion` of the reply, or the masked error message when it failed. */
export async function completionBody(
  events: AsyncIterable<ReplyEvent>,
  encoding: CompletionEncoding,
  failure: StreamFailureContext,
): Promise<{ completion: Record<string, unknown> } | { error: string }> {
  const collector = advisorCollector();
  for await (const event of withMaskedErrors(events, failure)) {
    collector.take(event);
    if (event.type === 'error') return { error: event.message };
    if (event.type !== 'finish') continue;
    return {
      completion: {
        id: encoding.id,
        object: 'chat.completion',
        created: encoding.created,
        model: encoding.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: event.text, refusal: null },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage: estimatedUsage(encoding.promptChars, event.text.length),
        advisor: collector.advisor,
      },
    };
  }
  return { error: maskedStreamErrorMessage(failure.requestId) };
}
