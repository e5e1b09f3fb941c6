import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './types.ts';

/** API responses: nothing may be loaded or framed. */
const apiHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
});

/** /docs: the Swagger UI page loads its own scripts and styles from this origin (no CDN); it needs inline styles and data: images. */
const docsHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/** Secure headers on every response; the Content-Security-Policy is relaxed only under /docs. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeadersMiddleware(c, next) {
    const isDocs = c.req.path === '/docs' || c.req.path.startsWith('/docs/');
    return isDocs ? docsHeaders(c, next) : apiHeaders(c, next);
  };
}
