/**
 * Small defects of "Hardening, round 2" (item 8, HTTP side): tiny model sizes, abandoned uploads, error amplification,
 * data paths in 503 bodies and /readyz, /metrics with API keys, and the headers of 429 too_many_sessions.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatRoutes } from '../../src/http/routes/chat.ts';
import { hashApiKey } from '../../src/http/security/index.ts';
import { createLogger } from '../../src/logger.ts';
import { createAppMetrics } from '../../src/observability/app-metrics.ts';
import { createFileSessionStore } from '../../src/store/session-store.ts';
import { StoreUnavailableError } from '../../src/store/store-errors.ts';
import { buildTestApp, jsonRequest } from '../helpers/build-test-app.ts';
import { rawExchange, startLoopbackServer } from './connections/loopback.ts';
import { buildSecureApp, chatBody, jsonHeaders } from './security/secure-app.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

interface ErrorJson {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

describe('profile numbers too small to be real', () => {
  it('post /v1/recommendations with modelParamsB 5e-324 is a 400 naming the field, not a 500', async () => {
    const { app } = buildTestApp();
    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile: { modelParamsB: 5e-324 } }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details).toEqual([{ path: 'profile.modelParamsB', message: expect.stringContaining('0.001') }]);
  });

  it('a real small model (0.1 B) is still accepted', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/v1/recommendations', jsonRequest('POST', { profile: { modelParamsB: 0.1 } }));
    expect(response.status).toBe(200);
  });
});

describe('an upload the client abandons', () => {
  it('is a 499 logged at info, not a 500', async () => {
    const server = await startLoopbackServer();
    closers.push(() => server.close());
    await rawExchange(
      server.port,
      [
        'POST /v1/estimates HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
        '7\r\n{"model\r\n',
        50,
      ],
      { timeoutMs: 100 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const requestLine = server.logs.find((line) => line.msg === 'request' && line.path === '/v1/estimates');
    expect(requestLine).toMatchObject({ level: 'info', status: 499 });
    expect(server.logs.filter((line) => line.level === 'error')).toEqual([]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('http_requests_total{route="/v1/estimates",method="POST",status="499"} 1');
    expect(metrics).not.toMatch(/status="5\d\d"/);
  });
});

describe('error details', () => {
  it('a body of 100,000 unknown keys gets at most 20 details and a short answer', async () => {
    const keys = Array.from({ length: 100_000 }, (_, index) => `"k${index}":0`);
    const { app } = buildTestApp({ config: { BODY_LIMIT_BYTES: 4 * 1024 * 1024 } });
    const response = await app.request('/v1/recommendations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"profile":{${keys.join(',')}}}`,
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(8_000);
    const body = JSON.parse(text) as ErrorJson;
    expect(body.error.details).toHaveLength(20);
    expect(body.error.message).toContain('(and 99980 more)');
  });
});

describe('the data path stays out of responses', () => {
  it('/readyz names the failing check without the absolute DATA_DIR; the log has it', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'advisor-secret-place-')), 'absent');
    const lines: string[] = [];
    const { app } = buildTestApp({
      config: { DATA_DIR: missing },
      logger: createLogger({ level: 'info', write: (line) => lines.push(line) }),
    });
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain('ENOENT');
    expect(text).not.toContain('advisor-secret-place');
    expect(text).toContain('data-dir-writable');
    expect(lines.join('')).toContain('advisor-secret-place');
  });

  it('a 503 store_unavailable names the operation and errno, not the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-secret-store-'));
    const store = createFileSessionStore({ dataDir, syncToDisk: false });
    await store.init();
    closers.push(() => store.stop());
    const { app } = buildTestApp({
      config: { DATA_DIR: dataDir },
      sessionStore: {
        ...store,
        // Fails the way the file store does: the message names the file.
        create: async () => {
          throw new StoreUnavailableError(
            `writing ${join(dataDir, 'sessions', 'abc.json')}`,
            Object.assign(new Error('read-only'), { code: 'EROFS' }),
          );
        },
      },
      routeModules: [chatRoutes()],
    });
    const response = await app.request('/v1/chat', { method: 'POST', headers: jsonHeaders(), body: chatBody('hello') });
    expect(response.status).toBe(503);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('store_unavailable');
    expect(body.error.message).toContain('EROFS: read-only file system');
    expect(body.error.message).not.toContain('advisor-secret-store');
  });
});

describe('/metrics when the server requires API keys', () => {
  const KEY = 'metrics-test-key-0123456789';
  const TOKEN = 'metrics-token-0123456789abcdef';

  it('is 403 without METRICS_TOKEN (it used to be open)', async () => {
    const { app } = buildTestApp({
      metrics: createAppMetrics({ processMetrics: false }),
      config: { API_KEYS: [hashApiKey(KEY)] },
    });
    const response = await app.request('/metrics');
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorJson).error.message).toContain('METRICS_TOKEN');
    // An API key is not a metrics credential.
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(403);
  });

  it('needs the token when METRICS_TOKEN is set', async () => {
    const { app } = buildTestApp({
      metrics: createAppMetrics({ processMetrics: false }),
      config: { API_KEYS: [hashApiKey(KEY)], METRICS_TOKEN: TOKEN },
    });
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('stays open without API_KEYS and without METRICS_TOKEN (local use)', async () => {
    const { app } = buildTestApp({ metrics: createAppMetrics({ processMetrics: false }) });
    expect((await app.request('/metrics')).status).toBe(200);
  });
});

describe('429 too_many_sessions', () => {
  it('carries the session window in its RateLimit headers, consistent with Retry-After', async () => {
    const { app } = await buildSecureApp({ MAX_SESSIONS_PER_CLIENT: 1, RATE_LIMIT_PER_MINUTE: 120, TRUST_PROXY: true });
    const post = () =>
      app.request('/v1/chat', {
        method: 'POST',
        headers: jsonHeaders({ 'x-forwarded-for': '192.0.2.50' }),
        body: chatBody('hello'),
      });
    const first = await post();
    expect(first.status).toBe(200);
    await first.text();
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as ErrorJson).error.code).toBe('too_many_sessions');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-limit')).toBe('1');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(refused.headers.get('ratelimit-policy')).toBe('1;w=3600');
  });
});
