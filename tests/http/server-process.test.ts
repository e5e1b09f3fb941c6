import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/index.ts';
import { createLogger } from '../../src/logger.ts';
import { fixtureKnowledge } from '../helpers/build-test-app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KNOWLEDGE_DIR = join(ROOT, 'knowledge');

interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnServer(env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, ['src/index.ts'], {
    cwd: ROOT,
    // ENV_FILE=none: a developer's .env must not change the server under test.
    env: { PATH: process.env.PATH ?? '', ENV_FILE: 'none', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function waitForListening(spawned: Spawned, timeoutMs = 15_000): Promise<{ url: string; startupMs: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of spawned.stdout().split('\n')) {
      if (!line.includes('"listening"')) continue;
      const record = JSON.parse(line) as { url: string; startupMs: number };
      return record;
    }
    if (spawned.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not start; stdout: ${spawned.stdout()} stderr: ${spawned.stderr()}`);
}

describe('the server process (node src/index.ts)', () => {
  it('starts on the real knowledge, answers /healthz, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-process-'));
    const spawned = spawnServer({ DATA_DIR: dataDir, KNOWLEDGE_DIR });
    try {
      const { url, startupMs } = await waitForListening(spawned);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(startupMs).toBeGreaterThanOrEqual(0);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers.get('x-request-id')).toBeTruthy();
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);

      spawned.child.kill('SIGTERM');
      const { code } = await spawned.exit;
      expect(code).toBe(0);
      expect(spawned.stdout()).toContain('"shutting down"');
      expect(spawned.stdout()).toMatch(/"msg":"request".*"path":"\/healthz".*"status":200/);
    } finally {
      if (spawned.child.exitCode === null) spawned.child.kill('SIGKILL');
    }
  });

  it('exits 1 on a corrupted knowledge file, naming the file and the field', async () => {
    const knowledgeCopy = mkdtempSync(join(tmpdir(), 'advisor-bad-knowledge-'));
    cpSync(KNOWLEDGE_DIR, knowledgeCopy, { recursive: true });
    const modelsPath = join(knowledgeCopy, 'models.json');
    const models = JSON.parse(readFileSync(modelsPath, 'utf8')) as { models: Record<string, unknown>[] };
    if (models.models[1]) models.models[1].paramsB = 'seventy';
    writeFileSync(modelsPath, JSON.stringify(models, null, 2));

    const spawned = spawnServer({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-process-')),
      KNOWLEDGE_DIR: knowledgeCopy,
    });
    const { code } = await spawned.exit;
    expect(code).toBe(1);
    expect(spawned.stderr()).toContain('knowledge/models.json: models[1].paramsB:');
    expect(spawned.stderr()).toContain('fix:');
    expect(spawned.stdout()).not.toContain('"listening"');
  });

  it('exits 1 on an invalid environment variable, naming it', async () => {
    const spawned = spawnServer({ PORT: 'http', KNOWLEDGE_DIR });
    const { code } = await spawned.exit;
    expect(code).toBe(1);
    expect(spawned.stderr()).toContain('PORT');
  });
});

/** GET over a keep-alive connection with node:http (fetch would hide the socket behaviour). */
function get(url: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('startServer', () => {
  it('lets an in-flight request finish on close, closes idle keep-alive sockets promptly, then refuses connections', async () => {
    const running = await startServer({
      env: {},
      config: {
        PORT: 0,
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-start-')),
        SHUTDOWN_GRACE_MS: 5000,
      },
      knowledge: fixtureKnowledge(),
      logger: createLogger({ level: 'silent' }),
      deps: {
        routeModules: [
          (app) =>
            app.get('/slow', async (c) => {
              await new Promise((resolve) => setTimeout(resolve, 300));
              return c.json({ slow: true });
            }),
        ],
      },
    });
    const agent = new http.Agent({ keepAlive: true });
    try {
      expect((await get(`${running.url}/healthz`, agent)).status).toBe(200); // leaves an idle keep-alive socket
      const inFlight = get(`${running.url}/slow`, agent);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      await running.close();
      const closeMs = performance.now() - started;
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ slow: true });
      expect(closeMs).toBeLessThan(2000);
      await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    } finally {
      agent.destroy();
      await running.close();
    }
  });
});
