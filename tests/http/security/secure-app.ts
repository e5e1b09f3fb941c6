import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../src/config/env.ts';
import { chatRoutes } from '../../../src/http/routes/chat.ts';
import { openAiCompatibleRoutes } from '../../../src/http/routes/openai-compatible.ts';
import type { AppDeps } from '../../../src/http/types.ts';
import type { SessionStore } from '../../../src/store/session-store.ts';
import { createFileSessionStore } from '../../../src/store/session-store.ts';
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.ts';

/** A test app with the chat and OpenAI-compatible routes on a file session store in the test's temp DATA_DIR. */
export async function buildSecureApp(
  config: Partial<Config> = {},
  deps: Partial<Omit<AppDeps, 'config' | 'knowledge' | 'logger' | 'sessionStore'>> = {},
): Promise<TestApp & { store: SessionStore }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-security-'));
  const store = createFileSessionStore({ dataDir, syncToDisk: false });
  await store.init();
  const built = buildTestApp({
    ...deps,
    config: { ...config, DATA_DIR: dataDir },
    sessionStore: store,
    routeModules: [chatRoutes(), openAiCompatibleRoutes(), ...(deps.routeModules ?? [])],
  });
  return { ...built, store };
}

/** The body `DefaultChatTransport` sends for one new user message. */
export function chatBody(text: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `chat-${Math.random().toString(36).slice(2)}`, // a new chat (and so a new session) unless extra.id says otherwise
    trigger: 'submit-message',
    messages: [{ id: `m-${Math.random().toString(36).slice(2)}`, role: 'user', parts: [{ type: 'text', text }] }],
    ...extra,
  });
}

/** Headers of a JSON POST, plus `extra`. */
export function jsonHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', ...extra };
}
