/**
 * @module store/postgres/pg-errors: turns a `pg` failure (a SQLSTATE from the server, a socket error, a pool or
 * connection timeout) into the store's {@link StoreUnavailableError}, with a code the rest of the app already knows:
 * a full disk is `ENOSPC` and a read-only database `EROFS`, exactly like the file store's, so routes answer 503 and
 * `store_write_errors_total{code}` reads the same whichever store runs.
 */
import { errorCode, StoreUnavailableError } from '../store-errors.ts';

/** SQLSTATEs (exact, or by two-character class) and the store error code each maps to. */
const SQLSTATE_CODES: Record<string, string> = {
  '53100': 'ENOSPC', // disk_full
  '53200': 'ENOMEM', // out_of_memory
  '53300': 'PG_TOO_MANY_CONNECTIONS',
  '25006': 'EROFS', // read_only_sql_transaction: a hot standby, or default_transaction_read_only
  '57014': 'ETIMEDOUT', // query_canceled: statement_timeout
  '55P03': 'ETIMEDOUT', // lock_not_available: lock_timeout
  '25P03': 'ETIMEDOUT', // idle_in_transaction_session_timeout: a turn held its session too long
  '57P01': 'PG_SHUTDOWN', // admin_shutdown
  '57P02': 'PG_SHUTDOWN', // crash_shutdown
  '57P03': 'PG_SHUTDOWN', // cannot_connect_now
  '28000': 'EACCES', // invalid_authorization_specification
  '28P01': 'EACCES', // invalid_password
  '42501': 'EACCES', // insufficient_privilege
  '3D000': 'PG_NO_DATABASE',
  '42P01': 'PG_NO_SCHEMA', // undefined_table
  '08': 'ECONNRESET', // connection_exception class
};

/** The store error code of a `pg` or socket error (`ENOSPC`, `ECONNREFUSED`, `PG_<SQLSTATE>`, ...). */
export function postgresErrorCode(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) {
    return SQLSTATE_CODES[code] ?? SQLSTATE_CODES[code.slice(0, 2)] ?? `PG_${code}`;
  }
  if (code !== undefined) return code; // ECONNREFUSED, ECONNRESET, ENOTFOUND, ... from the socket
  // pg's own errors carry no code: the pool's or client's connection timeout, or a connection that went away.
  if (/timeout/i.test(message)) return 'ETIMEDOUT';
  if (/Connection terminated|not queryable|closed/i.test(message)) return 'ECONNRESET';
  if (error instanceof AggregateError) return postgresErrorCode(error.errors[0]);
  return 'PG_UNKNOWN';
}

/** A {@link StoreUnavailableError} for `operation` (e.g. "writing session <id>"), with the mapped code. */
export function storeUnavailable(operation: string, error: unknown): StoreUnavailableError {
  if (error instanceof StoreUnavailableError) return error;
  const code = postgresErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(operation, Object.assign(new Error(detail, { cause: error }), { code }));
}
