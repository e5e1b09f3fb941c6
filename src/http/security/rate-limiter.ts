/**
 * @module http/security/rate-limiter: an in-memory fixed-window counter per key (an API key digest or a client
 * address). Windows are aligned to multiples of `windowMs` since the epoch, so when a window ends every counter of the
 * previous one is stale and the whole table is dropped at once: memory holds only the keys seen in the current window,
 * and never more than `maxKeys` of them (the oldest key is evicted first, which at worst forgives that client's count).
 * One process only: with several instances behind a load balancer each enforces its own limit.
 */

/** The outcome of one {@link FixedWindowLimiter.consume}: whether to serve and what the rate-limit headers say. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests allowed per window. */
  limit: number;
  /** Requests left in this window after this one (0 when rejected). */
  remaining: number;
  /** Whole seconds until the window ends (at least 1). */
  resetSeconds: number;
  /** The window length, in seconds (for `RateLimit-Policy`). */
  windowSeconds: number;
}

export interface FixedWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /**
   * Counts `cost` requests (default 1) for `key` and says whether they fit within the limit. All or nothing: a
   * rejected charge is not counted at all.
   */
  consume(key: string, cost?: number): RateLimitDecision;
  /** Gives back one request counted in the current window (e.g. a reserved session that was not created). */
  refund(key: string): void;
  /** Keys held in memory now. */
  size(): number;
}

export interface FixedWindowLimiterOptions {
  /** Requests allowed per key per window; must be a positive integer. */
  limit: number;
  /** Window length in milliseconds; default 60,000. */
  windowMs?: number;
  /** Most keys held at once; default 100,000 (about 10 MB). */
  maxKeys?: number;
  /** Clock in milliseconds; default `Date.now`. */
  now?: () => number;
}

/** Default bound on the number of keys one limiter holds. */
export const DEFAULT_MAX_KEYS = 100_000;

/** Creates a {@link FixedWindowLimiter}. */
export function createFixedWindowLimiter(options: FixedWindowLimiterOptions): FixedWindowLimiter {
  const { limit } = options;
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const now = options.now ?? (() => Date.now());
  if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  if (!Number.isInteger(maxKeys) || maxKeys <= 0)
    throw new RangeError(`maxKeys must be a positive integer, got ${maxKeys}`);

  const counts = new Map<string, number>();
  let windowStart = Number.NEGATIVE_INFINITY;

  /** Drops every counter when a new window has begun; returns the current time. */
  function roll(): number {
    const time = now();
    const start = Math.floor(time / windowMs) * windowMs;
    if (start !== windowStart) {
      windowStart = start;
      counts.clear();
    }
    return time;
  }

  return {
    limit,
    windowMs,
    consume(key, cost = 1) {
      if (!Number.isInteger(cost) || cost < 1) throw new RangeError(`cost must be a positive integer, got ${cost}`);
      const time = roll();
      const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000));
      const windowSeconds = Math.ceil(windowMs / 1000);
      const used = counts.get(key) ?? 0;
      if (used + cost > limit) return { allowed: false, limit, remaining: 0, resetSeconds, windowSeconds };
      if (used === 0 && counts.size >= maxKeys) {
        const oldest = counts.keys().next();
        if (oldest.done !== true) counts.delete(oldest.value);
      }
      counts.set(key, used + cost);
      return { allowed: true, limit, remaining: limit - used - cost, resetSeconds, windowSeconds };
    },
    refund(key) {
      roll();
      const used = counts.get(key);
      if (used === undefined) return;
      if (used <= 1) counts.delete(key);
      else counts.set(key, used - 1);
    },
    size: () => counts.size,
  };
}

/**
 * The rate-limit headers of a decision: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds until
 * the window ends) and `RateLimit-Policy` (`<limit>;w=<window seconds>`), as in the IETF httpapi-ratelimit-headers
 * drafts; plus `Retry-After` when the request was rejected.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    'RateLimit-Policy': `${decision.limit};w=${decision.windowSeconds}`,
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.resetSeconds);
  return headers;
}
