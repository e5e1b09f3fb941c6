import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSessionStore, type FileSessionStoreOptions } from '../../src/store/session-store.ts';
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

describe('disk high-water mark for new sessions', () => {
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
