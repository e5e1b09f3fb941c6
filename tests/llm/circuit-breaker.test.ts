import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../src/llm/circuit-breaker.ts';

function breakerAt(threshold = 3, cooldownMs = 1000) {
  const clock = { now: 10_000 };
  return { clock, breaker: createCircuitBreaker({ threshold, cooldownMs, now: () => clock.now }) };
}

describe('createCircuitBreaker', () => {
  it('stays closed below the threshold; a success resets the count', () => {
    const { breaker } = breakerAt();
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.status()).toEqual({ state: 'closed', consecutiveFailures: 1, openUntil: null });
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens at the threshold and refuses calls during the cool-down', () => {
    const { breaker, clock } = breakerAt(2, 1000);
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.status()).toEqual({
      state: 'open',
      consecutiveFailures: 2,
      openUntil: new Date(11_000).toISOString(),
    });
    expect(breaker.tryAcquire()).toBe(false);
    clock.now += 999;
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('half-opens after the cool-down and admits exactly one trial', () => {
    const { breaker, clock } = breakerAt(1, 1000);
    breaker.recordFailure();
    clock.now += 1000;
    expect(breaker.status().state).toBe('half-open');
    expect(breaker.status().openUntil).toBeNull();
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.status()).toEqual({ state: 'closed', consecutiveFailures: 0, openUntil: null });
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('a failed trial re-opens for a full cool-down', () => {
    const { breaker, clock } = breakerAt(3, 1000);
    for (let index = 0; index < 3; index += 1) breaker.recordFailure();
    clock.now += 1500;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.status()).toEqual({
      state: 'open',
      consecutiveFailures: 4,
      openUntil: new Date(12_500).toISOString(),
    });
  });

  it('a neutral outcome frees the trial slot without changing the state', () => {
    const { breaker, clock } = breakerAt(1, 1000);
    breaker.recordFailure();
    clock.now += 1000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordNeutral();
    expect(breaker.status().state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
  });
});
