/**
 * Sessions keyed on the AI SDK chat `id` (issue 12, item 5): the first turn on an id creates the session and returns
 * its owner token; later turns send only the token; a turn without it is a 401, with a wrong one a 403, for an id
 * whose session is gone a 404, never a silent new session. GET /v1/chat/{chatId} returns UIMessage[] that the AI
 * SDK validates and a new chat continues from. Driven by the `ai` package's own client code where it applies.
 */
import { DefaultChatTransport, validateUIMessages } from 'ai';
import { describe, expect, it } from 'vitest';
import {
  AdvisorMessageMetadataSchema,
  type AdvisorUIMessage,
  advisorDataPartSchemas,
  type SessionPartData,
} from '../../src/http/routes/chat.ts';
import { sessionIdForChat } from '../../src/store/session-token.ts';
import { NodeChat } from '../helpers/node-chat.ts';
import { buildSecureApp, chatBody, jsonHeaders } from './security/secure-app.ts';

type App = Awaited<ReturnType<typeof buildSecureApp>>['app'];

/** A NodeChat on the in-process app that keeps only the token (no x-session-id), sent as the x-session-token header. */
function widgetChat(app: App, id: string, messages: AdvisorUIMessage[] = [], initialToken?: string) {
  let token = initialToken;
  const sessions: SessionPartData[] = [];
  const chat = new NodeChat<AdvisorUIMessage>({
    id,
    messages,
    transport: new DefaultChatTransport<AdvisorUIMessage>({
      api: 'http://advisor.test/v1/chat',
      fetch: (input, init) => Promise.resolve(app.request(String(input), init)),
      headers: (): Record<string, string> => (token === undefined ? {} : { 'x-session-token': token }),
      // As in the README's React example: the server keeps the conversation, so only the new message is sent.
      prepareSendMessagesRequest: ({ id, messages: all, trigger, messageId }) => ({
        body: { id, trigger, messageId, messages: all.slice(-1) },
      }),
    }),
    dataPartSchemas: advisorDataPartSchemas,
    messageMetadataSchema: AdvisorMessageMetadataSchema,
    onData: (part) => {
      if (part.type !== 'data-session') return;
      sessions.push(part.data);
      token ??= part.data.sessionToken;
    },
  });
  const say = async (text: string) => {
    await chat.sendMessage({ text });
    expect(chat.error).toBeUndefined();
    return chat.lastMessage!;
  };
  return { chat, say, sessions, token: () => token };
}

const textOf = (message: AdvisorUIMessage) =>
  message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; details: { path: string }[] } }).error;
}

describe('POST /v1/chat sessions keyed on the chat id', () => {
  it('the first turn creates the session and returns its token; later turns send only the token and continue it', async () => {
    const { app, store } = await buildSecureApp();
    const user = widgetChat(app, 'chat-keyed-1');

    await user.say('We want to build a support bot on our docs');
    const [created] = user.sessions;
    expect(created).toMatchObject({ chatId: 'chat-keyed-1', sessionId: sessionIdForChat('chat-keyed-1') });
    expect(created?.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await user.say('We use Llama 3.1 8B and have 2 A100s');
    await user.say('just recommend');
    expect(user.sessions.slice(1).every((part) => part.sessionToken === undefined)).toBe(true);
    expect(new Set(user.sessions.map((part) => part.sessionId))).toEqual(new Set([created?.sessionId]));
    expect(await store.count()).toBe(1);
    const stored = await store.get(created!.sessionId, user.token());
    expect(stored?.messages).toHaveLength(6);
    expect(stored?.profile).toMatchObject({ modelName: 'Llama 3.1 8B', gpuCount: 2 });
  });

  it('a later turn on the chat id without a token is a 401 naming the token, and starts no new session', async () => {
    const { app, store } = await buildSecureApp();
    const first = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders(),
      body: chatBody('We want a support bot', { id: 'chat-no-token' }),
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-session-token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await first.text();

    const again = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders(),
      body: chatBody('We have 2 A100s', { id: 'chat-no-token' }),
    });
    expect(again.status).toBe(401);
    expect(again.headers.get('content-type')).toContain('application/json');
    expect(again.headers.get('www-authenticate')).toContain('SessionToken');
    expect(again.headers.get('x-session-token')).toBeNull();
    const error = await errorOf(again);
    expect(error.code).toBe('session_token_required');
    expect(error.message).toContain('x-session-token');
    expect(error.details[0]?.path).toBe('x-session-token');
    expect(await store.count()).toBe(1);
  });

  it('a wrong token is a 403, a token for a chat id whose session is gone a 404 (start a new chat)', async () => {
    const { app } = await buildSecureApp();
    const first = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders(),
      body: chatBody('hello', { id: 'chat-wrong-token' }),
    });
    const token = first.headers.get('x-session-token') ?? '';
    await first.text();

    const wrong = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders({ 'x-session-token': 'A'.repeat(43) }),
      body: chatBody('hello again', { id: 'chat-wrong-token' }),
    });
    expect(wrong.status).toBe(403);
    expect((await errorOf(wrong)).code).toBe('session_token_invalid');

    // The token in the body works as well as the header.
    const bodyToken = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders(),
      body: chatBody('we have 2 A100s', { id: 'chat-wrong-token', sessionToken: token }),
    });
    expect(bodyToken.status).toBe(200);
    await bodyToken.text();

    const deleted = await app.request('/v1/chat/chat-wrong-token', {
      method: 'DELETE',
      headers: { 'x-session-token': token },
    });
    expect(deleted.status).toBe(204);
    const gone = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders({ 'x-session-token': token }),
      body: chatBody('hello', { id: 'chat-wrong-token' }),
    });
    expect(gone.status).toBe(404);
    const error = await errorOf(gone);
    expect(error.code).toBe('session_not_found');
    expect(error.message).toMatch(/new chat/);
  });

  it('two first turns on one new chat id at once: one creates the session, the other gets the 401', async () => {
    const { app, store } = await buildSecureApp();
    const turn = () =>
      app.request('/v1/chat', {
        method: 'POST',
        headers: jsonHeaders(),
        body: chatBody('hello', { id: 'chat-race' }),
      });
    const responses = await Promise.all([turn(), turn()]);
    await Promise.all(responses.map((response) => response.text()));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 401]);
    expect(await store.count()).toBe(1);
  });

  it('a client at its hourly session limit still continues a chat with its token', async () => {
    const { app } = await buildSecureApp({ MAX_SESSIONS_PER_CLIENT: 1 });
    const first = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders(),
      body: chatBody('hello', { id: 'chat-limit' }),
    });
    const token = first.headers.get('x-session-token') ?? '';
    await first.text();
    const refused = await app.request('/v1/chat', { method: 'POST', headers: jsonHeaders(), body: chatBody('hi') });
    expect(refused.status).toBe(429);
    for (let turn = 0; turn < 3; turn++) {
      const next = await app.request('/v1/chat', {
        method: 'POST',
        headers: jsonHeaders({ 'x-session-token': token }),
        body: chatBody(`turn ${turn}`, { id: 'chat-limit' }),
      });
      expect(next.status).toBe(200);
      await next.text();
    }
  });
});

describe('GET /v1/chat/{chatId}', () => {
  it('returns UIMessage[] the AI SDK validates, and a new chat restored from it continues the same session', async () => {
    const { app } = await buildSecureApp();
    const user = widgetChat(app, 'chat-restore');
    await user.say('We want to build a support bot on our docs');
    await user.say('We use Llama 3.1 8B and have 2 A100s, about 300 labeled examples');
    await user.say('just recommend');

    const response = await app.request('/v1/chat/chat-restore', { headers: { 'x-session-token': user.token()! } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; messages: AdvisorUIMessage[] };
    expect(body.id).toBe(sessionIdForChat('chat-restore'));
    // The AI SDK's own validation, with the advisor's data-part and metadata schemas.
    const messages = await validateUIMessages<AdvisorUIMessage>({
      messages: body.messages,
      dataSchemas: advisorDataPartSchemas,
      // User messages carry no metadata, as in useChat's own state.
      metadataSchema: AdvisorMessageMetadataSchema.optional(),
    });
    expect(messages.map((message) => message.id)).toEqual(user.chat.messages.map((message) => message.id));
    expect(messages.map((message) => message.role)).toEqual(user.chat.messages.map((message) => message.role));
    expect(messages.map(textOf)).toEqual(user.chat.messages.map(textOf));
    for (const message of messages.filter((item) => item.role === 'assistant')) {
      expect(message.metadata?.kind).toBeTruthy();
      expect(message.parts.some((part) => part.type === 'data-profile')).toBe(true);
    }
    // The streamed data parts (bar the transient data-session) are restored; the latest answer carries its plan.
    const streamedTypes = user.chat.lastMessage!.parts.map((part) => part.type);
    expect(messages.at(-1)!.parts.map((part) => part.type)).toEqual(streamedTypes);
    expect(streamedTypes).toContain('data-recommendation');
    const restoredPlan = messages.at(-1)!.parts.find((part) => part.type === 'data-recommendation');
    const streamedPlan = user.chat.lastMessage!.parts.find((part) => part.type === 'data-recommendation');
    expect(restoredPlan).toEqual(streamedPlan);
    // A question turn restores its data-question part.
    const asked = messages.find((message) => message.metadata?.kind === 'question');
    expect(asked?.parts.some((part) => part.type === 'data-question')).toBe(true);

    // A page reload: a new chat on the same id, restored from the history, continues the session with its token.
    const reloaded = widgetChat(app, 'chat-restore', messages, user.token());
    const next = await reloaded.say('what if we had 4 GPUs?');
    expect(next.metadata?.kind).toBe('what-if');
    expect(reloaded.sessions.every((part) => part.sessionToken === undefined)).toBe(true);
    expect(reloaded.chat.messages).toHaveLength(messages.length + 2);

    // The session id still works as the path, and the history is for the owner only.
    const bySessionId = await app.request(`/v1/chat/${body.id}`, {
      headers: { authorization: `Bearer ${user.token()}` },
    });
    expect(bySessionId.status).toBe(200);
    expect(((await bySessionId.json()) as { messages: unknown[] }).messages).toHaveLength(messages.length + 2);
    const noToken = await app.request('/v1/chat/chat-restore');
    expect(noToken.status).toBe(404);
  });
});
