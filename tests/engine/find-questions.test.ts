import { describe, expect, it } from 'vitest';
import { representatives } from '../../src/engine/find-questions.ts';
import { recommend } from '../../src/engine/recommend.ts';
import { buildFixtureKnowledge, rule } from '../helpers/fixture-knowledge.ts';

describe('questions', () => {
  it('asks a field whose answer could change the top method, and says to what', () => {
    const knowledge = buildFixtureKnowledge({
      rules: [rule({ id: 'cite', when: { fact: 'needsCitations', op: 'eq', value: true }, scores: { rag: 30 } })],
    });
    const { questions } = recommend({}, knowledge);
    expect(questions.map((question) => question.field)).toEqual(['needsCitations']);
    expect(questions[0]?.why).toContain('from Prompt Engineering to Rag');
  });

  it('does NOT ask a field that cannot change the top method, even though a rule depends on it', () => {
    const knowledge = buildFixtureKnowledge({
      rules: [
        rule({ id: 'strong', when: { all: [] }, scores: { rag: 40 } }),
        rule({ id: 'nudge', when: { fact: 'multilingual', op: 'eq', value: true }, scores: { lora: 5 } }),
      ],
    });
    const result = recommend({}, knowledge);
    expect(result.trace.find((entry) => entry.ruleId === 'nudge')?.outcome).toBe('unknown');
    expect(result.questions).toEqual([]);
    expect(result.assumptions).toContainEqual(expect.objectContaining({ field: 'multilingual', value: null }));
  });

  it('never asks the size of a catalog model whose size is not published, but does for an unknown model', () => {
    const knowledge = buildFixtureKnowledge({
      rules: [rule({ id: 'big', when: { fact: 'largeModel', op: 'eq', value: true }, scores: { rag: 30 } })],
    });
    expect(recommend({ modelName: 'API Tunable' }, knowledge).questions.map((q) => q.field)).not.toContain(
      'modelParamsB',
    );
    expect(recommend({ modelName: 'Our in-house model' }, knowledge).questions.map((q) => q.field)).toContain(
      'modelParamsB',
    );
  });

  it('finds numeric thresholds in the rules and probes both sides of them', () => {
    const knowledge = buildFixtureKnowledge({
      rules: [rule({ id: 'many', when: { fact: 'labeledExamples', op: 'gte', value: 1000 }, scores: { lora: 20 } })],
    });
    expect(recommend({}, knowledge).questions.map((question) => question.field)).toEqual(['labeledExamples']);
    expect(recommend({ labeledExamples: 10 }, knowledge).questions).toEqual([]);
  });

  it('asks a field that decides a derived fact (gpuCount behind hasGpu)', () => {
    const knowledge = buildFixtureKnowledge({
      rules: [
        rule({ id: 'lora-good', when: { all: [] }, scores: { lora: 30 } }),
        rule({ id: 'no-gpu', when: { fact: 'hasGpu', op: 'eq', value: false }, blocks: ['lora'] }),
      ],
    });
    const { questions } = recommend({}, knowledge);
    expect(questions.map((question) => question.field)).toEqual(['gpuCount']);
  });

  it('orders by how many probe values change the top, then by profile field order', () => {
    const knowledge = buildFixtureKnowledge({
      rules: [
        rule({ id: 'cite', when: { fact: 'needsCitations', op: 'eq', value: true }, scores: { rag: 30 } }),
        rule({
          id: 'edge',
          when: { fact: 'deployment', op: 'in', value: ['edge', 'mobile', 'on-prem'] },
          scores: { qlora: 30 },
        }),
        rule({ id: 'volatile', when: { fact: 'knowledgeChanges', op: 'eq', value: 'daily' }, scores: { rag: 30 } }),
      ],
    });
    expect(recommend({}, knowledge).questions.map((question) => question.field)).toEqual([
      'deployment',
      'knowledgeChanges',
      'needsCitations',
    ]);
  });

  it('never asks a field that is already known, directly or through the catalog', () => {
    const knowledge = buildFixtureKnowledge({
      rules: [rule({ id: 'open', when: { fact: 'modelAccess', op: 'eq', value: 'api-only' }, scores: { rag: 30 } })],
    });
    expect(recommend({}, knowledge).questions.map((question) => question.field)).toEqual(['modelAccess']);
    expect(recommend({ modelName: 'Llama 3.1 8B' }, knowledge).questions).toEqual([]);
  });
});

describe('representatives', () => {
  it('gives a value below, on, between and above the thresholds', () => {
    expect(representatives([100, 10], true)).toEqual([5, 10, 55, 100, 200]);
    expect(representatives([3], false)).toEqual([1.5, 3, 6]);
    expect(representatives([0], true)).toEqual([-1, 0, 1]);
    expect(representatives([], false)).toEqual([]);
  });
});
