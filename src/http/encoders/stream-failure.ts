/**
 * @module http/encoders/stream-failure: what a client sees when a reply fails after its stream started. The status
 * line is already sent, so the failure travels inside the stream, in each protocol's error frame. The client gets a
 * generic message with the request id; the cause is logged with that id, never sent (it may name a host, a key or
 * an upstream message).
 */
import type { ReplyEvent } from '../../chat/reply-events.ts';
import type { Logger } from '../../logger.ts';

export interface StreamFailureContext {
  requestId: string;
  logger: Logger;
  /** The client's signal: a failure after the client left is logged at info (nobody reads the reply). */
  signal?: AbortSignal;
}

/** The message a client sees for a reply that failed mid-stream. */
export function maskedStreamErrorMessage(requestId: string): string {
  return `The advisor could not finish this reply. Please try again; if it happens again, quote request id ${requestId}.`;
}

/** Logs `error` with the request id and returns the masked message for the client. */
export function reportStreamFailure(error: unknown, context: StreamFailureContext): string {
  if (context.signal?.aborted) context.logger.info('reply stream ended after the client left', { error });
  else context.logger.error('reply stream failed', { error, requestId: context.requestId });
  return maskedStreamErrorMessage(context.requestId);
}

/**
 * The events of `source`, then, if it throws, one `error` event with the masked message (the cause is logged).
 * Stopping this generator stops `source` (the client leaving cancels the upstream LLM call).
 */
export async function* withMaskedErrors(
  source: AsyncIterable<ReplyEvent>,
  context: StreamFailureContext,
): AsyncGenerator<ReplyEvent, void, undefined> {
  try {
    yield* source;
  } catch (error) {
    yield { type: 'error', message: reportStreamFailure(error, context) };
  }
}
