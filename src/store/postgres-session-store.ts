/**
 * @module store/postgres-session-store: chat sessions in PostgreSQL, shared by every instance behind a load balancer
 * (issue 13). Chosen when `DATABASE_URL` is set; the file store stays the embedded default.
 *
 * Layout (migrations/001_chat_sessions.sql): one `chat_sessions` row per session (the session without its messages,
 * plus `updated_at`, a message count and a byte size) and one `chat_session_messages` row per message. A turn inserts
 * its new messages and rewrites the one small session row, so a write's cost depends neither on the number of
 * sessions nor on the history (an update that edits earlier messages, which the app never does, rewrites from the
 * first changed one).
 *
 * Guarantees, the same as the file store's:
 * - per-session order across instances: every write runs in a transaction that first takes the session row's lock
 *   (`SELECT ... FOR UPDATE`), so a second instance's write waits for the first's commit and reads its result; inside
 *   one instance a keyed lock also keeps calls in the order they were made (and holds no connection while waiting);
 * - nothing acknowledged is lost: a write resolves only after COMMIT; any failure rolls back;
 * - a database that is down, full, read-only or too slow gives {@link StoreUnavailableError} (HTTP 503), with the
 *   file store's codes for the same situations (ENOSPC, EROFS, ...); see postgres/pg-errors.ts;
 * - data that does not validate gives {@link SessionCorruptError}; it is never rewritten or deleted (the row is only
 *   flagged `corrupt`, which keeps TTL pruning away from it);
 * - only the sha256 of a session's token is stored.
 *
 * TTL pruning deletes in batches of rows taken with `FOR UPDATE SKIP LOCKED`, so instances pruning at the same time
 * split the work and skip sessions that a turn is writing. Migrations run in `init()` under an advisory lock.
 */
import { hostname } from 'node:os';
import pg from 'pg';
import { z } from 'zod';
import { createKeyedLock } from './keyed-lock.ts';
import {
  loadMigrations,
  type Migration,
  MigrationHistoryError,
  type MigrationResult,
  migrate,
} from './postgres/migrate.ts';
import { postgresErrorCode, storeUnavailable } from './postgres/pg-errors.ts';
import { schedulePruning } from './prune-schedule.ts';
import { toStoredMessage, validateOrThrow } from './session-records.ts';
import { isValidSessionId, SESSION_FORMAT_VERSION, Session } from './session-schema.ts';
import type {
  CreateSessionInput,
  NewMessage,
  SessionStore,
  SessionUpdater,
  StoreInitResult,
  WritableCheck,
} from './session-store.ts';
import { hashSessionToken, newSessionId, newSessionToken, verifySessionToken } from './session-token.ts';
import {
  describeErrorCode,
  SessionCorruptError,
  SessionExistsError,
  SessionTooLargeError,
  SessionValidationError,
  StoreFullError,
} from './store-errors.ts';

/** Options of {@link createPostgresSessionStore}. */
export interface PostgresSessionStoreOptions {
  /** `postgres://user:password@host:port/database` (`DATABASE_URL`). */
  connectionString: string;
  /** Sessions not updated for this long are removed by `pruneExpired`. Default 30 days. */
  ttlMs?: number;
  /** Clock for createdAt/updatedAt and pruning (inject in tests). Default `() => new Date()`. */
  now?: () => Date;
  /** Largest session, as JSON; a write past it throws `SessionTooLargeError` and writes nothing. Default 4 MiB. */
  maxSessionBytes?: number;
  /** New sessions are refused (`StoreFullError`) once all sessions together hold this many bytes. Default unbounded. */
  maxTotalBytes?: number;
  /** Connections per instance (`PG_POOL_MAX`). Default 10. */
  poolMax?: number;
  /** Longest wait for a connection, new or from the pool (`PG_CONNECT_TIMEOUT_MS`). Default 5 s. */
  connectTimeoutMs?: number;
  /** Longest a statement may run (`PG_STATEMENT_TIMEOUT_MS`). Default 5 s. */
  statementTimeoutMs?: number;
  /**
   * Longest wait for a session that another instance is writing, and longest a write may hold its session between
   * statements (a turn runs its extraction inside the write) (`PG_LOCK_TIMEOUT_MS`). Default 30 s.
   */
  lockTimeoutMs?: number;
  /** Rows deleted per pruning statement. Default 500. */
  pruneBatchSize?: number;
  /** Called with errors of idle pooled connections (e.g. the server restarted); they are replaced on next use. */
  onConnectionError?: (error: unknown) => void;
  /** Migrations to apply in `init()`. Default: the files of src/store/postgres/migrations/. */
  migrations?: readonly Migration[];
}

/** Result of `init()` for this store: the common fields plus what the migration runner did. */
export interface PostgresInitResult extends StoreInitResult {
  migrations: MigrationResult;
}

/** The PostgreSQL store: a {@link SessionStore} whose `init()` always reports the migrations. */
export type PostgresSessionStore = Omit<SessionStore, 'init'> & { init(): Promise<PostgresInitResult> };

const DEFAULT_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const DEFAULT_MAX_SESSION_BYTES = 4 * 2 ** 20;
const DEFAULT_POOL_MAX = 10;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;
const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
const DEFAULT_PRUNE_BATCH = 500;
/** How long a reading of the total stored bytes is reused (plus this instance's own changes) for the quota. */
const TOTAL_BYTES_CHECK_MS = 1_000;
/** Probe rows of instances gone this long are removed when pruning. */
const STALE_PROBE_INTERVAL = '1 day';

interface SessionRow {
  token_hash: string;
  head: string;
  bytes: string;
  corrupt: boolean;
}

/** A session read and validated inside its transaction, with the canonical JSON of each message. */
interface LoadedSession {
  session: Session;
  messageJson: string[];
  bytes: number;
  wasFlaggedCorrupt: boolean;
}

/** Where a session lives, for SessionCorruptError and logs (no credentials). */
function sessionLocation(id: string): string {
  return `postgres:chat_sessions/${id}`;
}

/** `host:port/database` of a connection string, without user or password. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}${url.port === '' ? '' : `:${url.port}`}${url.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/**
 * Creates the PostgreSQL-backed {@link SessionStore}. Call `init()` (connects and migrates) before anything else and
 * `stop()` at shutdown (closes the pool).
 * @example
 * const store = createPostgresSessionStore({ connectionString: process.env.DATABASE_URL! });
 * await store.init();
 * const { session, token } = await store.create();
 */
export function createPostgresSessionStore(options: PostgresSessionStoreOptions): PostgresSessionStore {
  const ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
  const now = options.now ?? (() => new Date());
  const maxSessionBytes = options.maxSessionBytes ?? DEFAULT_MAX_SESSION_BYTES;
  const maxTotalBytes = options.maxTotalBytes ?? Number.POSITIVE_INFINITY;
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const pruneBatchSize = options.pruneBatchSize ?? DEFAULT_PRUNE_BATCH;
  if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
  const database = describeDatabase(options.connectionString);
  const instance = `${hostname()}:${process.pid}`.slice(0, 200);

  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolMax ?? DEFAULT_POOL_MAX,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    statement_timeout: statementTimeoutMs,
    // A write holds its session's row lock while the turn runs between statements: bounded like the wait for it.
    idle_in_transaction_session_timeout: lockTimeoutMs,
    // Client-side backstop for a server that stopped answering (network partition): the connection is dropped.
    query_timeout: lockTimeoutMs + statementTimeoutMs,
    application_name: 'adaptation-advisor',
    keepAlive: true,
  });
  // Without a listener an idle connection's error (server restart, network) would crash the process.
  pool.on('error', (error) => options.onConnectionError?.(error));

  const lock = createKeyedLock();
  let initialised = false;
  let stopped = false;
  let stopPruning: (() => void) | undefined;
  /** Last reading of the bytes all sessions hold, plus this instance's changes since. */
  let totalBytes: { atMs: number; bytes: number } | undefined;

  function requireInit(): void {
    if (!initialised) throw new Error('Session store used before init(); call `await store.init()` at start-up.');
  }

  /** Runs one statement; a pg failure becomes StoreUnavailableError for `operation`. */
  async function run<Row extends pg.QueryResultRow>(
    client: pg.Pool | pg.PoolClient,
    operation: string,
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<Row>> {
    try {
      return await client.query<Row>(text, values);
    } catch (error) {
      throw storeUnavailable(operation, error);
    }
  }

  /**
   * Runs `body` in a transaction on one pooled connection. Commits when it returns, rolls back when it throws (its
   * error is rethrown unchanged; pg failures are StoreUnavailableError already). A connection whose rollback failed
   * is destroyed, not returned to the pool. `lockWait` raises the statement timeout to the lock timeout until the
   * body lowers it again (see loadForUpdate).
   */
  async function transaction<T>(
    operation: string,
    body: (client: pg.PoolClient) => Promise<T>,
    { lockWait = false } = {},
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw storeUnavailable(operation, error);
    }
    let broken: Error | undefined;
    // A checked-out client has no pool listener: without this, the server ending the connection mid-transaction
    // (idle_in_transaction_session_timeout, a restart) would be an unhandled 'error' event and end the process.
    const onConnectionError = (error: Error) => {
      broken = error;
      options.onConnectionError?.(error);
    };
    client.on('error', onConnectionError);
    try {
      await run(client, operation, lockWait ? `BEGIN; SET LOCAL statement_timeout = ${lockTimeoutMs}` : 'BEGIN');
      const result = await body(client);
      await run(client, operation, 'COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      client.removeListener('error', onConnectionError);
      client.release(broken);
    }
  }

  /** Validates a row and its messages; throws SessionCorruptError (and flags the row) when they do not validate. */
  function parseSession(id: string, row: SessionRow, messageTexts: readonly string[]): LoadedSession {
    let candidate: unknown;
    try {
      // The columns are authoritative for id and token hash, whatever a hand-edited head says.
      candidate = {
        ...(JSON.parse(row.head) as object),
        id,
        tokenHash: row.token_hash,
        messages: messageTexts.map((text) => JSON.parse(text) as unknown),
      };
    } catch (error) {
      throw corruptError(id, `invalid JSON: ${(error as Error).message}`, error);
    }
    const parsed = Session.safeParse(candidate);
    if (!parsed.success) throw corruptError(id, `schema: ${z.prettifyError(parsed.error)}`, parsed.error);
    return {
      session: parsed.data,
      messageJson: parsed.data.messages.map((message) => JSON.stringify(message)),
      bytes: Number(row.bytes),
      wasFlaggedCorrupt: row.corrupt,
    };
  }

  function corruptError(id: string, reason: string, cause: unknown): SessionCorruptError {
    return new SessionCorruptError({ sessionId: id, file: sessionLocation(id), reason, cause });
  }

  /** Flag updates in flight; pruning waits for them, so it never deletes a session just found corrupt. */
  const pendingFlags = new Set<Promise<unknown>>();

  /**
   * Flags (or unflags) a row whose data did (or now does) not validate: a hint for pruning and for init's report.
   * Best effort and not awaited: inside a write's transaction the row is locked, so the flag lands after rollback.
   */
  function flagCorrupt(id: string, corrupt: boolean): void {
    const flag = pool
      .query('UPDATE chat_sessions SET corrupt = $2 WHERE id = $1', [id, corrupt])
      .catch(() => undefined);
    pendingFlags.add(flag);
    void flag.finally(() => pendingFlags.delete(flag));
  }

  /** Reads one session in one statement (one snapshot), without locking it. */
  async function loadUnlocked(id: string): Promise<LoadedSession | undefined> {
    const { rows } = await run<SessionRow & { message_texts: string[] | null }>(
      pool,
      `reading session ${id}`,
      `SELECT s.token_hash, s.head, s.bytes, s.corrupt,
              (SELECT array_agg(m.message ORDER BY m.position) FROM chat_session_messages m WHERE m.session_id = s.id)
                AS message_texts
         FROM chat_sessions s WHERE s.id = $1`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return checked(id, row, row.message_texts ?? []);
  }

  /**
   * Locks the session's row for this transaction (waiting up to the lock timeout for another instance's write), then
   * reads its messages in a second statement: under READ COMMITTED that statement's snapshot is taken after the lock
   * was granted, so it sees everything the previous holder committed. The same statement lowers the statement timeout
   * back (`set_config(..., true)` lasts until the transaction ends).
   */
  async function loadForUpdate(client: pg.PoolClient, id: string): Promise<LoadedSession | undefined> {
    const { rows } = await run<SessionRow>(
      client,
      `locking session ${id}`,
      'SELECT token_hash, head, bytes, corrupt FROM chat_sessions WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows[0];
    const { rows: messageRows } = await run<{ message_texts: string[] | null }>(
      client,
      `reading session ${id}`,
      `SELECT set_config('statement_timeout', $2, true),
              (SELECT array_agg(message ORDER BY position) FROM chat_session_messages WHERE session_id = $1)
                AS message_texts`,
      [id, String(statementTimeoutMs)],
    );
    if (row === undefined) return undefined;
    return checked(id, row, messageRows[0]?.message_texts ?? []);
  }

  function checked(id: string, row: SessionRow, messageTexts: readonly string[]): LoadedSession {
    try {
      const loaded = parseSession(id, row, messageTexts);
      if (loaded.wasFlaggedCorrupt) flagCorrupt(id, false); // repaired by an operator
      return loaded;
    } catch (error) {
      if (error instanceof SessionCorruptError && !row.corrupt) flagCorrupt(id, true);
      throw error;
    }
  }

  /** The session's head JSON, each message's JSON and the whole session's size; throws past maxSessionBytes. */
  function serialise(session: Session): { head: string; messageJson: string[]; bytes: number } {
    // The head is the session without what has its own column (id, token_hash) or rows (messages).
    const { id: _id, tokenHash: _tokenHash, messages, ...rest } = session;
    const head = JSON.stringify(rest);
    const messageJson = messages.map((message) => JSON.stringify(message));
    // The size of the session as one JSON document: head + id + tokenHash + the messages array.
    let bytes = Buffer.byteLength(head) + session.id.length + session.tokenHash.length + 40;
    for (const text of messageJson) bytes += Buffer.byteLength(text) + 1;
    if (bytes > maxSessionBytes) throw new SessionTooLargeError(session.id, bytes, maxSessionBytes);
    return { head, messageJson, bytes };
  }

  function recordBytes(delta: number): void {
    if (totalBytes !== undefined) totalBytes.bytes += delta;
  }

  async function ensureRoomForNewSession(): Promise<void> {
    if (maxTotalBytes === Number.POSITIVE_INFINITY) return;
    const nowMs = Date.now();
    if (totalBytes === undefined || nowMs - totalBytes.atMs >= TOTAL_BYTES_CHECK_MS) {
      const { rows } = await run<{ total: string }>(
        pool,
        'measuring the stored sessions',
        'SELECT COALESCE(sum(bytes), 0) AS total FROM chat_sessions',
      );
      totalBytes = { atMs: nowMs, bytes: Number(rows[0]?.total ?? 0) };
    }
    if (totalBytes.bytes >= maxTotalBytes) {
      throw new StoreFullError(`the sessions hold ${totalBytes.bytes} bytes, the most allowed is ${maxTotalBytes}`);
    }
  }

  /**
   * Writes `next` over `current` inside the locked transaction: only the messages from the first one that differs
   * are deleted and inserted (an append inserts just the new ones), and the session row is rewritten.
   */
  async function writeSession(client: pg.PoolClient, current: LoadedSession, next: Session): Promise<void> {
    const id = next.id;
    const { head, messageJson, bytes } = serialise(next);
    let keep = 0;
    const previous = current.messageJson;
    while (keep < previous.length && keep < messageJson.length && previous[keep] === messageJson[keep]) keep++;
    const operation = `writing session ${id}`;
    if (keep < previous.length) {
      await run(client, operation, 'DELETE FROM chat_session_messages WHERE session_id = $1 AND position >= $2', [
        id,
        keep,
      ]);
    }
    await run(
      client,
      operation,
      `WITH appended AS (
         INSERT INTO chat_session_messages (session_id, position, message)
         SELECT $1, $2::integer + ordinality::integer - 1, message FROM unnest($3::text[]) WITH ORDINALITY AS t(message)
       )
       UPDATE chat_sessions SET head = $4, updated_at = $5, messages = $6, bytes = $7 WHERE id = $1`,
      [id, keep, messageJson.slice(keep), head, next.updatedAt, messageJson.length, bytes],
    );
    recordBytes(bytes - current.bytes);
  }

  async function update(id: string, token: string | undefined, fn: SessionUpdater): Promise<Session | undefined> {
    if (!isValidSessionId(id)) {
      verifySessionToken(token, undefined);
      return undefined;
    }
    requireInit();
    // No await before lock.run: calls on one session from this instance queue in the order they were made.
    return lock.run(id, () =>
      transaction(
        `writing session ${id}`,
        async (client) => {
          const loaded = await loadForUpdate(client, id);
          if (!verifySessionToken(token, loaded?.session.tokenHash) || loaded === undefined) return undefined;
          const current = loaded.session;
          const draft = structuredClone(current);
          const returned = await fn(draft);
          const candidate = returned ?? draft;
          if (
            candidate.id !== current.id ||
            candidate.tokenHash !== current.tokenHash ||
            candidate.createdAt !== current.createdAt
          ) {
            throw new SessionValidationError(id, 'id, tokenHash and createdAt cannot be changed by an update');
          }
          const next = validateOrThrow(id, { ...candidate, updatedAt: now().toISOString() });
          await writeSession(client, loaded, next);
          return next;
        },
        { lockWait: true },
      ),
    );
  }

  const store = {
    async init(): Promise<PostgresInitResult> {
      const migrations = options.migrations ?? (await loadMigrations());
      // A dedicated connection without the statement timeout: waiting for another instance's migration is fine.
      const client = new pg.Client({
        connectionString: options.connectionString,
        connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        application_name: 'adaptation-advisor migrations',
      });
      client.on('error', () => undefined);
      let result: MigrationResult;
      try {
        await client.connect();
        result = await migrate(client, migrations);
      } catch (error) {
        if (error instanceof MigrationHistoryError) throw error;
        throw storeUnavailable(`opening ${database} (connect and migrate)`, error);
      } finally {
        await client.end().catch(() => undefined);
      }
      const { rows } = await run<{ sessions: number; corrupt: string[] | null }>(
        pool,
        `opening ${database}`,
        `SELECT count(*)::integer AS sessions, array_agg(id ORDER BY id) FILTER (WHERE corrupt) AS corrupt
           FROM chat_sessions`,
      );
      initialised = true;
      const corrupt = (rows[0]?.corrupt ?? []).map((id) => ({
        id,
        file: sessionLocation(id),
        reason: 'flagged corrupt when last read',
      }));
      return { sessions: rows[0]?.sessions ?? 0, corrupt, migrations: result };
    },

    async create(initial: CreateSessionInput = {}) {
      requireInit();
      await ensureRoomForNewSession();
      const chosen = initial.id;
      if (chosen !== undefined && !isValidSessionId(chosen)) {
        throw new RangeError('create: a chosen session id must match SESSION_ID_PATTERN (22 base64url characters)');
      }
      const token = newSessionToken();
      const timestamp = now().toISOString();
      for (;;) {
        const id = chosen ?? newSessionId();
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
        const session = validateOrThrow(id, candidate);
        const { head, messageJson, bytes } = serialise(session);
        const created = await lock.run(id, async () => {
          // One statement: the session row and its messages, or nothing when the id is taken (by any instance).
          const { rows } = await run<{ created: number }>(
            pool,
            `creating session ${id}`,
            `WITH inserted AS (
               INSERT INTO chat_sessions (id, token_hash, head, updated_at, messages, bytes)
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id
             ), appended AS (
               INSERT INTO chat_session_messages (session_id, position, message)
               SELECT inserted.id, ordinality::integer - 1, message
                 FROM inserted, unnest($7::text[]) WITH ORDINALITY AS t(message)
             )
             SELECT count(*)::integer AS created FROM inserted`,
            [id, session.tokenHash, head, session.updatedAt, messageJson.length, bytes, messageJson],
          );
          return rows[0]?.created === 1;
        });
        if (created) {
          recordBytes(bytes);
          return { session: structuredClone(session), token };
        }
        if (chosen !== undefined) throw new SessionExistsError(id);
        // A random 128-bit id that is taken: only a broken RNG gets here; try another.
      }
    },

    async has(id: string) {
      if (!isValidSessionId(id)) return false;
      requireInit();
      const { rowCount } = await run(pool, `looking up session ${id}`, 'SELECT 1 FROM chat_sessions WHERE id = $1', [
        id,
      ]);
      return rowCount === 1;
    },

    async get(id: string, token: string | undefined) {
      if (!isValidSessionId(id)) {
        verifySessionToken(token, undefined);
        return undefined;
      }
      requireInit();
      return lock.run(id, async () => {
        const loaded = await loadUnlocked(id);
        return verifySessionToken(token, loaded?.session.tokenHash) ? loaded?.session : undefined;
      });
    },

    update,

    appendMessages(id: string, token: string | undefined, messages: readonly NewMessage[], patch) {
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

    async delete(id: string, token: string | undefined) {
      if (!isValidSessionId(id)) {
        verifySessionToken(token, undefined);
        return false;
      }
      requireInit();
      return lock.run(id, () =>
        transaction(
          `deleting session ${id}`,
          async (client) => {
            const loaded = await loadForUpdate(client, id);
            if (!verifySessionToken(token, loaded?.session.tokenHash) || loaded === undefined) return false;
            await run(client, `deleting session ${id}`, 'DELETE FROM chat_sessions WHERE id = $1', [id]);
            recordBytes(-loaded.bytes);
            return true;
          },
          { lockWait: true },
        ),
      );
    },

    async pruneExpired() {
      requireInit();
      const cutoff = new Date(now().getTime() - ttlMs).toISOString();
      await Promise.all(pendingFlags);
      let removed = 0;
      for (;;) {
        // Sessions this instance is about to write are left alone (their write refreshes updated_at); rows another
        // instance is writing or pruning are locked, and SKIP LOCKED passes over them.
        const { rowCount } = await run(
          pool,
          'pruning expired sessions',
          `DELETE FROM chat_sessions WHERE id IN (
             SELECT id FROM chat_sessions
              WHERE updated_at < $1 AND NOT corrupt AND id <> ALL($3::text[])
              ORDER BY updated_at LIMIT $2
              FOR UPDATE SKIP LOCKED)`,
          [cutoff, pruneBatchSize, lock.busyKeys()],
        );
        removed += rowCount ?? 0;
        if ((rowCount ?? 0) < pruneBatchSize) break;
      }
      await run(
        pool,
        'pruning probe rows',
        `DELETE FROM store_probes WHERE probed_at < now() - interval '${STALE_PROBE_INTERVAL}'`,
      );
      if (removed > 0) totalBytes = undefined; // re-measured on the next create
      return removed;
    },

    startPruning(intervalMs: number, onError?: (error: unknown) => void) {
      stopPruning?.();
      stopPruning = schedulePruning(() => store.pruneExpired(), intervalMs, onError);
    },

    async stop() {
      stopPruning?.();
      stopPruning = undefined;
      await lock.drain();
      await Promise.all(pendingFlags);
      if (stopped) return;
      stopped = true;
      await pool.end();
    },

    async checkWritable(): Promise<WritableCheck> {
      // A real write and commit, one row per instance (replaced each time), so a full or read-only database shows.
      try {
        await pool.query(
          `INSERT INTO store_probes (instance, probed_at) VALUES ($1, now())
           ON CONFLICT (instance) DO UPDATE SET probed_at = excluded.probed_at`,
          [instance],
        );
        return { ok: true };
      } catch (error) {
        const code = postgresErrorCode(error);
        return { ok: false, code, reason: `cannot write to PostgreSQL ${database}: ${describeErrorCode(code, error)}` };
      }
    },

    async count() {
      requireInit();
      const { rows } = await run<{ sessions: number }>(
        pool,
        'counting sessions',
        'SELECT count(*)::integer AS sessions FROM chat_sessions',
      );
      return rows[0]?.sessions ?? 0;
    },
  } satisfies PostgresSessionStore;
  return store;
}
