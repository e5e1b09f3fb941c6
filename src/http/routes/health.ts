import { randomUUID } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import type { LlmStatus } from '../../llm/llm-layer.ts';
import { errorResponses, jsonResponse } from '../openapi-helpers.ts';
import { withoutPaths } from '../redact-paths.ts';
import { HealthResponse, ReadinessResponse } from '../schemas.ts';
import type { App, AppDeps, ReadinessCheck } from '../types.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness: the process answers',
  responses: { 200: jsonResponse(HealthResponse, 'Alive') },
});
const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'Readiness: knowledge loaded, the data directory and the session store writable',
  description:
    'Ready (200) when every check passes. `session-store-writable` is a real write: a probe file under DATA_DIR, or ' +
    'with DATABASE_URL a probe row committed in PostgreSQL (503 while the database is down, full or read-only; the ' +
    'reason names host and database, never credentials). `llm` reports the optional LLM (mode, model, circuit breaker) for ' +
    'information only: the LLM off, or its breaker open, does not make the service unready (answers fall back to ' +
    'the rule-only template). No key or endpoint credentials are shown.',
  responses: {
    200: jsonResponse(ReadinessResponse, 'Ready'),
    503: jsonResponse(ReadinessResponse, 'Not ready; `checks` says why'),
    ...errorResponses(500),
  },
});

/** Probes DATA_DIR by writing and removing a small file. */
export function dataDirWritableCheck(dataDir: string): ReadinessCheck {
  return {
    name: 'data-dir-writable',
    async check() {
      const probe = join(dataDir, `.readyz-${process.pid}-${randomUUID()}`);
      try {
        await writeFile(probe, 'ok');
        await unlink(probe);
        return { ok: true };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        return { ok: false, reason: `cannot write to DATA_DIR ${dataDir} (${code})` };
      }
    },
  };
}

/** GET /healthz (always 200 while the process runs) and GET /readyz (200 or 503 with the failing checks). */
export function registerHealthRoutes(app: App, deps: AppDeps): void {
  const checks: ReadinessCheck[] = [
    {
      name: 'knowledge-loaded',
      check: async () =>
        deps.knowledge.methods.length > 0 ? { ok: true } : { ok: false, reason: 'knowledge base is empty' },
    },
    dataDirWritableCheck(deps.config.DATA_DIR),
    ...(deps.readinessChecks ?? []),
  ];
  let lastFailing = '';
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyRoute, async (c) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          const result = await check();
          return { name, ...result };
        } catch (error) {
          return { name, ok: false, reason: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const ready = results.every((result) => result.ok);
    // /readyz is open: reasons go out without filesystem paths; the full text is logged when it changes.
    const failing = results.filter((result) => !result.ok).map(({ name, reason }) => `${name}: ${reason ?? ''}`);
    const failingKey = failing.join('\n');
    if (failingKey !== lastFailing) {
      lastFailing = failingKey;
      if (failing.length > 0) deps.logger.warn('not ready', { checks: failing });
      else deps.logger.info('ready again');
    }
    const body = {
      status: ready ? ('ready' as const) : ('not-ready' as const),
      knowledgeVersion: deps.knowledge.version,
      checks: results.map(({ reason, ...result }) =>
        reason === undefined ? result : { ...result, reason: withoutPaths(reason) },
      ),
      // Informational: the LLM is optional, so its mode or an open breaker never makes the service unready.
      ...(deps.llm ? { llm: llmReadiness(deps.llm.status()) } : {}),
    };
    return ready ? c.json(body, 200) : c.json(body, 503);
  });
}

/** The /readyz view of the LLM status: no endpoint, no key, no prompt details. */
function llmReadiness(status: LlmStatus) {
  return { mode: status.mode, enabled: status.enabled, model: status.model, breaker: status.breaker };
}
