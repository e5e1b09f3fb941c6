/**
 * Widget tokens and the Origin-only budget ("Hardening, round 2", item 7). With API_KEYS and CORS_ORIGINS set, an
 * allowed Origin header used to open the chat (and the paid LLM) to any script with the full per-client budget.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWidgetTokens, hashApiKey } from '../../../src/http/security/index.ts';
import { buildSecureApp, chatBody, jsonHeaders } from './secure-app.ts';

const KEY = 'site-backend-key-0123456789';
const OTHER_KEY = 'other-partner-key-0123456789';
const ORIGIN = 'https://www.example.com';
const OTHER_ORIGIN = 'https://shop.example.com';
const SECURED = { API_KEYS: [hashApiKey(KEY), hashApiKey(OTHER_KEY)], CORS_ORIGINS: [ORIGIN, OTHER_ORIGIN] };

afterEach(() => {
  vi.useRealTimers();
});

interface TokenBody {
  token: string;
  header: string;
  origin: string;
  expiresAt: string;
}

async function mint(app: Awaited<ReturnType<typeof buildSecureApp>>['app'], body: unknown, key = KEY) {
  return app.request('/v1/widget-tokens', {
    method: 'POST',
    headers: jsonHeaders({ authorization: `Bearer ${key}` }),
    body: JSON.stringify(body),
  });
}

describe('widget token format', () => {
  const now = 1_800_000_000_000;
  const tokens = createWidgetTokens([hashApiKey(KEY)], { now: () => now });

  it('verifies for its origin until it expires', () => {
    const { token, expiresAt } = tokens.mint(hashApiKey(KEY), ORIGIN, 600);
    expect(expiresAt.getTime()).toBe(now + 600_000);
    expect(tokens.verify(token, ORIGIN)).toMatchObject({ ok: true, origin: ORIGIN });
    const later = createWidgetTokens([hashApiKey(KEY)], { now: () => now + 601_000 });
    expect(later.verify(token, ORIGIN)).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
  });

  it('is refused from another origin, with no Origin, tampered, or once its key is removed', () => {
    const { token } = tokens.mint(hashApiKey(KEY), ORIGIN, 600);
    expect(tokens.verify(token, OTHER_ORIGIN)).toMatchObject({ ok: false });
    expect(tokens.verify(token, undefined)).toMatchObject({ ok: false });
    const [prefix, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), o: OTHER_ORIGIN }),
    ).toString('base64url');
    expect(tokens.verify(`${prefix}.${forged}.${signature}`, OTHER_ORIGIN)).toMatchObject({ ok: false });
    const rotated = createWidgetTokens([hashApiKey(OTHER_KEY)], { now: () => now });
    expect(rotated.verify(token, ORIGIN)).toMatchObject({ ok: false, reason: expect.stringContaining('removed') });
    expect(tokens.verify('wt1.garbage', ORIGIN)).toMatchObject({ ok: false, reason: 'The widget token is malformed' });
    expect(tokens.verify('x'.repeat(5000), ORIGIN)).toMatchObject({ ok: false });
  });

  it('does not contain the key or its digest', () => {
    const { token } = tokens.mint(hashApiKey(KEY), ORIGIN, 600);
    const decoded = Buffer.from(token.split('.')[1] ?? '', 'base64url').toString();
    expect(token).not.toContain(KEY);
    expect(decoded).not.toContain(hashApiKey(KEY).slice(0, 16));
  });
});

describe('POST /v1/widget-tokens', () => {
  it('mints a token for a listed origin with an API key', async () => {
    const { app } = await buildSecureApp(SECURED);
    const response = await mint(app, { origin: ORIGIN, ttlSeconds: 300 });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as TokenBody;
    expect(body).toMatchObject({ header: 'x-widget-token', origin: ORIGIN, token: expect.stringMatching(/^wt1\./) });
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(290_000);
  });

  it('needs an API key; refuses unlisted origins and lifetimes over WIDGET_TOKEN_TTL_SECONDS', async () => {
    const { app } = await buildSecureApp({ ...SECURED, WIDGET_TOKEN_TTL_SECONDS: 900 });
    const anonymous = await app.request('/v1/widget-tokens', {
      method: 'POST',
      headers: jsonHeaders({ origin: ORIGIN }),
      body: JSON.stringify({ origin: ORIGIN }),
    });
    expect(anonymous.status).toBe(401);
    const unlisted = await mint(app, { origin: 'https://evil.example' });
    expect(unlisted.status).toBe(400);
    expect(await unlisted.json()).toMatchObject({ error: { details: [{ path: 'origin' }] } });
    expect((await mint(app, { origin: ORIGIN, ttlSeconds: 3600 })).status).toBe(400);
  });

  it('is a 409 on a server without API_KEYS (the chat needs no token there)', async () => {
    const { app } = await buildSecureApp({ CORS_ORIGINS: [ORIGIN] });
    expect((await mint(app, { origin: ORIGIN })).status).toBe(409);
  });
});

describe('the chat widget routes with a widget token', () => {
  it('accept the token from its origin: a chat, its history and its deletion', async () => {
    const { app } = await buildSecureApp(SECURED);
    const { token } = (await (await mint(app, { origin: ORIGIN })).json()) as TokenBody;
    const headers = { origin: ORIGIN, 'x-widget-token': token };
    const chat = await app.request('/v1/chat', { method: 'POST', headers: jsonHeaders(headers), body: chatBody('hi') });
    expect(chat.status).toBe(200);
    await chat.text();
    const id = chat.headers.get('x-session-id') ?? '';
    const sessionToken = chat.headers.get('x-session-token') ?? '';
    const history = await app.request(`/v1/chat/${id}`, { headers: { ...headers, 'x-session-token': sessionToken } });
    expect(history.status).toBe(200);
    const removed = await app.request(`/v1/chat/${id}`, {
      method: 'DELETE',
      headers: { ...headers, 'x-session-token': sessionToken },
    });
    expect(removed.status).toBe(204);
  });

  it('refuse an expired token, or one minted for another origin, with 401 invalid_widget_token', async () => {
    const { app } = await buildSecureApp(SECURED);
    const { token } = (await (await mint(app, { origin: ORIGIN, ttlSeconds: 60 })).json()) as TokenBody;
    const wrongOrigin = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders({ origin: OTHER_ORIGIN, 'x-widget-token': token }),
      body: chatBody('hi'),
    });
    expect(wrongOrigin.status).toBe(401);
    expect(await wrongOrigin.json()).toMatchObject({ error: { code: 'invalid_widget_token' } });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    const expired = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders({ origin: ORIGIN, 'x-widget-token': token }),
      body: chatBody('hi'),
    });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toContain('expired');
  });

  it('the preflight allows the x-widget-token header', async () => {
    const { app } = await buildSecureApp(SECURED);
    const preflight = await app.request('/v1/chat', {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-widget-token');
  });
});

describe('Origin-only traffic (no key, no token) gets its own, much smaller budget', () => {
  const browser = (address: string, extra: Record<string, string> = {}) => ({
    origin: ORIGIN,
    'x-forwarded-for': address,
    ...extra,
  });

  it('per address: ORIGIN_ONLY_PER_MINUTE, while token holders keep the normal budget', async () => {
    const { app } = await buildSecureApp({ ...SECURED, TRUST_PROXY: true, ORIGIN_ONLY_PER_MINUTE: 3 });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) {
      statuses.push((await app.request('/v1/chat/unknown-session', { headers: browser('192.0.2.7') })).status);
    }
    // Before: all 404 (served) until RATE_LIMIT_PER_MINUTE (120).
    expect(statuses).toEqual([404, 404, 404, 429]);
    const refused = await app.request('/v1/chat/unknown-session', { headers: browser('192.0.2.7') });
    expect(await refused.json()).toMatchObject({ error: { code: 'origin_only_rate_limited' } });
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    expect(refused.headers.get('retry-after')).not.toBeNull();

    const { token } = (await (await mint(app, { origin: ORIGIN })).json()) as TokenBody;
    const withToken = await app.request('/v1/chat/unknown-session', {
      headers: browser('192.0.2.7', { 'x-widget-token': token }),
    });
    expect(withToken.status).toBe(404);
  });

  it('all Origin-only clients together: ORIGIN_ONLY_TOTAL_PER_MINUTE', async () => {
    const { app } = await buildSecureApp({
      ...SECURED,
      TRUST_PROXY: true,
      ORIGIN_ONLY_PER_MINUTE: 10,
      ORIGIN_ONLY_TOTAL_PER_MINUTE: 2,
    });
    const statuses: number[] = [];
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      statuses.push((await app.request('/v1/chat/unknown-session', { headers: browser(address) })).status);
    }
    expect(statuses).toEqual([404, 404, 429]);
  });

  it('ORIGIN_ONLY_PER_MINUTE=0 requires a widget token (or a key) from browsers', async () => {
    const { app } = await buildSecureApp({ ...SECURED, ORIGIN_ONLY_PER_MINUTE: 0 });
    const response = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders({ origin: ORIGIN }),
      body: chatBody('hi'),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('widget token');
  });

  it('does not apply without API_KEYS (everything is open there)', async () => {
    const { app } = await buildSecureApp({ CORS_ORIGINS: [ORIGIN], TRUST_PROXY: true, ORIGIN_ONLY_PER_MINUTE: 1 });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      statuses.push((await app.request('/v1/chat/unknown-session', { headers: browser('192.0.2.9') })).status);
    }
    expect(statuses).toEqual([404, 404, 404]);
  });
});
