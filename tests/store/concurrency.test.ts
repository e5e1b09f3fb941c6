import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Session } from '../../src/store/session-schema.ts';
import { createFileSessionStore } from '../../src/store/session-store.ts';
import { makeTempDir, removeDir } from './store-test-helpers.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
});

afterEach(async () => {
  await removeDir(dataDir);
});

it('100 concurrent appends to one session lose no message and keep the order they were issued in', async () => {
  const store = createFileSessionStore({ dataDir });
  await store.init();
  const { session, token } = await store.create();

  const results = await Promise.all(
    Array.from({ length: 100 }, (_, index) =>
      // Each update awaits inside the lock (like a turn that calls the engine), so any unserialised
      // read-modify-write would lose messages.
      store.update(session.id, token, async (draft) => {
        await new Promise((resolve) => setTimeout(resolve, index % 3));
        draft.messages.push({ id: `m${index}`, role: 'user', text: `message ${index}`, createdAt: draft.updatedAt });
        draft.questionsAsked += 1;
      }),
    ),
  );

  const expectedIds = Array.from({ length: 100 }, (_, index) => `m${index}`);
  // Each call resolved with the state right after its own write: call i saw exactly i + 1 messages.
  expect(results.map((result) => result?.messages.length)).toEqual(expectedIds.map((_, index) => index + 1));
  const onDisk = Session.parse(
    JSON.parse(await readFile(path.join(dataDir, 'sessions', `${session.id}.json`), 'utf8')),
  );
  expect(onDisk.messages.map((message) => message.id)).toEqual(expectedIds);
  expect(onDisk.questionsAsked).toBe(100);

  // And a fresh process-like reader sees the same thing.
  const reopened = createFileSessionStore({ dataDir });
  await reopened.init();
  expect((await reopened.get(session.id, token))?.messages.map((message) => message.id)).toEqual(expectedIds);
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
