import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../src/config/env.ts';
import { ConfigError } from '../../../src/errors.ts';
import { hashApiKey } from '../../../src/http/security/index.ts';
import { buildTestApp } from '../../helpers/build-test-app.ts';
import { buildSecureApp, chatBody, jsonHeaders } from './secure-app.ts';

const KEY = 'test-key-5f3c9a1e7b2d4c6e';
const ORIGIN = 'https://widget.example.com';
const SECURED = { API_KEYS: [hashApiKey(KEY)], CORS_ORIGINS: [ORIGIN] };

const errorShape = {
  error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) },
  requestId: expect.any(String),
};
const openAiErrorShape = {
  error: { message: expect.any(String), type: expect.any(String), param: null, code: expect.any(String) },
};

const PROTECTED: [string, string, string?][] = [
  ['POST', '/v1/recommendations', JSON.stringify({ profile: {} })],
  ['POST', '/v1/estimates', JSON.stringify({ modelParamsB: 7, workload: 'inference' })],
  ['GET', '/v1/methods'],
  ['GET', '/v1/methods/lora'],
  ['GET', '/v1/catalog/models'],
  ['GET', '/v1/catalog/gpus'],
  ['GET', '/v1/catalog/providers'],
  ['GET', '/v1/sources'],
];
const OPENAI: [string, string, string?][] = [
  [
    'POST',
    '/v1/chat/completions',
    JSON.stringify({ model: 'adaptation-advisor', messages: [{ role: 'user', content: 'hi' }] }),
  ],
  ['GET', '/v1/models'],
];

function init(method: string, body?: string, headers: Record<string, string> = {}): RequestInit {
  return body === undefined ? { method, headers } : { method, headers: jsonHeaders(headers), body };
}

describe('default configuration (no API_KEYS, no CORS_ORIGINS)', () => {
  it('serves every API route without a key and sends no CORS headers', async () => {
    const { app } = await buildSecureApp();
    for (const [method, path, body] of [...PROTECTED, ...OPENAI]) {
      const response = await app.request(path, init(method, body, { origin: 'https://anywhere.example' }));
      expect(response.status, `${method} ${path}`).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      await response.body?.cancel();
    }
    const chat = await app.request('/v1/chat', init('POST', chatBody('hello'), { origin: 'https://anywhere.example' }));
    expect(chat.status).toBe(200);
    await chat.body?.cancel();
  });
});

describe('with API_KEYS', () => {
  it.each(PROTECTED)(
    '%s %s without a key → 401 JSON error with WWW-Authenticate: Bearer',
    async (method, path, body) => {
      const { app } = await buildSecureApp(SECURED);
      const response = await app.request(path, init(method, body));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      expect(await response.json()).toMatchObject({
        ...errorShape,
        error: { ...errorShape.error, code: 'unauthorized' },
      });
    },
  );

  it.each(PROTECTED)('%s %s with the key as Bearer or x-api-key → served', async (method, path, body) => {
    const { app } = await buildSecureApp(SECURED);
    const bearer = await app.request(path, init(method, body, { authorization: `Bearer ${KEY}` }));
    expect(bearer.status).toBe(200);
    const header = await app.request(path, init(method, body, { 'x-api-key': KEY }));
    expect(header.status).toBe(200);
  });

  it.each(OPENAI)('%s %s: 401 in OpenAI error shape without a key, served with one', async (method, path, body) => {
    const { app } = await buildSecureApp(SECURED);
    const missing = await app.request(path, init(method, body, { origin: ORIGIN }));
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      ...openAiErrorShape,
      error: { ...openAiErrorShape.error, code: 'missing_api_key' },
    });
    const wrong = await app.request(path, init(method, body, { authorization: 'Bearer not-the-right-key-123' }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await wrong.json()).error.code).toBe('invalid_api_key');
    const served = await app.request(path, init(method, body, { authorization: `Bearer ${KEY}` }));
    expect(served.status).toBe(200);
    await served.body?.cancel();
  });

  it('a wrong key gets 401 "not valid"; a percent-encoded path is protected like the route it reaches', async () => {
    const { app } = await buildSecureApp(SECURED);
    const wrong = await app.request('/v1/methods', { headers: { 'x-api-key': `${KEY}x` } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toBe('The API key is not valid');
    expect((await app.request('/v1/%6Dethods')).status).toBe(401);
    expect((await app.request('/v1/nothing-here')).status).toBe(401);
  });

  it('/healthz, /readyz, /openapi.json and /docs stay open', async () => {
    const { app } = await buildSecureApp(SECURED);
    for (const path of ['/healthz', '/readyz', '/openapi.json', '/docs']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('ratelimit-limit'), path).toBeNull();
    }
  });
});

describe('the chat widget routes with CORS_ORIGINS', () => {
  it('an allowed browser origin chats without a key, reads its session back, and gets CORS headers', async () => {
    const { app } = await buildSecureApp(SECURED);
    const response = await app.request('/v1/chat', init('POST', chatBody('We want a support bot'), { origin: ORIGIN }));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toContain('Origin');
    const exposed = response.headers.get('access-control-expose-headers') ?? '';
    for (const name of ['x-session-id', 'x-session-token', 'x-request-id', 'ratelimit-remaining', 'retry-after']) {
      expect(exposed).toContain(name);
    }
    await response.text();
    const sessionId = response.headers.get('x-session-id') ?? '';
    const token = response.headers.get('x-session-token') ?? '';
    expect(sessionId).not.toBe('');

    const history = await app.request(`/v1/chat/${sessionId}`, {
      headers: { origin: ORIGIN, authorization: `Bearer ${token}` },
    });
    expect(history.status).toBe(200);
    expect(history.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const removed = await app.request(`/v1/chat/${sessionId}`, {
      method: 'DELETE',
      headers: { origin: ORIGIN, 'x-session-token': token },
    });
    expect(removed.status).toBe(204);
  });

  it('a browser origin that is not listed gets 403 JSON, even with a key', async () => {
    const { app } = await buildSecureApp(SECURED);
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null', 'x-api-key': KEY },
    ];
    for (const headers of attempts) {
      const response = await app.request('/v1/chat', init('POST', chatBody('hello'), headers));
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await response.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    }
  });

  it('a request without Origin (server to server) needs a key when API_KEYS is set', async () => {
    const { app } = await buildSecureApp(SECURED);
    const missing = await app.request('/v1/chat', init('POST', chatBody('hello')));
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await missing.json()).toMatchObject(errorShape);
    const withKey = await app.request('/v1/chat', init('POST', chatBody('hello'), { 'x-api-key': KEY }));
    expect(withKey.status).toBe(200);
    await withKey.text();
    // The API key in x-api-key and the session token in Authorization work together.
    const token = withKey.headers.get('x-session-token') ?? '';
    const history = await app.request(`/v1/chat/${withKey.headers.get('x-session-id')}`, {
      headers: { 'x-api-key': KEY, authorization: `Bearer ${token}` },
    });
    expect(history.status).toBe(200);
  });

  it('answers the preflight for an allowed origin with the headers the AI SDK sends, and refuses others', async () => {
    const { app, logLines } = await buildSecureApp({ ...SECURED, RATE_LIMIT_PER_MINUTE: 1 });
    const preflight = (origin: string) =>
      app.request('/v1/chat', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-session-id,x-session-token',
        },
      });
    for (let attempt = 0; attempt < 3; attempt++) {
      const allowed = await preflight(ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('DELETE');
      const allowedHeaders = allowed.headers.get('access-control-allow-headers') ?? '';
      for (const name of ['content-type', 'x-session-id', 'x-session-token']) expect(allowedHeaders).toContain(name);
      expect(allowed.headers.get('access-control-max-age')).toBe('600');
    }
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject(errorShape);
    expect(logLines.some((line) => line.reason === 'origin_not_allowed')).toBe(true);
  });

  it('CORS_ORIGINS=* lets any origin chat when no keys are set', async () => {
    const { app } = await buildSecureApp({ CORS_ORIGINS: ['*'] });
    const response = await app.request('/v1/chat', init('POST', chatBody('hello'), { origin: 'https://a.example' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    await response.text();
  });
});

describe('configuration', () => {
  it('refuses CORS_ORIGINS=* together with API_KEYS at start-up', () => {
    expect(() => buildTestApp({ config: { API_KEYS: [hashApiKey(KEY)], CORS_ORIGINS: ['*'] } })).toThrow(ConfigError);
  });

  it('parseEnv hashes API_KEYS (the config never holds a key) and splits CORS_ORIGINS', () => {
    const config = parseEnv({
      API_KEYS: `${KEY}, second-key-0123456789`,
      CORS_ORIGINS: `${ORIGIN},http://localhost:5173`,
    });
    expect(config.API_KEYS).toEqual([hashApiKey(KEY), hashApiKey('second-key-0123456789')]);
    expect(JSON.stringify(config)).not.toContain(KEY);
    expect(config.CORS_ORIGINS).toEqual([ORIGIN, 'http://localhost:5173']);
    expect(parseEnv({})).toMatchObject({
      API_KEYS: [],
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      HSTS_ALWAYS: false,
      RATE_LIMIT_PER_MINUTE: 120,
      RATE_LIMIT_LLM_PER_MINUTE: 20,
      MAX_MESSAGE_CHARS: 4000,
      MAX_MESSAGES_PER_SESSION: 200,
      MAX_SESSIONS_PER_CLIENT: 50,
    });
  });

  it('parseEnv refuses short keys without echoing them, and origins with a path or trailing slash', () => {
    let error: unknown;
    try {
      parseEnv({
        API_KEYS: 'short-secret',
        CORS_ORIGINS: 'https://a.example/,https://b.example/app',
        TRUST_PROXY: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).not.toContain('short-secret');
    expect(message).toContain('API_KEYS');
    expect(message).toContain(
      '"https://a.example/" must be written exactly as the browser sends it: "https://a.example"',
    );
    expect(message).toContain('https://b.example/app');
    expect(message).toContain('TRUST_PROXY');
  });
});
