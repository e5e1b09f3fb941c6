/**
 * @module http/routes/metrics: GET /metrics, the Prometheus scrape endpoint (text format 0.0.4), optionally behind a
 * bearer token (`METRICS_TOKEN`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppMetrics } from '../../observability/app-metrics.ts';
import { PROMETHEUS_CONTENT_TYPE } from '../../observability/prometheus-text.ts';
import { errorBody } from '../error-body.ts';
import { errorResponses } from '../openapi-helpers.ts';
import type { App } from '../types.ts';

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['operations'],
  summary: 'Prometheus metrics (text format 0.0.4)',
  description:
    'Request counts and latency by route pattern, method and status; LLM calls and fallbacks; rate-limit ' +
    'rejections; store write latency and errors; stored sessions; process memory, heap, event-loop lag and uptime. ' +
    'When METRICS_TOKEN is set, send `Authorization: Bearer <METRICS_TOKEN>`. When API_KEYS is set and METRICS_TOKEN ' +
    'is not, /metrics answers 403: a server that needs keys does not publish its metrics openly.',
  security: [{}, { metricsToken: [] }],
  responses: {
    200: {
      description: 'The metrics',
      content: { 'text/plain': { schema: z.string().openapi({ example: '# TYPE http_requests_total counter\n' }) } },
    },
    ...errorResponses(401, 403),
  },
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * True when `authorization` is `Bearer <expected>`. Compares sha256 digests with `timingSafeEqual`, so the time taken
 * does not depend on how much of the token matched (nor on its length).
 */
export function bearerTokenMatches(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(sha256(given), sha256(expected)) && given !== '';
}

/**
 * Mounts GET /metrics. With `token` (METRICS_TOKEN) set, a request without `Authorization: Bearer <token>` gets a
 * 401 JSON error with `WWW-Authenticate: Bearer`; the token itself never appears in a response or a log line. With
 * `closedWithoutToken` (API_KEYS set) and no token, every request gets 403 until METRICS_TOKEN is set.
 */
export function registerMetricsRoute(
  app: App,
  metrics: AppMetrics,
  token: string | undefined,
  options: { closedWithoutToken?: boolean } = {},
): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'metricsToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'METRICS_TOKEN, when the operator set one',
  });
  app.openapi(metricsRoute, (c) => {
    if ((token === undefined || token === '') && options.closedWithoutToken === true) {
      return c.json(
        errorBody(
          'forbidden',
          'GET /metrics is closed because the server requires API keys; set METRICS_TOKEN and send Authorization: Bearer <METRICS_TOKEN>',
          [],
          c.get('requestId'),
        ),
        403,
        { 'cache-control': 'no-store' },
      );
    }
    if (token !== undefined && token !== '' && !bearerTokenMatches(c.req.header('authorization'), token)) {
      return c.json(
        errorBody('unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>', [], c.get('requestId')),
        401,
        { 'www-authenticate': 'Bearer realm="metrics"' },
      );
    }
    return c.body(metrics.render(), 200, {
      'content-type': PROMETHEUS_CONTENT_TYPE,
      'cache-control': 'no-store',
    }) as never;
  });
}
