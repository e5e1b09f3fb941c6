/**
 * A consecutive-failure circuit breaker for the LLM.
 *
 * - closed: calls go through; `threshold` consecutive failures open it.
 * - open: calls are refused until `cooldownMs` has passed since it opened.
 * - half-open: after the cool-down exactly one trial call goes through (others are refused); its success closes the
 *   breaker, its failure opens it again for another cool-down.
 *
 * Time comes from the injected `now` so tests need no fake timers.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

/** What `/readyz` shows. `openUntil` is an ISO date while open, else null. */
export interface BreakerStatus {
  readonly state: BreakerState;
  readonly consecutiveFailures: number;
  readonly openUntil: string | null;
}

export interface CircuitBreaker {
  /** True if a call may go through now; in half-open it admits a single trial call and reserves it. */
  tryAcquire(): boolean;
  /** Report the outcome of a call that `tryAcquire` admitted. */
  recordSuccess(): void;
  recordFailure(): void;
  /** Report that an admitted call ended without telling anything about the LLM's health (e.g. the client left). */
  recordNeutral(): void;
  status(): BreakerStatus;
}

export interface CircuitBreakerOptions {
  readonly threshold: number;
  readonly cooldownMs: number;
  readonly now?: () => number;
}

/** Create a breaker, initially closed. */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let consecutiveFailures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  const currentState = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= options.cooldownMs ? 'half-open' : 'open';
  };

  return {
    tryAcquire() {
      const state = currentState();
      if (state === 'closed') return true;
      if (state === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    recordSuccess() {
      consecutiveFailures = 0;
      openedAt = null;
      trialInFlight = false;
    },
    recordFailure() {
      consecutiveFailures += 1;
      const wasTrial = trialInFlight;
      trialInFlight = false;
      if (wasTrial || consecutiveFailures >= options.threshold) openedAt = now();
    },
    recordNeutral() {
      trialInFlight = false;
    },
    status() {
      const state = currentState();
      return {
        state,
        consecutiveFailures,
        openUntil: state === 'open' && openedAt !== null ? new Date(openedAt + options.cooldownMs).toISOString() : null,
      };
    },
  };
}
