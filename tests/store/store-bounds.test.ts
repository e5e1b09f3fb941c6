/**
 * Memory and disk bounds of the file session store (issue 11, item 5): the cache of parsed sessions is bounded by
 * bytes, not only by count; one session cannot grow past a byte cap; new sessions are refused past a total-bytes
 * quota or under a free-disk floor (StoreFullError, a StoreUnavailableError: HTTP 503) while existing ones keep
 * working; init lists and stats the files without reading them, so start-up does not grow with the bytes stored.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSessionStore, type FileSessionStoreOptions } from '../../src/store/session-store.ts';
import { SessionTooLargeError, StoreFullError, StoreUnavailableError } from '../../src/store/store-errors.ts';
import { makeTempDir, removeDir, spyOnFileSystem } from './store-test-helpers.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dataDir);
});

async function openStore(options: Partial<FileSessionStoreOptions> = {}) {
  const store = createFileSessionStore({ dataDir, syncToDisk: false, ...options });
  await store.init();
  return store;
}

const bigText = (kilobytes: number) => 'x'.repeat(kilobytes * 1024);

/** Creates a session holding one message of `kilobytes` KB. */
async function sessionOf(store: Awaited<ReturnType<typeof openStore>>, kilobytes: number) {
  const created = await store.create();
  await store.appendMessages(created.session.id, created.token, [{ role: 'user', text: bigText(kilobytes) }]);
  return created;
}

/** The session files read from disk while `run` runs. */
async function filesReadDuring(run: () => Promise<unknown>): Promise<string[]> {
  const spy = spyOnFileSystem();
  try {
    await run();
  } finally {
    spy.restore();
  }
  return spy.calls.filter((call) => call.operation === 'readFile').map((call) => path.basename(call.path));
}

describe('session cache bounded by bytes', () => {
  it('keeps at most maxCachedBytes of sessions parsed: older ones are read from disk again', async () => {
    // Room for two 20 KB sessions, while the count limit (500) would keep all five.
    const store = await openStore({ maxCachedBytes: 50 * 1024 });
    const sessions = [];
    for (let index = 0; index < 5; index++) sessions.push(await sessionOf(store, 20));
    const [first, , , fourth, fifth] = sessions;

    expect(await filesReadDuring(() => store.get(fifth!.session.id, fifth!.token))).toEqual([]);
    expect(await filesReadDuring(() => store.get(fourth!.session.id, fourth!.token))).toEqual([]);
    expect(await filesReadDuring(() => store.get(first!.session.id, first!.token))).toEqual([
      `${first!.session.id}.json`,
    ]);
  });

  it('does not cache a session larger than the whole cache, and still serves it', async () => {
    const store = await openStore({ maxCachedBytes: 10 * 1024 });
    const large = await sessionOf(store, 20);
    expect(await filesReadDuring(() => store.get(large.session.id, large.token))).toEqual([`${large.session.id}.json`]);
  });
});

describe('bytes per session', () => {
  it('refuses a write past maxSessionBytes with SessionTooLargeError and writes nothing', async () => {
    const store = await openStore({ maxSessionBytes: 30 * 1024 });
    const { session, token } = await sessionOf(store, 10);
    const file = path.join(dataDir, 'sessions', `${session.id}.json`);
    const before = await readFile(file, 'utf8');

    const error = await store
      .appendMessages(session.id, token, [{ role: 'user', text: bigText(25) }])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionTooLargeError);
    expect(error).toMatchObject({ code: 'session_message_limit', maxBytes: 30 * 1024 });
    expect(await readFile(file, 'utf8')).toBe(before);
    // The session is still usable within the cap, from its last acknowledged state.
    const after = await store.appendMessages(session.id, token, [{ role: 'user', text: 'short' }]);
    expect(after?.messages).toHaveLength(2);
  });
});

describe('disk high-water mark for new sessions', () => {
  it('refuses new sessions once the session files hold maxTotalBytes, keeps existing ones working', async () => {
    const store = await openStore({ maxTotalBytes: 50 * 1024 });
    const first = await sessionOf(store, 30);
    const second = await sessionOf(store, 30); // over the quota now

    const refused = await store.create().catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(StoreFullError);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(refused).toMatchObject({ code: 'STORE_FULL' });
    expect((refused as Error).message).toContain('the session store is full');
    expect(store.count()).toBe(2);

    expect(await store.appendMessages(first.session.id, first.token, [{ role: 'user', text: 'ok' }])).toBeDefined();
    // Room again after a delete.
    expect(await store.delete(second.session.id, second.token)).toBe(true);
    await expect(store.create()).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('counts the files found at start-up towards the quota', async () => {
    const writer = await openStore();
    await sessionOf(writer, 30);
    await sessionOf(writer, 30);
    const restarted = await openStore({ maxTotalBytes: 50 * 1024 });
    await expect(restarted.create()).rejects.toBeInstanceOf(StoreFullError);
  });

  it('refuses new sessions while the disk has less free space than minFreeBytes', async () => {
    const store = await openStore({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    await expect(store.create()).rejects.toThrow(/bytes free, less than/);
    const roomy = await openStore({ minFreeBytes: 1 });
    await expect(roomy.create()).resolves.toMatchObject({ token: expect.any(String) });
  });
});

describe('start-up cost', () => {
  it('lists and stats the session files without reading them, whatever their size', async () => {
    const writer = await openStore();
    const small = await sessionOf(writer, 1);
    await sessionOf(writer, 200);
    await sessionOf(writer, 400);

    const spy = spyOnFileSystem();
    const store = createFileSessionStore({ dataDir, syncToDisk: false });
    try {
      expect((await store.init()).sessions).toBe(3);
    } finally {
      spy.restore();
    }
    const operations = spy.calls.map((call) => call.operation);
    expect(operations.filter((operation) => operation === 'readFile')).toEqual([]);
    expect(operations.filter((operation) => operation === 'stat')).toHaveLength(3);
    // The index still knows each session: it is read on first use.
    expect((await store.get(small.session.id, small.token))?.messages).toHaveLength(1);
  });
});
