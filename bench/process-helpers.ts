import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Spawns `node <args>` with stdout/stderr going to a log file (as a process manager would), and resolves with the
 * URL once the log contains a "listening" line. A pipe read by this (busy, load-generating) process would block
 * the server's synchronous log writes and distort every figure.
 */
export function spawnServer(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; startedMs: number; logFile: string }> {
  const started = performance.now();
  const logDir = mkdtempSync(join(tmpdir(), 'advisor-bench-log-'));
  const logFile = join(logDir, 'server.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  child.once('exit', () => setTimeout(() => rmSync(logDir, { recursive: true, force: true }), 100).unref());
  return new Promise((resolve, reject) => {
    const read = () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    };
    const poll = setInterval(() => {
      const output = read();
      const match = /listening[^\n]*?(http:\/\/[0-9a-z.[\]:]+:\d+)/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timeout);
        resolve({ child, url: match[1] as string, startedMs: performance.now() - started, logFile });
      }
    }, 5);
    const timeout = setTimeout(() => {
      clearInterval(poll);
      // Do not leave a server running that nobody will stop.
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 20 s:\n${read()}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timeout);
      reject(new Error(`server exited with ${code} before listening:\n${read()}`));
    });
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
