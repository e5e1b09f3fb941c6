/**
 * @module store/file-session-store: sessions on lowdb, one JSON file per session under `${dataDir}/sessions/<id>.json`.
 *
 * Why one file per session: a single lowdb file re-serialises every session on every write (measured in
 * shared/stack-notes.md §6: ~0.1 s per write at 1,000 sessions, ~1 s at 10,000). Here a write serialises one session
 * and touches one file, whatever the number of sessions.
 *
 * Rules this module keeps (stack-notes §6 lowdb traps):
 * - the `JSONFile` adapter is passed explicitly (`JSONFilePreset` silently switches to memory under vitest);
 * - one `Low` instance per file at a time (two steno writers on one file race on the same temp name): every access
 *   to a session happens inside its lock, so an instance evicted from the LRU has no write in flight;
 * - read-modify-write only inside the session's lock, never across an unlocked `await`;
 * - writes are atomic and durable (durable-json-file.ts: `.<id>.json.tmp` is written with mode 0600 and fsynced,
 *   then renamed, then the directory is fsynced); temp files a crash left behind are removed at init;
 * - the sessions directory is 0700 and session files 0600 (they hold users' messages); init tightens older ones.
 */
import type { Dirent } from 'node:fs';
import { chmod, mkdir, readdir, rm, stat, statfs, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { DurableJsonFile, FileTooLargeError, SESSION_DIRECTORY_MODE, SESSION_FILE_MODE } from './durable-json-file.ts';
import { createKeyedLock } from './keyed-lock.ts';
import { createLruCache } from './lru-cache.ts';
import { toStoredMessage, validateForWrite } from './session-records.ts';
import { isValidSessionId, SESSION_FORMAT_VERSION, Session } from './session-schema.ts';
import type {
  CorruptSessionReport,
  CreateSessionInput,
  SessionStore,
  SessionUpdater,
  StoreInitResult,
  WritableCheck,
} from './session-store.ts';
import { hashSessionToken, newMessageId, newSessionId, newSessionToken, verifySessionToken } from './session-token.ts';
import {
  describeErrorCode,
  errorCode,
  SessionCorruptError,
  SessionExistsError,
  SessionTooLargeError,
  SessionValidationError,
  StoreFullError,
  StoreUnavailableError,
} from './store-errors.ts';

/** Options of {@link createFileSessionStore}. */
export interface FileSessionStoreOptions {
  /** Root data directory (`DATA_DIR`); session files live in `${dataDir}/sessions/`. */
  dataDir: string;
  /** Sessions not updated for this long are removed by `pruneExpired`. Default 30 days. */
  ttlMs?: number;
  /** Clock for createdAt/updatedAt and pruning (inject in tests). Default `() => new Date()`. */
  now?: () => Date;
  /** How many sessions keep a `Low` instance and their parsed data in memory. Default 500. */
  maxCachedSessions?: number;
  /**
   * Most bytes of session JSON (as on disk) kept parsed in memory, whatever the number of sessions; the parsed heap
   * is roughly 1.5–2× this. Default 64 MiB.
   */
  maxCachedBytes?: number;
  /** Largest session file; a write past it throws `SessionTooLargeError` and writes nothing. Default 4 MiB. */
  maxSessionBytes?: number;
  /** New sessions are refused (`StoreFullError`) once the session files hold this many bytes. Default unbounded. */
  maxTotalBytes?: number;
  /** New sessions are refused (`StoreFullError`) while the disk under dataDir has less free space. Default 0. */
  minFreeBytes?: number;
  /** fsync the session file and its directory after each write, so an acknowledged write survives power loss. Default true. */
  syncToDisk?: boolean;
  /**
   * At init, also read and validate every session file (default false), so corrupt files are reported at start-up.
   * By default init only lists and stats the files, so start-up does not grow with the bytes stored; corruption is
   * then found on first read (a `SessionCorruptError`, the file left untouched).
   */
  verifyOnInit?: boolean;
}

/** Default time to live of a session without updates: 30 days. */
export const DEFAULT_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const DEFAULT_MAX_CACHED_SESSIONS = 500;
/** Default of `maxCachedBytes`: 64 MiB of session JSON. */
export const DEFAULT_MAX_CACHED_BYTES = 64 * 2 ** 20;
/** Default of `maxSessionBytes`: 4 MiB, above a full session of the default limits (200 messages of 4,000 characters). */
export const DEFAULT_MAX_SESSION_BYTES = 4 * 2 ** 20;
/** How long a free-space reading of the disk is reused before `create` asks again. */
const FREE_SPACE_CHECK_MS = 1000;
const INIT_READ_CONCURRENCY = 8;
const SESSION_FILE_PATTERN = /^([A-Za-z0-9_-]{22})\.json$/;
/** Temp files of interrupted writes (`.<id>.json.tmp`) and of interrupted writability probes. */
const STALE_TEMP_PATTERN = /^\.(?:[A-Za-z0-9_-]{22}\.json|probe-[\w-]+)\.tmp$/;

type SessionDb = Low<Session | null>;
type ReadOutcome =
  | { kind: 'ok'; db: SessionDb; session: Session }
  | { kind: 'missing' }
  | { kind: 'corrupt'; reason: string; cause: unknown };

/**
 * Creates the file-backed {@link SessionStore}. Call `init()` before anything else.
 * @example
 * const store = createFileSessionStore({ dataDir: process.env.DATA_DIR ?? './data' });
 * const { corrupt } = await store.init(); // log and decide: the files are left as they are
 * const { session, token } = await store.create();
 * await store.appendMessages(session.id, token, [{ role: 'user', text: 'two A100s, 5k labeled tickets' }]);
 */
export function createFileSessionStore(options: FileSessionStoreOptions): SessionStore {
  const sessionsDir = join(options.dataDir, 'sessions');
  const ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
  const now = options.now ?? (() => new Date());
  const syncToDisk = options.syncToDisk ?? true;
  const verifyOnInit = options.verifyOnInit ?? false;
  const maxSessionBytes = options.maxSessionBytes ?? DEFAULT_MAX_SESSION_BYTES;
  const maxTotalBytes = options.maxTotalBytes ?? Number.POSITIVE_INFINITY;
  const minFreeBytes = options.minFreeBytes ?? 0;
  if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);

  const lock = createKeyedLock();
  const cache = createLruCache<string, SessionDb>(options.maxCachedSessions ?? DEFAULT_MAX_CACHED_SESSIONS, {
    maxWeight: options.maxCachedBytes ?? DEFAULT_MAX_CACHED_BYTES,
  });
  /** id → updatedAt in ms (from the file's content, or its mtime when init did not verify) for every session file. */
  const index = new Map<string, number>();
  /** id → size in bytes of the session file, as last read, written or stat'ed. */
  const sizes = new Map<string, number>();
  /** Sum of `sizes`: what the session files hold on disk. */
  let totalBytes = 0;
  /** Last free-space reading of the disk under the sessions directory. */
  let freeSpace: { atMs: number; bytes: number } | undefined;
  /** ids whose file failed to parse or validate: never pruned, never rewritten. */
  const corruptIds = new Set<string>();
  let initialised = false;
  let pruneTimer: NodeJS.Timeout | undefined;

  const sessionFile = (id: string) => join(sessionsDir, `${id}.json`);

  function recordSize(id: string, bytes: number): void {
    totalBytes += bytes - (sizes.get(id) ?? 0);
    sizes.set(id, bytes);
  }

  /** Forgets a session that no longer has a file. */
  function forget(id: string): void {
    totalBytes -= sizes.get(id) ?? 0;
    sizes.delete(id);
    index.delete(id);
    cache.delete(id);
  }

  /** Throws {@link StoreFullError} past the total-bytes quota or under the free-space floor. */
  async function ensureRoomForNewSession(): Promise<void> {
    if (totalBytes >= maxTotalBytes) {
      throw new StoreFullError(`the session files hold ${totalBytes} bytes, the most allowed is ${maxTotalBytes}`);
    }
    if (minFreeBytes <= 0) return;
    const nowMs = Date.now();
    if (freeSpace === undefined || nowMs - freeSpace.atMs >= FREE_SPACE_CHECK_MS) {
      const stats = await statfs(sessionsDir).catch((error: unknown) => {
        throw new StoreUnavailableError(`measuring the free space under ${sessionsDir}`, error);
      });
      freeSpace = { atMs: nowMs, bytes: Number(stats.bavail) * Number(stats.bsize) };
    }
    if (freeSpace.bytes < minFreeBytes) {
      throw new StoreFullError(`the disk has ${freeSpace.bytes} bytes free, less than the ${minFreeBytes} kept free`);
    }
  }
  function requireInit(): void {
    if (!initialised) throw new Error('Session store used before init(); call `await store.init()` at start-up.');
  }

  /** Reads and validates one session file through a fresh `Low` instance. Never writes. */
  async function readSessionFile(id: string): Promise<ReadOutcome> {
    const file = sessionFile(id);
    const db = openSessionDb(id);
    try {
      await db.read();
    } catch (error) {
      if (error instanceof SyntaxError)
        return { kind: 'corrupt', reason: `invalid JSON: ${error.message}`, cause: error };
      throw new StoreUnavailableError(`reading ${file}`, error);
    }
    if (db.data === null) {
      // lowdb reports a missing file as null, but so is a file that contains the JSON literal `null`.
      const exists = await stat(file).then(
        () => true,
        (error: unknown) => {
          if (errorCode(error) === 'ENOENT') return false;
          throw new StoreUnavailableError(`reading ${file}`, error);
        },
      );
      return exists ? { kind: 'corrupt', reason: 'file contains JSON null', cause: undefined } : { kind: 'missing' };
    }
    const parsed = Session.safeParse(db.data);
    if (!parsed.success) {
      return { kind: 'corrupt', reason: `schema: ${z.prettifyError(parsed.error)}`, cause: parsed.error };
    }
    if (parsed.data.id !== id) {
      return { kind: 'corrupt', reason: `file holds session id ${parsed.data.id}`, cause: undefined };
    }
    db.data = parsed.data;
    return { kind: 'ok', db, session: parsed.data };
  }

  /**
   * The session's `Low` instance (from the cache, else read from disk). Call only inside the session's lock.
   * Unknown ids resolve to undefined without touching the file system.
   */
  async function loadSession(id: string, { keepInCache }: { keepInCache: boolean }): Promise<SessionDb | undefined> {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    if (!index.has(id)) return undefined;
    const outcome = await readSessionFile(id);
    if (outcome.kind === 'missing') {
      forget(id);
      corruptIds.delete(id);
      return undefined;
    }
    if (outcome.kind === 'corrupt') {
      corruptIds.add(id);
      throw new SessionCorruptError({
        sessionId: id,
        file: sessionFile(id),
        reason: outcome.reason,
        cause: outcome.cause,
      });
    }
    corruptIds.delete(id);
    index.set(id, Date.parse(outcome.session.updatedAt));
    if (keepInCache) cacheSet(id, outcome.db);
    return outcome.db;
  }

  async function loadAuthorised(id: string, token: string | undefined): Promise<SessionDb | undefined> {
    const db = await loadSession(id, { keepInCache: true });
    return verifySessionToken(token, db?.data?.tokenHash) ? db : undefined;
  }

  /**
   * The JSON text of each session this store validated for a write (weakly held: it goes when the session object does).
   * A chat turn then serialises its session once: the same text is the validation round trip, the file's content and
   * the source of every copy handed out (`JSON.parse` of a string is faster than `structuredClone` of the object).
   */
  const jsonTexts = new WeakMap<Session, string>();

  function validated(id: string, candidate: Session): Session {
    const { session, text } = validateForWrite(id, candidate);
    jsonTexts.set(session, text);
    return session;
  }

  /** A deep copy of a cached session that the caller may change freely. */
  function copyOf(session: Session): Session {
    const text = jsonTexts.get(session);
    return text === undefined ? structuredClone(session) : (JSON.parse(text) as Session);
  }

  /**
   * A `Low` instance on the session's file through the durable adapter, which reports the size of every read and
   * write (kept in the index, for the cache's weight and the quota) and refuses writes past `maxSessionBytes`.
   */
  function openSessionDb(id: string): SessionDb {
    const adapter = new DurableJsonFile<Session | null>(sessionFile(id), {
      sync: syncToDisk,
      maxBytes: maxSessionBytes,
      onRead: (bytes) => recordSize(id, bytes),
      onWrite: (bytes) => recordSize(id, bytes),
      // The file's mtime is its updatedAt: init indexes sessions for pruning from `stat` alone.
      mtimeOf: (session) => (session === null ? undefined : new Date(session.updatedAt)),
      textOf: (session) => (session === null ? undefined : jsonTexts.get(session)),
    });
    return new Low<Session | null>(adapter, null);
  }

  /** Caches `db` weighted by its file's size: the cache is bounded by bytes as well as by count. */
  function cacheSet(id: string, db: SessionDb): void {
    cache.set(id, db, sizes.get(id) ?? 0);
  }

  /** Writes `next` through the session's `Low` instance. Call only inside the session's lock. */
  async function commit(id: string, db: SessionDb, next: Session): Promise<void> {
    const previous = db.data;
    db.data = next;
    try {
      await db.write();
    } catch (error) {
      db.data = previous;
      // Refused before anything was written: the cached copy still equals the file.
      if (error instanceof FileTooLargeError) throw new SessionTooLargeError(id, error.bytes, error.maxBytes);
      // The disk may hold either version now (e.g. rename done, fsync failed): forget the cached copy and re-read.
      cache.delete(id);
      throw new StoreUnavailableError(`writing ${sessionFile(id)}`, error);
    }
    index.set(id, Date.parse(next.updatedAt));
    corruptIds.delete(id);
    cacheSet(id, db);
  }

  async function update(id: string, token: string | undefined, fn: SessionUpdater): Promise<Session | undefined> {
    if (!isValidSessionId(id)) {
      verifySessionToken(token, undefined);
      return undefined;
    }
    requireInit();
    // No await before lock.run: calls on one session queue in the order they were made.
    return lock.run(id, async () => {
      const db = await loadAuthorised(id, token);
      const current = db?.data;
      if (db === undefined || current == null) return undefined;
      const draft = copyOf(current);
      const returned = await fn(draft);
      const candidate = returned ?? draft;
      if (
        candidate.id !== current.id ||
        candidate.tokenHash !== current.tokenHash ||
        candidate.createdAt !== current.createdAt
      ) {
        throw new SessionValidationError(id, 'id, tokenHash and createdAt cannot be changed by an update');
      }
      const next = validated(id, { ...candidate, updatedAt: now().toISOString() });
      await commit(id, db, next);
      return copyOf(next);
    });
  }

  async function scanSessionsDirectory(): Promise<Dirent[]> {
    try {
      await mkdir(sessionsDir, { recursive: true, mode: SESSION_DIRECTORY_MODE });
      // A directory made by an older version (or by hand) may be readable by others.
      await chmod(sessionsDir, SESSION_DIRECTORY_MODE);
      return await readdir(sessionsDir, { withFileTypes: true });
    } catch (error) {
      throw new StoreUnavailableError(`opening ${sessionsDir}`, error);
    }
  }

  const store: SessionStore = {
    async init(): Promise<StoreInitResult> {
      const entries = await scanSessionsDirectory();
      index.clear();
      sizes.clear();
      totalBytes = 0;
      corruptIds.clear();
      cache.clear();
      // Temp files left by a crash mid-write (`.<id>.json.tmp`) or mid-probe: no write is in flight before init, so
      // each is stale. The session file beside it still holds the last acknowledged write.
      for (const entry of entries) {
        if (!entry.isFile() || !STALE_TEMP_PATTERN.test(entry.name)) continue;
        await rm(join(sessionsDir, entry.name), { force: true }).catch((error: unknown) => {
          throw new StoreUnavailableError(`removing a stale temp file in ${sessionsDir}`, error);
        });
      }
      const ids = entries
        .filter((entry) => entry.isFile())
        .map((entry) => SESSION_FILE_PATTERN.exec(entry.name)?.[1])
        .filter((id): id is string => id !== undefined)
        .sort();
      const corrupt: CorruptSessionReport[] = [];
      let next = 0;
      const worker = async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          const file = sessionFile(id);
          const stats = await stat(file).catch((error: unknown) => {
            throw new StoreUnavailableError(`reading ${file}`, error);
          });
          // Files written by an older version (0644) become owner-only.
          if ((stats.mode & 0o077) !== 0) {
            await chmod(file, SESSION_FILE_MODE).catch((error: unknown) => {
              throw new StoreUnavailableError(`restricting ${file} to its owner`, error);
            });
          }
          recordSize(id, stats.size);
          if (!verifyOnInit) {
            index.set(id, stats.mtimeMs);
            continue;
          }
          // Each file is parsed, validated and dropped: memory holds only the index, whatever the number of files.
          const outcome = await readSessionFile(id);
          if (outcome.kind === 'ok') index.set(id, Date.parse(outcome.session.updatedAt));
          if (outcome.kind === 'corrupt') {
            corrupt.push({ id, file: sessionFile(id), reason: outcome.reason });
            corruptIds.add(id);
            index.set(id, Number.POSITIVE_INFINITY);
          }
        }
      };
      await Promise.all(Array.from({ length: INIT_READ_CONCURRENCY }, worker));
      corrupt.sort((left, right) => left.id.localeCompare(right.id));
      initialised = true;
      return { sessions: index.size, corrupt };
    },

    async create(initial: CreateSessionInput = {}) {
      requireInit();
      await ensureRoomForNewSession();
      const chosen = initial.id;
      if (chosen !== undefined && !isValidSessionId(chosen)) {
        throw new RangeError('create: a chosen session id must match SESSION_ID_PATTERN (22 base64url characters)');
      }
      let id = chosen ?? newSessionId();
      while (chosen === undefined && index.has(id)) id = newSessionId(); // 128 random bits: only a broken RNG loops
      const token = newSessionToken();
      const timestamp = now().toISOString();
      const candidate: Session = {
        id,
        tokenHash: hashSessionToken(token),
        createdAt: timestamp,
        updatedAt: timestamp,
        profile: initial.profile ?? {},
        questionsAsked: initial.questionsAsked ?? 0,
        messages: (initial.messages ?? []).map((message) => toStoredMessage(message, timestamp)),
        version: SESSION_FORMAT_VERSION,
      };
      if (initial.requestedField !== undefined) candidate.requestedField = initial.requestedField;
      const session = validated(id, candidate);
      await lock.run(id, async () => {
        // Checked inside the lock: of two concurrent creates with one chosen id, the second finds the first's.
        if (index.has(id)) throw new SessionExistsError(id);
        const db = openSessionDb(id);
        try {
          await commit(id, db, session);
        } catch (error) {
          // Nothing was acknowledged: remove a file that may have been renamed into place (best effort).
          await rm(sessionFile(id), { force: true }).catch(() => undefined);
          throw error;
        }
      });
      return { session: copyOf(session), token };
    },

    async has(id) {
      return isValidSessionId(id) && index.has(id);
    },

    async get(id, token) {
      if (!isValidSessionId(id)) {
        verifySessionToken(token, undefined);
        return undefined;
      }
      requireInit();
      return lock.run(id, async () => {
        const db = await loadAuthorised(id, token);
        return db?.data == null ? undefined : copyOf(db.data);
      });
    },

    update,

    appendMessages(id, token, messages, patch) {
      return update(id, token, (session) => {
        const timestamp = now().toISOString();
        for (const message of messages) session.messages.push(toStoredMessage(message, timestamp));
        if (patch === undefined) return;
        if (patch.profile !== undefined) session.profile = patch.profile;
        if (patch.questionsAsked !== undefined) session.questionsAsked = patch.questionsAsked;
        if ('requestedField' in patch) {
          if (patch.requestedField === undefined) delete session.requestedField;
          else session.requestedField = patch.requestedField;
        }
      });
    },

    async delete(id, token) {
      if (!isValidSessionId(id)) {
        verifySessionToken(token, undefined);
        return false;
      }
      requireInit();
      return lock.run(id, async () => {
        const db = await loadAuthorised(id, token);
        if (db === undefined) return false;
        try {
          await unlink(sessionFile(id));
        } catch (error) {
          if (errorCode(error) !== 'ENOENT') throw new StoreUnavailableError(`deleting ${sessionFile(id)}`, error);
        }
        forget(id);
        return true;
      });
    },

    async pruneExpired() {
      requireInit();
      const cutoff = now().getTime() - ttlMs;
      const candidates = [...index].filter(([id, updatedAtMs]) => updatedAtMs < cutoff && !corruptIds.has(id));
      let removed = 0;
      for (const [id] of candidates) {
        const wasRemoved = await lock.run(id, async () => {
          // Re-read under the lock: the session may have been updated since the index snapshot.
          let db: SessionDb | undefined;
          try {
            db = await loadSession(id, { keepInCache: false });
          } catch (error) {
            if (error instanceof SessionCorruptError) return false; // corrupt files are left for an operator
            throw error;
          }
          const updatedAt = db?.data?.updatedAt;
          if (updatedAt === undefined || Date.parse(updatedAt) >= cutoff) return false;
          try {
            await unlink(sessionFile(id));
          } catch (error) {
            if (errorCode(error) !== 'ENOENT') throw new StoreUnavailableError(`deleting ${sessionFile(id)}`, error);
          }
          forget(id);
          return true;
        });
        if (wasRemoved) removed++;
      }
      return removed;
    },

    startPruning(intervalMs, onError) {
      if (!(intervalMs > 0)) throw new RangeError(`Pruning interval must be positive, got ${intervalMs}`);
      if (pruneTimer !== undefined) clearInterval(pruneTimer);
      let running = false;
      pruneTimer = setInterval(() => {
        if (running) return; // a slow pass is never overlapped by the next one
        running = true;
        store
          .pruneExpired()
          .catch((error: unknown) => onError?.(error))
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      pruneTimer.unref();
    },

    async stop() {
      if (pruneTimer !== undefined) clearInterval(pruneTimer);
      pruneTimer = undefined;
      await lock.drain();
    },

    async checkWritable(): Promise<WritableCheck> {
      const probe = join(sessionsDir, `.probe-${process.pid}-${newMessageId()}.tmp`);
      try {
        await writeFile(probe, 'probe', { mode: SESSION_FILE_MODE });
        await unlink(probe);
        return { ok: true };
      } catch (error) {
        await rm(probe, { force: true }).catch(() => undefined);
        const code = errorCode(error);
        const reason = `cannot write to ${sessionsDir}: ${describeErrorCode(code, error)}`;
        return code === undefined ? { ok: false, reason } : { ok: false, reason, code };
      }
    },

    async count() {
      return index.size;
    },
  };
  return store;
}
