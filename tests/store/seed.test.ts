import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedSessions } from '../../src/store/seed.ts';
import { createFileSessionStore } from '../../src/store/session-store.ts';
import { makeTempDir, removeDir } from './store-test-helpers.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
});

afterEach(async () => {
  await removeDir(dataDir);
});

it('seeds readable sessions of 20 messages with the documented sizes', async () => {
  const store = createFileSessionStore({ dataDir, syncToDisk: false });
  await store.init();
  const seeded = await seedSessions(store, 25);
  expect(seeded).toHaveLength(25);
  expect(await store.count()).toBe(25);
  expect(new Set(seeded.map((entry) => entry.id)).size).toBe(25);

  for (const { id, token } of seeded) {
    const session = await store.get(id, token);
    expect(session?.messages).toHaveLength(20);
    expect(session?.messages.filter((message) => message.role === 'user')).toHaveLength(10);
  }
  const session = await store.get(seeded[0]!.id, seeded[0]!.token);
  const user = session!.messages.find((message) => message.role === 'user')!;
  const assistant = session!.messages.find((message) => message.role === 'assistant')!;
  expect(user.text.length).toBeGreaterThanOrEqual(200);
  expect(user.text.length).toBeLessThan(400);
  expect(assistant.text.length).toBeGreaterThanOrEqual(800);
  expect(assistant.text.length).toBeLessThan(1_100);
  expect(assistant.parts?.[0]).toMatchObject({ type: 'data-recommendation' });

  const names = await readdir(path.join(dataDir, 'sessions'));
  const sizes = await Promise.all(
    names.map(async (name) => (await readFile(path.join(dataDir, 'sessions', name))).byteLength),
  );
  const averageKB = sizes.reduce((sum, size) => sum + size, 0) / sizes.length / 1024;
  expect(averageKB).toBeGreaterThan(12);
  expect(averageKB).toBeLessThan(20);
  console.info(`average seeded session file: ${averageKB.toFixed(1)} KB`);

  const reopened = createFileSessionStore({ dataDir });
  expect(await reopened.init()).toEqual({ sessions: 25, corrupt: [] });
});

it('produces the same content for the same seed', async () => {
  const store = createFileSessionStore({ dataDir, syncToDisk: false, now: () => new Date('2025-01-01T00:00:00Z') });
  await store.init();
  const [first] = await seedSessions(store, 1, { seed: 3 });
  const [second] = await seedSessions(store, 1, { seed: 3 });
  const texts = async (entry: { id: string; token: string } | undefined) =>
    (await store.get(entry!.id, entry!.token))?.messages.map((message) => message.text);
  expect(await texts(first)).toEqual(await texts(second));
});
