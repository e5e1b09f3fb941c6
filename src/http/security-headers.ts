import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './types.ts';

/** API responses: nothing may be loaded or framed. */
const apiHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  strictTransportSecurity: false,
});

/** /docs: the Swagger UI page loads its own scripts and styles from this origin (no CDN); it needs inline styles and data: images. */
/** Scripts, styles (inline allowed), images and fetches from this origin only; never framed. */
const SAME_ORIGIN_PAGE = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
};
const docsHeaders = secureHeaders({ contentSecurityPolicy: SAME_ORIGIN_PAGE, strictTransportSecurity: false });

/**
 * `/`, the chat page: its only script is /widget.js from this origin (no inline script); inline styles (the page's
 * own and the widget's shadow-DOM stylesheet); fetches to this origin only (the chat API).
 */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: { ...SAME_ORIGIN_PAGE, baseUri: ["'none'"], formAction: ["'none'"] },
  strictTransportSecurity: false,
});

/**
 * `/widget.js`: embedded by other sites with `<script src>`, so it may be loaded cross-origin
 * (Cross-Origin-Resource-Policy: cross-origin); nothing else is relaxed.
 */
const widgetScriptHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  crossOriginResourcePolicy: 'cross-origin',
  strictTransportSecurity: false,
});

/** Sent on HTTPS responses: browsers then use HTTPS only for 180 days (hono's default value). */
export const HSTS_VALUE = 'max-age=15552000; includeSubDomains';

export interface SecurityHeadersOptions {
  /** Trust `X-Forwarded-Proto` from a reverse proxy (TRUST_PROXY). */
  trustProxy?: boolean;
  /** Send Strict-Transport-Security on every response (HSTS_ALWAYS), e.g. behind a TLS proxy that sets no header. */
  hstsAlways?: boolean;
}

/**
 * True when the client reached us over HTTPS: the request URL is https (TLS terminated by this process), or a trusted
 * proxy says so in `X-Forwarded-Proto` (its last entry, the one that proxy wrote).
 */
export function isHttpsRequest(url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (url.startsWith('https:')) return true;
  if (!trustProxy || forwardedProto === undefined) return false;
  return forwardedProto.split(',').at(-1)?.trim().toLowerCase() === 'https';
}

/**
 * Secure headers on every response; the Content-Security-Policy is relaxed only under /docs and on the chat page
 * (`/`), and `/widget.js` may be loaded by other origins. Strict-Transport-Security
 * is sent only on HTTPS requests (see {@link isHttpsRequest}) or always with `hstsAlways`: over plain HTTP it would be
 * ignored by browsers and wrong for a local `npm start`.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler<AppEnv> {
  return async function securityHeadersMiddleware(c, next) {
    const path = c.req.path;
    const headers =
      path === '/docs' || path.startsWith('/docs/')
        ? docsHeaders
        : path === '/'
          ? pageHeaders
          : path === '/widget.js'
            ? widgetScriptHeaders
            : apiHeaders;
    const https =
      options.hstsAlways === true ||
      isHttpsRequest(c.req.url, c.req.header('x-forwarded-proto'), options.trustProxy === true);
    await headers(c, next);
    if (https) c.res.headers.set('Strict-Transport-Security', HSTS_VALUE);
  };
}
