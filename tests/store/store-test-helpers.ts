/** Helpers for the store tests: temp directories, an fs call recorder with fault injection, directory snapshots. */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** A fresh directory under the OS temp dir. */
export function makeTempDir(prefix = 'session-store-'): Promise<string> {
  return fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(directory: string): Promise<void> {
  await fs.promises.chmod(path.join(directory, 'sessions'), 0o700).catch(() => undefined);
  await fs.promises.rm(directory, { recursive: true, force: true });
}

/** One recorded `node:fs/promises` call. `bytes` is set for writeFile. */
export interface FsCall {
  operation: string;
  path: string;
  target?: string;
  bytes?: number;
}

/** Decides whether a call fails: return an Error to throw it, or undefined to run the real call. */
export type FaultInjector = (call: FsCall, data?: unknown) => Error | undefined;

const SPIED_OPERATIONS = [
  'writeFile',
  'readFile',
  'rename',
  'open',
  'unlink',
  'rm',
  'mkdir',
  'readdir',
  'stat',
  'appendFile',
  'copyFile',
  'truncate',
] as const;

/**
 * Wraps the functions of `node:fs/promises` (the ones lowdb, steno and the store use) and syncs the ESM named
 * exports with `module.syncBuiltinESMExports()`, so even steno's `import { writeFile } from 'node:fs/promises'` in
 * node_modules goes through the wrapper. Records every call; `inject` can make calls fail. Call `restore()` after.
 */
export function spyOnFileSystem(inject?: FaultInjector): { calls: FsCall[]; restore: () => void } {
  const calls: FsCall[] = [];
  const promises = fs.promises as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const originals = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const operation of SPIED_OPERATIONS) {
    const original = promises[operation];
    if (original === undefined) continue;
    originals.set(operation, original);
    promises[operation] = async (...args: unknown[]) => {
      const call: FsCall = { operation, path: String(args[0]) };
      if (operation === 'rename') call.target = String(args[1]);
      if (operation === 'writeFile') {
        const data = args[1];
        call.bytes =
          typeof data === 'string' ? Buffer.byteLength(data) : ArrayBuffer.isView(data) ? data.byteLength : -1;
      }
      calls.push(call);
      const fault = inject?.(call, args[1]);
      if (fault !== undefined) throw fault;
      return original.apply(fs.promises, args);
    };
  }
  syncBuiltinESMExports();
  return {
    calls,
    restore() {
      for (const [operation, original] of originals) promises[operation] = original;
      syncBuiltinESMExports();
    },
  };
}

/** An Error shaped like a Node fs error (`code`, `syscall`, `path`). */
export function fsError(code: string, syscall: string, filePath: string): Error {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall} '${filePath}'`), {
    code,
    syscall,
    path: filePath,
  });
}

/** Every regular file under `directory` (one level) with its bytes and inode, for before/after comparisons. */
export async function snapshotDirectory(directory: string): Promise<Map<string, { content: Buffer; inode: number }>> {
  const snapshot = new Map<string, { content: Buffer; inode: number }>();
  for (const name of await fs.promises.readdir(directory)) {
    const file = path.join(directory, name);
    const stats = await fs.promises.stat(file);
    if (stats.isFile()) snapshot.set(name, { content: await fs.promises.readFile(file), inode: stats.ino });
  }
  return snapshot;
}

/** Names of files added, removed or changed (content or inode) between two snapshots. */
export function changedFiles(
  before: Map<string, { content: Buffer; inode: number }>,
  after: Map<string, { content: Buffer; inode: number }>,
): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((name) => {
      const left = before.get(name);
      const right = after.get(name);
      if (left === undefined || right === undefined) return true;
      return left.inode !== right.inode || !left.content.equals(right.content);
    })
    .sort();
}
