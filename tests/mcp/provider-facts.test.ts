import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { providerFacts } from '../../src/mcp/provider-facts.ts';
import { fixtureKnowledgeFiles } from '../helpers/build-test-app.ts';

/** The fixture catalog plus an announced end of life, an API price and a discontinued offer with a last day. */
function knowledge() {
  const files = fixtureKnowledgeFiles() as ReturnType<typeof fixtureKnowledgeFiles> & {
    models: { models: Record<string, unknown>[] };
    providers: { providers: { offerings: Record<string, unknown>[] }[] };
  };
  Object.assign(files.models.models[2] as object, {
    endOfLife: '2027-03-31',
    apiPrice: {
      usdPerMillionInput: 2.5,
      usdPerMillionOutput: 10,
      where: 'OpenAI API',
      asOf: '2026-10-01',
      sources: ['vendor-doc'],
    },
  });
  files.providers.providers[0]?.offerings.push({
    service: 'preference-tuning',
    models: ['gpt-4o'],
    status: 'deprecated',
    endsOn: '2027-01-15',
    asOf: '2026-11-02',
    restriction: 'existing customers only',
    sources: ['vendor-doc'],
  });
  return buildKnowledge(files);
}

describe('providerFacts', () => {
  it('gives every dated fact of a model: offers (with the last day), end of life and API price', () => {
    const { facts, referenceDate } = providerFacts({ query: 'gpt4o' }, knowledge());
    expect(referenceDate).toBe('2026-11-20');
    expect(facts.map((fact) => [fact.kind, fact.asOf, fact.date ?? null])).toEqual([
      ['tuning-offer', '2026-11-01', null],
      ['tuning-offer', '2026-11-02', '2027-01-15'],
      ['model-end-of-life', null, '2027-03-31'],
      ['api-price', '2026-10-01', null],
    ]);
    expect(facts[1]?.statement).toBe(
      'OpenAI API lists as deprecated preference-tuning for GPT-4o (existing customers only); new jobs until 2027-01-15 — as of 2026-11-02.',
    );
    expect(facts[3]?.usd).toEqual({ perMillionInput: 2.5, perMillionOutput: 10 });
  });

  it('filters by kind and by service', () => {
    const k = knowledge();
    expect(providerFacts({ kinds: ['gpu-price'] }, k).facts.map((fact) => fact.subject)).toEqual([
      'NVIDIA GeForce RTX 4090',
    ]);
    const offers = providerFacts({ kinds: ['tuning-offer'], service: 'preference-tuning' }, k).facts;
    expect(offers.map((fact) => fact.service)).toEqual(['preference-tuning']);
  });

  it('finds a provider by name with all its offers, and nothing for an unknown name', () => {
    const k = knowledge();
    expect(providerFacts({ query: 'OpenAI', kinds: ['tuning-offer'] }, k).facts).toHaveLength(2);
    expect(providerFacts({ query: 'no such vendor' }, k).facts).toEqual([]);
  });
});
