/**
 * @module observability/http-metrics: the middleware that records every request in `http_requests_total` and
 * `http_request_duration_seconds`, labelled with the matched route pattern (bounded cardinality).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppMetrics } from './app-metrics.ts';

/** Route label of requests that matched no route (404 for unknown paths, 405 for a wrong method). */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Hono registers `app.use()` middleware under this method; route handlers have a real method. */
const MIDDLEWARE_METHOD = 'ALL';

/**
 * The route pattern that matched the request, e.g. `/v1/chat/:id` for `/v1/chat/abc`: the last matched route
 * registered for a method (middleware registered with `app.use` is skipped, so a request stopped early by a
 * middleware — 401, 413, 429 — is still counted under its route). {@link UNMATCHED_ROUTE} when none matched.
 */
export function matchedRoutePattern(c: Context): string {
  try {
    const routes = matchedRoutes(c);
    for (let index = routes.length - 1; index >= 0; index--) {
      const route = routes[index];
      if (route !== undefined && route.method !== MIDDLEWARE_METHOD) return route.path;
    }
  } catch {
    // no match result (a request Hono could not route at all)
  }
  return UNMATCHED_ROUTE;
}

/**
 * Middleware timing each request from arrival until its response is ready and recording it with
 * `metrics.httpRequest`. Mount it near the top (after the request context) so short-circuited requests count too.
 * For streamed responses the time is to the first byte; the body may keep streaming after.
 */
export function httpMetrics(metrics: AppMetrics): MiddlewareHandler {
  return async function httpMetricsMiddleware(c, next) {
    // The start-up warm-up's in-process turn (warm-up.ts) is no traffic: not counted. Only an in-process caller can set
    // this environment; a request from the network cannot.
    if ((c.env as { advisorWarmUp?: unknown } | undefined)?.advisorWarmUp === true) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.httpRequest({
        route: matchedRoutePattern(c),
        method: c.req.method,
        status: c.res.status,
        seconds: (performance.now() - started) / 1000,
      });
    }
  };
}
