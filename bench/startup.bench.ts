import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, stop } from './process-helpers.ts';
import { report, summarize } from './stats.ts';

/** (c) Start-up time: from spawning `node src/index.ts` to its "listening" log line (process boot included). */
export async function benchStartup(runs = 7) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'advisor-startup-'));
    const server = await spawnServer(['src/index.ts'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    samples.push(server.startedMs);
    await stop(server.child);
    await rm(dataDir, { recursive: true, force: true });
  }
  const stats = summarize(samples);
  return report('startup: spawn → listening (ms)', { runs, p50: stats.p50, max: stats.max, target: '< 1000 ms' });
}
