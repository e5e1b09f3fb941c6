import { describe, expect, it } from 'vitest';
import { extractBudget } from '../../../../src/chat/extract/extractors/budget.ts';
import { prepareMessage } from '../../../../src/chat/extract/prepare-message.ts';
import { run } from '../extract-helpers.ts';
import { fixtureCatalog } from '../fixture-catalog.ts';

describe('extractBudget', () => {
  it.each([
    ['$500/month', { monthlyBudgetUSD: 500 }],
    ['budget is 10k', { oneTimeBudgetUSD: 10000 }],
    ['$2,000 one-off', { oneTimeBudgetUSD: 2000 }],
    ['our budget is 1.5k per month', { monthlyBudgetUSD: 1500 }],
    ['€800 a month', { monthlyBudgetUSD: 800 }],
    ['$12k a year', { monthlyBudgetUSD: 1000 }],
    ['a 5k budget', { oneTimeBudgetUSD: 5000 }],
    ['$20k upfront, then $1k per month', { oneTimeBudgetUSD: 20000, monthlyBudgetUSD: 1000 }],
  ])('reads %j', (message, expected) => {
    expect(run(extractBudget, message)).toEqual(expected);
  });

  it.each([
    'it costs $0.02 per request',
    'H100s rent for $3 per hour',
    'budget is tight, we have about 2 weeks',
    'we currently spend $3k/month on the API',
    '1.5k per month',
  ])('reads no budget from %j', (message) => {
    expect(run(extractBudget, message)).toEqual({});
  });

  it('reads a bare amount as monthly when the monthly budget was asked for', () => {
    const findings = extractBudget(prepareMessage('$800'), {
      catalog: fixtureCatalog,
      requestedField: 'monthlyBudgetUSD',
    });
    expect(findings.map((item) => [item.field, item.value])).toEqual([['monthlyBudgetUSD', 800]]);
  });
});
