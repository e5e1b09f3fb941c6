/**
 * The wire sequences of both chat front doors, snapshotted: POST /v1/chat (AI SDK UI-message stream) and POST
 * /v1/chat/completions (OpenAI chunks), each for template replies (a question, an answer, a "why") and for LLM
 * replies (an accepted explanation and a stream cut mid-way), in-process with the fixture knowledge and the LLM
 * mocked by msw. Ids, tokens and timestamps are replaced by placeholders. Each sequence is kept twice: `raw` (every
 * chunk as sent) and `coalesced` (consecutive text deltas of one part joined), so a change in how text is cut into
 * deltas shows up apart from a change in what is said or in which parts come in which order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatRoutes } from '../../src/http/routes/chat.ts';
import { openAiCompatibleRoutes } from '../../src/http/routes/openai-compatible.ts';
import type { LlmLayer } from '../../src/llm/llm-layer.ts';
import { PROFILE_FIELDS } from '../../src/profile/profile-schema.ts';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';
import { testLlmLayer } from '../helpers/llm-test-layer.ts';
import {
  chatChunk,
  completionEvents,
  completionJson,
  createOpenAiMock,
  OPENAI_TEST_BASE_URL,
  sseResponse,
} from '../helpers/msw-openai.ts';

const mock = createOpenAiMock();
const stores: SessionStore[] = [];
beforeAll(() => mock.listen());
afterEach(async () => {
  mock.reset();
  await Promise.all(stores.splice(0).map((store) => store.stop()));
});
afterAll(() => mock.close());

const NO_FACTS = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, null]));
const ANSWER =
  'We want to adapt Llama 3.1 8B for support answers. We have one RTX 4090 and 2000 labeled examples. Just recommend.';

/** msw: structured extraction finds nothing; the streamed explanation answers `events`. */
function upstream(events: string[]) {
  mock.respond(async (request) => {
    const body = (await request.clone().json()) as { stream?: boolean };
    if (body.stream) return sseResponse(events);
    return completionJson(JSON.stringify(NO_FACTS));
  });
}

async function setup(llm?: LlmLayer) {
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-chat-snapshots-'));
  const store = createFileSessionStore({ dataDir, syncToDisk: false });
  await store.init();
  stores.push(store);
  const { app, knowledge } = buildTestApp({
    config: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: 0, RATE_LIMIT_LLM_PER_MINUTE: 0 },
    sessionStore: store,
    ...(llm ? { llm, llmEnabled: true } : {}),
    routeModules: [chatRoutes(), openAiCompatibleRoutes()],
  });
  return { app, knowledge };
}

type Chunk = Record<string, unknown>;

/** `data:` payloads of an SSE body, JSON-parsed (the closing `[DONE]` kept as a string). */
function ssePayloads(body: string): unknown[] {
  return body
    .split(/\n\n+/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      return data === '[DONE]' ? data : (JSON.parse(data) as unknown);
    });
}

/** Replaces every id, token and timestamp by a placeholder, so the snapshot shows only what is said and in what order. */
function normalize(payloads: unknown[], secrets: Record<string, string>): unknown[] {
  let text = JSON.stringify(payloads);
  for (const [placeholder, value] of Object.entries(secrets)) {
    if (value) text = text.split(value).join(`<${placeholder}>`);
  }
  text = text.replace(/"(?:messageId)":"[^"]+"/g, '"messageId":"<message-id>"');
  text = text.replace(
    /"id":"text-[^"]+?(-correction)?"/g,
    (_match, correction) => `"id":"text-<message-id>${correction ?? ''}"`,
  );
  text = text.replace(/chatcmpl-[0-9a-f]{32}/g, 'chatcmpl-<id>');
  text = text.replace(/"created":\d+/g, '"created":"<created>"');
  text = text.replace(/"createdAt":"[^"]+"/g, '"createdAt":"<created>"');
  return (JSON.parse(text) as unknown[]).map(digestRecommendations);
}

/**
 * A recommendation (tens of kilobytes, the engine's business and covered by its own tests) as its top method only:
 * the snapshot is about the wire sequence, so a new engine field does not break it.
 */
function digestRecommendations(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return payload;
  const chunk = payload as Chunk;
  const digest = (recommendation: unknown) => {
    const { recommendations } = recommendation as { recommendations: { method: string }[] };
    return `<recommendation top=${recommendations[0]?.method}>`;
  };
  if (chunk.type === 'data-recommendation') return { ...chunk, data: digest(chunk.data) };
  const advisor = chunk.advisor as Chunk | undefined;
  if (advisor?.recommendation !== undefined) {
    return { ...chunk, advisor: { ...advisor, recommendation: digest(advisor.recommendation) } };
  }
  return payload;
}

/** Consecutive text deltas of one part (UI stream) or consecutive content deltas (OpenAI chunks) joined. */
function coalesce(chunks: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const chunk of chunks) {
    const previous = out.at(-1) as Chunk | undefined;
    const current = chunk as Chunk;
    if (current?.type === 'text-delta' && previous?.type === 'text-delta' && previous.id === current.id) {
      out[out.length - 1] = { ...previous, delta: `${previous.delta as string}${current.delta as string}` };
      continue;
    }
    const content = openAiContent(current);
    const previousContent = openAiContent(previous);
    if (content !== undefined && previousContent !== undefined && previous !== undefined) {
      const choice = (previous.choices as Chunk[])[0]!;
      out[out.length - 1] = {
        ...previous,
        choices: [{ ...choice, delta: { content: `${previousContent}${content}` } }],
      };
      continue;
    }
    out.push(chunk);
  }
  return out;
}

/** The content of an OpenAI chunk whose delta is content only (not the role chunk), else undefined. */
function openAiContent(chunk: Chunk | undefined): string | undefined {
  const choice = (chunk?.choices as Chunk[] | undefined)?.[0];
  const delta = choice?.delta as Chunk | undefined;
  if (delta === undefined || choice?.finish_reason !== null) return undefined;
  if (Object.keys(delta).length !== 1 || typeof delta.content !== 'string') return undefined;
  return delta.content;
}

type AppUnderTest = Awaited<ReturnType<typeof setup>>['app'];

/** A conversation through POST /v1/chat: each turn's normalized chunks. */
async function uiConversation(app: AppUnderTest, messages: string[]) {
  const chatId = 'chat-snapshot';
  let token = '';
  let sessionId = '';
  const turns: { raw: unknown[]; coalesced: unknown[] }[] = [];
  for (const [index, text] of messages.entries()) {
    const response = await app.request('/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-session-token': token } : {}) },
      body: JSON.stringify({
        id: chatId,
        trigger: 'submit-message',
        messages: [{ id: `u${index + 1}`, role: 'user', parts: [{ type: 'text', text }] }],
      }),
    });
    expect(response.status).toBe(200);
    token ||= response.headers.get('x-session-token') ?? '';
    sessionId ||= response.headers.get('x-session-id') ?? '';
    const raw = normalize(ssePayloads(await response.text()), { 'session-token': token, 'session-id': sessionId });
    turns.push({ raw, coalesced: coalesce(raw) });
  }
  return turns;
}

/** One streamed call of POST /v1/chat/completions with the user messages so far; normalized chunks. */
async function openAiStream(app: AppUnderTest, messages: string[], extra: Record<string, unknown> = {}) {
  const response = await app.request('/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'adaptation-advisor',
      stream: true,
      messages: messages.map((content) => ({ role: 'user', content })),
      ...extra,
    }),
  });
  expect(response.status).toBe(200);
  const raw = normalize(ssePayloads(await response.text()), {});
  return { raw, coalesced: coalesce(raw) };
}

async function topMethodName(app: AppUnderTest, knowledge: Awaited<ReturnType<typeof setup>>['knowledge']) {
  const response = await app.request('/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'adaptation-advisor', messages: [{ role: 'user', content: ANSWER }] }),
  });
  const body = (await response.json()) as { advisor: { recommendation: { recommendations: { method: string }[] } } };
  const top = body.advisor.recommendation.recommendations[0]!.method;
  return knowledge.methodById.get(top as never)?.name ?? top;
}

describe('chat stream snapshots: template replies', () => {
  it('POST /v1/chat: a question, an answer and a "why"', async () => {
    const { app } = await setup();
    const turns = await uiConversation(app, ['hello', ANSWER, 'why not full fine-tuning?']);
    expect(turns).toMatchSnapshot();
  });

  it('POST /v1/chat/completions (stream): a question, an answer and a "why", with usage', async () => {
    const { app } = await setup();
    const calls = [];
    for (const history of [['hello'], ['hello', ANSWER], ['hello', ANSWER, 'why not full fine-tuning?']]) {
      calls.push(await openAiStream(app, history, { stream_options: { include_usage: true } }));
    }
    expect(calls).toMatchSnapshot();
  });
});

describe('both chat front doors say the same', () => {
  it('the text of every turn is identical through POST /v1/chat and POST /v1/chat/completions', async () => {
    const { app } = await setup();
    const messages = ['hello', ANSWER, 'why not full fine-tuning?', 'What would it cost?', 'thanks!'];
    const ui = await uiConversation(app, messages);
    const uiTexts = ui.map((turn) =>
      (turn.raw as Chunk[]).flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta as string] : [])).join(''),
    );
    const openAiTexts: string[] = [];
    for (let count = 1; count <= messages.length; count += 1) {
      const call = await openAiStream(app, messages.slice(0, count));
      openAiTexts.push(
        (call.raw as Chunk[])
          .flatMap((chunk) => {
            const delta = ((chunk.choices as Chunk[] | undefined)?.[0]?.delta ?? {}) as Chunk;
            return typeof delta.content === 'string' ? [delta.content] : [];
          })
          .join(''),
      );
    }
    expect(uiTexts.every((text) => text.length > 0)).toBe(true);
    expect(openAiTexts).toEqual(uiTexts);
  });
});

describe('chat stream snapshots: LLM replies', () => {
  it('POST /v1/chat: an accepted explanation and a stream cut mid-way', async () => {
    const reference = await setup();
    const top = await topMethodName(reference.app, reference.knowledge);
    const prose = `${top} comes first: it fits your single GPU and uses your examples.`;

    upstream(completionEvents([prose.slice(0, 30), prose.slice(30)]));
    const accepted = await setup(await testLlmLayer(OPENAI_TEST_BASE_URL));
    const acceptedTurns = await uiConversation(accepted.app, [ANSWER]);

    mock.reset();
    upstream([
      JSON.stringify(chatChunk({ role: 'assistant', content: '' })),
      JSON.stringify(chatChunk({ content: `${top} is what I would ` })),
      '[DONE]',
    ]);
    const cut = await setup(await testLlmLayer(OPENAI_TEST_BASE_URL));
    const cutTurns = await uiConversation(cut.app, [ANSWER]);
    expect({ accepted: acceptedTurns, cut: cutTurns }).toMatchSnapshot();
  });

  it('POST /v1/chat/completions (stream): an accepted explanation and a stream cut mid-way', async () => {
    const reference = await setup();
    const top = await topMethodName(reference.app, reference.knowledge);
    const prose = `${top} comes first: it fits your single GPU and uses your examples.`;

    upstream(completionEvents([prose.slice(0, 30), prose.slice(30)]));
    const accepted = await setup(await testLlmLayer(OPENAI_TEST_BASE_URL));
    const acceptedCall = await openAiStream(accepted.app, [ANSWER], { stream_options: { include_usage: true } });

    mock.reset();
    upstream([
      JSON.stringify(chatChunk({ role: 'assistant', content: '' })),
      JSON.stringify(chatChunk({ content: `${top} is what I would ` })),
      '[DONE]',
    ]);
    const cut = await setup(await testLlmLayer(OPENAI_TEST_BASE_URL));
    const cutCall = await openAiStream(cut.app, [ANSWER]);
    expect({ accepted: acceptedCall, cut: cutCall }).toMatchSnapshot();
  });
});
