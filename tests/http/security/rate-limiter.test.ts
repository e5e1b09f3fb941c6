import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMemoryRateLimiter,
  createMemoryRateLimitStore,
  rateLimitHeaders,
} from '../../../src/http/security/rate-limiter.ts';

// rate-limiter-flexible reads Date.now(): a fake clock (timers stay real) moves the windows.
let time = 0;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  time = 120_000;
  vi.setSystemTime(time);
});
afterEach(() => vi.useRealTimers());
const advance = (ms: number) => {
  time += ms;
  vi.setSystemTime(time);
};

describe('createMemoryRateLimiter (rate-limiter-flexible RateLimiterMemory, bounded)', () => {
  it('allows `limit` requests per key per window, then rejects until the window ends', async () => {
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(await limiter.consume('a')).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
    expect(await limiter.consume('a')).toMatchObject({ allowed: true, remaining: 0 });
    advance(15_000);
    expect(await limiter.consume('a')).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 45 });
    expect(await limiter.consume('b')).toMatchObject({ allowed: true, remaining: 1 });
    advance(45_000);
    expect(await limiter.consume('a')).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
  });

  it('charges a request of several units all or nothing', async () => {
    const limiter = createMemoryRateLimiter({ limit: 10 });
    expect(await limiter.consume('a', 7)).toMatchObject({ allowed: true, remaining: 3 });
    // 7 + 4 > 10: refused, and nothing is counted.
    expect(await limiter.consume('a', 4)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await limiter.consume('a', 3)).toMatchObject({ allowed: true, remaining: 0 });
    await expect(limiter.consume('a', 0)).rejects.toThrow(RangeError);
    await expect(limiter.consume('a', 1.5)).rejects.toThrow(RangeError);
  });

  it('refund gives one request back within the window, and never a credit for a window not started', async () => {
    const limiter = createMemoryRateLimiter({ limit: 1 });
    expect((await limiter.consume('a')).allowed).toBe(true);
    await limiter.refund('a');
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect((await limiter.consume('a')).allowed).toBe(false);
    await limiter.refund('unknown');
    expect(limiter.size()).toBe(1);
    expect((await limiter.consume('unknown')).remaining).toBe(0);
    expect((await limiter.consume('unknown')).allowed).toBe(false);
  });

  it('stays bounded with 100,000 distinct clients in one window, and empties when the window rolls', async () => {
    const limiter = createMemoryRateLimiter({ limit: 5, maxKeys: 10_000 });
    let allowed = 0;
    for (let client = 0; client < 100_000; client++)
      if ((await limiter.consume(`address:10.${client}`)).allowed) allowed++;
    expect(allowed).toBe(100_000);
    expect(limiter.size()).toBe(10_000);
    // The most recent clients are still counted; the oldest were evicted first.
    expect(await limiter.consume('address:10.99999')).toMatchObject({ allowed: true, remaining: 3 });
    expect(await limiter.consume('address:10.0')).toMatchObject({ allowed: true, remaining: 4 });
    advance(60_000);
    expect(await limiter.consume('address:new')).toMatchObject({ allowed: true });
    // The bound is on entries (asserted above); heap figures depend on when V8 collects, so they are not asserted.
    expect(limiter.size()).toBe(1);
  });

  it('with the default bound, 100,000 clients fit and a 100,001st evicts the oldest', async () => {
    const limiter = createMemoryRateLimiter({ limit: 1 });
    for (let client = 0; client < 100_001; client++) await limiter.consume(`c${client}`);
    expect(limiter.size()).toBe(100_000);
    expect((await limiter.consume('c0')).allowed).toBe(true);
    expect((await limiter.consume('c100000')).allowed).toBe(false);
  });

  it('rejects nonsensical options', () => {
    expect(() => createMemoryRateLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => createMemoryRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
    expect(() => createMemoryRateLimiter({ limit: 1, windowMs: 1500 })).toThrow(RangeError);
    expect(() => createMemoryRateLimiter({ limit: 1, maxKeys: 0 })).toThrow(RangeError);
    expect(() => createMemoryRateLimitStore().createLimiter({ name: 'Bad Name', limit: 1, windowMs: 1000 })).toThrow(
      RangeError,
    );
  });

  it('keeps the limiters of one store apart by name', async () => {
    const store = createMemoryRateLimitStore();
    const general = store.createLimiter({ name: 'general', limit: 1, windowMs: 60_000 });
    const sessions = store.createLimiter({ name: 'sessions', limit: 1, windowMs: 3_600_000 });
    expect((await general.consume('address:1')).allowed).toBe(true);
    expect(await sessions.consume('address:1')).toMatchObject({ allowed: true, resetSeconds: 3600 });
    expect((await general.consume('address:1')).allowed).toBe(false);
  });
});

describe('rateLimitHeaders', () => {
  it('gives the RateLimit-* headers, and Retry-After only when rejected', () => {
    const allowed = { allowed: true, limit: 120, remaining: 7, resetSeconds: 12, windowSeconds: 60 };
    expect(rateLimitHeaders(allowed)).toEqual({
      'RateLimit-Limit': '120',
      'RateLimit-Remaining': '7',
      'RateLimit-Reset': '12',
      'RateLimit-Policy': '120;w=60',
    });
    expect(rateLimitHeaders({ ...allowed, allowed: false, remaining: 0 })['Retry-After']).toBe('12');
  });
});
