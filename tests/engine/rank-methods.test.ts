import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate-rules.ts';
import type { Facts } from '../../src/engine/facts.ts';
import { assessFeasibility } from '../../src/engine/feasibility.ts';
import { rankMethods } from '../../src/engine/rank-methods.ts';
import type { Rule } from '../../src/knowledge/schemas.ts';
import { METHOD_IDS, type MethodId } from '../../src/profile/profile-schema.ts';
import { buildFixtureKnowledge, rule } from '../helpers/fixture-knowledge.ts';

const always = { fact: 'needsCitations', op: 'eq', value: true } as const;
const facts: Facts = { needsCitations: true };

/** Ranks with no destination preference beyond the first method and no plan (destination = rank 1 of the old order). */
function rank(rules: Rule[], destination: MethodId = 'prompt-engineering', planned: MethodId[] = []) {
  const outcomes = evaluateRules(buildFixtureKnowledge({ rules }), facts);
  return rankMethods(outcomes, assessFeasibility(outcomes, {}), destination, planned);
}

describe('rankMethods', () => {
  it('starts every method at 50, puts the destination first and ranks ties in METHOD_IDS order', () => {
    const ranked = rank([rule({ id: 'never', when: { not: always }, scores: { rag: 40 } })], 'rag');
    expect(ranked.map((method) => method.method)).toEqual(['rag', ...METHOD_IDS.filter((id) => id !== 'rag')]);
    expect(ranked.every((method) => method.score === 50)).toBe(true);
    expect(ranked[0]?.verdict).toBe('recommended');
    expect(ranked.slice(1).every((method) => method.verdict === 'viable')).toBe(true);
  });

  it('adds the deltas of fired rules and records signed effects, strongest first', () => {
    const ranked = rank([
      rule({ id: 'small', when: always, scores: { rag: 5 } }),
      rule({ id: 'big', when: always, scores: { rag: 20, lora: -10 } }),
    ]);
    const rag = ranked.find((method) => method.method === 'rag');
    expect(rag?.score).toBe(75);
    expect(rag?.rank).toBe(2); // after the destination; then by score
    expect(rag?.reasons.map((reason) => [reason.ruleId, reason.effect])).toEqual([
      ['big', '+20'],
      ['small', '+5'],
    ]);
    expect(ranked.find((method) => method.method === 'lora')?.reasons[0]?.effect).toBe('-10');
  });

  it('clamps scores to 0..100 after summing', () => {
    const ranked = rank([
      rule({ id: 'up', when: always, scores: { rag: 80, lora: -70 } }),
      rule({ id: 'down', when: always, scores: { rag: -20 } }),
    ]);
    expect(ranked.find((method) => method.method === 'rag')?.score).toBe(100);
    expect(ranked.find((method) => method.method === 'lora')?.score).toBe(0);
  });

  it('makes blocked methods not-viable, ranks them last, and lists the blocker with its sources', () => {
    const ranked = rank(
      [
        rule({ id: 'boost', when: always, scores: { 'full-fine-tuning': 40 } }),
        rule({ id: 'block', when: always, blocks: ['full-fine-tuning', 'prompt-engineering'], sources: ['src-b'] }),
      ],
      'in-context-learning',
    );
    expect(ranked.slice(-2).map((method) => method.method)).toEqual(['full-fine-tuning', 'prompt-engineering']);
    const full = ranked.find((method) => method.method === 'full-fine-tuning');
    expect(full?.verdict).toBe('not-viable');
    expect(full?.blockers).toEqual([{ ruleId: 'block', text: 'Because of block.', sources: ['src-b'] }]);
    expect(full?.reasons[0]).toMatchObject({ ruleId: 'block', effect: 'blocks' });
    expect(ranked[0]?.method).toBe('in-context-learning');
  });

  it('recommends the destination and the planned methods, in plan order; the rest are viable', () => {
    const ranked = rank([rule({ id: 'scores', when: always, scores: { rag: 30, lora: 15 } })], 'lora', ['qlora']);
    const verdict = (id: string) => ranked.find((method) => method.method === id)?.verdict;
    expect(ranked.slice(0, 3).map((method) => method.method)).toEqual(['lora', 'qlora', 'rag']);
    expect(verdict('lora')).toBe('recommended');
    expect(verdict('qlora')).toBe('recommended');
    expect(verdict('rag')).toBe('viable');
  });

  it('an undecided constraint makes its methods conditional, naming the unknown fields; scores ignore it', () => {
    const ranked = rank([
      rule({ id: 'unknown', when: { fact: 'gpuCount', op: 'gt', value: 0 }, scores: { rag: 30 }, blocks: ['lora'] }),
    ]);
    expect(ranked.every((method) => method.score === 50 && method.verdict !== 'not-viable')).toBe(true);
    const lora = ranked.find((method) => method.method === 'lora');
    expect(lora).toMatchObject({ verdict: 'conditional', decidedBy: ['gpuCount'] });
    expect(ranked.at(-1)?.method).toBe('lora');
  });
});
