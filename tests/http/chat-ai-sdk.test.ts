/**
 * POST /v1/chat driven by the `ai` package's own client code (DefaultChatTransport, AbstractChat via NodeChat,
 * readUIMessageStream) against a real server on a loopback port, with the real knowledge base and a temp DATA_DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultChatTransport, readUIMessageStream, type UIMessageChunk } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/engine/recommendation-schema.ts';
import {
  AdvisorMessageMetadataSchema,
  type AdvisorUIMessage,
  advisorDataPartSchemas,
  type SessionPartData,
} from '../../src/http/routes/chat.ts';
import { type RunningServer, startServer } from '../../src/index.ts';
import { NodeChat } from '../helpers/node-chat.ts';

let running: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'advisor-chat-'));
  running = await startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  });
});

afterAll(async () => {
  await running?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A widget user: a NodeChat that keeps the session from `data-session` and sends it back on every turn. */
function createUser() {
  let session: SessionPartData | undefined;
  const sessionEvents: SessionPartData[] = [];
  const chat = new NodeChat<AdvisorUIMessage>({
    transport: new DefaultChatTransport<AdvisorUIMessage>({
      api: `${running.url}/v1/chat`,
      headers: (): Record<string, string> =>
        session?.sessionToken ? { 'x-session-id': session.sessionId, 'x-session-token': session.sessionToken } : {},
    }),
    dataPartSchemas: advisorDataPartSchemas,
    messageMetadataSchema: AdvisorMessageMetadataSchema,
    onData: (part) => {
      if (part.type !== 'data-session') return;
      sessionEvents.push(part.data);
      session = { ...session, ...part.data };
    },
  });

  async function say(text: string) {
    await chat.sendMessage({ text });
    expect(chat.error).toBeUndefined();
    expect(chat.status).toBe('ready');
    const reply = chat.lastMessage!;
    expect(reply.role).toBe('assistant');
    const parts = reply.parts;
    return {
      reply,
      text: parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join(''),
      kind: reply.metadata?.kind,
      profile: parts.find((part) => part.type === 'data-profile')?.data,
      recommendation: parts.find((part) => part.type === 'data-recommendation')?.data,
      question: parts.find((part) => part.type === 'data-question')?.data,
    };
  }
  return { chat, say, sessionEvents, session: () => session! };
}

/** What a user of a support-bot project would answer to each question the advisor may ask. */
const ANSWERS: Record<string, string> = {
  labeledExamples: 'about 300',
  tasksCount: 'just one',
  knowledgeChanges: 'weekly',
  needsCitations: 'yes, answers must cite the docs',
  modality: 'text',
  unlabeledCorpus: 'we have a large set of docs',
  mlExpertise: 'basic',
  modelAccess: 'open weights',
};

function verdictOf(recommendation: Recommendation | undefined, method: string): string | undefined {
  return recommendation?.recommendations.find((item) => item.method === method)?.verdict;
}

describe('POST /v1/chat with the AI SDK client', () => {
  it('goes from a vague message to a sourced plan, handles what-if, a fact change and why-not, and keeps the history', async () => {
    const user = createUser();

    const first = await user.say('We want to build a support bot on our docs');
    expect(first.kind).toBe('question');
    expect(first.question?.field).toBeTruthy();
    expect(first.text).toContain(first.question!.question);
    expect(first.recommendation).toBeUndefined();
    expect(first.profile?.profile.task).toBeTruthy();
    expect(first.profile?.understood[0]?.text).toBeTruthy();
    const created = user.sessionEvents[0]!;
    expect(created.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Answer whatever is asked until the advisor answers: within 4 turns in all.
    let turn = first;
    let turns = 1;
    while (turn.recommendation === undefined) {
      const field = turn.question?.field ?? '';
      turn = await user.say(ANSWERS[field] ?? 'not sure');
      turns += 1;
      expect(turns).toBeLessThanOrEqual(4);
    }
    expect(turn.kind).toBe('recommendation');
    const plan = turn.recommendation!;
    expect(plan.recommendations[0]?.method).toBeTruthy();
    expect(plan.recommendations[0]?.reasons.length).toBeGreaterThan(0);
    expect(plan.plan.length).toBeGreaterThan(0);
    expect(plan.sources.length).toBeGreaterThan(0);
    const citedIds = new Set(plan.sources.map((source) => source.id));
    for (const reason of plan.recommendations[0]!.reasons) {
      for (const source of reason.sources) expect(citedIds.has(source)).toBe(true);
    }
    // Later turns reuse the session: no new token is ever sent again.
    expect(user.sessionEvents.slice(1).every((event) => event.sessionToken === undefined)).toBe(true);
    expect(new Set(user.sessionEvents.map((event) => event.sessionId)).size).toBe(1);

    const noGpus = await user.say('We use Llama 3.1 8B and have no GPUs');
    expect(noGpus.kind).toBe('recommendation');
    expect(noGpus.profile?.profile).toMatchObject({ modelName: 'Llama 3.1 8B', gpuCount: 0 });
    expect(verdictOf(noGpus.recommendation, 'lora')).toBe('conditional'); // no GPU: renting decides it (budget unknown);

    const whatIf = await user.say('what if we had 2 GPUs?');
    expect(whatIf.kind).toBe('what-if');
    expect(whatIf.text).toMatch(/^If you had 2 GPUs/);
    expect(verdictOf(whatIf.recommendation, 'lora')).toBe('conditional'); // fits; the unknown number of examples still decides it;
    expect(whatIf.profile?.profile.gpuCount).toBe(0); // hypothetical: the stored profile is unchanged

    const changed = await user.say('actually we have 2 A100s');
    expect(changed.kind).toBe('recommendation');
    expect(changed.profile?.profile).toMatchObject({ gpuCount: 2, gpuName: 'NVIDIA A100 80GB' });
    expect(changed.profile?.understood.find((item) => item.field === 'gpuCount')).toMatchObject({
      value: 2,
      corrected: true,
    });
    expect(verdictOf(changed.recommendation, 'lora')).toBe('conditional'); // fits; the unknown number of examples still decides it;
    expect(changed.recommendation).not.toEqual(noGpus.recommendation);

    const why = await user.say('why not full fine-tuning?');
    expect(why.kind).toBe('why');
    const fullFineTuning = why.recommendation!.recommendations.find((item) => item.method === 'full-fine-tuning')!;
    // Plain sentences: the strongest reason against it, quoted from the rules, and no scores.
    expect(why.text).not.toContain('score');
    const against = fullFineTuning.reasons.filter((reason) => reason.effect.startsWith('-'));
    expect(against.length).toBeGreaterThan(0);
    expect(why.text).toContain(against[0]!.text);

    // The history, in order, for the owner only.
    const { sessionId, sessionToken } = user.session();
    const sent = user.chat.messages;
    const history = await fetch(`${running.url}/v1/chat/${sessionId}`, {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    expect(history.status).toBe(200);
    const body = (await history.json()) as {
      id: string;
      profile: Record<string, unknown>;
      messages: AdvisorUIMessage[];
      tokenHash?: string;
    };
    expect(body.id).toBe(sessionId);
    expect(body.tokenHash).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(sessionToken!);
    expect(body.profile).toMatchObject({ gpuCount: 2, modelName: 'Llama 3.1 8B' });
    expect(body.messages.map((message) => message.role)).toEqual(sent.map((message) => message.role));
    expect(body.messages.map((message) => message.id)).toEqual(sent.map((message) => message.id));
    const sentTexts = sent.map((message) =>
      message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join(''),
    );
    const textOf = (message: AdvisorUIMessage) =>
      message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
    expect(body.messages.map(textOf)).toEqual(sentTexts);

    const wrongToken = await fetch(`${running.url}/v1/chat/${sessionId}`, {
      headers: { 'x-session-token': 'A'.repeat(43) },
    });
    const unknownId = await fetch(`${running.url}/v1/chat/${'B'.repeat(22)}`, {
      headers: { 'x-session-token': sessionToken! },
    });
    const noToken = await fetch(`${running.url}/v1/chat/${sessionId}`);
    for (const response of [wrongToken, unknownId, noToken]) expect(response.status).toBe(404);
    const bodies = await Promise.all([wrongToken, unknownId, noToken].map((response) => response.json()));
    expect(new Set(bodies.map((item) => (item as { error: { message: string } }).error.message)).size).toBe(1);

    const wrongDelete = await fetch(`${running.url}/v1/chat/${sessionId}`, {
      method: 'DELETE',
      headers: { 'x-session-token': 'A'.repeat(43) },
    });
    expect(wrongDelete.status).toBe(404);
    const deleted = await fetch(`${running.url}/v1/chat/${sessionId}`, {
      method: 'DELETE',
      headers: { 'x-session-token': sessionToken! },
    });
    expect(deleted.status).toBe(204);
    const afterDelete = await fetch(`${running.url}/v1/chat/${sessionId}`, {
      headers: { 'x-session-token': sessionToken! },
    });
    expect(afterDelete.status).toBe(404);
  });

  it('answers at once when the user says "just recommend"', async () => {
    const user = createUser();
    const answer = await user.say('We want to build a support bot on our docs. Just recommend something.');
    expect(answer.kind).toBe('recommendation');
    expect(answer.reply.metadata?.provisional).toBe(true);
    expect(answer.recommendation?.recommendations[0]).toBeDefined();
    expect(answer.recommendation?.sources.length).toBeGreaterThan(0);
    expect(answer.text).toMatch(/provisional answer/i);
    expect(answer.question).toBeUndefined();
  });

  it('streams the documented chunk order, read with DefaultChatTransport + readUIMessageStream', async () => {
    const transport = new DefaultChatTransport<AdvisorUIMessage>({ api: `${running.url}/v1/chat` });
    const stream = await transport.sendMessages({
      chatId: 'chat-raw',
      messageId: undefined,
      trigger: 'submit-message',
      abortSignal: undefined,
      messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'We have 2 A100s. Just recommend.' }] }],
    });
    const [forChunks, forMessages] = stream.tee();
    const chunks: UIMessageChunk[] = [];
    const reader = forChunks.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    const types = chunks.map((chunk) => chunk.type);
    const firstDelta = types.indexOf('text-delta');
    expect(types.slice(0, 4)).toEqual(['start', 'data-session', 'data-profile', 'text-start']);
    // The template reply streams its sections (the lead, the answer, the notes, the hint), not words cut apart.
    expect(types.filter((type) => type === 'text-delta').length).toBeGreaterThan(2);
    expect(types.slice(types.indexOf('text-end'))).toEqual([
      'text-end',
      'data-recommendation',
      'data-sources',
      'data-suggestions',
      'finish',
    ]);
    expect(firstDelta).toBe(4);

    let final: AdvisorUIMessage | undefined;
    for await (const message of readUIMessageStream<AdvisorUIMessage>({ stream: forMessages })) final = message;
    expect(final?.role).toBe('assistant');
    expect(final?.id).toBe((chunks[0] as { messageId?: string }).messageId);
    // data-session is transient (it carries the token): delivered to onData, not kept in the message.
    expect(final?.parts.map((part) => part.type)).toEqual([
      'data-profile',
      'text',
      'data-recommendation',
      'data-sources',
      'data-suggestions',
    ]);
    const text = final?.parts.find((part) => part.type === 'text');
    const deltas = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : []));
    expect(text?.type === 'text' && text.text).toBe(deltas.join(''));
    // The footnotes as data: each mark [n] in the text has its source.
    const sources = final?.parts.find((part) => part.type === 'data-sources')?.data.sources ?? [];
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(text?.type === 'text' && text.text).toContain(`[${source.n}] ${source.title}`);
  });

  it('returns the session in headers and rejects bad bodies, unknown sessions and half credentials with JSON', async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${running.url}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const message = (text: string) => ({ id: 'm1', role: 'user', parts: [{ type: 'text', text }] });

    const ok = await post({
      id: 'c',
      trigger: 'submit-message',
      messages: [message('hello')],
      extra: { ignored: true },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(ok.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const sessionId = ok.headers.get('x-session-id')!;
    const sessionToken = ok.headers.get('x-session-token')!;
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = await ok.text();
    expect(raw.trim().endsWith('data: [DONE]')).toBe(true);

    const continued = await post({
      id: 'c',
      trigger: 'submit-message',
      messages: [message('about 300')],
      sessionId,
      sessionToken,
    });
    expect(continued.status).toBe(200);
    expect(continued.headers.get('x-session-id')).toBe(sessionId);
    expect(continued.headers.get('x-session-token')).toBeNull();
    await continued.text();

    const cases: { body: unknown; headers?: Record<string, string>; status: number; path: string }[] = [
      {
        body: { id: 'c', trigger: 'submit-message', messages: [message('   ')] },
        status: 400,
        path: 'messages[0].parts',
      },
      {
        body: { id: 'c', trigger: 'submit-message', messages: [message('x'.repeat(4001))] },
        status: 400,
        path: 'messages[0].parts',
      },
      { body: { id: 'c', trigger: 'submit-message', messages: 'hi' }, status: 400, path: 'messages' },
      { body: { id: 'c', trigger: 'send', messages: [message('hi')] }, status: 400, path: 'trigger' },
      {
        body: {
          id: 'c',
          trigger: 'submit-message',
          messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 7 }] }],
        },
        status: 400,
        path: 'messages[0].parts[0].text',
      },
      {
        body: { id: 'c', trigger: 'submit-message', messages: [{ id: 'a', role: 'assistant', parts: [] }] },
        status: 400,
        path: 'messages',
      },
      {
        body: { id: 'c', trigger: 'submit-message', messages: [message('hi')] },
        headers: { 'x-session-id': sessionId },
        status: 400,
        path: 'x-session-token',
      },
      {
        body: { id: 'c', trigger: 'submit-message', messages: [message('hi')] },
        headers: { 'x-session-id': sessionId, 'x-session-token': 'C'.repeat(43) },
        status: 404,
        path: '',
      },
    ];
    for (const testCase of cases) {
      const response = await post(testCase.body, testCase.headers);
      expect(response.status, JSON.stringify(testCase.body)).toBe(testCase.status);
      expect(response.headers.get('content-type')).toContain('application/json');
      const error = (await response.json()) as { error: { code: string; details: { path: string }[] } };
      if (testCase.path !== '') expect(error.error.details.map((detail) => detail.path)).toContain(testCase.path);
    }
  });

  it('documents the chat routes in the OpenAPI document', async () => {
    const document = (await (await fetch(`${running.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    expect(Object.keys(document.paths['/v1/chat/{id}'] ?? {}).sort()).toEqual(['delete', 'get']);
    expect(Object.keys(document.paths['/v1/chat']?.post?.responses['200']?.content ?? {})).toEqual([
      'text/event-stream',
    ]);
    expect(document.paths['/v1/chat/completions']?.post).toBeDefined();
    expect(document.paths['/v1/models']?.get).toBeDefined();
  });
});
