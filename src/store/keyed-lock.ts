/** @module store/keyed-lock: a promise-chain mutex per key, so tasks on one key run one at a time in call order. */

/** Runs tasks one at a time per key; tasks on different keys run concurrently. */
export interface KeyedLock {
  /**
   * Queues `task` behind every task already queued for `key` and resolves or rejects with its result. Tasks for one
   * key start in the order `run` was called; a failing task does not stop the ones after it.
   */
  run<T>(key: string, task: () => T | Promise<T>): Promise<T>;
  /** Number of keys that currently have a running or queued task (entries are removed when a key goes idle). */
  readonly activeKeys: number;
  /** The keys that currently have a running or queued task. */
  busyKeys(): string[];
  /** Resolves once every task queued so far, on every key, has settled. */
  drain(): Promise<void>;
}

/**
 * Creates a {@link KeyedLock}. Memory stays proportional to the keys that are busy right now: a key's entry is dropped
 * as soon as its last queued task settles.
 * @example
 * const lock = createKeyedLock();
 * await Promise.all([lock.run('a', slowWrite), lock.run('a', otherWrite)]); // otherWrite starts after slowWrite
 */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<void>>();
  return {
    run<T>(key: string, task: () => T | Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get activeKeys() {
      return tails.size;
    },
    busyKeys() {
      return [...tails.keys()];
    },
    async drain() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
