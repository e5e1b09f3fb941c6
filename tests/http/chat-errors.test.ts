/**
 * POST /v1/chat failure paths and regeneration, in-process (app.request) with the fixture knowledge: an engine
 * failure streams an `error` chunk after saving the user message; a store that cannot write gives a 503 JSON.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultChatTransport } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdvisorUIMessage } from '../../src/http/routes/chat.ts';
import { chatRoutes } from '../../src/http/routes/chat.ts';
import type { RouteModule } from '../../src/http/types.ts';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';
import { StoreUnavailableError } from '../../src/store/store-errors.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';
import { NodeChat } from '../helpers/node-chat.ts';

const stores: SessionStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.stop()));
});

async function setup(options: { routeModule?: RouteModule; wrapStore?: (store: SessionStore) => SessionStore } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-chat-errors-'));
  const store = createFileSessionStore({ dataDir, syncToDisk: false });
  await store.init();
  stores.push(store);
  const sessionStore = options.wrapStore?.(store) ?? store;
  const { app } = buildTestApp({
    config: { DATA_DIR: dataDir },
    sessionStore,
    routeModules: [options.routeModule ?? chatRoutes()],
  });
  const fetchApp = (input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(app.request(String(input), init));
  return { app, store, fetchApp };
}

const body = (text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: `chat-${Math.random().toString(36).slice(2)}`,
    trigger: 'submit-message',
    messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }],
    ...extra,
  });

describe('POST /v1/chat failures', () => {
  it('streams an error chunk when the engine fails, after saving the user message', async () => {
    const failing = chatRoutes({
      runTurn: () => {
        throw new Error('engine exploded');
      },
    });
    const { store, fetchApp } = await setup({ routeModule: failing });
    let sessionId = '';
    let sessionToken = '';
    const chat = new NodeChat<AdvisorUIMessage>({
      transport: new DefaultChatTransport<AdvisorUIMessage>({ api: 'http://advisor.test/v1/chat', fetch: fetchApp }),
      onData: (part) => {
        if (part.type === 'data-session') ({ sessionId, sessionToken = '' } = part.data);
      },
    });
    await chat.sendMessage({ text: 'We have two A100s' });
    expect(chat.status).toBe('error');
    expect(chat.error?.message).toMatch(/could not process this message; it was saved/);
    const stored = await store.get(sessionId, sessionToken);
    expect(stored?.messages.map((message) => [message.role, message.text])).toEqual([['user', 'We have two A100s']]);
  });

  it('answers 503 JSON, with nothing saved, when the store cannot write', async () => {
    const { app, store } = await setup({
      wrapStore: (inner) => ({
        ...inner,
        create: async () => {
          throw new StoreUnavailableError('writing session', Object.assign(new Error('read-only'), { code: 'EROFS' }));
        },
      }),
    });
    const response = await app.request('/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('hello'),
    });
    expect(response.status).toBe(503);
    const error = (await response.json()) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('store_unavailable');
    expect(error.error.message).toContain('EROFS: read-only file system');
    expect(await store.count()).toBe(0);
  });

  it('answers 503 JSON when the turn cannot be written to an existing session', async () => {
    let broken = false;
    const { app } = await setup({
      wrapStore: (inner) => ({
        ...inner,
        update: (...args) => {
          if (broken)
            throw new StoreUnavailableError('writing session', Object.assign(new Error('full'), { code: 'ENOSPC' }));
          return inner.update(...args);
        },
      }),
    });
    const first = await app.request('/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('hello'),
    });
    await first.text();
    broken = true;
    const headers = {
      'content-type': 'application/json',
      'x-session-id': first.headers.get('x-session-id')!,
      'x-session-token': first.headers.get('x-session-token')!,
    };
    const second = await app.request('/v1/chat', { method: 'POST', headers, body: body('weekly') });
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('5');
  });
});

describe('POST /v1/chat regenerate', () => {
  it('re-sends the last reply (same id, text and parts) without storing anything new', async () => {
    const { store, fetchApp } = await setup();
    let session: { sessionId: string; sessionToken?: string } | undefined;
    const chat = new NodeChat<AdvisorUIMessage>({
      transport: new DefaultChatTransport<AdvisorUIMessage>({
        api: 'http://advisor.test/v1/chat',
        fetch: fetchApp,
        headers: (): Record<string, string> =>
          session?.sessionToken ? { 'x-session-id': session.sessionId, 'x-session-token': session.sessionToken } : {},
      }),
      onData: (part) => {
        if (part.type === 'data-session') session = { ...session, ...part.data };
      },
    });
    await chat.sendMessage({ text: 'We want a support bot' });
    await chat.sendMessage({ text: 'just recommend' });
    const original = structuredClone(chat.lastMessage!);
    expect(original.parts.some((part) => part.type === 'data-recommendation')).toBe(true);

    await chat.regenerate();
    expect(chat.status).toBe('ready');
    const regenerated = chat.lastMessage!;
    expect(regenerated.id).toBe(original.id);
    expect(regenerated.parts).toEqual(original.parts);
    expect(chat.messages).toHaveLength(4);
    const stored = await store.get(session!.sessionId, session!.sessionToken);
    expect(stored?.messages).toHaveLength(4);
  });
});
