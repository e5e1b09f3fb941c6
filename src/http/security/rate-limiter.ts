/**
 * @module http/security/rate-limiter: the rate-limiter interface the security middleware counts requests through,
 * its in-memory implementation (rate-limiter-flexible's `RateLimiterMemory`, the embedded default) and the
 * `RateLimit-*` headers of a decision. The PostgreSQL implementation, shared by every instance, is in
 * shared-rate-limits.ts.
 *
 * A limiter counts requests per key (an API key digest or a client address) in fixed windows of `windowMs` that start
 * at a key's first request, as rate-limiter-flexible does in every store. The in-memory one holds at most `maxKeys`
 * keys: past that, the key seen longest ago is forgotten first (which at worst forgives that client's count). In
 * memory, each instance behind a load balancer enforces its own limit; with `DATABASE_URL` every instance counts in
 * the same table.
 */
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The outcome of one {@link RateLimiter.consume}: whether to serve and what the rate-limit headers say. */
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

/** A fixed-window request counter per key; see the module comment. */
export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /**
   * Counts `cost` requests (default 1) for `key` and says whether they fit within the limit. All or nothing: a
   * rejected charge is given back, so it does not count against later requests.
   */
  consume(key: string, cost?: number): Promise<RateLimitDecision>;
  /** Gives back one request counted in the current window (e.g. a reserved session that was not created). */
  refund(key: string): Promise<void>;
}

/** What one limiter counts: `name` keeps its keys apart from other limiters' in a shared store. */
export interface RateLimiterSpec {
  /** Short and unique per store, e.g. "general" or "sessions" (letters, digits, `-`). */
  name: string;
  /** Requests allowed per key per window; a positive integer. */
  limit: number;
  /** Window length in milliseconds: a positive whole number of seconds. */
  windowMs: number;
}

/** Where the counters live: in this process, or in a database every instance shares. */
export interface RateLimitStore {
  readonly kind: 'memory' | 'postgres';
  createLimiter(spec: RateLimiterSpec): RateLimiter;
  /** Stops background work and releases connections (the limiters must not be used afterwards). */
  close(): Promise<void>;
}

/** Default bound on the number of keys one in-memory limiter holds. */
export const DEFAULT_MAX_KEYS = 100_000;

/** Throws a RangeError naming the first nonsensical field of `spec`. */
export function checkLimiterSpec(spec: RateLimiterSpec): void {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(spec.name)) throw new RangeError(`name must be a short slug, got ${spec.name}`);
  if (!Number.isInteger(spec.limit) || spec.limit <= 0)
    throw new RangeError(`limit must be a positive integer, got ${spec.limit}`);
  if (!(spec.windowMs > 0) || spec.windowMs % 1000 !== 0)
    throw new RangeError(`windowMs must be a positive whole number of seconds, got ${spec.windowMs}`);
}

function checkCost(cost: number): void {
  if (!Number.isInteger(cost) || cost < 1) throw new RangeError(`cost must be a positive integer, got ${cost}`);
}

/** The decision of a rate-limiter-flexible result (resolved = allowed, rejected with a result = refused). */
export function decisionOf(result: RateLimiterRes, allowed: boolean, spec: RateLimiterSpec): RateLimitDecision {
  const msBeforeNext = result.msBeforeNext >= 0 ? result.msBeforeNext : spec.windowMs;
  return {
    allowed,
    limit: spec.limit,
    remaining: allowed ? Math.max(0, spec.limit - result.consumedPoints) : 0,
    resetSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
    windowSeconds: Math.ceil(spec.windowMs / 1000),
  };
}

/** The raw outcome of {@link chargeAllOrNothing}: the library's result and whether the charge was accepted. */
export interface Charge {
  result: RateLimiterRes;
  allowed: boolean;
}

/**
 * `consume` on a rate-limiter-flexible limiter, all or nothing: a refused charge is rewarded back (best effort; the
 * library counts refused points too). Errors other than a refusal (a store that is down) are rethrown.
 */
export async function chargeAllOrNothing(limiter: RateLimiterAbstract, key: string, cost: number): Promise<Charge> {
  try {
    return { result: await limiter.consume(key, cost), allowed: true };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    await limiter.reward(key, cost).catch(() => undefined);
    return { result: error, allowed: false };
  }
}

/** Gives one point back when the key has any counted in its current window (never a credit for the next one). */
export async function refundOne(limiter: RateLimiterAbstract, key: string): Promise<void> {
  const current = await limiter.get(key);
  if (current !== null && current.consumedPoints > 0) await limiter.reward(key, 1);
}

/** An in-memory {@link RateLimiter} that can say how many keys it holds. */
export interface MemoryRateLimiter extends RateLimiter {
  /** Keys held now (expired ones are dropped as new requests arrive). */
  size(): number;
}

export interface MemoryRateLimiterOptions {
  /** Requests allowed per key per window; a positive integer. */
  limit: number;
  /** Window length in milliseconds (whole seconds); default 60,000. */
  windowMs?: number;
  /** Most keys held at once; default 100,000. */
  maxKeys?: number;
  /** Key prefix (see RateLimiterSpec.name); default "limit". */
  name?: string;
}

/**
 * A {@link MemoryRateLimiter} on rate-limiter-flexible's `RateLimiterMemory`, bounded: this module tracks the keys in
 * the order their windows started (which is the order they expire in), drops expired ones as requests arrive, and
 * deletes the oldest when a new key would exceed `maxKeys`.
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions): MemoryRateLimiter {
  const spec: RateLimiterSpec = {
    name: options.name ?? 'limit',
    limit: options.limit,
    windowMs: options.windowMs ?? 60_000,
  };
  checkLimiterSpec(spec);
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  if (!Number.isInteger(maxKeys) || maxKeys <= 0)
    throw new RangeError(`maxKeys must be a positive integer, got ${maxKeys}`);
  const limiter = new RateLimiterMemory({ keyPrefix: spec.name, points: spec.limit, duration: spec.windowMs / 1000 });
  /** Key → when its window ends (ms since the epoch), in the order the windows started. */
  const windows = new Map<string, number>();

  function forget(key: string): void {
    windows.delete(key);
    void limiter.delete(key); // synchronous in RateLimiterMemory; also clears its expiry timer
  }

  function dropExpired(now: number): void {
    for (const [key, endsAt] of windows) {
      if (endsAt > now) break;
      forget(key);
    }
  }

  return {
    limit: spec.limit,
    windowMs: spec.windowMs,
    async consume(key, cost = 1) {
      checkCost(cost);
      const now = Date.now();
      dropExpired(now);
      if (!windows.has(key) && windows.size >= maxKeys) {
        const oldest = windows.keys().next();
        if (oldest.done !== true) forget(oldest.value);
      }
      const { result, allowed } = await chargeAllOrNothing(limiter, key, cost);
      if (result.isFirstInDuration || !windows.has(key)) {
        windows.delete(key); // a new window goes to the end: the map stays in expiry order
        windows.set(key, now + Math.max(0, result.msBeforeNext));
      }
      return decisionOf(result, allowed, spec);
    },
    refund: (key) => refundOne(limiter, key),
    size: () => windows.size,
  };
}

/** A {@link RateLimitStore} in this process's memory (the embedded default). */
export function createMemoryRateLimitStore(options: { maxKeys?: number } = {}): RateLimitStore {
  return {
    kind: 'memory',
    createLimiter: (spec) => createMemoryRateLimiter({ ...spec, maxKeys: options.maxKeys }),
    close: async () => undefined,
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
