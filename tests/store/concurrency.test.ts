/** File-store concurrency with a tiny LRU cache. Ordering and lost-update tests for every store: contract/. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createFileSessionStore } from '../../src/store/session-store.ts';
import { makeTempDir, removeDir } from './store-test-helpers.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
});

afterEach(async () => {
  await removeDir(dataDir);
});

it('keeps every session whole when many sessions are written concurrently through a tiny LRU cache', async () => {
  // maxCachedSessions 2 with 8 sessions forces constant eviction while writes are queued: a second Low instance on
  // one file would race on steno's temp file (stack-notes §6, pattern E) and lose or reject writes.
  const store = createFileSessionStore({ dataDir, maxCachedSessions: 2 });
  await store.init();
  const sessions = await Promise.all(Array.from({ length: 8 }, () => store.create()));
  await Promise.all(
    Array.from({ length: 240 }, (_, index) => {
      const target = sessions[index % sessions.length]!;
      return store.appendMessages(target.session.id, target.token, [
        { id: `m${index}`, role: 'user', text: `${index}` },
      ]);
    }),
  );
  for (const [position, { session, token }] of sessions.entries()) {
    const expected = Array.from({ length: 30 }, (_, turn) => `m${turn * sessions.length + position}`);
    expect((await store.get(session.id, token))?.messages.map((message) => message.id)).toEqual(expected);
  }
});
