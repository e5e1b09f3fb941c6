/**
 * Fault (b): the data directory cannot be written (read-only, full, or not a directory). /readyz says so with the
 * reason and no secret, chat writes answer a clear 503 JSON error instead of losing data silently, acknowledged
 * history stays readable, and everything recovers once the disk is back.
 *
 * chmod does not stop root, so the process test turns the sessions directory into a file (ENOTDIR for every write,
 * whoever runs the test); the in-process test injects ENOSPC / EROFS into `node:fs/promises` under the real store.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/index.ts';
import { createLogger } from '../../src/logger.ts';
import { createAppMetrics } from '../../src/observability/app-metrics.ts';
import { fsError, spyOnFileSystem } from '../store/store-test-helpers.ts';
import {
  CONVERSATION,
  killIfRunning,
  readHistory,
  type ServerProcess,
  sendChatTurn,
  startServerProcess,
  UNLIMITED,
} from './process-harness.ts';

const directories: string[] = [];
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  directories.push(directory);
  return directory;
}

interface Readiness {
  status: string;
  checks: { name: string; ok: boolean; reason?: string }[];
}

describe('data directory unwritable (server process)', () => {
  it('reports not ready with the reason, answers 503 JSON to chat writes, keeps history, then recovers', async () => {
    const dataDir = await tempDir('advisor-unwritable-');
    const sessionsDir = join(dataDir, 'sessions');
    let server: ServerProcess | undefined;
    try {
      server = await startServerProcess({ DATA_DIR: dataDir });
      const first = await sendChatTurn(server.url, { userMessageId: 'u-1', text: CONVERSATION[0] as string });
      expect(first.acknowledged).toBe(true);
      const session = first.session;
      if (session === undefined) throw new Error('no session');

      // The disk goes away: the sessions directory is now a file.
      await rename(sessionsDir, `${sessionsDir}.moved`);
      await writeFile(sessionsDir, 'not a directory');

      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      const readiness = (await ready.json()) as Readiness;
      expect(readiness.status).toBe('not-ready');
      const storeCheck = readiness.checks.find((check) => !check.ok);
      expect(storeCheck?.reason).toMatch(/ENOTDIR/);
      // /readyz is open: the reason names the errno, not where the data lives (the log has the path).
      expect(JSON.stringify(readiness)).not.toContain(dataDir);
      expect(JSON.stringify(readiness)).not.toContain(session.token);

      // A turn on the existing session and a new session: both refused with 503, nothing acknowledged.
      for (const attempt of [
        { session, userMessageId: 'u-2', text: CONVERSATION[1] as string },
        { userMessageId: 'n-1', text: CONVERSATION[0] as string },
      ]) {
        const refused = await sendChatTurn(server.url, attempt);
        expect(refused.status).toBe(503);
        expect(refused.acknowledged).toBe(false);
        const body = JSON.parse(refused.body) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('store_unavailable');
        expect(body.error.message).toMatch(/Nothing was saved/);
        expect(refused.body).not.toContain(session.token);
      }
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/store_write_errors_total\{code="ENOTDIR"\} [1-9]/);
      expect(metrics).toMatch(/http_requests_total\{route="\/v1\/chat",method="POST",status="503"\} 2/);

      // The disk comes back: ready again, the acknowledged turn is there, the refused one is not, chat works.
      await rm(sessionsDir);
      await rename(`${sessionsDir}.moved`, sessionsDir);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const again = await sendChatTurn(server.url, { session, userMessageId: 'u-3', text: CONVERSATION[2] as string });
      expect(again.acknowledged).toBe(true);
      const history = await readHistory(server.url, session);
      expect(history.messages.filter((message) => message.role === 'user').map((message) => message.id)).toEqual([
        'u-1',
        'u-3',
      ]);
    } finally {
      await killIfRunning(server);
    }
  });
});

describe.each(['ENOSPC', 'EROFS'] as const)('disk fault %s under the real store (in process)', (code) => {
  it('answers 503 for writes, reports the reason in /readyz, and keeps what was acknowledged', async () => {
    const dataDir = await tempDir('advisor-disk-fault-');
    const sessionsDir = join(dataDir, 'sessions');
    const metrics = createAppMetrics({ processMetrics: false });
    const running = await startServer({
      env: { ...UNLIMITED },
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: 1000 },
      logger: createLogger({ level: 'silent' }),
      deps: { metrics },
    });
    try {
      const first = await sendChatTurn(running.url, { userMessageId: 'u-1', text: CONVERSATION[0] as string });
      expect(first.acknowledged).toBe(true);
      const session = first.session;
      if (session === undefined) throw new Error('no session');

      // What a full or read-only file system does: every call that would change the sessions directory fails.
      const mutating = new Set(['writeFile', 'rename', 'unlink', 'mkdir', 'appendFile', 'truncate', 'copyFile']);
      const spy = spyOnFileSystem((call) =>
        mutating.has(call.operation) && call.path.startsWith(sessionsDir)
          ? fsError(code, call.operation, call.path)
          : undefined,
      );
      try {
        const refused = await sendChatTurn(running.url, {
          session,
          userMessageId: 'u-2',
          text: CONVERSATION[1] as string,
        });
        expect(refused.status).toBe(503);
        expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'store_unavailable' } });
        expect(refused.body).toContain(code);

        const ready = await fetch(`${running.url}/readyz`);
        expect(ready.status).toBe(503);
        const readiness = (await ready.json()) as Readiness;
        expect(readiness.checks.some((check) => !check.ok && check.reason?.includes(code))).toBe(true);

        // Reads still work while writes fail: the acknowledged turn is served.
        const history = await readHistory(running.url, session);
        expect(history.status).toBe(200);
        expect(history.messages.map((message) => message.id)).toContain('u-1');
        expect(history.messages.map((message) => message.id)).not.toContain('u-2');
      } finally {
        spy.restore();
      }
      expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
      expect(metrics.render()).toMatch(new RegExp(`store_write_errors_total\\{code="${code}"\\} [1-9]`));
    } finally {
      await running.close();
    }
  });
});
