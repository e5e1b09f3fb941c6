/**
 * @module store/session-store-from-config: picks the session store from the configuration. `DATABASE_URL` set →
 * PostgreSQL (shared by every instance, migrated by `init()`); unset → one JSON file per session under DATA_DIR (the
 * embedded default: nothing to install).
 */
import type { Config } from '../config/env.ts';
import { createFileSessionStore } from './file-session-store.ts';
import { createPostgresSessionStore, describeDatabase } from './postgres-session-store.ts';
import type { SessionStore } from './session-store.ts';

/** The chosen store, not initialised yet, and where it keeps sessions (for the log; never a password). */
export function sessionStoreFromConfig(
  config: Config,
  options: { onConnectionError?: (error: unknown) => void } = {},
): { store: SessionStore; location: string } {
  const maxTotalBytes =
    config.SESSIONS_MAX_TOTAL_BYTES > 0 ? config.SESSIONS_MAX_TOTAL_BYTES : Number.POSITIVE_INFINITY;
  if (config.DATABASE_URL !== undefined) {
    const store = createPostgresSessionStore({
      connectionString: config.DATABASE_URL,
      ttlMs: config.SESSION_TTL_MS,
      maxSessionBytes: config.SESSION_MAX_BYTES,
      maxTotalBytes,
      poolMax: config.PG_POOL_MAX,
      connectTimeoutMs: config.PG_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.PG_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: config.PG_LOCK_TIMEOUT_MS,
      ...(options.onConnectionError === undefined ? {} : { onConnectionError: options.onConnectionError }),
    });
    return { store, location: `postgresql ${describeDatabase(config.DATABASE_URL)}` };
  }
  const store = createFileSessionStore({
    dataDir: config.DATA_DIR,
    ttlMs: config.SESSION_TTL_MS,
    maxCachedBytes: config.SESSION_CACHE_BYTES,
    maxSessionBytes: config.SESSION_MAX_BYTES,
    maxTotalBytes,
    minFreeBytes: config.SESSIONS_MIN_FREE_DISK_BYTES,
  });
  return { store, location: 'files under DATA_DIR/sessions' };
}
