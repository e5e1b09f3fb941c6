import { describe, expect, it } from 'vitest';
import { buildTestApp, jsonRequest } from '../helpers/build-test-app.ts';

type ErrorJson = {
  error: { code: string; message: string; details: { path: string; message: string }[] };
  requestId: string;
};

describe('error responses', () => {
  const { app } = buildTestApp();

  it('post /v1/recommendations with malformed JSON returns 400 malformed_json, not 500', async () => {
    const response = await app.request('/v1/recommendations', jsonRequest('POST', '{"profile": {'));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('malformed_json');
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('post /v1/recommendations with an unknown profile key names the key and its path', async () => {
    const response = await app.request('/v1/recommendations', jsonRequest('POST', { profile: { gpuCout: 2 } }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details).toContainEqual({ path: 'profile.gpuCout', message: 'Unrecognized key: gpuCout' });
    expect(body.error.message).toContain('gpuCout');
  });

  it('post /v1/recommendations with wrong types names every bad field', async () => {
    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile: { gpuCount: 'two', needsCitations: 'yes', modelAccess: 'open' } }),
    );
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as ErrorJson).error.details.map((detail) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining(['profile.gpuCount', 'profile.needsCitations', 'profile.modelAccess']),
    );
  });

  it('post /v1/recommendations with an unknown top-level key or explain mode is a 400', async () => {
    const extra = await app.request('/v1/recommendations', jsonRequest('POST', { profile: {}, profil: {} }));
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as ErrorJson).error.details).toContainEqual({
      path: 'profil',
      message: 'Unrecognized key: profil',
    });
    const mode = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile: {}, options: { explain: 'poem' } }),
    );
    expect(mode.status).toBe(400);
    expect(((await mode.json()) as ErrorJson).error.details[0]?.path).toBe('options.explain');
  });

  it('post /v1/recommendations without a profile is a 400 naming profile', async () => {
    const response = await app.request('/v1/recommendations', jsonRequest('POST', {}));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.details[0]?.path).toBe('profile');
  });

  it('post /v1/recommendations with a body but no content-type returns 415', async () => {
    const response = await app.request('/v1/recommendations', { method: 'POST', body: '{"profile":{}}' });
    expect(response.status).toBe(415);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('unsupported_media_type');
    expect(body.error.message).toContain('application/json');
  });

  it('post /v1/estimates with text/plain returns 415', async () => {
    const response = await app.request('/v1/estimates', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'modelName=x',
    });
    expect(response.status).toBe(415);
  });

  it('a 2 MB body returns 413 JSON', async () => {
    const body = JSON.stringify({ profile: { task: 'x'.repeat(2 * 1024 * 1024) } });
    const response = await app.request('/v1/recommendations', jsonRequest('POST', body));
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorJson).error.code).toBe('payload_too_large');
  });

  it('a 2 MB body with a content-length header is refused before it is read', async () => {
    const body = 'x'.repeat(2 * 1024 * 1024);
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', body, { 'content-length': String(body.length) }),
    );
    expect(response.status).toBe(413);
  });

  it('an unknown path returns 404 JSON', async () => {
    const response = await app.request('/v2/nothing');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorJson).error.code).toBe('not_found');
  });

  it('a known path with the wrong method returns 405 JSON with Allow', async () => {
    const response = await app.request('/v1/recommendations', { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('POST');
    expect(((await response.json()) as ErrorJson).error.code).toBe('method_not_allowed');
  });

  it('an unexpected exception returns a 500 without a stack and logs it', async () => {
    const { app: failing, logLines } = buildTestApp({
      recommend: () => {
        throw new Error('engine exploded');
      },
    });
    const response = await failing.request('/v1/recommendations', jsonRequest('POST', { profile: {} }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('engine exploded');
    expect(text).not.toContain('at ');
    expect(JSON.parse(text).error.code).toBe('internal_error');
    const logged = logLines.find((line) => line.msg === 'unhandled error');
    expect(JSON.stringify(logged)).toContain('engine exploded');
  });
});

describe('request id, logging and headers', () => {
  it('echoes a sane incoming x-request-id and uses it in the log line', async () => {
    const { app, logLines } = buildTestApp();
    const response = await app.request('/healthz', { headers: { 'x-request-id': 'client-abc.123' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('client-abc.123');
    const line = logLines.find((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', status: 200, requestId: 'client-abc.123' });
    expect(typeof line?.ms).toBe('number');
  });

  it('replaces an unsafe incoming x-request-id with a generated one', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/healthz', { headers: { 'x-request-id': 'bad id <script>' } });
    const id = response.headers.get('x-request-id');
    expect(id).not.toBe('bad id <script>');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes exactly one log line per request, error responses included', async () => {
    const { app, logLines } = buildTestApp();
    await app.request('/v1/methods/nope');
    const requestLines = logLines.filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ status: 404, path: '/v1/methods/nope' });
  });

  it('sets secure headers with a locked-down CSP on the API and a relaxed one on /docs', async () => {
    const { app } = buildTestApp();
    const api = await app.request('/v1/methods');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
    const docs = await app.request('/docs');
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
