/** @module store/prune-schedule: the TTL pruning timer both session stores use. */

/**
 * Calls `prune` every `intervalMs` (the timer does not keep the process alive). A pass still running when the next is
 * due is not overlapped: that tick is skipped. Errors go to `onError`. Returns a function that stops the timer.
 */
export function schedulePruning(
  prune: () => Promise<unknown>,
  intervalMs: number,
  onError?: (error: unknown) => void,
): () => void {
  if (!(intervalMs > 0)) throw new RangeError(`Pruning interval must be positive, got ${intervalMs}`);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    prune()
      .catch((error: unknown) => onError?.(error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
