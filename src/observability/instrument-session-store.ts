/**
 * @module observability/instrument-session-store: a SessionStore wrapper that times every write in
 * `store_write_duration_seconds`, counts failed writes by errno code, and feeds the `sessions_stored` gauge.
 */
import type { SessionStore } from '../store/session-store.ts';
import { StoreUnavailableError } from '../store/store-errors.ts';
import type { AppMetrics } from './app-metrics.ts';

/** How old the `sessions_stored` reading may get before a scrape triggers a fresh `store.count()`. */
const SESSION_COUNT_MAX_AGE_MS = 15_000;

/**
 * Returns a store that behaves exactly like `store` and records, for `create`, `update`, `appendMessages` and
 * `delete`: the duration of each write that reached the disk (as the caller sees it: lock wait, read, write, fsync),
 * and `store_write_errors_total{code}` for each `StoreUnavailableError` (read-only or full disk, ...). Lookups that
 * write nothing (unknown session, wrong token) are not timed.
 *
 * Also feeds `sessions_stored`. The gauge is read synchronously while `store.count()` is async (a shared database's
 * `count(*)`), so the wrapper keeps the last count: read at init and after pruning, moved by this instance's creates
 * and deletes, and re-read in the background when a scrape finds it older than 15 s (other instances' changes).
 */
export function instrumentSessionStore(store: SessionStore, metrics: AppMetrics): SessionStore {
  let sessions = 0;
  let countedAtMs = Number.NEGATIVE_INFINITY;
  let counting: Promise<void> | undefined;
  const recount = (): Promise<void> => {
    counting ??= store
      .count()
      .then(
        (count) => {
          sessions = count;
          countedAtMs = performance.now();
        },
        () => undefined, // not initialised yet, or the database is down: keep the last reading
      )
      .finally(() => {
        counting = undefined;
      });
    return counting;
  };
  metrics.observeSessions(() => {
    if (performance.now() - countedAtMs > SESSION_COUNT_MAX_AGE_MS) void recount();
    return sessions;
  });
  void recount(); // a store opened before it was wrapped (src/index.ts) has sessions already

  async function timed<T>(write: () => Promise<T>, wrote: (result: T) => boolean): Promise<T> {
    const started = performance.now();
    try {
      const result = await write();
      if (wrote(result)) metrics.storeWrite((performance.now() - started) / 1000);
      return result;
    } catch (error) {
      if (error instanceof StoreUnavailableError) metrics.storeWriteFailed(error.code ?? 'unknown');
      throw error;
    }
  }

  return {
    init: async () => {
      const result = await store.init();
      await recount();
      return result;
    },
    create: (initial) =>
      timed(
        () => store.create(initial),
        () => {
          sessions += 1;
          return true;
        },
      ),
    has: (id) => store.has(id),
    get: (id, token) => store.get(id, token),
    update: (id, token, fn) =>
      timed(
        () => store.update(id, token, fn),
        (session) => session !== undefined,
      ),
    appendMessages: (id, token, messages, patch) =>
      timed(
        () => store.appendMessages(id, token, messages, patch),
        (session) => session !== undefined,
      ),
    delete: (id, token) =>
      timed(
        () => store.delete(id, token),
        (deleted) => {
          if (deleted) sessions = Math.max(0, sessions - 1);
          return deleted;
        },
      ),
    pruneExpired: async () => {
      const removed = await store.pruneExpired();
      await recount();
      return removed;
    },
    startPruning: (intervalMs, onError) => store.startPruning(intervalMs, onError),
    stop: () => store.stop(),
    checkWritable: () => store.checkWritable(),
    count: () => store.count(),
  };
}
