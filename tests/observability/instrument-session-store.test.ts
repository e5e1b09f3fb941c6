import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppMetrics } from '../../src/observability/app-metrics.ts';
import { instrumentSessionStore } from '../../src/observability/instrument-session-store.ts';
import { createFileSessionStore } from '../../src/store/session-store.ts';
import { StoreUnavailableError } from '../../src/store/store-errors.ts';
import { parseExposition, sampleValue } from './exposition-parser.ts';

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

async function setUp() {
  const dataDir = await mkdtemp(join(tmpdir(), 'instrumented-store-'));
  directories.push(dataDir);
  const metrics = createAppMetrics({ processMetrics: false });
  const store = instrumentSessionStore(createFileSessionStore({ dataDir }), metrics);
  await store.init();
  const read = () => parseExposition(metrics.render());
  return { dataDir, metrics, store, read };
}

describe('instrumentSessionStore', () => {
  it('times each write that reached the disk and feeds sessions_stored', async () => {
    const { store, read } = await setUp();
    const { session, token } = await store.create();
    await store.appendMessages(session.id, token, [{ role: 'user', text: 'hello' }]);
    await store.appendMessages(session.id, 'wrong-token', [{ role: 'user', text: 'nope' }]); // no write: not timed
    await store.create();
    const parsed = read();
    expect(sampleValue(parsed, 'store_write_duration_seconds_count')).toBe(3);
    expect(sampleValue(parsed, 'store_write_duration_seconds_sum')).toBeGreaterThan(0);
    expect(sampleValue(parsed, 'sessions_stored')).toBe(2);
    expect(await store.delete(session.id, token)).toBe(true);
    expect(sampleValue(read(), 'sessions_stored')).toBe(1);
    expect(sampleValue(read(), 'store_write_duration_seconds_count')).toBe(4);
  });

  it('counts failed writes by errno code and rethrows them unchanged', async () => {
    const { dataDir, store, read } = await setUp();
    const { session, token } = await store.create();
    // Replace the sessions directory by a file: every later write fails, even for root.
    await rm(join(dataDir, 'sessions'), { recursive: true, force: true });
    await writeFile(join(dataDir, 'sessions'), 'not a directory');
    const error = await store.create().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const parsed = read();
    expect(sampleValue(parsed, 'store_write_errors_total', { code: (error as StoreUnavailableError).code ?? '' })).toBe(
      1,
    );
    expect(sampleValue(parsed, 'store_write_duration_seconds_count')).toBe(1);
    expect(session.id).toBeTruthy();
    expect(token).toBeTruthy();
  });
});

describe('sessions_stored with a shared store', () => {
  it('re-reads store.count() in the background once the reading is 15 s old, so other instances show', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const dataDir = await mkdtemp(join(tmpdir(), 'instrumented-store-'));
      directories.push(dataDir);
      const inner = createFileSessionStore({ dataDir });
      let shared = 0; // what a shared database would answer: this instance's sessions and other instances'
      const metrics = createAppMetrics({ processMetrics: false });
      const store = instrumentSessionStore({ ...inner, count: async () => shared }, metrics);
      await store.init();
      const read = () => sampleValue(parseExposition(metrics.render()), 'sessions_stored');
      expect(read()).toBe(0);
      await store.create(); // this instance's own create is counted at once
      shared = 40; // ... and 39 more were created elsewhere
      expect(read()).toBe(1);
      vi.advanceTimersByTime(16_000);
      expect(read()).toBe(1); // a stale reading triggers a re-count; this scrape still shows the last one
      await vi.waitFor(() => expect(read()).toBe(40));
    } finally {
      vi.useRealTimers();
    }
  });
});
