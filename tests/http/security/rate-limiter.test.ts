import { describe, expect, it } from 'vitest';
import { createFixedWindowLimiter, rateLimitHeaders } from '../../../src/http/security/rate-limiter.ts';

describe('createFixedWindowLimiter', () => {
  it('allows `limit` requests per key per window, then rejects until the window ends', () => {
    let time = 120_000; // the start of a window
    const limiter = createFixedWindowLimiter({ limit: 2, windowMs: 60_000, now: () => time });
    expect(limiter.consume('a')).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
    expect(limiter.consume('a')).toMatchObject({ allowed: true, remaining: 0 });
    time += 15_000;
    expect(limiter.consume('a')).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 45 });
    expect(limiter.consume('b')).toMatchObject({ allowed: true, remaining: 1 });
    time = 180_000;
    expect(limiter.consume('a')).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
  });

  it('charges a request of several units all or nothing', () => {
    const limiter = createFixedWindowLimiter({ limit: 10, now: () => 0 });
    expect(limiter.consume('a', 7)).toMatchObject({ allowed: true, remaining: 3 });
    // 7 + 4 > 10: refused, and nothing is counted.
    expect(limiter.consume('a', 4)).toMatchObject({ allowed: false, remaining: 0 });
    expect(limiter.consume('a', 3)).toMatchObject({ allowed: true, remaining: 0 });
    expect(() => limiter.consume('a', 0)).toThrow(RangeError);
    expect(() => limiter.consume('a', 1.5)).toThrow(RangeError);
  });

  it('refund gives one request back within the window', () => {
    const limiter = createFixedWindowLimiter({ limit: 1, now: () => 0 });
    expect(limiter.consume('a').allowed).toBe(true);
    limiter.refund('a');
    expect(limiter.consume('a').allowed).toBe(true);
    expect(limiter.consume('a').allowed).toBe(false);
    limiter.refund('unknown');
    expect(limiter.size()).toBe(1);
  });

  it('stays bounded with 100,000 distinct clients in one window, and empties when the window rolls', () => {
    let time = 0;
    const limiter = createFixedWindowLimiter({ limit: 5, maxKeys: 10_000, now: () => time });
    const before = process.memoryUsage().heapUsed;
    let allowed = 0;
    for (let client = 0; client < 100_000; client++) if (limiter.consume(`address:10.${client}`).allowed) allowed++;
    expect(allowed).toBe(100_000);
    expect(limiter.size()).toBe(10_000);
    // The most recent clients are still counted; the oldest were evicted first.
    expect(limiter.consume('address:10.99999')).toMatchObject({ allowed: true, remaining: 3 });
    time = 60_000;
    expect(limiter.consume('address:new')).toMatchObject({ allowed: true });
    expect(limiter.size()).toBe(1);
    // 10,000 short keys and counters are well under 10 MB (V8 may not have collected the rest yet: loose bound).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('with the default bound, 100,000 clients fit and a 100,001st evicts the oldest', () => {
    const limiter = createFixedWindowLimiter({ limit: 1, now: () => 0 });
    for (let client = 0; client < 100_001; client++) limiter.consume(`c${client}`);
    expect(limiter.size()).toBe(100_000);
    expect(limiter.consume('c0').allowed).toBe(true);
    expect(limiter.consume('c100000').allowed).toBe(false);
  });

  it('rejects nonsensical options', () => {
    expect(() => createFixedWindowLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => createFixedWindowLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
    expect(() => createFixedWindowLimiter({ limit: 1, maxKeys: 0 })).toThrow(RangeError);
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
