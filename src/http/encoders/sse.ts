/**
 * @module http/encoders/sse: server-sent events framing shared by the encoders. A frame is `event:` (optional) and
 * one `data:` line of JSON, or a raw `data:` line (OpenAI's `[DONE]`). The body pulls frames as the client reads, so
 * a slow client slows the source down, and a client that leaves stops the source (and any upstream LLM call).
 */

export interface SseFrame {
  event?: string;
  /** JSON-encoded, unless `raw` (then written as is). */
  data: unknown;
  raw?: boolean;
}

/** Headers of every event-stream response (no caching, no proxy buffering). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
};

/** One frame as text. */
export function sseFrameText(frame: SseFrame): string {
  const data = frame.raw ? String(frame.data) : JSON.stringify(frame.data);
  return `${frame.event === undefined ? '' : `event: ${frame.event}\n`}data: ${data}\n\n`;
}

/** A byte stream of `frames`, pulled as the client reads; cancelling it returns the generator. */
export function sseStream(frames: AsyncGenerator<SseFrame, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await frames.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(sseFrameText(next.value)));
    },
    async cancel() {
      await frames.return(undefined);
    },
  });
}

/** A 200 event-stream response of `frames` with `headers` added. */
export function sseResponse(
  frames: AsyncGenerator<SseFrame, void, undefined>,
  headers: Record<string, string> = {},
): Response {
  return new Response(sseStream(frames), { status: 200, headers: { ...SSE_HEADERS, ...headers } });
}
