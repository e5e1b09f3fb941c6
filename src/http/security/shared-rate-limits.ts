/**
 * @module http/security/shared-rate-limits: rate limits and session quotas shared by every instance, in PostgreSQL
 * (selected by `DATABASE_URL`), through rate-limiter-flexible's `RateLimiterPostgres`.
 *
 * All limiters of a store count in one table (`rate_limits`: key, points, expire), each under its own key prefix.
 * A charge is one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so N instances admit N requests in total, not
 * N per instance. The table is created at start-up if missing (`CREATE TABLE IF NOT EXISTS`, safe when instances
 * start together) and rows whose window ended more than a minute ago are deleted every five minutes. Window ends are
 * computed by the library from the clock of the instance that opens the window, so instances need synchronised clocks.
 *
 * When the database is down: each instance falls back to its own in-memory limiters with the same limits (the
 * "insurance limiter" of rate-limiter-flexible) and logs one warning; it tries the database again after
 * `retryAfterMs` and logs once when it is back. So a client gets at most N × instances during an outage, requests
 * never wait on a dead database for more than one timeout, and limits are never switched off (failing open would
 * lift the LLM budget exactly when something is wrong; failing closed would refuse even routes that do not need the
 * database).
 */
import pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Logger } from '../../logger.ts';
import {
  chargeAllOrNothing,
  checkLimiterSpec,
  createMemoryRateLimitStore,
  decisionOf,
  type RateLimiter,
  type RateLimiterSpec,
  type RateLimitStore,
  refundOne,
} from './rate-limiter.ts';

/** The table every limiter of a PostgreSQL store counts in. */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** How long a database call of the limiters may take before the instance limits on its own (connect or query). */
export const RATE_LIMIT_DB_TIMEOUT_MS = 2000;

/** Same columns as rate-limiter-flexible's own statement, so the library would find the table as it expects. */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
)`;

export interface PostgresRateLimitStoreOptions {
  /** The pool to count through; closed by `close()` when `ownsPool` is true. */
  pool: pg.Pool;
  ownsPool?: boolean;
  /** After a database error, how long this instance counts in memory before trying the database again; default 5 s. */
  retryAfterMs?: number;
  /** How often rows of ended windows are deleted; default 5 minutes, 0 = never. */
  cleanupIntervalMs?: number;
  /** The per-instance fallback; default an in-memory store with the default key bound. */
  fallback?: RateLimitStore;
  /** Told when the database stops answering (once per outage) and when it answers again. */
  onUnavailable?: (error: unknown) => void;
  onRecovered?: () => void;
}

/** The statement that creates the limiters' table (idempotent); for migrations and the store's start-up. */
export function rateLimitTableStatement(): string {
  return CREATE_TABLE;
}

/** Creates the table when missing; concurrent start-ups of several instances are fine. */
async function ensureTable(pool: pg.Pool): Promise<void> {
  try {
    await pool.query(CREATE_TABLE);
  } catch (error) {
    // Two sessions creating the same table at once: one wins, the other sees a duplicate type or table.
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw error;
  }
}

/**
 * A {@link RateLimitStore} in PostgreSQL with a per-instance in-memory fallback; see the module comment. Creates the
 * table if it can; when the database is down at start-up the limiters start on the fallback and create the table
 * once it answers.
 */
export async function createPostgresRateLimitStore(options: PostgresRateLimitStoreOptions): Promise<RateLimitStore> {
  const { pool } = options;
  const retryAfterMs = options.retryAfterMs ?? 5000;
  const fallback = options.fallback ?? createMemoryRateLimitStore();
  let tableReady = false;
  /** While the database is considered down: until when the fallback is used without trying the database. */
  let unavailableUntil = 0;
  let unavailable = false;

  async function prepare(): Promise<void> {
    if (tableReady) return;
    await ensureTable(pool);
    tableReady = true;
  }

  function failed(error: unknown): void {
    unavailableUntil = Date.now() + retryAfterMs;
    if (!unavailable) {
      unavailable = true;
      options.onUnavailable?.(error);
    }
  }

  function succeeded(): void {
    if (unavailable) {
      unavailable = false;
      options.onRecovered?.();
    }
  }

  /** Runs `shared` against the database, or `local` while it is down or when `shared` fails. */
  async function either<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (Date.now() < unavailableUntil) return local();
    let value: T;
    try {
      await prepare();
      value = await shared();
    } catch (error) {
      failed(error);
      return local();
    }
    succeeded();
    return value;
  }

  try {
    await prepare();
  } catch (error) {
    failed(error);
  }

  const cleanupIntervalMs = options.cleanupIntervalMs ?? 5 * 60_000;
  const cleanup =
    cleanupIntervalMs > 0
      ? setInterval(() => {
          if (!tableReady || Date.now() < unavailableUntil) return;
          // Idempotent: instances that run it at the same time delete nothing twice.
          pool.query(`DELETE FROM ${RATE_LIMIT_TABLE} WHERE expire < $1`, [Date.now() - 60_000]).catch(() => undefined);
        }, cleanupIntervalMs)
      : undefined;
  cleanup?.unref();

  return {
    kind: 'postgres',
    createLimiter(spec: RateLimiterSpec): RateLimiter {
      checkLimiterSpec(spec);
      const limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true, // created by this store (see prepare), not by each limiter's constructor
        clearExpiredByTimeout: false, // one clean-up per store instead of one timer per limiter
        keyPrefix: spec.name,
        points: spec.limit,
        duration: spec.windowMs / 1000,
      });
      const local = fallback.createLimiter(spec);
      return {
        limit: spec.limit,
        windowMs: spec.windowMs,
        async consume(key, cost = 1) {
          if (!Number.isInteger(cost) || cost < 1) throw new RangeError(`cost must be a positive integer, got ${cost}`);
          return either(
            async () => {
              const { result, allowed } = await chargeAllOrNothing(limiter, key, cost);
              return decisionOf(result, allowed, spec);
            },
            () => local.consume(key, cost),
          );
        },
        refund: (key) =>
          either(
            () => refundOne(limiter, key),
            () => local.refund(key),
          ),
      };
    },
    async close() {
      if (cleanup !== undefined) clearInterval(cleanup);
      await fallback.close();
      if (options.ownsPool === true) await pool.end();
    },
  };
}

/**
 * The store for `DATABASE_URL`: a small pool of its own (so a busy session store cannot starve the limiters), with
 * connect and query timeouts of {@link RATE_LIMIT_DB_TIMEOUT_MS}, logging when the database goes away and comes back.
 */
export async function openPostgresRateLimitStore(databaseUrl: string, logger: Logger): Promise<RateLimitStore> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    connectionTimeoutMillis: RATE_LIMIT_DB_TIMEOUT_MS,
    query_timeout: RATE_LIMIT_DB_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'advisor-rate-limits',
  });
  // An idle connection cut by a database restart emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (error) => logger.warn('rate-limit database connection lost', { error: error.message }));
  return createPostgresRateLimitStore({
    pool,
    ownsPool: true,
    onUnavailable: (error) =>
      logger.warn('rate-limit database unavailable: limiting per instance until it answers again', {
        error: error instanceof Error ? error.message : String(error),
      }),
    onRecovered: () => logger.info('rate-limit database available again: limits are shared across instances'),
  });
}

/**
 * The rate-limit store of a configuration: PostgreSQL when `databaseUrl` (DATABASE_URL) is set, so every instance
 * shares the limits, else this process's memory.
 */
export async function openRateLimitStore(databaseUrl: string | undefined, logger: Logger): Promise<RateLimitStore> {
  if (databaseUrl === undefined || databaseUrl === '') return createMemoryRateLimitStore();
  const store = await openPostgresRateLimitStore(databaseUrl, logger);
  logger.info('rate limits shared through PostgreSQL', { table: RATE_LIMIT_TABLE });
  return store;
}
