import { type ChildProcess, spawn } from 'node:child_process';

/** Spawns `node <args>` and resolves with the URL once a stdout line contains a listening URL. */
export function spawnServer(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; startedMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/[0-9a-z.[\]:]+:\d+)/.exec(output);
      if (match && /listening/.test(output)) {
        child.stdout?.off('data', onData);
        child.stdout?.resume(); // keep draining: a full pipe would block the server's log writes
        child.stderr?.resume();
        resolve({ child, url: match[1] as string, startedMs: performance.now() - started });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`server did not start within 20 s:\n${output}`)), 20_000).unref();
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
