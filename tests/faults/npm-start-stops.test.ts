/**
 * Stopping the server the way a new user does: SIGTERM to the `npm start` process they started (the PID `$!` gives).
 * Found by the nineteenth new-user trial: npm passed the signal to the `sh -c` it runs scripts in, which died and
 * left `node src/index.ts` serving as an orphan. The start script now `exec`s node, so the signal reaches the server,
 * which shuts down gracefully and frees its port.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, ROOT, UNLIMITED } from './process-harness.ts';

describe('npm start', () => {
  it('stops the server itself on SIGTERM to npm, leaving nothing listening', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'advisor-npm-start-'));
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ENV_FILE: 'none',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        KNOWLEDGE_DIR,
        ...UNLIMITED,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      let url: string | undefined;
      for (let waited = 0; waited < 30_000 && url === undefined; waited += 50) {
        const line = out.split('\n').find((candidate) => candidate.includes('"msg":"listening"'));
        if (line !== undefined) url = (JSON.parse(line) as { url: string }).url;
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(url, out).toBeDefined();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      child.kill('SIGTERM');
      await exited;
      // The server logged its own graceful shutdown, and its port answers no more.
      for (let waited = 0; waited < 5000 && !out.includes('"msg":"closed"'); waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(out).toContain('"msg":"shutting down","signal":"SIGTERM"');
      await expect(fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 45_000);
});
