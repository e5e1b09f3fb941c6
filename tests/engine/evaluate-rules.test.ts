import { describe, expect, it } from 'vitest';
import { compileRules, evaluateRules } from '../../src/engine/evaluate-rules.ts';
import { buildFixtureKnowledge, rule } from '../helpers/fixture-knowledge.ts';

const knowledge = buildFixtureKnowledge({
  rules: [
    rule({ id: 'fires', when: { fact: 'needsCitations', op: 'eq', value: true }, scores: { rag: 10 } }),
    rule({ id: 'does-not-fire', when: { fact: 'needsCitations', op: 'eq', value: false }, scores: { rag: -10 } }),
    rule({
      id: 'undecided',
      when: {
        all: [
          { fact: 'needsCitations', op: 'eq', value: true },
          { fact: 'gpuCount', op: 'gt', value: 0 },
        ],
      },
      blocks: ['full-fine-tuning'],
    }),
  ],
});

describe('evaluateRules', () => {
  it('returns every rule in order with its outcome and the facts that would decide it', () => {
    const trace = evaluateRules(knowledge, { needsCitations: true });
    expect(trace.map(({ rule: r, outcome, missingFacts }) => [r.id, r.kind, outcome, missingFacts])).toEqual([
      ['fires', 'score', 'fired', []],
      ['does-not-fire', 'score', 'not-fired', []],
      ['undecided', 'constraint', 'unknown', ['gpuCount']],
    ]);
  });

  it('decides the rule once the missing fact is given', () => {
    const trace = evaluateRules(knowledge, { needsCitations: true, gpuCount: 1 });
    expect(trace[2]?.outcome).toBe('fired');
  });

  it('compiles each knowledge base once (memoised per Knowledge object)', () => {
    expect(compileRules(knowledge)).toBe(compileRules(knowledge));
    expect(compileRules(buildFixtureKnowledge())).not.toBe(compileRules(knowledge));
    expect(compileRules(knowledge)[2]?.facts).toEqual(['needsCitations', 'gpuCount']);
  });
});
