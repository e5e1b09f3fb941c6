/** The SessionStore contract against the lowdb file store (one JSON file per session under DATA_DIR/sessions). */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFileSessionStore, type SessionStore } from '../../../src/store/session-store.ts';
import { fsError, makeTempDir, removeDir, spyOnFileSystem } from '../store-test-helpers.ts';
import { describeSessionStoreContract, type StoreUnderTest } from './session-store-contract.ts';

async function fileStorage(): Promise<StoreUnderTest> {
  const dataDir = await makeTempDir();
  const sessionsDir = path.join(dataDir, 'sessions');
  const stores: SessionStore[] = [];
  const sessionFile = (id: string) => path.join(sessionsDir, `${id}.json`);
  return {
    create(options = {}) {
      // Writes are fsynced as in production; the contract's stores are small.
      const store = createFileSessionStore({ dataDir, ...options });
      stores.push(store);
      return store;
    },
    snapshot: (id) => readFile(sessionFile(id), 'utf8').catch(() => undefined),
    async damage(id, how) {
      const text = await readFile(sessionFile(id), 'utf8');
      const shape = JSON.parse(text) as Record<string, unknown>;
      delete shape.messages;
      const damaged = {
        truncated: text.slice(0, Math.floor(text.length / 2)),
        garbage: 'not json',
        'wrong-shape': JSON.stringify(shape),
      }[how];
      await writeFile(sessionFile(id), damaged);
    },
    async refuseWrites() {
      // chmod does not stop root: fail every mutating fs call under the sessions directory, as a read-only mount does.
      const mutating = new Set(['writeFile', 'rename', 'unlink', 'rm', 'mkdir', 'appendFile', 'copyFile', 'truncate']);
      const spy = spyOnFileSystem((call) =>
        mutating.has(call.operation) && call.path.startsWith(sessionsDir)
          ? fsError('EROFS', call.operation, call.path)
          : undefined,
      );
      return { code: 'EROFS', reasonPattern: /read-only file system/, restore: async () => spy.restore() };
    },
    async dispose() {
      for (const store of stores.splice(0)) await store.stop();
      await removeDir(dataDir);
    },
  };
}

describeSessionStoreContract('lowdb files', fileStorage);
