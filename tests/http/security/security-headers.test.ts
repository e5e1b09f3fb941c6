import { describe, expect, it } from 'vitest';
import { HSTS_VALUE, isHttpsRequest } from '../../../src/http/security-headers.ts';
import { buildTestApp } from '../../helpers/build-test-app.ts';

describe('Strict-Transport-Security', () => {
  it('is not sent over plain HTTP, nor when X-Forwarded-Proto is not trusted', async () => {
    const { app } = buildTestApp();
    expect((await app.request('/healthz')).headers.get('strict-transport-security')).toBeNull();
    const spoofed = await app.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });

  it('is sent when TRUST_PROXY is set and the proxy says https, on HTTPS URLs, and always with HSTS_ALWAYS', async () => {
    const proxied = buildTestApp({ config: { TRUST_PROXY: true } });
    const viaProxy = await proxied.app.request('/v1/methods', { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    const plainViaProxy = await proxied.app.request('/v1/methods', { headers: { 'x-forwarded-proto': 'http' } });
    expect(plainViaProxy.headers.get('strict-transport-security')).toBeNull();
    expect(
      (await proxied.app.request('https://advisor.example.com/healthz')).headers.get('strict-transport-security'),
    ).toBe(HSTS_VALUE);
    const always = buildTestApp({ config: { HSTS_ALWAYS: true } });
    expect((await always.app.request('/docs')).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
  });

  it('keeps the relaxed CSP on /docs and the strict one elsewhere', async () => {
    const { app } = buildTestApp();
    expect((await app.request('/docs')).headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await app.request('/v1/methods')).headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('isHttpsRequest reads the last X-Forwarded-Proto entry (the one the trusted proxy wrote)', () => {
    expect(isHttpsRequest('http://x/', 'http, https', true)).toBe(true);
    expect(isHttpsRequest('http://x/', 'https, http', true)).toBe(false);
    expect(isHttpsRequest('http://x/', 'https', false)).toBe(false);
    expect(isHttpsRequest('https://x/', undefined, false)).toBe(true);
  });
});
