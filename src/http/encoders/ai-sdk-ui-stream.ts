/**
 * @module http/encoders/ai-sdk-ui-stream: reply events as the AI SDK UI-message stream (`useChat`,
 * `DefaultChatTransport`, `readUIMessageStream`): `start` (message id, metadata), `data-<name>` parts, text parts
 * (`text-start`, `text-delta`…, `text-end`; a withdrawn LLM explanation is followed by a second text part, the
 * correction), `finish`, or `error` with the masked message. Chunk types are the `ai` package's `UIMessageChunk`.
 */
import { createUIMessageStream, createUIMessageStreamResponse, type UIMessage, type UIMessageChunk } from 'ai';
import type { ReplyDataParts, ReplyEvent } from '../../chat/reply-events.ts';
import type { TurnKind } from '../../chat/run-turn.ts';
import { reportStreamFailure, type StreamFailureContext, withMaskedErrors } from './stream-failure.ts';

/** `messageMetadata` of an assistant message (`createdAt` only in restored history). */
export interface AdvisorMessageMetadata {
  kind: TurnKind;
  provisional: boolean;
  createdAt?: string;
}

/** The advisor's UI message: `useChat<AdvisorUIMessage>`, `readUIMessageStream<AdvisorUIMessage>`. */
export type AdvisorUIMessage = UIMessage<AdvisorMessageMetadata, ReplyDataParts>;
export type AdvisorChunk = UIMessageChunk<AdvisorMessageMetadata, ReplyDataParts>;

/** The UI-message chunks of `events`, in order; text parts are opened and closed around their deltas. */
export async function* uiMessageChunks(
  events: AsyncIterable<ReplyEvent>,
): AsyncGenerator<AdvisorChunk, void, undefined> {
  let messageId = '';
  let openText: string | undefined;
  const closeText = function* (): Generator<AdvisorChunk> {
    if (openText !== undefined) yield { type: 'text-end', id: openText };
    openText = undefined;
  };
  for await (const event of events) {
    switch (event.type) {
      case 'start': {
        messageId = event.messageId ?? '';
        const metadata =
          event.kind === undefined
            ? {}
            : { messageMetadata: { kind: event.kind, provisional: event.provisional ?? false } };
        yield { type: 'start', ...(event.messageId === undefined ? {} : { messageId: event.messageId }), ...metadata };
        break;
      }
      case 'text-delta': {
        const id = event.part === 'correction' ? `text-${messageId}-correction` : `text-${messageId}`;
        if (openText !== id) {
          yield* closeText();
          openText = id;
          yield { type: 'text-start', id };
        }
        yield { type: 'text-delta', id, delta: event.text };
        break;
      }
      case 'data':
        yield* closeText();
        yield {
          type: `data-${event.name}`,
          data: event.data,
          ...(event.transient ? { transient: true } : {}),
        } as AdvisorChunk;
        break;
      case 'finish':
        yield* closeText();
        yield { type: 'finish', finishReason: 'stop' };
        break;
      case 'error':
        yield* closeText();
        yield { type: 'error', errorText: event.message };
        break;
    }
  }
}

/**
 * The response of a chat turn: `events` as a UI message stream (SSE, `x-vercel-ai-ui-message-stream: v1`), with
 * errors masked. The client leaving stops `events` (and the LLM call behind them).
 */
export function uiMessageStreamResponse(
  events: AsyncIterable<ReplyEvent>,
  headers: Record<string, string>,
  failure: StreamFailureContext,
): Response {
  const stream = createUIMessageStream<AdvisorUIMessage>({
    execute: async ({ writer }) => {
      for await (const chunk of uiMessageChunks(withMaskedErrors(events, failure))) writer.write(chunk);
    },
    onError: (error) => reportStreamFailure(error, failure),
  });
  // (The SDK's default content type has no charset: clients that do not assume SSE's UTF-8 garble “ ” and ₱.)
  return createUIMessageStreamResponse({
    stream,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', ...headers },
  });
}
