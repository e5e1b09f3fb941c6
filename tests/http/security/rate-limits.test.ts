import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashApiKey } from '../../../src/http/security/index.ts';
import type { LlmExplainFunction } from '../../../src/http/types.ts';
import { buildSecureApp, chatBody, jsonHeaders } from './secure-app.ts';

const KEY = 'test-key-5f3c9a1e7b2d4c6e';

// A fixed clock at the start of a minute, so no window boundary falls inside a test.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T10:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

const from = (address: string, headers: Record<string, string> = {}) => ({
  headers: { 'x-forwarded-for': address, ...headers },
});

describe('per-client rate limit (RATE_LIMIT_PER_MINUTE)', () => {
  it('counts down in RateLimit-* headers, then answers 429 with Retry-After and a JSON error', async () => {
    const { app, logLines } = await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 3, TRUST_PROXY: true });
    const remaining: (string | null)[] = [];
    for (let request = 0; request < 3; request++) {
      const response = await app.request('/v1/methods', from('203.0.113.1'));
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-reset')).toBe('60');
      expect(response.headers.get('ratelimit-policy')).toBe('3;w=60');
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    vi.setSystemTime(new Date('2026-11-20T10:00:20.000Z'));
    const limited = await app.request('/v1/methods', from('203.0.113.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).toBe('40');
    expect(await limited.json()).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringContaining('3 per minute'), details: [] },
      requestId: expect.any(String),
    });
    expect(logLines.some((line) => line.msg === 'request refused' && line.reason === 'rate_limited')).toBe(true);

    // Another client is not affected; the first is served again in the next window.
    expect((await app.request('/v1/methods', from('203.0.113.2'))).status).toBe(200);
    vi.setSystemTime(new Date('2026-11-20T10:01:00.000Z'));
    expect((await app.request('/v1/methods', from('203.0.113.1'))).status).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY (a client cannot pick a fresh address per request)', async () => {
    const { app } = await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 2 });
    expect((await app.request('/v1/methods', from('198.51.100.1'))).status).toBe(200);
    expect((await app.request('/v1/methods', from('198.51.100.2'))).status).toBe(200);
    expect((await app.request('/v1/methods', from('198.51.100.3'))).status).toBe(429);
  });

  it('counts an authenticated client by its key, whatever address it comes from', async () => {
    const { app } = await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 2, TRUST_PROXY: true, API_KEYS: [hashApiKey(KEY)] });
    const withKey = (address: string) => from(address, { 'x-api-key': KEY });
    expect((await app.request('/v1/methods', withKey('192.0.2.1'))).status).toBe(200);
    expect((await app.request('/v1/methods', withKey('192.0.2.2'))).status).toBe(200);
    expect((await app.request('/v1/methods', withKey('192.0.2.3'))).status).toBe(429);
    // Guessing keys is limited per address too: wrong keys count against the address.
    expect((await app.request('/v1/methods', from('192.0.2.9', { 'x-api-key': 'guess-0000000000000' }))).status).toBe(
      401,
    );
    expect((await app.request('/v1/methods', from('192.0.2.9', { 'x-api-key': 'guess-0000000000001' }))).status).toBe(
      401,
    );
    expect((await app.request('/v1/methods', from('192.0.2.9', { 'x-api-key': 'guess-0000000000002' }))).status).toBe(
      429,
    );
  });

  it('answers 429 in OpenAI error shape on the OpenAI-compatible routes', async () => {
    const { app } = await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 1 });
    expect((await app.request('/v1/models')).status).toBe(200);
    const limited = await app.request('/v1/models');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toEqual({
      error: { message: expect.any(String), type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
  });

  it('does not limit /healthz, /readyz, /docs or /openapi.json; RATE_LIMIT_PER_MINUTE=0 turns the limit off', async () => {
    const limited = await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 1 });
    for (let request = 0; request < 5; request++) expect((await limited.app.request('/healthz')).status).toBe(200);
    const off = await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 0 });
    for (let request = 0; request < 5; request++) {
      const response = await off.app.request('/v1/methods');
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBeNull();
    }
  });
});

describe('LLM budget (RATE_LIMIT_LLM_PER_MINUTE)', () => {
  const explainWithLlm: LlmExplainFunction = async ({ recommendation }) => ({
    ...(recommendation.explanation ?? { text: '' }),
    text: 'LLM text',
    source: 'llm',
  });
  const recommendation = (explain: string) => ({
    method: 'POST',
    headers: jsonHeaders(),
    body: JSON.stringify({ profile: { modelName: 'Llama 3.1 8B' }, options: { explain } }),
  });

  it('charges explain "llm" to the tighter budget; rule-only requests are not charged', async () => {
    const { app } = await buildSecureApp({ RATE_LIMIT_LLM_PER_MINUTE: 2 }, { explainWithLlm });
    const first = await app.request('/v1/recommendations', recommendation('llm'));
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await app.request('/v1/recommendations', recommendation('llm'))).status).toBe(200);
    const limited = await app.request('/v1/recommendations', recommendation('llm'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({ error: { code: 'llm_rate_limited' } });
    const template = await app.request('/v1/recommendations', recommendation('template'));
    expect(template.status).toBe(200);
    expect(template.headers.get('ratelimit-limit')).toBe('120');
  });

  it('does not charge explain "llm" when no LLM explainer is wired (it falls back to the template for free)', async () => {
    const { app } = await buildSecureApp({ RATE_LIMIT_LLM_PER_MINUTE: 1 });
    for (let request = 0; request < 3; request++) {
      expect((await app.request('/v1/recommendations', recommendation('llm'))).status).toBe(200);
    }
  });

  it('charges chat turns only when an LLM is configured (deps.llmEnabled)', async () => {
    const chat = () => ({ method: 'POST', headers: jsonHeaders(), body: chatBody('hello') });
    const withLlm = await buildSecureApp({ RATE_LIMIT_LLM_PER_MINUTE: 1 }, { llmEnabled: true });
    const first = await withLlm.app.request('/v1/chat', chat());
    expect(first.status).toBe(200);
    await first.text();
    expect((await withLlm.app.request('/v1/chat', chat())).status).toBe(429);
    const completions = await withLlm.app.request('/v1/chat/completions', {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify({ model: 'adaptation-advisor', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(completions.status).toBe(429);
    expect((await completions.json()).error.code).toBe('rate_limit_exceeded');

    const ruleOnly = await buildSecureApp({ RATE_LIMIT_LLM_PER_MINUTE: 1 });
    for (let request = 0; request < 3; request++) {
      const response = await ruleOnly.app.request('/v1/chat', chat());
      expect(response.status).toBe(200);
      await response.text();
    }
  });
});

describe('sessions per client (MAX_SESSIONS_PER_CLIENT)', () => {
  it('refuses a client’s new sessions past the hourly limit with 429, but lets it continue existing ones', async () => {
    const { app } = await buildSecureApp({ MAX_SESSIONS_PER_CLIENT: 2, TRUST_PROXY: true });
    const post = (address: string, body: string, headers: Record<string, string> = {}) =>
      app.request('/v1/chat', {
        method: 'POST',
        headers: jsonHeaders({ 'x-forwarded-for': address, ...headers }),
        body,
      });

    // A request that fails before creating a session does not use up the allowance.
    expect((await post('192.0.2.10', '{"id":"x"}')).status).toBe(400);
    const sessions: { id: string; token: string }[] = [];
    for (let index = 0; index < 2; index++) {
      const response = await post('192.0.2.10', chatBody('hello'));
      expect(response.status).toBe(200);
      await response.text();
      sessions.push({
        id: response.headers.get('x-session-id') ?? '',
        token: response.headers.get('x-session-token') ?? '',
      });
    }
    const refused = await post('192.0.2.10', chatBody('hello'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_sessions' } });

    const [session] = sessions;
    const headerTurn = await post('192.0.2.10', chatBody('we have 2 A100s'), {
      'x-session-id': session?.id ?? '',
      'x-session-token': session?.token ?? '',
    });
    expect(headerTurn.status).toBe(200);
    await headerTurn.text();
    const bodyTurn = await post(
      '192.0.2.10',
      chatBody('just recommend', { sessionId: session?.id, sessionToken: session?.token }),
    );
    expect(bodyTurn.status).toBe(200);
    await bodyTurn.text();
    // Another address may still start sessions.
    const other = await post('192.0.2.11', chatBody('hello'));
    expect(other.status).toBe(200);
    await other.text();
  });
});

describe('messages per session (MAX_MESSAGES_PER_SESSION)', () => {
  it('refuses a turn that would take the session past the cap with 409, writing nothing', async () => {
    const { app, store } = await buildSecureApp({ MAX_MESSAGES_PER_SESSION: 4 });
    const first = await app.request('/v1/chat', { method: 'POST', headers: jsonHeaders(), body: chatBody('hello') });
    await first.text();
    const credentials = {
      'x-session-id': first.headers.get('x-session-id') ?? '',
      'x-session-token': first.headers.get('x-session-token') ?? '',
    };
    const turn = (text: string) =>
      app.request('/v1/chat', { method: 'POST', headers: jsonHeaders(credentials), body: chatBody(text) });
    const second = await turn('we have 500 labeled examples');
    expect(second.status).toBe(200);
    await second.text();
    const third = await turn('just recommend');
    expect(third.status).toBe(409);
    expect(await third.json()).toMatchObject({
      error: { code: 'session_message_limit', message: expect.stringContaining('4 messages') },
    });
    const session = await store.get(credentials['x-session-id'], credentials['x-session-token']);
    expect(session?.messages).toHaveLength(4);
  });
});

describe('message length (MAX_MESSAGE_CHARS)', () => {
  it('refuses a longer chat message with 400 naming the limit, on both chat APIs', async () => {
    const { app } = await buildSecureApp({ MAX_MESSAGE_CHARS: 50 });
    const ok = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders(),
      body: chatBody('x'.repeat(50)),
    });
    expect(ok.status).toBe(200);
    await ok.text();
    const tooLong = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders(),
      body: chatBody('x'.repeat(51)),
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        details: [{ path: 'messages[0].parts', message: expect.stringContaining('50') }],
      },
    });
    const completion = await app.request('/v1/chat/completions', {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify({ model: 'adaptation-advisor', messages: [{ role: 'user', content: 'x'.repeat(51) }] }),
    });
    expect(completion.status).toBe(400);
    expect(await completion.json()).toMatchObject({
      error: { message: expect.stringContaining('50'), type: 'invalid_request_error' },
    });
  });
});
