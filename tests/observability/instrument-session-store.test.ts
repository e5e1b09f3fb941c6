import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
