/**
 * @module store/session-store: the SessionStore interface the chat and HTTP layers depend on. Implementations: the
 * one-file-per-session lowdb store ({@link createFileSessionStore}, the embedded default) and PostgreSQL
 * ({@link createPostgresSessionStore}, shared by several instances; chosen when DATABASE_URL is set).
 */
import type { Profile } from '../profile/profile-schema.ts';
import type { Session, StoredMessage } from './session-schema.ts';

export { createFileSessionStore, type FileSessionStoreOptions } from './file-session-store.ts';
export { createPostgresSessionStore, type PostgresSessionStoreOptions } from './postgres-session-store.ts';

/** A message to append. `id` defaults to a random id and `createdAt` to the store's clock. */
export interface NewMessage {
  id?: string;
  role: StoredMessage['role'];
  text: string;
  createdAt?: string;
  parts?: unknown[];
  meta?: Record<string, unknown>;
}

/**
 * Fields to replace alongside an append. A given `profile` replaces the stored profile (the caller merges);
 * `requestedField: undefined` (present but undefined) clears the field last asked about.
 */
export interface SessionPatch {
  profile?: Profile;
  requestedField?: string | undefined;
  questionsAsked?: number;
}

/** What a new session may start with. */
export interface CreateSessionInput {
  /**
   * The session id to use instead of a random one (it must match `SESSION_ID_PATTERN`, e.g. from
   * `sessionIdForChat(chatId)`). Throws `SessionExistsError` when a session with that id exists: nothing is written.
   */
  id?: string;
  profile?: Profile;
  requestedField?: string;
  questionsAsked?: number;
  messages?: NewMessage[];
}

/** A session (file or rows) that could not be parsed or validated. The store never rewrites or deletes it. */
export interface CorruptSessionReport {
  id: string;
  file: string;
  reason: string;
}

/** Result of {@link SessionStore.init}. `sessions` counts every session found, corrupt ones included. */
export interface StoreInitResult {
  sessions: number;
  corrupt: CorruptSessionReport[];
  /** PostgreSQL only: the migrations this start-up applied, the schema version, and versions newer than the code. */
  migrations?: { applied: string[]; version: number; unknown: number[] };
}

/** Result of {@link SessionStore.checkWritable}; `code` is the errno code (`EROFS`, `ENOSPC`, `EACCES`, ...). */
export interface WritableCheck {
  ok: boolean;
  reason?: string;
  code?: string;
}

/** Receives a private copy of the session; mutate it in place or return a replacement. May be async. */
// biome-ignore lint/suspicious/noConfusingVoidType: callbacks that only mutate (sync or async) return void / Promise<void>.
export type SessionUpdater = (session: Session) => void | Session | Promise<void | Session>;

/**
 * Durable chat sessions. Every operation on one session runs under that session's lock, in call order. A wrong or
 * missing token, an unknown id and a malformed id all give the same answer (`undefined` / `false`), so callers can
 * answer 404 without revealing whether a session exists. Returned sessions are copies: mutating them changes nothing.
 * Returned sessions include `tokenHash`; strip it before sending a session to a client.
 */
export interface SessionStore {
  /**
   * Prepares the store: the file store creates its directories and indexes the session files; PostgreSQL connects
   * and applies its migrations. Corrupt sessions found are reported, never touched.
   */
  init(): Promise<StoreInitResult>;
  /** Creates and persists a session. The token is returned only here; only its sha256 is stored. */
  create(initial?: CreateSessionInput): Promise<{ session: Session; token: string }>;
  /**
   * True when a session with this id exists (its token is not checked). Async because with a shared database only
   * the database knows (the file store answers from its in-memory index).
   */
  has(id: string): Promise<boolean>;
  /** The session, or undefined (unknown id, wrong/missing token, malformed id). Throws `SessionCorruptError`. */
  get(id: string, token: string | undefined): Promise<Session | undefined>;
  /**
   * Runs `fn` on a fresh copy inside the session's lock, sets `updatedAt`, validates and persists. Resolves with the
   * stored session only once it is durable (on disk, or committed); undefined when the session is not found or the
   * token is wrong.
   * Throws `SessionValidationError` (nothing written), `StoreUnavailableError`, `SessionCorruptError`.
   */
  update(id: string, token: string | undefined, fn: SessionUpdater): Promise<Session | undefined>;
  /** `update` that appends `messages` in order and applies `patch`. */
  appendMessages(
    id: string,
    token: string | undefined,
    messages: readonly NewMessage[],
    patch?: SessionPatch,
  ): Promise<Session | undefined>;
  /** Deletes the session (its file, or its rows). False when not found or the token is wrong. */
  delete(id: string, token: string | undefined): Promise<boolean>;
  /** Removes sessions whose `updatedAt` is older than the TTL; returns how many. Corrupt sessions are kept. */
  pruneExpired(): Promise<number>;
  /** Runs `pruneExpired` every `intervalMs` (timer does not keep the process alive). */
  startPruning(intervalMs: number, onError?: (error: unknown) => void): void;
  /** Stops pruning and waits for every queued operation to settle. */
  stop(): Promise<void>;
  /** A real write to the store's storage (a probe file, or a probe row in the database), for /readyz. */
  checkWritable(): Promise<WritableCheck>;
  /**
   * Number of sessions stored, corrupt ones included: O(1) from the file store's index, a `count(*)` in the shared
   * database (all instances' sessions). For gauges, see observability/instrument-session-store.ts (it caches it).
   */
  count(): Promise<number>;
}
