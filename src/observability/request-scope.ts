/**
 * @module observability/request-scope: the current request (id and logger) carried through async calls with
 * `AsyncLocalStorage`, so code that has no Hono context (chat service, LLM layer, store) can still log with the
 * request id.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogFields, Logger } from '../logger.ts';

/** The request a piece of code runs for. */
export interface RequestScope {
  requestId: string;
  /** The request's child logger (every line carries `requestId`). */
  logger: Logger;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and every async continuation it starts) inside `scope`. Returns what `fn` returns. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The request the caller runs for, or undefined outside a request (start-up, timers, shutdown). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * The current request's logger when called during a request, else `fallback`.
 * @example
 * // deep in the LLM layer, without the Hono context:
 * currentRequestLogger(rootLogger).warn('llm fallback', { reason: 'timeout' }); // carries the requestId
 */
export function currentRequestLogger(fallback: Logger): Logger {
  return storage.getStore()?.logger ?? fallback;
}

/**
 * Wraps `base` so that every line written while a request is running carries that request's `requestId`, even when
 * the code logging holds the process-wide logger. Lines outside a request are unchanged. A `requestId` given in the
 * call's fields wins, and a child bound to its own `requestId` is returned unwrapped.
 */
export function requestAwareLogger(base: Logger): Logger {
  const withRequestId = (fields: LogFields | undefined): LogFields | undefined => {
    const scope = storage.getStore();
    return scope === undefined ? fields : { requestId: scope.requestId, ...fields };
  };
  return {
    get level() {
      return base.level;
    },
    debug: (message, fields) => base.debug(message, withRequestId(fields)),
    info: (message, fields) => base.info(message, withRequestId(fields)),
    warn: (message, fields) => base.warn(message, withRequestId(fields)),
    error: (message, fields) => base.error(message, withRequestId(fields)),
    child: (bindings) => {
      const child = base.child(bindings);
      // A child bound to its own request id (the request logger) needs no lookup.
      return 'requestId' in bindings ? child : requestAwareLogger(child);
    },
  };
}
