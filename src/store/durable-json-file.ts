/**
 * @module store/durable-json-file: a lowdb adapter that writes one JSON file atomically and durably, readable by its
 * owner only.
 *
 * lowdb's `JSONFile` (steno) writes `.<name>.tmp` and renames it without an fsync, so after a power loss the rename
 * may be on disk while the data is not (an empty or partial session file). Here the temp file is created with mode
 * 0600, written, fsynced and closed before the rename, and the directory is fsynced after it (when `sync` is on).
 * Callers serialise writes to one file (the store's per-session lock): one temp name per file is enough.
 */
import { chmod, open, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Mode of session files: owner read/write only (sessions hold users' messages). */
export const SESSION_FILE_MODE = 0o600;
/** Mode of the sessions directory: owner only. */
export const SESSION_DIRECTORY_MODE = 0o700;

/** The temp file a write of `file` goes through: `.<name>.tmp` beside it (the name steno used, so old ones match). */
export function tempFileOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.tmp`);
}

/** Options of {@link DurableJsonFile}. */
export interface DurableJsonFileOptions<T> {
  /** fsync the temp file before the rename and the directory after it. Default true. */
  sync?: boolean;
  /** Called with the size in bytes of every write (the store keeps its cache and quota figures from it). */
  onWrite?: (bytes: number) => void;
  /** Called with the size in bytes of every successful read. */
  onRead?: (bytes: number) => void;
  /** A write of more bytes than this is refused with {@link FileTooLargeError}, before anything is written. */
  maxBytes?: number;
  /**
   * The modification time to give the file for `data` (e.g. the session's `updatedAt`), so that a directory listing
   * with `stat` tells when each file was last updated without reading it.
   */
  mtimeOf?: (data: T) => Date | undefined;
  /** The JSON text of `data` when the caller already has it (so a large file is not serialised twice), else undefined. */
  textOf?: (data: T) => string | undefined;
}

/** A write would make the file larger than its `maxBytes`; nothing was written. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  readonly bytes: number;
  readonly maxBytes: number;
  constructor(bytes: number, maxBytes: number) {
    super(`refusing to write ${bytes} bytes; the limit is ${maxBytes}`);
    this.bytes = bytes;
    this.maxBytes = maxBytes;
  }
}

/** A lowdb {@link Adapter} for one JSON file: atomic, durable (optionally) and mode 0600. */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #sync: boolean;
  readonly #onWrite: ((bytes: number) => void) | undefined;
  readonly #onRead: ((bytes: number) => void) | undefined;
  readonly #maxBytes: number;
  readonly #mtimeOf: ((data: T) => Date | undefined) | undefined;
  readonly #textOf: ((data: T) => string | undefined) | undefined;

  constructor(file: string, options: DurableJsonFileOptions<T> = {}) {
    this.#file = file;
    this.#sync = options.sync ?? true;
    this.#onWrite = options.onWrite;
    this.#onRead = options.onRead;
    this.#maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.#mtimeOf = options.mtimeOf;
    this.#textOf = options.textOf;
  }

  /** The parsed file, or null when it does not exist. A SyntaxError propagates (the caller reports corruption). */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const data = JSON.parse(text) as T;
    this.#onRead?.(Buffer.byteLength(text, 'utf8'));
    return data;
  }

  /** Writes `data` to the temp file (0600), fsyncs it, renames it over the file and fsyncs the directory. */
  async write(data: T): Promise<void> {
    const text = this.#textOf?.(data) ?? JSON.stringify(data);
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.#maxBytes) throw new FileTooLargeError(bytes, this.#maxBytes);
    const temp = tempFileOf(this.#file);
    try {
      // The mode applies when the temp file is created; the store removes stale ones at init and after a failure,
      // so it always is. chmod covers a temp file someone else created.
      await writeFile(temp, text, { encoding: 'utf8', mode: SESSION_FILE_MODE });
      await chmod(temp, SESSION_FILE_MODE);
      const mtime = this.#mtimeOf?.(data);
      if (mtime !== undefined) await utimes(temp, mtime, mtime);
      if (this.#sync) await syncFile(temp);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    await rename(temp, this.#file);
    if (this.#sync) await syncDirectory(dirname(this.#file));
    this.#onWrite?.(bytes);
  }
}

/** Flushes a written file's data to the disk before it is renamed into place. */
async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename in `directory` durable. Windows cannot open a directory for fsync: skipped there. */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
