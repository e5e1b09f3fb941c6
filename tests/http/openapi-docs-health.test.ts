import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.ts';

describe('get /openapi.json', () => {
  const { app } = buildTestApp();

  it('is an OpenAPI 3.1 document listing every route with its methods', async () => {
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBeTruthy();
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /healthz',
        'GET /readyz',
        'GET /metrics',
        'POST /v1/recommendations',
        'POST /v1/estimates',
        'GET /v1/methods',
        'GET /v1/methods/{id}',
        'GET /v1/catalog/models',
        'GET /v1/catalog/gpus',
        'GET /v1/catalog/providers',
        'GET /v1/sources',
        'POST /v1/widget-tokens',
        'POST /mcp',
      ].sort(),
    );
    for (const name of [
      'Profile',
      'Recommendation',
      'RecommendationRequest',
      'EstimateRequest',
      'EstimateResponse',
      'ErrorResponse',
      'Method',
      'Model',
      'Gpu',
    ]) {
      expect(document.components.schemas).toHaveProperty(name);
    }
    expect(document.paths['/v1/recommendations']?.post?.responses).toHaveProperty('400');
    expect(JSON.stringify(document.components.schemas.RecommendationRequest)).toContain('"example"');
  });
});

describe('get /docs', () => {
  const { app } = buildTestApp();

  it('serves an HTML page that loads its assets locally and points at /openapi.json', async () => {
    const response = await app.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const init = await (await app.request('/docs/init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
  });

  it('serves the swagger-ui assets from node_modules', async () => {
    const script = await app.request('/docs/assets/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const css = await app.request('/docs/assets/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('refuses any other asset name, including path traversal', async () => {
    expect((await app.request('/docs/assets/package.json')).status).toBe(404);
    expect((await app.request('/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});

describe('health', () => {
  it('get /healthz returns ok', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('get /readyz is ready with knowledge loaded and a writable data dir', async () => {
    const { app, knowledge } = buildTestApp();
    const response = await app.request('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', knowledgeVersion: knowledge.version });
  });

  it('get /readyz is 503 with the reason when DATA_DIR does not exist', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'advisor-ready-')), 'absent');
    const { app } = buildTestApp({ config: { DATA_DIR: missing } });
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      status: string;
      checks: { name: string; ok: boolean; reason?: string }[];
    };
    expect(body.status).toBe('not-ready');
    const check = body.checks.find((entry) => entry.name === 'data-dir-writable');
    expect(check?.ok).toBe(false);
    expect(check?.reason).toContain('ENOENT');
  });

  it.skipIf(process.getuid?.() === 0)('get /readyz is 503 when DATA_DIR is read-only', async () => {
    const readOnly = mkdtempSync(join(tmpdir(), 'advisor-ro-'));
    chmodSync(readOnly, 0o500);
    const { app } = buildTestApp({ config: { DATA_DIR: readOnly } });
    expect((await app.request('/readyz')).status).toBe(503);
  });

  it('get /readyz includes extra readiness checks from deps', async () => {
    const { app } = buildTestApp({
      readinessChecks: [{ name: 'session-store', check: async () => ({ ok: false, reason: 'store closed' }) }],
    });
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).toContain('store closed');
  });
});

describe('route modules', () => {
  it('mounts extra route modules given in deps', async () => {
    const { app } = buildTestApp({
      routeModules: [(moduleApp) => moduleApp.get('/v1/extra', (c) => c.json({ ok: true }))],
    });
    const response = await app.request('/v1/extra');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});
