/**
 * Session files are private and writes are durable (issue 11, item 8): the sessions directory is 0700 and session
 * files 0600 (older 0644 ones are tightened at init); the temp file of a write is fsynced before it is renamed over
 * the session file; temp files left by a crash are removed at init.
 */
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSessionStore } from '../../src/store/session-store.ts';
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

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('session file modes', () => {
  it('creates the sessions directory 0700 and session files 0600', async () => {
    const store = createFileSessionStore({ dataDir, syncToDisk: false });
    await store.init();
    const { session, token } = await store.create();
    await store.appendMessages(session.id, token, [{ role: 'user', text: 'two A100s' }]);
    expect(await modeOf(sessionsDir)).toBe(0o700);
    expect(await modeOf(path.join(sessionsDir, `${session.id}.json`))).toBe(0o600);
  });

  it('tightens a directory and files written by an older version (0755, 0644) at init', async () => {
    const writer = createFileSessionStore({ dataDir, syncToDisk: false });
    await writer.init();
    const { session } = await writer.create();
    const file = path.join(sessionsDir, `${session.id}.json`);
    await chmod(sessionsDir, 0o755);
    await chmod(file, 0o644);

    const store = createFileSessionStore({ dataDir, syncToDisk: false });
    expect((await store.init()).sessions).toBe(1);
    expect(await modeOf(sessionsDir)).toBe(0o700);
    expect(await modeOf(file)).toBe(0o600);
  });
});

describe('durable writes', () => {
  it('fsyncs the temp file before renaming it over the session file, then fsyncs the directory', async () => {
    const store = createFileSessionStore({ dataDir });
    await store.init();
    const { session, token } = await store.create();
    const spy = spyOnFileSystem();
    try {
      await store.appendMessages(session.id, token, [{ role: 'user', text: 'two A100s' }]);
    } finally {
      spy.restore();
    }
    const temp = path.join(sessionsDir, `.${session.id}.json.tmp`);
    const sequence = spy.calls.map((call) => `${call.operation} ${path.relative(dataDir, call.path)}`);
    expect(sequence).toEqual([
      `writeFile ${path.relative(dataDir, temp)}`,
      `open ${path.relative(dataDir, temp)}`, // opened to fsync its data
      `rename ${path.relative(dataDir, temp)}`,
      'open sessions', // the directory, to fsync the rename
    ]);
  });

  it('removes temp files left by a crash at init, and keeps the last acknowledged session', async () => {
    const writer = createFileSessionStore({ dataDir, syncToDisk: false });
    await writer.init();
    const { session, token } = await writer.create();
    await mkdir(sessionsDir, { recursive: true });
    const stale = [`.${session.id}.json.tmp`, '.AAAAAAAAAAAAAAAAAAAAAA.json.tmp', '.probe-123-abc.tmp'];
    for (const name of stale) await writeFile(path.join(sessionsDir, name), '{"partial');
    await writeFile(path.join(sessionsDir, 'notes.txt'), 'an operator file is left alone');

    const store = createFileSessionStore({ dataDir, syncToDisk: false });
    expect((await store.init()).sessions).toBe(1);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(sessionsDir)).sort()).toEqual([`${session.id}.json`, 'notes.txt'].sort());
    expect((await store.get(session.id, token))?.id).toBe(session.id);
  });
});
