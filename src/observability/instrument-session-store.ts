/**
 * @module observability/instrument-session-store: a SessionStore wrapper that times every write in
 * `store_write_duration_seconds`, counts failed writes by errno code, and feeds the `sessions_stored` gauge.
 */
import type { SessionStore } from '../store/session-store.ts';
import { StoreUnavailableError } from '../store/store-errors.ts';
import type { AppMetrics } from './app-metrics.ts';

/**
 * Returns a store that behaves exactly like `store` and records, for `create`, `update`, `appendMessages` and
 * `delete`: the duration of each write that reached the disk (as the caller sees it: lock wait, read, write, fsync),
 * and `store_write_errors_total{code}` for each `StoreUnavailableError` (read-only or full disk, ...). Lookups that
 * write nothing (unknown session, wrong token) are not timed. Also makes `sessions_stored` read `store.count()`.
 */
export function instrumentSessionStore(store: SessionStore, metrics: AppMetrics): SessionStore {
  metrics.observeSessions(() => store.count());

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
    init: () => store.init(),
    create: (initial) =>
      timed(
        () => store.create(initial),
        () => true,
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
        (deleted) => deleted,
      ),
    pruneExpired: () => store.pruneExpired(),
    startPruning: (intervalMs, onError) => store.startPruning(intervalMs, onError),
    stop: () => store.stop(),
    checkWritable: () => store.checkWritable(),
    count: () => store.count(),
  };
}
