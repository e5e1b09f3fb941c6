/**
 * @module http/security/session-limits: the cap on messages per chat session (`MAX_MESSAGES_PER_SESSION`), enforced
 * where it cannot race: inside the session store's per-session lock, on the copy about to be written. With the
 * PostgreSQL store that lock is the session row's lock, so the cap holds across instances with no counter of its own
 * (tests/multi-instance). The per-client quotas (sessions per hour, requests per minute) are counted by the limiters
 * of rate-limiter.ts / shared-rate-limits.ts instead.
 */
import { AppError } from '../../errors.ts';
import type { SessionStore } from '../../store/session-store.ts';

/** Error code of a turn refused because the session is full; mapped to HTTP 409 (see SECURITY_ERROR_STATUS). */
export const SESSION_MESSAGE_LIMIT_CODE = 'session_message_limit';

/** A write would take a session past its message cap. Nothing was written. */
export class SessionMessageLimitError extends AppError {
  override name = 'SessionMessageLimitError';
  readonly limit: number;

  constructor(limit: number) {
    super(
      SESSION_MESSAGE_LIMIT_CODE,
      `This chat session has reached its limit of ${limit} messages; nothing was saved. Start a new chat ` +
        '(send no x-session-id) to continue.',
      {
        details: [{ path: 'x-session-id', message: `The session already holds the most messages allowed (${limit})` }],
      },
    );
    this.limit = limit;
  }
}

/**
 * Wraps `store` so that no `update` can leave a session with more than `maxMessages` messages: the check runs on the
 * draft inside the store's lock, after the caller's changes and before the write, so concurrent turns cannot slip past
 * it (`appendMessages` is checked just before, best effort). An over-limit write throws {@link SessionMessageLimitError} and writes nothing.
 * Everything else is passed through unchanged.
 */
export function limitSessionMessages(store: SessionStore, maxMessages: number): SessionStore {
  if (!Number.isInteger(maxMessages) || maxMessages <= 0) {
    throw new RangeError(`maxMessages must be a positive integer, got ${maxMessages}`);
  }
  return {
    ...bindAll(store),
    update(id, token, fn) {
      return store.update(id, token, async (draft) => {
        const returned = await fn(draft);
        const next = returned ?? draft;
        if (next.messages.length > maxMessages) throw new SessionMessageLimitError(maxMessages);
        return returned;
      });
    },
    async appendMessages(id, token, messages, patch) {
      // Best effort: the inner appendMessages builds the stored messages itself, so the count is checked just before
      // (a concurrent append can slip past by one call). The chat routes use `update`, where the check is exact.
      const current = await store.get(id, token);
      if (current === undefined) return undefined;
      if (current.messages.length + messages.length > maxMessages) throw new SessionMessageLimitError(maxMessages);
      return store.appendMessages(id, token, messages, patch);
    },
  };
}

/** The store's methods bound to it, so spreading the wrapper keeps `this`-free implementations and others working. */
function bindAll(store: SessionStore): SessionStore {
  return {
    init: () => store.init(),
    create: (initial) => store.create(initial),
    has: (id) => store.has(id),
    get: (id, token) => store.get(id, token),
    update: (id, token, fn) => store.update(id, token, fn),
    appendMessages: (id, token, messages, patch) => store.appendMessages(id, token, messages, patch),
    delete: (id, token) => store.delete(id, token),
    pruneExpired: () => store.pruneExpired(),
    startPruning: (intervalMs, onError) => store.startPruning(intervalMs, onError),
    stop: () => store.stop(),
    checkWritable: () => store.checkWritable(),
    count: () => store.count(),
  };
}
