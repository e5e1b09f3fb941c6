import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.ts';
import { runInRequestScope } from '../observability/request-scope.ts';
import type { AppEnv } from './types.ts';

/** Incoming request ids are accepted when short and made of safe characters; otherwise a new one is generated. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Sets `requestId` (from a sane incoming `x-request-id`, else a random UUID) and a child `logger` bound to it,
 * echoes the id in the `x-request-id` response header, and writes one log line per request:
 * method, path, status, ms, requestId. Handlers get the logger with `c.get('logger')`; code without the context
 * with `currentRequestLogger(fallback)` (src/observability/request-scope.ts).
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    const requestLogger = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', requestLogger);
    c.header('x-request-id', requestId);
    try {
      // Code without the Hono context (chat service, LLM layer, store) finds the request logger through the scope.
      await runInRequestScope({ requestId, logger: requestLogger }, next);
    } finally {
      try {
        c.res.headers.set('x-request-id', requestId);
      } catch {
        // a response with immutable headers already carries the id set above
      }
      const status = c.res.status;
      const fields = {
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      if (status >= 500) requestLogger.error('request', fields);
      else requestLogger.info('request', fields);
    }
  };
}
