import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';
import { SessionCorruptError } from '../../src/store/store-errors.ts';
import { makeTempDir, removeDir, spyOnFileSystem } from './store-test-helpers.ts';

let dataDir: string;
let sessionsDir: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
  sessionsDir = path.join(dataDir, 'sessions');
});

afterEach(async () => {
  await removeDir(dataDir);
});

async function openStore(options: Partial<Parameters<typeof createFileSessionStore>[0]> = {}): Promise<SessionStore> {
  const store = createFileSessionStore({ dataDir, ...options });
  await store.init();
  return store;
}

// Behaviour every store shares (create/get/update/delete, tokens, corrupt data, TTL pruning, concurrency, bounds) is
// the contract suite: tests/store/contract/. These are the file store's own guarantees.

describe('session files', () => {
  it('writes one file per session holding exactly the session, with the token hash and never the token', async () => {
    const store = await openStore();
    const { session, token } = await store.create({ profile: { gpuCount: 2 }, requestedField: 'labeledExamples' });
    const fileText = await readFile(path.join(sessionsDir, `${session.id}.json`), 'utf8');
    expect(fileText).not.toContain(token);
    expect(JSON.parse(fileText)).toEqual(session);
  });

  it('removes the file on delete', async () => {
    const store = await openStore();
    const { session, token } = await store.create();
    expect(await store.delete(session.id, token)).toBe(true);
    await expect(stat(path.join(sessionsDir, `${session.id}.json`))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('tokens and ids', () => {
  const INVALID_IDS = [
    '../../etc/passwd',
    'a/b',
    '..',
    '.',
    '',
    '../outside',
    'AAAAAAAAAAAAAAAAAAAAA/',
    'AAAAAAAAAAAAAAAAAAAAAAA', // 23 characters
    'AAAAAAAAAAAAAAAAAAAAA', // 21 characters
    'AAAAAAAAAAAAAAAAAAAA$A', // 22 characters, wrong charset
    'AAAAAAAAAAAAAAAAAAAA.A',
    'AAAAAAAAAAAAAAAAAAAA\0A',
    'ÄAAAAAAAAAAAAAAAAAAAAA',
    '%2e%2e%2fetc%2fpasswd',
    'x'.repeat(10_000),
  ];

  it.each(INVALID_IDS)('rejects id %j as not found without any file-system call', async (id) => {
    const store = await openStore();
    const { token } = await store.create();
    await writeFile(path.join(dataDir, 'outside.json'), '{"secret":true}');
    const spy = spyOnFileSystem();
    try {
      expect(await store.get(id, token)).toBeUndefined();
      expect(await store.update(id, token, () => undefined)).toBeUndefined();
      expect(await store.appendMessages(id, token, [{ role: 'user', text: 'x' }])).toBeUndefined();
      expect(await store.delete(id, token)).toBe(false);
    } finally {
      spy.restore();
    }
    expect(spy.calls).toEqual([]);
    expect(await readFile(path.join(dataDir, 'outside.json'), 'utf8')).toBe('{"secret":true}');
  });

  it('does not touch the file system for a well-formed id that does not exist', async () => {
    const store = await openStore();
    const spy = spyOnFileSystem();
    try {
      expect(await store.get('AAAAAAAAAAAAAAAAAAAAAA', 'A'.repeat(43))).toBeUndefined();
    } finally {
      spy.restore();
    }
    expect(spy.calls).toEqual([]);
  });

  it('keeps every file-system call inside dataDir for a traversal id next to a real file', async () => {
    const store = await openStore();
    const { token } = await store.create();
    // A file the traversal id would point at if it were joined into a path.
    await writeFile(path.join(dataDir, 'x.json'), '{}');
    const spy = spyOnFileSystem();
    try {
      expect(await store.get('../x', token)).toBeUndefined();
      expect(await store.delete('../x', token)).toBe(false);
    } finally {
      spy.restore();
    }
    expect(spy.calls.filter((call) => !call.path.startsWith(sessionsDir))).toEqual([]);
    expect(await readFile(path.join(dataDir, 'x.json'), 'utf8')).toBe('{}');
  });
});

describe('corrupt files', () => {
  async function corruptFixtures(store: SessionStore) {
    const valid = await store.create({ messages: [{ role: 'user', text: 'hello' }] });
    const validText = await readFile(path.join(sessionsDir, `${valid.session.id}.json`), 'utf8');
    const wrongShape = JSON.parse(validText) as Record<string, unknown>;
    delete wrongShape.messages;
    const contents: Record<string, string> = {
      TRUNCATEDAAAAAAAAAAAAA: validText.slice(0, Math.floor(validText.length / 2)),
      EMPTYAAAAAAAAAAAAAAAAA: '',
      GARBAGEAAAAAAAAAAAAAAA: 'not json',
      WRONGSHAPEAAAAAAAAAAAA: JSON.stringify({ ...wrongShape, id: 'WRONGSHAPEAAAAAAAAAAAA' }),
      NULLAAAAAAAAAAAAAAAAAA: 'null',
      MISMATCHAAAAAAAAAAAAAA: validText, // holds another session's id
    };
    for (const [id, content] of Object.entries(contents)) {
      await writeFile(path.join(sessionsDir, `${id}.json`), content);
    }
    return { valid, contents };
  }

  async function expectUntouched(contents: Record<string, string>) {
    for (const [id, content] of Object.entries(contents)) {
      expect(await readFile(path.join(sessionsDir, `${id}.json`), 'utf8')).toBe(content);
    }
  }

  it('reports every corrupt file at init, leaves them byte-identical and still serves the valid ones', async () => {
    const writer = await openStore();
    const { valid, contents } = await corruptFixtures(writer);
    // A temp file left by a crash mid-write is removed at init (nothing was acknowledged from it).
    await writeFile(path.join(sessionsDir, `.${valid.session.id}.json.tmp`), '{"partial');

    const store = createFileSessionStore({
      dataDir,
      now: () => new Date('2100-01-01T00:00:00Z'),
      verifyOnInit: true,
    });
    const result = await store.init();

    expect(result.corrupt.map((report) => report.id).sort()).toEqual(Object.keys(contents).sort());
    expect(result.corrupt.every((report) => report.reason.length > 0)).toBe(true);
    expect(result.corrupt.find((report) => report.id === 'GARBAGEAAAAAAAAAAAAAAA')?.reason).toMatch(/invalid JSON/);
    expect(result.corrupt.find((report) => report.id === 'WRONGSHAPEAAAAAAAAAAAA')?.reason).toMatch(/messages/);
    expect(result.sessions).toBe(1 + Object.keys(contents).length);
    expect((await store.get(valid.session.id, valid.token))?.messages).toHaveLength(1);

    // Reading, updating, deleting or pruning a corrupt session never rewrites it.
    for (const id of Object.keys(contents)) {
      await expect(store.get(id, valid.token)).rejects.toBeInstanceOf(SessionCorruptError);
      await expect(store.appendMessages(id, valid.token, [{ role: 'user', text: 'x' }])).rejects.toBeInstanceOf(
        SessionCorruptError,
      );
      await expect(store.delete(id, valid.token)).rejects.toBeInstanceOf(SessionCorruptError);
    }
    expect(await store.pruneExpired()).toBe(1); // only the valid, expired session
    await expectUntouched(contents);
    expect(existsSync(path.join(sessionsDir, `.${valid.session.id}.json.tmp`))).toBe(false);
  });

  it('throws SessionCorruptError when a file is corrupted after start-up, and leaves it untouched', async () => {
    const writer = await openStore();
    const { session, token } = await writer.create();
    const store = await openStore(); // indexed, not cached yet
    const file = path.join(sessionsDir, `${session.id}.json`);
    const corrupted = (await readFile(file, 'utf8')).slice(0, 40);
    await writeFile(file, corrupted);

    const error = await store.get(session.id, token).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionCorruptError);
    expect((error as SessionCorruptError).file).toBe(file);
    await expect(store.appendMessages(session.id, token, [{ role: 'user', text: 'x' }])).rejects.toBeInstanceOf(
      SessionCorruptError,
    );
    expect(await readFile(file, 'utf8')).toBe(corrupted);
  });
});

describe('init', () => {
  it('indexes existing files without verifying them when verifyOnInit is false', async () => {
    const writer = await openStore();
    const created = await writer.create();
    await writeFile(path.join(sessionsDir, 'GARBAGEAAAAAAAAAAAAAAA.json'), 'not json');
    const store = createFileSessionStore({ dataDir, verifyOnInit: false });
    expect(await store.init()).toEqual({ sessions: 2, corrupt: [] });
    expect(await store.get(created.session.id, created.token)).toEqual(created.session);
    await expect(store.get('GARBAGEAAAAAAAAAAAAAAA', created.token)).rejects.toBeInstanceOf(SessionCorruptError);
  });

  it('ignores files that are not session files', async () => {
    const store = await openStore();
    await writeFile(path.join(sessionsDir, 'notes.txt'), 'hello');
    await writeFile(path.join(sessionsDir, 'short.json'), '{}');
    expect(await store.init()).toEqual({ sessions: 0, corrupt: [] });
  });
});

describe('checkWritable', () => {
  it('reports ok on a writable directory and leaves no probe file behind', async () => {
    const store = await openStore();
    expect(await store.checkWritable()).toEqual({ ok: true });
    expect(await import('node:fs/promises').then((fs) => fs.readdir(sessionsDir))).toEqual([]);
  });
});
