/**
 * `/mcp` goes through the same middleware as the REST API: with API_KEYS set it needs a key (401 JSON otherwise),
 * the per-client rate limit counts its requests (429 with Retry-After), responses carry RateLimit headers, and the
 * body limit applies. Stateless: GET (a 2025 session stream) is refused with 405.
 */

import type { Client } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/http/security/index.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';
import { connectInProcess, ERAS } from './mcp-client.ts';

const KEY = 'mcp-test-key-0123456789abcdef';
const PING = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
const POST = (headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
  body: PING,
});

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('POST /mcp and the API keys', () => {
  it('needs a key when API_KEYS is set: 401 JSON naming the headers to send', async () => {
    const { app } = buildTestApp({ config: { API_KEYS: [hashApiKey(KEY)] } });
    const response = await app.request('/mcp', POST());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    const body = await response.json();
    expect(body.error.code).toBe('unauthorized');
    expect(body.error.message).toContain('x-api-key');
    expect((await app.request('/mcp', POST({ authorization: 'Bearer wrong-key' }))).status).toBe(401);
  });

  it.each(ERAS)('the SDK client connects and calls a tool with the key as a bearer token (%s era)', async (era) => {
    const { app } = buildTestApp({ config: { API_KEYS: [hashApiKey(KEY)] } });
    await expect(connectInProcess(app, era)).rejects.toThrow();
    client = await connectInProcess(app, era, { authorization: `Bearer ${KEY}` });
    const result = await client.callTool({ name: 'list_methods', arguments: {} });
    expect(result.isError).not.toBe(true);
  });

  it('is open without API_KEYS, like the REST routes', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/mcp', POST());
    expect(response.status).toBe(200);
  });
});

describe('POST /mcp and the rate limit', () => {
  it('counts every MCP request against RATE_LIMIT_PER_MINUTE: RateLimit headers, then 429 with Retry-After', async () => {
    const { app } = buildTestApp({ config: { API_KEYS: [hashApiKey(KEY)], RATE_LIMIT_PER_MINUTE: 3 } });
    const headers = { 'x-api-key': KEY };
    const statuses: number[] = [];
    const responses: Response[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await app.request('/mcp', POST(headers));
      statuses.push(response.status);
      responses.push(response);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(responses[0]?.headers.get('ratelimit-limit')).toBe('3');
    const refused = responses[3] as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('rate_limited');
  });

  it('shares the budget with the REST routes of the same key', async () => {
    const { app } = buildTestApp({ config: { API_KEYS: [hashApiKey(KEY)], RATE_LIMIT_PER_MINUTE: 2 } });
    expect((await app.request('/v1/methods', { headers: { 'x-api-key': KEY } })).status).toBe(200);
    expect((await app.request('/mcp', POST({ 'x-api-key': KEY }))).status).toBe(200);
    expect((await app.request('/mcp', POST({ 'x-api-key': KEY }))).status).toBe(429);
  });
});

describe('POST /mcp and browser origins (DNS rebinding)', () => {
  it('refuses a request whose Origin is not listed in CORS_ORIGINS, naming the header', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/mcp', POST({ origin: 'http://rebound.example:3000' }));
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.code).toBe('origin_not_allowed');
    expect(body.error.details[0].path).toBe('headers.origin');
  });

  it('serves a listed origin, and clients that send no Origin (every non-browser MCP client)', async () => {
    const { app } = buildTestApp({ config: { CORS_ORIGINS: ['https://tools.example.com'] } });
    expect((await app.request('/mcp', POST({ origin: 'https://tools.example.com' }))).status).toBe(200);
    expect((await app.request('/mcp', POST())).status).toBe(200);
  });
});

describe('/mcp is stateless and bounded', () => {
  it('refuses GET (no server-held session stream) with 405', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/mcp', { method: 'GET', headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
  });

  it('answers a body over BODY_LIMIT_BYTES with 413 before parsing it', async () => {
    const { app } = buildTestApp({ config: { BODY_LIMIT_BYTES: 1024 } });
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(2000) } });
    const response = await app.request('/mcp', { ...POST(), body: big });
    expect(response.status).toBe(413);
  });

  it('answers malformed JSON with a JSON-RPC parse error, not a crash', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/mcp', { ...POST(), body: '{"jsonrpc":' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('/mcp in the OpenAPI document', () => {
  it('is listed, with the API-key security of the REST routes when API_KEYS is set', async () => {
    const { app } = buildTestApp({ config: { API_KEYS: [hashApiKey(KEY)] } });
    const document = await (await app.request('/openapi.json')).json();
    const operation = document.paths['/mcp'].post;
    expect(operation.summary).toContain('MCP');
    expect(operation.description).toContain('recommend_adaptation');
    expect(operation.security).toEqual(document.paths['/v1/estimates'].post.security);
    expect(Object.keys(operation.responses)).toContain('401');
  });
});
