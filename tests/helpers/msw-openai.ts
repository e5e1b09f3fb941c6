import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

/**
 * msw 3 helpers for an OpenAI-compatible Chat Completions API at `OPENAI_TEST_BASE_URL`.
 *
 * - `onUnhandledFrame` (msw 3's name; the old `onUnhandledRequest` is silently ignored): requests to 127.0.0.1 /
 *   localhost pass through (loopback test servers), every other unhandled request fails the request, so nothing
 *   reaches the internet. (`defaults.error()` only prints; throwing `HttpResponse.error()` makes the fetch reject.)
 * - `respond()` records every request to the mocked API with its parsed JSON body, so tests assert on what was sent.
 * - Never abort a response an msw handler is still streaming: msw 3 crashes the process (stack-notes §5). Abort and
 *   stall tests use tests/helpers/fake-openai-server.ts instead.
 */

export const OPENAI_TEST_BASE_URL = 'https://llm.test/v1';
export const CHAT_COMPLETIONS_URL = `${OPENAI_TEST_BASE_URL}/chat/completions`;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface RecordedRequest {
  readonly url: string;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON, inspected loosely by tests
  readonly body: any;
  readonly at: number;
}

/** A msw server for the LLM tests plus the list of requests it received. */
export function createOpenAiMock() {
  const requests: RecordedRequest[] = [];
  const server = setupServer();
  return {
    server,
    requests,
    /**
     * Answer POST /chat/completions with `resolver`, recording each request (parsed JSON body) before it runs, in
     * arrival order.
     */
    respond(resolver: (request: Request, index: number) => Response | Promise<Response>) {
      server.use(
        http.post(CHAT_COMPLETIONS_URL, async ({ request }) => {
          const index = requests.length;
          const record = {
            url: request.url,
            headers: request.headers,
            body: undefined as unknown,
            at: performance.now(),
          };
          requests.push(record);
          const text = await request.clone().text();
          try {
            record.body = JSON.parse(text);
          } catch {
            record.body = text;
          }
          return resolver(request, index);
        }),
      );
    },
    listen() {
      server.listen({
        onUnhandledFrame: ({ frame, defaults }) => {
          const request = (frame.data as { request?: Request }).request;
          if (request && LOOPBACK_HOSTS.has(new URL(request.url).hostname)) return;
          defaults.error(); // prints msw's "intercepted a request without a matching request handler" message
          // A thrown Response is answered as such; Response.error() is a network error, so fetch rejects.
          throw HttpResponse.error();
        },
      });
    },
    reset() {
      server.resetHandlers();
      requests.length = 0;
    },
    close() {
      server.close();
    },
  };
}

interface ChunkDelta {
  role?: 'assistant';
  content?: string;
  refusal?: string | null;
}

/** One `chat.completion.chunk` object, shaped as the OpenAI API sends it. */
export function chatChunk(
  delta: ChunkDelta,
  finishReason: string | null = null,
  options: { id?: string; model?: string } = {},
) {
  return {
    id: options.id ?? 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1_750_000_000,
    model: options.model ?? 'gpt-4o-mini',
    system_fingerprint: 'fp_test',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    usage: null,
  };
}

/** The final usage chunk sent when `stream_options.include_usage` is true (empty `choices`). */
export function usageChunk(promptTokens: number, completionTokens: number) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1_750_000_000,
    model: 'gpt-4o-mini',
    system_fingerprint: 'fp_test',
    choices: [],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/**
 * SSE events exactly as the API streams a completion: a first delta with `role: 'assistant'` and empty content,
 * one event per content piece, a final delta `{}` with `finish_reason`, the usage chunk, then `[DONE]`.
 */
export function completionEvents(
  pieces: string[],
  options: { finishReason?: string; usage?: [number, number] | null } = {},
): string[] {
  const events = [
    chatChunk({ role: 'assistant', content: '', refusal: null }),
    ...pieces.map((piece) => chatChunk({ content: piece })),
    chatChunk({}, options.finishReason ?? 'stop'),
  ].map((chunk) => JSON.stringify(chunk));
  const usage: [number, number] | null = options.usage === undefined ? [1200, 180] : options.usage;
  if (usage) events.push(JSON.stringify(usageChunk(usage[0], usage[1])));
  events.push('[DONE]');
  return events;
}

/** An SSE body of the given `data:` payloads, enqueued in one go (the response completes on its own). */
export function sseBody(events: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const event of events) controller.enqueue(encoder.encode(`data: ${event}\n\n`));
      controller.close();
    },
  });
}

/** A streamed Chat Completions response (`text/event-stream`). */
export function sseResponse(events: string[]) {
  return new HttpResponse(sseBody(events), {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  });
}

/** A non-streamed `chat.completion` whose message content is `content` (structured outputs send JSON text). */
export function completionJson(content: string | null, options: { refusal?: string; finishReason?: string } = {}) {
  return HttpResponse.json({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_750_000_000,
    model: 'gpt-4o-mini',
    system_fingerprint: 'fp_test',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: options.refusal ?? null, annotations: [] },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    usage: { prompt_tokens: 900, completion_tokens: 60, total_tokens: 960 },
  });
}

/** An OpenAI-style error body with the given status and headers. */
export function errorResponse(status: number, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    {
      error: {
        message: `test error ${status}`,
        type: status === 429 ? 'rate_limit_exceeded' : 'server_error',
        code: null,
      },
    },
    { status, headers },
  );
}

export { HttpResponse, http };
