import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';
import { SessionCorruptError, SessionValidationError } from '../../src/store/store-errors.ts';
import { makeTempDir, removeDir, spyOnFileSystem } from './store-test-helpers.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

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

describe('create / get / update / delete', () => {
  it('creates a session file holding only the token hash, and reads it back with the token', async () => {
    const store = await openStore();
    const { session, token } = await store.create({ profile: { gpuCount: 2 }, requestedField: 'labeledExamples' });

    expect(session.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const fileText = await readFile(path.join(sessionsDir, `${session.id}.json`), 'utf8');
    expect(fileText).not.toContain(token);
    expect(JSON.parse(fileText)).toEqual(session);
    expect(await store.get(session.id, token)).toEqual(session);
    expect(store.count()).toBe(1);
  });

  it('persists across store instances (a restart)', async () => {
    const first = await openStore();
    const { session, token } = await first.create();
    await first.appendMessages(session.id, token, [{ role: 'user', text: 'two A100s' }], {
      profile: { gpuCount: 2, gpuName: 'A100' },
      requestedField: 'labeledExamples',
      questionsAsked: 1,
    });
    await first.update(session.id, token, (draft) => {
      draft.dialogue = { skippedFields: ['timelineWeeks'] }; // the chat layer's opaque state
    });
    await first.stop();

    const second = await openStore();
    const reloaded = await second.get(session.id, token);
    expect(reloaded?.messages.map((message) => message.text)).toEqual(['two A100s']);
    expect(reloaded?.profile).toEqual({ gpuCount: 2, gpuName: 'A100' });
    expect(reloaded?.requestedField).toBe('labeledExamples');
    expect(reloaded?.questionsAsked).toBe(1);
    expect(reloaded?.dialogue).toEqual({ skippedFields: ['timelineWeeks'] });
  });

  it('clears requestedField when the patch sets it to undefined, and stamps updatedAt from the clock', async () => {
    let clock = new Date('2025-01-01T00:00:00.000Z');
    const store = await openStore({ now: () => clock });
    const { session, token } = await store.create({ requestedField: 'gpuCount' });
    clock = new Date('2025-01-02T00:00:00.000Z');
    const updated = await store.appendMessages(session.id, token, [{ role: 'user', text: '2' }], {
      requestedField: undefined,
    });
    expect(updated).not.toHaveProperty('requestedField');
    expect(updated?.createdAt).toBe('2025-01-01T00:00:00.000Z');
    expect(updated?.updatedAt).toBe('2025-01-02T00:00:00.000Z');
    expect(updated?.messages[0]?.createdAt).toBe('2025-01-02T00:00:00.000Z');
  });

  it('returns copies: mutating a returned session changes nothing stored', async () => {
    const store = await openStore();
    const { session, token } = await store.create();
    session.messages.push({ id: 'x', role: 'user', text: 'sneaky', createdAt: session.createdAt });
    const read = await store.get(session.id, token);
    read?.messages.push({ id: 'y', role: 'user', text: 'sneaky', createdAt: session.createdAt });
    expect((await store.get(session.id, token))?.messages).toEqual([]);
  });

  it('rejects an update that breaks the schema or changes immutable fields, writing nothing', async () => {
    const store = await openStore();
    const { session, token } = await store.create();
    const file = path.join(sessionsDir, `${session.id}.json`);
    const before = await readFile(file);

    await expect(
      store.update(session.id, token, (draft) => {
        draft.questionsAsked = -1;
      }),
    ).rejects.toBeInstanceOf(SessionValidationError);
    await expect(
      store.update(session.id, token, (draft) => {
        (draft.profile as Record<string, unknown>).gpuCout = 2; // typo: Profile is strict
      }),
    ).rejects.toBeInstanceOf(SessionValidationError);
    await expect(
      store.update(session.id, token, (draft) => ({ ...draft, tokenHash: '0'.repeat(64) })),
    ).rejects.toBeInstanceOf(SessionValidationError);
    await expect(
      store.appendMessages(session.id, token, [{ role: 'assistant', text: 'x', parts: [{ big: 1n }] }]),
    ).rejects.toBeInstanceOf(SessionValidationError);

    expect((await readFile(file)).equals(before)).toBe(true);
    expect(await store.get(session.id, token)).toEqual(session);
  });

  it('accepts an async updater that returns a replacement session', async () => {
    const store = await openStore();
    const { session, token } = await store.create();
    const updated = await store.update(session.id, token, async (draft) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { ...draft, questionsAsked: 2 };
    });
    expect(updated?.questionsAsked).toBe(2);
  });

  it('deletes with the right token only', async () => {
    const store = await openStore();
    const { session, token } = await store.create();
    const other = await store.create();
    expect(await store.delete(session.id, other.token)).toBe(false);
    expect(await store.delete(session.id, token)).toBe(true);
    expect(await store.get(session.id, token)).toBeUndefined();
    await expect(stat(path.join(sessionsDir, `${session.id}.json`))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.delete(session.id, token)).toBe(false);
    expect(store.count()).toBe(1);
  });

  it('throws a helpful error when used before init()', async () => {
    const store = createFileSessionStore({ dataDir });
    await expect(store.create()).rejects.toThrow(/init\(\)/);
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

  it('answers undefined for a wrong, missing or malformed token, like for an unknown id', async () => {
    const store = await openStore();
    const { session, token } = await store.create();
    const other = await store.create();
    expect(await store.get(session.id, other.token)).toBeUndefined();
    expect(await store.get(session.id, undefined)).toBeUndefined();
    expect(await store.get(session.id, '')).toBeUndefined();
    expect(await store.get(session.id, `${token}x`)).toBeUndefined();
    expect(await store.get(session.id, token.slice(0, -1))).toBeUndefined();
    expect(await store.get(session.id, 42 as unknown as string)).toBeUndefined();
    expect(await store.update(session.id, other.token, () => undefined)).toBeUndefined();
    expect(await store.appendMessages(session.id, undefined, [{ role: 'user', text: 'x' }])).toBeUndefined();
    expect(await store.get('AAAAAAAAAAAAAAAAAAAAAA', token)).toBeUndefined();
    expect((await store.get(session.id, token))?.messages).toEqual([]);
  });

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

describe('TTL pruning', () => {
  it('removes only sessions whose updatedAt is older than the TTL', async () => {
    const start = new Date('2025-01-01T00:00:00.000Z').getTime();
    let clock = start;
    const store = await openStore({ now: () => new Date(clock), ttlMs: 30 * DAY_MS });
    const old = await store.create();
    const refreshed = await store.create();
    clock = start + 20 * DAY_MS;
    const recent = await store.create();
    await store.appendMessages(refreshed.session.id, refreshed.token, [{ role: 'user', text: 'still here' }]);

    clock = start + 30 * DAY_MS; // exactly the TTL: not older than it
    expect(await store.pruneExpired()).toBe(0);
    clock = start + 31 * DAY_MS;
    expect(await store.pruneExpired()).toBe(1);

    expect(await store.get(old.session.id, old.token)).toBeUndefined();
    await expect(stat(path.join(sessionsDir, `${old.session.id}.json`))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.get(refreshed.session.id, refreshed.token)).toBeDefined();
    expect(await store.get(recent.session.id, recent.token)).toBeDefined();
    expect(store.count()).toBe(2);

    // After a restart the index is rebuilt from the files' updatedAt.
    const restarted = await openStore({ now: () => new Date(start + 51 * DAY_MS), ttlMs: 30 * DAY_MS });
    expect(await restarted.pruneExpired()).toBe(2);
    expect(restarted.count()).toBe(0);
  });

  it('re-checks under the lock, so a session updated after the candidate scan survives', async () => {
    const start = Date.parse('2025-01-01T00:00:00.000Z');
    let clock = start;
    const store = await openStore({ now: () => new Date(clock), ttlMs: DAY_MS });
    const { session, token } = await store.create();
    clock = start + 2 * DAY_MS;
    // The append is queued first, the prune's re-check runs after it and sees the fresh updatedAt.
    const append = store.appendMessages(session.id, token, [{ role: 'user', text: 'hi' }]);
    const pruned = store.pruneExpired();
    expect(await pruned).toBe(0);
    expect((await append)?.messages).toHaveLength(1);
  });

  it('prunes on an interval once started, and stop() ends it', async () => {
    const start = Date.parse('2025-01-01T00:00:00.000Z');
    let clock = start;
    const store = await openStore({ now: () => new Date(clock), ttlMs: DAY_MS });
    await store.create();
    await store.create();
    clock = start + 2 * DAY_MS;
    store.startPruning(10);
    const deadline = Date.now() + 5_000;
    while (store.count() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.count()).toBe(0);
    await store.stop();
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
