/** @module store/store-errors: domain errors of the session store (they know nothing about HTTP). */
import { AppError } from '../errors.ts';

/**
 * A session file (or, with PostgreSQL, a session's rows) exists but cannot be parsed or does not match the session
 * schema. It is left untouched (never rewritten or deleted by the store) so an operator can inspect or restore it.
 * `file` names where it is: a path, or `postgres:chat_sessions/<id>`.
 */
export class SessionCorruptError extends Error {
  override readonly name = 'SessionCorruptError';
  readonly sessionId: string;
  readonly file: string;

  constructor(options: { sessionId: string; file: string; reason: string; cause?: unknown }) {
    super(`Session file ${options.file} is corrupt (${options.reason}); it was left untouched.`, {
      cause: options.cause,
    });
    this.sessionId = options.sessionId;
    this.file = options.file;
  }
}

/**
 * The store cannot read or write its directory (read-only file system, disk full, permission denied, ...). Existing
 * data is unchanged. `code` is the underlying errno code when there is one (e.g. `EROFS`, `ENOSPC`, `EACCES`).
 */
export class StoreUnavailableError extends Error {
  override readonly name: string = 'StoreUnavailableError';
  readonly code: string | undefined;

  constructor(operation: string, cause: unknown) {
    const code = errorCode(cause);
    super(`Session store unavailable: ${operation} failed (${describeErrorCode(code, cause)})`, { cause });
    this.code = code;
  }
}

/**
 * New sessions are refused: the session files together hold the configured maximum, or the disk under them has less
 * free space than the configured minimum (a high-water mark). Existing sessions keep working. Mapped like any
 * {@link StoreUnavailableError} (HTTP 503, retry later); `code` is `STORE_FULL`.
 */
export class StoreFullError extends StoreUnavailableError {
  override readonly name = 'StoreFullError';
  readonly reason: string;

  constructor(reason: string) {
    super('creating a session', Object.assign(new Error(reason), { code: STORE_FULL_CODE }));
    this.message = `${this.message.slice(0, -1)}; ${reason})`;
    this.reason = reason;
  }
}

/** The `code` of a {@link StoreFullError}. */
export const STORE_FULL_CODE = 'STORE_FULL';

/**
 * A write would make one session's file larger than the per-session cap; nothing was written. Its code is the one of
 * the message cap (`session_message_limit`, HTTP 409): in both cases the session is full and a new chat continues.
 */
export class SessionTooLargeError extends AppError {
  override name = 'SessionTooLargeError';
  readonly sessionId: string;
  readonly bytes: number;
  readonly maxBytes: number;

  constructor(sessionId: string, bytes: number, maxBytes: number) {
    super(
      'session_message_limit',
      `This chat session has reached its size limit of ${maxBytes} bytes; nothing was saved. Start a new chat ` +
        '(send no x-session-id) to continue.',
      {
        details: [{ path: 'x-session-id', message: `The session would hold ${bytes} bytes; the limit is ${maxBytes}` }],
      },
    );
    this.sessionId = sessionId;
    this.bytes = bytes;
    this.maxBytes = maxBytes;
  }
}

/** `create` was given the id of a session that exists (e.g. a second first turn on one chat id). Nothing was written. */
export class SessionExistsError extends Error {
  override readonly name = 'SessionExistsError';
  readonly sessionId: string;

  constructor(sessionId: string) {
    super(`A session with id ${sessionId} exists already`);
    this.sessionId = sessionId;
  }
}

/** An `update` callback produced a session that does not validate, or changed an immutable field. Nothing was written. */
export class SessionValidationError extends Error {
  override readonly name = 'SessionValidationError';
  readonly sessionId: string;

  constructor(sessionId: string, reason: string, cause?: unknown) {
    super(`Refusing to write session ${sessionId}: ${reason}`, { cause });
    this.sessionId = sessionId;
  }
}

/** The errno code (`ENOSPC`, ...) of a Node fs error, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

const CODE_DESCRIPTIONS: Record<string, string> = {
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENOTDIR: 'a path component is not a directory',
  EISDIR: 'path is a directory',
  ENOENT: 'directory missing',
  EMFILE: 'too many open files',
  STORE_FULL: 'the session store is full, new sessions are refused',
  ENFILE: 'too many open files in system',
  // The PostgreSQL store (postgres/pg-errors.ts maps SQLSTATEs onto these and the errno codes above).
  ECONNREFUSED: 'connection refused: is the database running and reachable?',
  ECONNRESET: 'the database connection was lost',
  ETIMEDOUT: 'timed out waiting for the database',
  ENOTFOUND: 'database host not found',
  ENOMEM: 'the database is out of memory',
  PG_TOO_MANY_CONNECTIONS: 'the database has no free connection slot',
  PG_SHUTDOWN: 'the database is shutting down or starting up',
  PG_NO_DATABASE: 'the database named in DATABASE_URL does not exist',
  PG_NO_SCHEMA: 'the session tables are missing (migrations not applied?)',
};

/** A short human explanation of an errno code, e.g. `EROFS: read-only file system`. */
export function describeErrorCode(code: string | undefined, cause?: unknown): string {
  if (code === undefined) return cause instanceof Error ? cause.message : String(cause);
  const description = CODE_DESCRIPTIONS[code];
  return description === undefined ? code : `${code}: ${description}`;
}
