import { writeFileSync } from 'node:fs';
import { chmod, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';
import { StoreUnavailableError } from '../../src/store/store-errors.ts';
import { type FaultInjector, fsError, makeTempDir, removeDir, spyOnFileSystem } from './store-test-helpers.ts';

let dataDir: string;
let sessionsDir: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
  sessionsDir = path.join(dataDir, 'sessions');
});

afterEach(async () => {
  await removeDir(dataDir);
});

/** Whether chmod 0o500 really stops writes here (it does not for root, which these tests often run as). */
async function chmodStopsWrites(directory: string): Promise<boolean> {
  const probe = path.join(directory, '.chmod-probe');
  await chmod(directory, 0o500);
  try {
    await writeFile(probe, 'x');
    await unlink(probe);
    return false;
  } catch {
    return true;
  } finally {
    await chmod(directory, 0o700);
  }
}

/** Fails every mutating call under `directory` with `code`, like a read-only or full file system would. */
function failWritesUnder(directory: string, code: string): FaultInjector {
  const mutating = new Set(['writeFile', 'rename', 'unlink', 'rm', 'mkdir', 'appendFile', 'copyFile', 'truncate']);
  return (call) =>
    mutating.has(call.operation) && call.path.startsWith(directory)
      ? fsError(code, call.operation, call.path)
      : undefined;
}

/** Runs `body` with the sessions directory unwritable: by chmod when that works, else by injected fs errors. */
async function withUnwritableSessions(code: 'EROFS' | 'EACCES', body: () => Promise<void>): Promise<string> {
  if (code === 'EACCES' && (await chmodStopsWrites(sessionsDir))) {
    await chmod(sessionsDir, 0o500);
    try {
      await body();
    } finally {
      await chmod(sessionsDir, 0o700);
    }
    return 'chmod';
  }
  const spy = spyOnFileSystem(failWritesUnder(sessionsDir, code));
  try {
    await body();
  } finally {
    spy.restore();
  }
  return 'injected';
}

async function seededStore(): Promise<{ store: SessionStore; id: string; token: string; file: string; bytes: Buffer }> {
  const store = createFileSessionStore({ dataDir });
  await store.init();
  const { session, token } = await store.create({ messages: [{ role: 'user', text: 'before the failure' }] });
  const file = path.join(sessionsDir, `${session.id}.json`);
  return { store, id: session.id, token, file, bytes: await readFile(file) };
}

describe.each(['EACCES', 'EROFS'] as const)('unwritable sessions directory (%s)', (code) => {
  it('rejects writes with StoreUnavailableError, reports it in checkWritable, and keeps the data intact', async () => {
    const { store, id, token, file, bytes } = await seededStore();
    const mode = await withUnwritableSessions(code, async () => {
      const appendError = await store
        .appendMessages(id, token, [{ role: 'user', text: 'lost' }])
        .catch((error: unknown) => error);
      expect(appendError).toBeInstanceOf(StoreUnavailableError);
      expect((appendError as StoreUnavailableError).code).toBe(code);
      await expect(store.create()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.delete(id, token)).rejects.toBeInstanceOf(StoreUnavailableError);

      const check = await store.checkWritable();
      expect(check.ok).toBe(false);
      expect(check.code).toBe(code);
      expect(check.reason).toContain(code === 'EROFS' ? 'read-only file system' : 'permission denied');

      // Reads keep working and show the last acknowledged state, not the failed write.
      expect((await store.get(id, token))?.messages.map((message) => message.text)).toEqual(['before the failure']);
    });
    expect(['chmod', 'injected']).toContain(mode);
    console.info(`unwritable via ${mode}`);

    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect(await store.count()).toBe(1);
    // Once the directory is writable again the store carries on, from the acknowledged state.
    expect(await store.checkWritable()).toEqual({ ok: true });
    const updated = await store.appendMessages(id, token, [{ role: 'user', text: 'after recovery' }]);
    expect(updated?.messages.map((message) => message.text)).toEqual(['before the failure', 'after recovery']);
  });
});

describe('disk full mid-write (ENOSPC)', () => {
  it('leaves the session file intact when the temp file write fails half-way', async () => {
    const { store, id, token, file, bytes } = await seededStore();
    // Writes half of the temp file for real, then fails, as a full disk does.
    const spy = spyOnFileSystem((call, data) => {
      if (call.operation !== 'writeFile' || !call.path.startsWith(sessionsDir) || typeof data !== 'string') return;
      writeFileSync(call.path, data.slice(0, data.length / 2)); // the sync API is not spied
      return fsError('ENOSPC', 'write', call.path);
    });
    try {
      const error = await store
        .appendMessages(id, token, [{ role: 'user', text: 'x'.repeat(10_000) }])
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).message).toContain('no space left on device');
    } finally {
      spy.restore();
    }
    expect((await readFile(file)).equals(bytes)).toBe(true);
    const reopened = createFileSessionStore({ dataDir });
    expect((await reopened.init()).corrupt).toEqual([]);
    expect((await reopened.get(id, token))?.messages).toHaveLength(1);
  });

  it('keeps memory and disk consistent when the write lands but the fsync fails', async () => {
    const { store, id, token } = await seededStore();
    let failSync = true;
    const spy = spyOnFileSystem((call) =>
      failSync && call.operation === 'open' && call.path === sessionsDir
        ? fsError('EIO', 'open', call.path)
        : undefined,
    );
    try {
      await expect(store.appendMessages(id, token, [{ role: 'user', text: 'maybe' }])).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      failSync = false;
    } finally {
      spy.restore();
    }
    // Not acknowledged, so either outcome is allowed; what the store returns must equal what is on disk.
    const inMemory = await store.get(id, token);
    const onDisk = JSON.parse(await readFile(path.join(sessionsDir, `${id}.json`), 'utf8'));
    expect(inMemory).toEqual(onDisk);
  });
});

describe('data directory is not a directory (a real failure, even as root)', () => {
  it('rejects init with StoreUnavailableError and reports ENOTDIR from checkWritable', async () => {
    const blocker = path.join(dataDir, 'blocker');
    await writeFile(blocker, 'I am a file');
    const store = createFileSessionStore({ dataDir: blocker });
    const error = await store.init().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(['ENOTDIR', 'EEXIST']).toContain((error as StoreUnavailableError).code);
    const check = await store.checkWritable();
    expect(check).toMatchObject({ ok: false, code: 'ENOTDIR' });
    expect(await readFile(blocker, 'utf8')).toBe('I am a file');
  });

  it('rejects writes when the sessions directory is replaced by a file after start-up', async () => {
    const store = createFileSessionStore({ dataDir });
    await store.init();
    await rm(sessionsDir, { recursive: true });
    await writeFile(sessionsDir, 'not a directory');
    await expect(store.create()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.checkWritable()).toMatchObject({ ok: false, code: 'ENOTDIR' });
    expect(await readFile(sessionsDir, 'utf8')).toBe('not a directory');
    await rm(sessionsDir);
  });
});
