/**
 * The session store's bounds at the HTTP edge (issue 11, item 5): a new chat past the store's quota is a 503 that
 * says so (existing chats go on), and a turn that would take a session past its byte cap is a 409
 * session_message_limit with nothing saved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatRoutes } from '../../src/http/routes/chat.ts';
import { createFileSessionStore, type FileSessionStoreOptions } from '../../src/store/session-store.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup(options: Partial<FileSessionStoreOptions>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-store-limits-'));
  dirs.push(dataDir);
  const store = createFileSessionStore({ dataDir, syncToDisk: false, ...options });
  await store.init();
  const { app } = buildTestApp({ config: { DATA_DIR: dataDir }, sessionStore: store, routeModules: [chatRoutes()] });
  return { app, store };
}

const turn = (text: string, session?: { id: string; token: string }) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(session ? { 'x-session-id': session.id, 'x-session-token': session.token } : {}),
  },
  body: JSON.stringify({
    id: `chat-${Math.random().toString(36).slice(2)}`,
    trigger: 'submit-message',
    messages: [{ id: `m-${Math.random()}`, role: 'user', parts: [{ type: 'text', text }] }],
  }),
});

async function startChat(app: ReturnType<typeof buildTestApp>['app'], text: string) {
  const response = await app.request('/v1/chat', turn(text));
  await response.text();
  return {
    status: response.status,
    session: { id: response.headers.get('x-session-id') ?? '', token: response.headers.get('x-session-token') ?? '' },
  };
}

describe('POST /v1/chat and the store bounds', () => {
  it('answers 503 to a new chat once the session files hold the quota, and keeps serving existing chats', async () => {
    const { app } = await setup({ maxTotalBytes: 1_500 });
    const first = await startChat(app, 'We have two A100s and want a support bot on our docs.');
    expect(first.status).toBe(200);

    const refused = await app.request('/v1/chat', turn('We want a support bot'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('store_unavailable');
    expect(body.error.message).toContain('the session store is full');

    const next = await app.request('/v1/chat', turn('weekly', first.session));
    expect(next.status).toBe(200);
  });

  it('answers 409 session_message_limit to a turn past SESSION_MAX_BYTES, saving nothing', async () => {
    const { app, store } = await setup({ maxSessionBytes: 4_000 });
    const first = await startChat(app, 'We want a support bot on our docs.');
    expect(first.status).toBe(200);
    const refused = await app.request(
      '/v1/chat',
      turn(`Our task: ${'summarise long tickets. '.repeat(160)}`, first.session),
    );
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('session_message_limit');
    expect((await store.get(first.session.id, first.session.token))?.messages).toHaveLength(2);
  });
});
