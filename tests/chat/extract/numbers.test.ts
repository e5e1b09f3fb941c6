import { describe, expect, it } from 'vitest';
import { COUNT_SOURCE, parseCount } from '../../../src/chat/extract/numbers.ts';

describe('parseCount', () => {
  it.each([
    ['5k', 5000],
    ['1.5k', 1500],
    ['2,000', 2000],
    ['1M', 1_000_000],
    ['3 million', 3_000_000],
    ['twenty-five', 25],
    ['a dozen', 12],
    ['~300', 300],
    ['about 40', 40],
    ['2 grand', 2000],
    ['twelve hundred', 1200],
    ['fifty thousand', 50_000],
    ['twenty-five thousand', 25_000],
    ['two million', 2_000_000],
  ])('parses %j as %d', (phrase, value) => {
    expect(parseCount(phrase)).toBe(value);
  });

  it('returns undefined for non-numbers', () => {
    expect(parseCount('lots')).toBeUndefined();
  });
});

describe('COUNT_SOURCE', () => {
  const pattern = new RegExp(COUNT_SOURCE, 'g');
  it.each(['gpt-4o', 'llama3', 'v2', 'a100s', 'x-2'])('finds no standalone count inside %j', (text) => {
    expect(text.match(pattern) ?? []).toEqual([]);
  });

  it('never splits a number ("40gb" is not "4" + "0gb")', () => {
    expect('40gb'.match(new RegExp(COUNT_SOURCE))?.[0]).toBe('40');
  });
});
