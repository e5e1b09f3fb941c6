import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real loopback OpenAI-compatible server (node:http on 127.0.0.1, a free port) that streams Chat Completions
 * chunks at a fixed pace. Used where msw cannot be: client-disconnect tests (msw 3 crashes when a client aborts a
 * body it is streaming), stalled and cut streams, and the time-to-first-token benchmark.
 *
 * Streams are shaped like the real API: a first delta with `role: 'assistant'`, one chunk per content piece every
 * `intervalMs`, a final delta with `finish_reason`, a usage chunk if `stream_options.include_usage`, then `[DONE]`.
 * A non-streamed request gets a `chat.completion` whose content is the pieces joined.
 */

export interface FakeOpenAiServerOptions {
  /** Content pieces, one per chunk. */
  readonly chunks: readonly string[];
  /** Pause before each content chunk, ms. */
  readonly intervalMs: number;
  /** Finish reason of the last chunk (default 'stop'). */
  readonly finishReason?: string;
  /** After this many content chunks, send nothing more but keep the connection open (a stalled stream). */
  readonly stallAfter?: number;
  /** After this many content chunks, destroy the socket (a stream cut mid-way). */
  readonly cutAfter?: number;
  /**
   * Content of the answer to a non-streamed request (structured extraction), e.g. a JSON object; default the chunks
   * joined.
   */
  readonly completionContent?: string;
  /** Token counts reported in the usage chunk / body (default 1200 prompt, one completion token per chunk). */
  readonly promptTokens?: number;
}

export interface FakeRequestRecord {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON, inspected loosely by tests
  readonly body: any;
  readonly receivedAt: number;
  /** Content chunks written before the response ended or the client left. */
  chunksSent: number;
  /** True if the client closed the connection before the response was complete. */
  aborted: boolean;
  /** True once the full response was written. */
  completed: boolean;
  /** Resolves when the connection for this request has closed (either way). */
  readonly closed: Promise<void>;
}

export interface FakeOpenAiServer {
  /** Base URL to use as OPENAI_BASE_URL, e.g. "http://127.0.0.1:40123/v1". */
  readonly url: string;
  readonly requests: FakeRequestRecord[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chunk(delta: object, finishReason: string | null, model: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    usage: null,
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Start the server; `close()` it in `afterEach`/`afterAll`. */
export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions): Promise<FakeOpenAiServer> {
  const requests: FakeRequestRecord[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = (await readBody(request)) as {
      stream?: boolean;
      model?: string;
      stream_options?: { include_usage?: boolean };
    };
    let resolveClosed!: () => void;
    const record: FakeRequestRecord = {
      path: request.url ?? '',
      headers: request.headers,
      body,
      receivedAt: performance.now(),
      chunksSent: 0,
      aborted: false,
      completed: false,
      closed: new Promise<void>((resolve) => {
        resolveClosed = resolve;
      }),
    };
    requests.push(record);
    response.on('close', () => {
      if (!response.writableFinished) record.aborted = true;
      resolveClosed();
    });

    if (request.method !== 'POST' || !record.path.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    const model = body.model ?? 'fake-model';
    const promptTokens = options.promptTokens ?? 1200;
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: options.chunks.length,
      total_tokens: promptTokens + options.chunks.length,
    };

    if (!body.stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model,
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: options.completionContent ?? options.chunks.join(''),
                refusal: null,
              },
              logprobs: null,
              finish_reason: options.finishReason ?? 'stop',
            },
          ],
          usage,
        }),
      );
      record.completed = true;
      return;
    }

    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const send = (payload: unknown) => {
      if (record.aborted || response.destroyed) return false;
      response.write(`data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
      return true;
    };
    send(chunk({ role: 'assistant', content: '' }, null, model));
    for (const [index, piece] of options.chunks.entries()) {
      if (options.stallAfter !== undefined && index >= options.stallAfter) return; // keep the socket open, send nothing
      if (options.cutAfter !== undefined && index >= options.cutAfter) {
        await sleep(options.intervalMs); // let the chunks already written reach the client first
        response.socket?.destroy();
        return;
      }
      await sleep(options.intervalMs);
      if (!send(chunk({ content: piece }, null, model))) return;
      record.chunksSent += 1;
    }
    if (!send(chunk({}, options.finishReason ?? 'stop', model))) return;
    if (body.stream_options?.include_usage) send({ ...chunk({}, null, model), choices: [], usage });
    send('[DONE]');
    response.end();
    record.completed = true;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
