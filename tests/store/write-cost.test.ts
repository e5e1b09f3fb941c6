import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSessions } from '../../src/store/seed.ts';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';
import {
  changedFiles,
  type FsCall,
  makeTempDir,
  removeDir,
  snapshotDirectory,
  spyOnFileSystem,
} from './store-test-helpers.ts';

/**
 * The cost of a write must not depend on how many sessions exist (the single-file design fails this: stack-notes §6).
 * Asserted structurally, not with timings: the exact sequence of file-system calls and bytes written by one append is
 * identical with 10 and with 2,000 stored sessions, and exactly one session file changes.
 */

const FIXED_NOW = new Date('2025-06-01T12:00:00.000Z');
const MESSAGE = {
  id: 'fixed-message',
  role: 'user' as const,
  text: 'actually 3 GPUs',
  createdAt: FIXED_NOW.toISOString(),
};

interface Measured {
  calls: FsCall[];
  changed: string[];
}

/**
 * Seeds `storedSessions` realistic sessions, then records one append to a session held in the cache and one to a
 * session that must be read from disk first (maxCachedSessions is 1, so creating a second session evicts the first).
 */
async function measureAppends(storedSessions: number): Promise<{ cached: Measured; fromDisk: Measured }> {
  const dataDir = await makeTempDir();
  try {
    const seeder: SessionStore = createFileSessionStore({ dataDir, now: () => FIXED_NOW, syncToDisk: false });
    await seeder.init();
    await seedSessions(seeder, storedSessions, { seed: 7 });
    const store = createFileSessionStore({ dataDir, now: () => FIXED_NOW, maxCachedSessions: 1 });
    await store.init();
    const evicted = await store.create({ profile: { gpuCount: 2 }, questionsAsked: 1 });
    const cached = await store.create({ profile: { gpuCount: 2 }, questionsAsked: 1 });
    expect(await store.count()).toBe(storedSessions + 2);

    const sessionsDir = path.join(dataDir, 'sessions');
    const measure = async ({ session, token }: typeof cached): Promise<Measured> => {
      const before = await snapshotDirectory(sessionsDir);
      const spy = spyOnFileSystem();
      try {
        await store.appendMessages(session.id, token, [MESSAGE]);
      } finally {
        spy.restore();
      }
      const after = await snapshotDirectory(sessionsDir);
      return {
        calls: spy.calls.map((call) => normalise(call, dataDir, session.id)),
        changed: changedFiles(before, after).map((name) => name.replace(session.id, '<target>')),
      };
    };
    return { cached: await measure(cached), fromDisk: await measure(evicted) };
  } finally {
    await removeDir(dataDir);
  }
}

/** Paths relative to dataDir with the target id replaced, so two stores' call lists can be compared. */
function normalise(call: FsCall, dataDir: string, targetId: string): FsCall {
  const relative = (value: string) => path.relative(dataDir, value).replaceAll(targetId, '<target>');
  const normalised: FsCall = { ...call, path: relative(call.path) };
  if (call.target !== undefined) normalised.target = relative(call.target);
  return normalised;
}

describe('one append', () => {
  let small: { cached: Measured; fromDisk: Measured };
  let large: { cached: Measured; fromDisk: Measured };

  beforeAll(async () => {
    small = await measureAppends(10);
    large = await measureAppends(2_000);
  }, 120_000);

  it.each(['cached', 'fromDisk'] as const)(
    '(%s) makes the same file-system calls and writes the same bytes with 10 and with 2,000 stored sessions',
    (which) => {
      // Positive control: the spy does see the store's and steno's calls.
      const written = small[which].calls.filter((call) => call.operation === 'writeFile');
      expect(written).toEqual([
        { operation: 'writeFile', path: 'sessions/.<target>.json.tmp', bytes: expect.any(Number) },
      ]);
      expect(written[0]!.bytes).toBeGreaterThan(200);
      expect(large[which].calls).toEqual(small[which].calls);
      console.info(`one append (${which}):`, JSON.stringify(small[which].calls));
    },
  );

  it.each(['cached', 'fromDisk'] as const)(
    '(%s) touches only the target session file: no directory scan, no other session read or written',
    (which) => {
      for (const measured of [small[which], large[which]]) {
        expect(measured.calls.some((call) => call.operation === 'readdir')).toBe(false);
        const sessionFilesTouched = new Set(
          measured.calls
            .flatMap((call) => [call.path, call.target])
            .filter((file): file is string => file?.startsWith('sessions/') === true)
            .map((file) => path.basename(file)),
        );
        expect([...sessionFilesTouched].sort()).toEqual(['.<target>.json.tmp', '<target>.json'].sort());
        expect(measured.changed).toEqual(['<target>.json']);
      }
    },
  );
});
