/**
 * An LLM that fails mid-stream (after its first delta, by throwing) gives a masked error in every wire protocol: the
 * AI SDK UI-message stream (`error` chunk), OpenAI chunks (`{ error }` chunk) and the whole OpenAI completion (500),
 * and the plain SSE of POST /v1/recommendations (`event: error`). The client sees a generic message with the request
 * id, never the cause; the cause is logged with that request id.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatRoutes } from '../../src/http/routes/chat.ts';
import { openAiCompatibleRoutes } from '../../src/http/routes/openai-compatible.ts';
import type { LlmLayer } from '../../src/llm/llm-layer.ts';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';
import { parseSse } from '../helpers/llm-test-layer.ts';

/** What the failing upstream said: it must never reach a client. */
const CAUSE = 'upstream 10.0.0.7 rejected key sk-test-not-a-real-key';
const ANSWER =
  'We want to adapt Llama 3.1 8B for support answers. We have one RTX 4090 and 2000 labeled examples. Just recommend.';

/** An LLM layer whose explanation stream writes one delta, then throws (a fault below the layer's own handling). */
const failingLlm: LlmLayer = {
  enabled: true,
  async *streamExplanation() {
    yield { type: 'delta', text: 'Method lora is ' };
    throw new Error(CAUSE);
  },
  explainOnce: async () => {
    throw new Error(CAUSE);
  },
  extractProfileWithLlm: async () => ({ fields: {}, rejected: [], notes: [], fallbackReason: 'llm-off' }),
  status: () => {
    throw new Error('not used by these tests');
  },
};

const stores: SessionStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.stop()));
});

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-stream-errors-'));
  const store = createFileSessionStore({ dataDir, syncToDisk: false });
  await store.init();
  stores.push(store);
  return buildTestApp({
    config: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: 0, RATE_LIMIT_LLM_PER_MINUTE: 0 },
    sessionStore: store,
    llm: failingLlm,
    llmEnabled: true,
    routeModules: [chatRoutes(), openAiCompatibleRoutes()],
  });
}

/** The request id of `response`, after checking the body hides the cause and the log has it with that id. */
function expectMasked(
  response: Response,
  body: string,
  logLines: Record<string, unknown>[],
  clientMessage: string | undefined,
) {
  const requestId = response.headers.get('x-request-id') ?? '';
  expect(requestId).not.toBe('');
  expect(body).not.toContain(CAUSE);
  expect(clientMessage).toContain('could not finish this reply');
  expect(clientMessage).toContain(requestId);
  const logged = logLines.find((line) => line.msg === 'reply stream failed');
  expect(logged?.requestId).toBe(requestId);
  expect(logged?.level).toBe('error');
  expect(JSON.stringify(logged)).toContain(CAUSE);
}

describe('an LLM failing mid-stream is a masked error in every protocol', () => {
  it('POST /v1/chat: an error chunk after the streamed delta', async () => {
    const { app, logLines } = await setup();
    const response = await app.request('/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'chat-failing-llm',
        trigger: 'submit-message',
        messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: ANSWER }] }],
      }),
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    const chunks = parseSse(body).map((event) => event.data as { type?: string; delta?: string; errorText?: string });
    expect(chunks.some((chunk) => chunk.type === 'text-delta' && chunk.delta?.includes('Method lora is'))).toBe(true);
    const error = chunks.find((chunk) => chunk.type === 'error');
    expect(chunks.some((chunk) => chunk.type === 'finish')).toBe(false);
    expectMasked(response, body, logLines, error?.errorText);
  });

  it('POST /v1/chat/completions (stream): an OpenAI error chunk, and no [DONE]', async () => {
    const { app, logLines } = await setup();
    const response = await app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'adaptation-advisor',
        stream: true,
        messages: [{ role: 'user', content: ANSWER }],
      }),
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    const events = parseSse(body).map((event) => event.data as { error?: { message: string; type: string } });
    const last = events.at(-1);
    expect(last?.error?.type).toBe('server_error');
    expect(body).not.toContain('[DONE]');
    expectMasked(response, body, logLines, last?.error?.message);
  });

  it('POST /v1/chat/completions (whole): a 500 OpenAI error', async () => {
    const { app, logLines } = await setup();
    const response = await app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'adaptation-advisor', messages: [{ role: 'user', content: ANSWER }] }),
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    const error = (JSON.parse(body) as { error: { message: string; type: string } }).error;
    expect(error.type).toBe('server_error');
    expectMasked(response, body, logLines, error.message);
  });

  it('POST /v1/recommendations (SSE): an error event after the deltas', async () => {
    const { app, logLines } = await setup();
    const response = await app.request('/v1/recommendations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        profile: { modelName: 'Llama 3.1 8B', gpuCount: 1, gpuName: 'RTX 4090' },
        options: { explain: 'llm' },
      }),
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    const events = parseSse(body);
    expect(events.map((event) => event.event)).toEqual(['recommendation', 'delta', 'error']);
    const last = events.at(-1)?.data as { error?: { code: string; message: string; requestId: string } } | undefined;
    const error = last?.error;
    expect(error?.code).toBe('stream_failed');
    expect(error?.requestId).toBe(response.headers.get('x-request-id'));
    expectMasked(response, body, logLines, error?.message);
  });
});
