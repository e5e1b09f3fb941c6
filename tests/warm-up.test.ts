import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chatRoutes } from '../src/http/routes/chat.ts';
import { loadKnowledge } from '../src/knowledge/load-knowledge.ts';
import { createAppMetrics } from '../src/observability/app-metrics.ts';
import { createFileSessionStore } from '../src/store/file-session-store.ts';
import { warmUp, warmUpRoutes } from '../src/warm-up.ts';
import { buildTestApp } from './helpers/build-test-app.ts';

describe('warmUp', () => {
  it('runs a rule-only first turn on the real knowledge without throwing, and reports its duration', async () => {
    const knowledge = await loadKnowledge(fileURLToPath(new URL('../knowledge/', import.meta.url)));
    const ms = await warmUp(knowledge);
    expect(ms).toBeGreaterThan(0);
  });
});

describe('warmUpRoutes', () => {
  it('runs one chat turn through the routes, deletes its session, and leaves the request metrics untouched', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'advisor-warm-up-'));
    const sessionStore = createFileSessionStore({ dataDir, syncToDisk: false });
    await sessionStore.init();
    const metrics = createAppMetrics();
    const { app, logLines } = buildTestApp({
      metrics,
      sessionStore,
      config: { DATA_DIR: dataDir },
      routeModules: [chatRoutes()],
    });
    await warmUpRoutes(app);
    const statuses = logLines.filter((line) => line.requestId === 'warm-up').map((line) => line.status);
    expect(statuses).toEqual([200, 204]);
    // The warm-up is no traffic: a scrape right after start-up counts no chat request.
    expect(metrics.render()).not.toMatch(/http_requests_total\{route="\/v1\/chat/);
  });
});
