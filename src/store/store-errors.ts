/** @module store/store-errors: domain errors of the session store (they know nothing about HTTP). */

/**
 * A session file exists but cannot be parsed or does not match the session schema. The file is left untouched
 * (never rewritten or deleted by the store) so an operator can inspect or restore it.
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
  override readonly name = 'StoreUnavailableError';
  readonly code: string | undefined;

  constructor(operation: string, cause: unknown) {
    const code = errorCode(cause);
    super(`Session store unavailable: ${operation} failed (${describeErrorCode(code, cause)})`, { cause });
    this.code = code;
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
  ENFILE: 'too many open files in system',
};

/** A short human explanation of an errno code, e.g. `EROFS: read-only file system`. */
export function describeErrorCode(code: string | undefined, cause?: unknown): string {
  if (code === undefined) return cause instanceof Error ? cause.message : String(cause);
  const description = CODE_DESCRIPTIONS[code];
  return description === undefined ? code : `${code}: ${description}`;
}
