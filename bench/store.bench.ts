/**
 * Session store memory and start-up with many large sessions (issue 11, item 5): 500 full-size sessions (200
 * messages of 4,000-character turns, about 0.9 MB each) are written to a temporary DATA_DIR; a child process with
 * `--expose-gc` opens the store, reads every session through it (filling its cache), and reports the heap after a full
 * collection, the start-up time (listing only) and, for comparison, the start-up time when every file is verified.
 *
 * Env: STORE_SESSIONS (default 500).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from './stats.ts';

interface HeapFigures {
  sessions: number;
  fileKB: number;
  initMs: number;
  verifyInitMs: number;
  readAllMs: number;
  worstReadMs: number;
  heapBefore: number;
  heapAfter: number;
}

export async function benchStore(): Promise<void> {
  const sessions = Number(process.env.STORE_SESSIONS ?? 500);
  console.log(`\n# Session store: heap and start-up with ${sessions} large sessions`);
  const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-store-'));
  try {
    const run = (directory: string, cacheBytes?: number): HeapFigures => {
      const args = ['--expose-gc', 'bench/fixtures/store-heap.ts', directory, String(sessions)];
      if (cacheBytes !== undefined) args.push(String(cacheBytes));
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`store-heap failed (${child.status}):\n${child.stderr}`);
      return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as HeapFigures;
    };
    const figures = run(dataDir);
    // The same with the byte bound lifted: the cache is then bounded by its count (500) only, as before.
    const countOnlyDir = await mkdtemp(join(tmpdir(), 'advisor-bench-store-'));
    let countOnly: HeapFigures;
    try {
      countOnly = run(countOnlyDir, Number.MAX_SAFE_INTEGER);
    } finally {
      await rm(countOnlyDir, { recursive: true, force: true });
    }
    report('store: files', { sessions: figures.sessions, file_kb: Math.round(figures.fileKB) });
    report('store: init (list + stat), ms', { ms: figures.initMs, verify_every_file_ms: figures.verifyInitMs });
    report('store: read every session once', { total_ms: figures.readAllMs, worst_ms: figures.worstReadMs });
    report('store: heap after a full GC, MiB', {
      before_open: figures.heapBefore,
      after_reading_all: figures.heapAfter,
      growth: figures.heapAfter - figures.heapBefore,
      cache_limit: 'SESSION_CACHE_BYTES 64 MiB of JSON',
    });
    report('store: heap, cache bounded by count only', {
      before_open: countOnly.heapBefore,
      after_reading_all: countOnly.heapAfter,
      growth: countOnly.heapAfter - countOnly.heapBefore,
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
