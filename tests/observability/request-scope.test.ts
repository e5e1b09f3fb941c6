import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import {
  currentRequestLogger,
  currentRequestScope,
  requestAwareLogger,
} from '../../src/observability/request-scope.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  return { lines, logger };
}

describe('request scope and request ids in logs', () => {
  it('gives code without the Hono context the request logger, and tags lines of the process-wide logger', async () => {
    const { lines, logger: base } = recordingLogger();
    const rootLogger = requestAwareLogger(base);
    let scopedId: string | undefined;
    const { app } = buildTestApp({
      logger: rootLogger,
      routeModules: [
        (router) =>
          router.get('/deep', async (c) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            // A layer that only holds the root logger (e.g. created at start-up), several awaits deep:
            rootLogger.warn('from a layer', { detail: 1 });
            currentRequestLogger(rootLogger).info('from the scope');
            scopedId = currentRequestScope()?.requestId;
            return c.json({ ok: c.get('requestId') });
          }),
      ],
    });
    const response = await app.request('/deep', { headers: { 'x-request-id': 'req-123' } });
    expect(response.status).toBe(200);
    expect(scopedId).toBe('req-123');
    const requestLines = lines.filter((line) => line.msg !== 'listening');
    expect(requestLines.map((line) => line.msg)).toEqual(['from a layer', 'from the scope', 'request']);
    for (const line of requestLines) expect(line.requestId).toBe('req-123');
  });

  it('leaves lines outside a request untouched', () => {
    const { lines, logger } = recordingLogger();
    requestAwareLogger(logger).info('start-up');
    requestAwareLogger(logger).child({ component: 'store' }).info('opened');
    expect(lines[0]).not.toHaveProperty('requestId');
    expect(lines[1]).toMatchObject({ component: 'store' });
    expect(lines[1]).not.toHaveProperty('requestId');
    expect(currentRequestScope()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const { lines, logger: base } = recordingLogger();
    const rootLogger = requestAwareLogger(base);
    const { app } = buildTestApp({
      logger: rootLogger,
      routeModules: [
        (router) =>
          router.get('/slow/:delay', async (c) => {
            await new Promise((resolve) => setTimeout(resolve, Number(c.req.param('delay'))));
            rootLogger.info('done', { delay: c.req.param('delay') });
            return c.json({});
          }),
      ],
    });
    await Promise.all(
      [30, 10, 20].map((delay) => app.request(`/slow/${delay}`, { headers: { 'x-request-id': `id-${delay}` } })),
    );
    const done = lines.filter((line) => line.msg === 'done');
    expect(done).toHaveLength(3);
    for (const line of done) expect(line.requestId).toBe(`id-${line.delay}`);
  });
});
