import { describe, expect, it } from 'vitest';
import { createAppMetrics } from '../../src/observability/app-metrics.ts';
import { UNMATCHED_ROUTE } from '../../src/observability/http-metrics.ts';
import { buildTestApp, jsonRequest } from '../helpers/build-test-app.ts';
import { parseExposition, sampleValue } from './exposition-parser.ts';

const TOKEN = 'metrics-token-0123456789abcdef';

async function scrape(app: ReturnType<typeof buildTestApp>['app'], headers: Record<string, string> = {}) {
  const response = await app.request('/metrics', { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(await response.text());
}

describe('GET /metrics', () => {
  it('counts requests by route pattern, method and status — never by raw path', async () => {
    const { app } = buildTestApp({ metrics: createAppMetrics({ processMetrics: false }) });
    expect((await app.request('/v1/methods/lora')).status).toBe(200);
    expect((await app.request('/v1/methods/rag')).status).toBe(200);
    expect((await app.request('/v1/methods/no-such-method')).status).toBe(404);
    expect((await app.request('/healthz')).status).toBe(200);
    const parsed = await scrape(app);

    const requests = (labels: Record<string, string>) => sampleValue(parsed, 'http_requests_total', labels);
    expect(requests({ route: '/v1/methods/:id', method: 'GET', status: '200' })).toBe(2);
    expect(requests({ route: '/v1/methods/:id', method: 'GET', status: '404' })).toBe(1);
    expect(requests({ route: '/healthz', method: 'GET', status: '200' })).toBe(1);
    const routes = new Set(parsed.samples.filter((s) => s.name === 'http_requests_total').map((s) => s.labels.route));
    expect([...routes].some((route) => route?.includes('lora'))).toBe(false);
    expect(
      sampleValue(parsed, 'http_request_duration_seconds_count', { route: '/v1/methods/:id', method: 'GET' }),
    ).toBe(3);
    expect(
      sampleValue(parsed, 'http_request_duration_seconds_bucket', { route: '/healthz', method: 'GET', le: '+Inf' }),
    ).toBe(1);
  });

  it('keeps cardinality bounded under random paths and methods', async () => {
    const { app } = buildTestApp({ metrics: createAppMetrics({ processMetrics: false }) });
    for (let index = 0; index < 50; index++) {
      await app.request(`/random/${index}/${crypto.randomUUID()}`);
      await app.request('/healthz', { method: `X${index}` });
    }
    const parsed = await scrape(app);
    const series = parsed.samples.filter((sample) => sample.name === 'http_requests_total');
    expect(
      series.every((sample) => sample.labels.route === UNMATCHED_ROUTE || sample.labels.route === '/healthz'),
    ).toBe(true);
    expect(sampleValue(parsed, 'http_requests_total', { route: UNMATCHED_ROUTE, method: 'GET', status: '404' })).toBe(
      50,
    );
    expect(new Set(series.map((sample) => sample.labels.method))).toEqual(new Set(['GET', 'OTHER']));
  });

  it('counts a request stopped by middleware (413 from the body limit) under its route', async () => {
    const { app } = buildTestApp({
      metrics: createAppMetrics({ processMetrics: false }),
      config: { BODY_LIMIT_BYTES: 100 },
    });
    const response = await app.request('/v1/recommendations', jsonRequest('POST', { padding: 'x'.repeat(500) }));
    expect(response.status).toBe(413);
    const parsed = await scrape(app);
    expect(
      sampleValue(parsed, 'http_requests_total', { route: '/v1/recommendations', method: 'POST', status: '413' }),
    ).toBe(1);
  });

  it('shows what other layers record: LLM calls and fallbacks, rate limits, store writes, sessions', async () => {
    const metrics = createAppMetrics({ processMetrics: false });
    const { app } = buildTestApp({ metrics });
    metrics.llmCall('success');
    metrics.llmCall('timeout');
    metrics.llmCall('timeout');
    metrics.llmFallback('circuit-open');
    metrics.rateLimited('llm-turns');
    metrics.rateLimited('a "quoted"\nscope'); // not a plain value: counted as "other"
    metrics.storeWrite(0.004);
    metrics.storeWriteFailed('ENOSPC');
    metrics.observeSessions(() => 42);
    const parsed = await scrape(app);
    expect(sampleValue(parsed, 'llm_calls_total', { outcome: 'success' })).toBe(1);
    expect(sampleValue(parsed, 'llm_calls_total', { outcome: 'timeout' })).toBe(2);
    expect(sampleValue(parsed, 'llm_fallbacks_total', { reason: 'circuit-open' })).toBe(1);
    expect(sampleValue(parsed, 'rate_limit_rejections_total', { scope: 'llm-turns' })).toBe(1);
    expect(sampleValue(parsed, 'rate_limit_rejections_total', { scope: 'other' })).toBe(1);
    expect(sampleValue(parsed, 'store_write_duration_seconds_bucket', { le: '0.005' })).toBe(1);
    expect(sampleValue(parsed, 'store_write_duration_seconds_bucket', { le: '0.0025' })).toBe(0);
    expect(sampleValue(parsed, 'store_write_errors_total', { code: 'ENOSPC' })).toBe(1);
    expect(sampleValue(parsed, 'sessions_stored')).toBe(42);
  });

  it('includes process metrics: memory, heap, event-loop lag and uptime', async () => {
    const metrics = createAppMetrics();
    try {
      const { app } = buildTestApp({ metrics });
      const parsed = await scrape(app);
      expect(sampleValue(parsed, 'process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
      expect(sampleValue(parsed, 'nodejs_heap_used_bytes')).toBeGreaterThan(1_000_000);
      expect(sampleValue(parsed, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
      expect(sampleValue(parsed, 'process_uptime_seconds')).toBeGreaterThan(0);
    } finally {
      metrics.stop();
    }
  });

  it('creates its own metrics when none are injected', async () => {
    const { app } = buildTestApp();
    await app.request('/healthz');
    const parsed = await scrape(app);
    expect(sampleValue(parsed, 'http_requests_total', { route: '/healthz', status: '200' })).toBe(1);
  });

  it('is listed in the OpenAPI document', async () => {
    const { app } = buildTestApp({ metrics: createAppMetrics({ processMetrics: false }) });
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { securitySchemes?: Record<string, unknown> };
    };
    expect(document.paths['/metrics']).toBeDefined();
    expect(document.components.securitySchemes?.metricsToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const build = () =>
    buildTestApp({ metrics: createAppMetrics({ processMetrics: false }), config: { METRICS_TOKEN: TOKEN } });

  it('answers 401 JSON without the token, with a wrong one, or with another scheme — never echoing the token', async () => {
    const { app, logLines } = build();
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, 'Bearer ']) {
      const response = await app.request('/metrics', authorization ? { headers: { authorization } } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const text = await response.text();
      expect(text).not.toContain(TOKEN);
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect(JSON.stringify(logLines)).not.toContain(TOKEN);
  });

  it('serves the metrics with the right bearer token', async () => {
    const { app } = build();
    const parsed = await scrape(app, { authorization: `Bearer ${TOKEN}` });
    expect(parsed.types.get('http_requests_total')).toBe('counter');
    // The rejected and accepted scrapes are both counted.
    expect(sampleValue(parsed, 'http_requests_total', { route: '/metrics', status: '401' })).toBeUndefined();
    const second = await scrape(app, { authorization: `bearer ${TOKEN}` });
    expect(sampleValue(second, 'http_requests_total', { route: '/metrics', status: '200' })).toBe(1);
  });
});
