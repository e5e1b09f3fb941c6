import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/llm/llm-client.ts';

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, then Retry-After seconds, then an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sun, 01 Jun 2025 12:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sun, 01 Jun 2025 11:00:00 GMT' }), now)).toBe(0);
  });

  it('is undefined without a usable header', () => {
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});
