import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../src/config/env.ts';
import { hashApiKey } from '../../../src/http/security/index.ts';
import { buildSecureApp, chatBody, jsonHeaders } from './secure-app.ts';

const API_KEY = 'test-only-advisor-key-valid';
const WRONG_KEY = 'test-only-advisor-key-wrong';
const OPENAI_API_KEY = 'test-only-openai-key-not-real';

describe('nothing secret in logs, error bodies or /readyz', () => {
  it('API keys (valid or not), session tokens, the Authorization header and OPENAI_API_KEY never appear', async () => {
    const env = { API_KEYS: API_KEY, CORS_ORIGINS: 'https://widget.example.com', OPENAI_API_KEY };
    const config = parseEnv(env);
    const { app, logLines } = await buildSecureApp({ ...config, RATE_LIMIT_PER_MINUTE: 4 });
    expect(config.API_KEYS).toEqual([hashApiKey(API_KEY)]);
    const bodies: string[] = [];
    const send = async (path: string, init: RequestInit = {}) => {
      const response = await app.request(path, init);
      bodies.push(
        await response.text(),
        JSON.stringify([...response.headers].filter(([name]) => name !== 'x-session-token')),
      );
      return response;
    };

    // The one response that legitimately carries the session token: the turn that created the session.
    const created = await app.request('/v1/chat', {
      method: 'POST',
      headers: jsonHeaders({ 'x-api-key': API_KEY }),
      body: chatBody('hello'),
    });
    await created.text();
    const sessionId = created.headers.get('x-session-id') ?? '';
    const token = created.headers.get('x-session-token') ?? '';
    expect(token.length).toBeGreaterThan(20);
    const sent: Record<string, string>[] = [
      { authorization: `Bearer ${WRONG_KEY}` },
      { 'x-api-key': WRONG_KEY },
      { authorization: `Bearer ${API_KEY}` },
      { authorization: `Bearer ${token}`, 'x-api-key': API_KEY },
      { 'x-session-token': token, 'x-api-key': API_KEY },
    ];
    for (const headers of sent) {
      await send('/v1/methods', { headers });
      await send(`/v1/chat/${sessionId}`, { headers });
      await send('/v1/recommendations', {
        method: 'POST',
        headers: jsonHeaders(headers),
        body: '{"profile":{"gpuCout":1}}',
      });
      await send('/v1/recommendations', { method: 'POST', headers: jsonHeaders(headers), body: '{"profile":' });
      await send('/v1/chat/completions', { method: 'POST', headers: jsonHeaders(headers), body: '{"model":1}' });
      await send('/v1/chat', {
        method: 'POST',
        headers: jsonHeaders({ ...headers, 'x-session-id': sessionId, 'x-session-token': `${token}x` }),
        body: chatBody('hi'),
      });
    }
    await send('/readyz');
    await send('/healthz');

    const everything = [...bodies, ...logLines.map((line) => JSON.stringify(line))].join('\n');
    expect(bodies.some((body) => body.includes('"code":"unauthorized"'))).toBe(true);
    expect(bodies.some((body) => body.includes('"code":"rate_limited"'))).toBe(true);
    expect(logLines.length).toBeGreaterThan(20);
    for (const secret of [API_KEY, WRONG_KEY, token, OPENAI_API_KEY, hashApiKey(API_KEY)]) {
      expect(everything, secret).not.toContain(secret);
    }
  });
});
