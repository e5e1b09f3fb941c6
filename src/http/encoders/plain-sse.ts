/**
 * @module http/encoders/plain-sse: named server-sent events (`event: <name>` + one JSON `data:` line), the protocol
 * of `POST /v1/recommendations` with `Accept: text/event-stream` (`recommendation`, `delta`…, `explanation`). A
 * failure after the stream started is one `event: error` with `{ error: { code, message, requestId } }` (the message
 * masked, the cause logged), then the end of the stream.
 */
import type { SseFrame } from './sse.ts';
import { reportStreamFailure, type StreamFailureContext } from './stream-failure.ts';

/** One named event. */
export interface NamedEvent {
  event: string;
  data: unknown;
}

/** The frames of `events`; a throw becomes a masked `error` event. Stopping this generator stops `events`. */
export async function* namedEventFrames(
  events: AsyncIterable<NamedEvent>,
  failure: StreamFailureContext,
): AsyncGenerator<SseFrame, void, undefined> {
  try {
    for await (const event of events) yield { event: event.event, data: event.data };
  } catch (error) {
    const message = reportStreamFailure(error, failure);
    yield { event: 'error', data: { error: { code: 'stream_failed', message, requestId: failure.requestId } } };
  }
}
