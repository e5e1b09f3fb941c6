/** GET / (the chat page) and GET /widget.js (the drop-in widget), with the headers that let them work. */
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.ts';

describe('GET / and GET /widget.js', () => {
  it('GET / gives browsers the chat page: the widget script from this origin, a link to /docs, a CSP that allows both', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const page = await response.text();
    expect(page).toContain('<script src="/widget.js" defer></script>');
    expect(page).toContain('<advisor-chat');
    expect(page).toContain('href="/docs"');
    // No inline script: every <script> has a src.
    expect(page.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it('GET /widget.js serves the web component, loadable by other sites (Cross-Origin-Resource-Policy: cross-origin)', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await response.text();
    expect(script).toContain('customElements.define(TAG, AdvisorChat)');
    expect(script).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
    // Everything else keeps the strict headers.
    const api = await app.request('/v1/methods');
    expect(api.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('GET / tells API clients (no text/html in Accept) where things are', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ chat: '/', widget: '/widget.js', docs: '/docs' });
  });
});
