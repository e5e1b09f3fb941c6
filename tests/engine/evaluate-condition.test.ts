import { describe, expect, it } from 'vitest';
import { compileCondition, conditionFacts, evaluateCondition } from '../../src/engine/evaluate-condition.ts';
import type { Facts } from '../../src/engine/facts.ts';
import type { Condition } from '../../src/knowledge/schemas.ts';

const facts: Facts = { gpuCount: 2, modelAccess: 'open-weights', needsCitations: true, modelName: 'x' };

describe('evaluateCondition: each operator, true / false / unknown', () => {
  it.each<[string, Condition, boolean | 'unknown']>([
    ['eq true', { fact: 'gpuCount', op: 'eq', value: 2 }, true],
    ['eq false', { fact: 'gpuCount', op: 'eq', value: 3 }, false],
    ['eq unknown', { fact: 'gpuMemoryGB', op: 'eq', value: 3 }, 'unknown'],
    ['eq boolean', { fact: 'needsCitations', op: 'eq', value: true }, true],
    ['neq true', { fact: 'modelAccess', op: 'neq', value: 'api-only' }, true],
    ['neq false', { fact: 'modelAccess', op: 'neq', value: 'open-weights' }, false],
    ['neq unknown', { fact: 'deployment', op: 'neq', value: 'edge' }, 'unknown'],
    ['in true', { fact: 'modelAccess', op: 'in', value: ['api-only', 'open-weights'] }, true],
    ['in false', { fact: 'modelAccess', op: 'in', value: ['api-only'] }, false],
    ['in unknown', { fact: 'deployment', op: 'in', value: ['edge'] }, 'unknown'],
    ['notIn true', { fact: 'modelAccess', op: 'notIn', value: ['api-only'] }, true],
    ['notIn false', { fact: 'modelAccess', op: 'notIn', value: ['open-weights'] }, false],
    ['notIn unknown', { fact: 'deployment', op: 'notIn', value: ['edge'] }, 'unknown'],
    ['lt true', { fact: 'gpuCount', op: 'lt', value: 3 }, true],
    ['lt false (equal)', { fact: 'gpuCount', op: 'lt', value: 2 }, false],
    ['lt unknown', { fact: 'tasksCount', op: 'lt', value: 2 }, 'unknown'],
    ['lte true (equal)', { fact: 'gpuCount', op: 'lte', value: 2 }, true],
    ['lte false', { fact: 'gpuCount', op: 'lte', value: 1 }, false],
    ['lte unknown', { fact: 'tasksCount', op: 'lte', value: 2 }, 'unknown'],
    ['gt true', { fact: 'gpuCount', op: 'gt', value: 1 }, true],
    ['gt false (equal)', { fact: 'gpuCount', op: 'gt', value: 2 }, false],
    ['gt unknown', { fact: 'tasksCount', op: 'gt', value: 2 }, 'unknown'],
    ['gte true (equal)', { fact: 'gpuCount', op: 'gte', value: 2 }, true],
    ['gte false', { fact: 'gpuCount', op: 'gte', value: 3 }, false],
    ['gte unknown', { fact: 'tasksCount', op: 'gte', value: 2 }, 'unknown'],
    ['gt on a string fact is false, not an error', { fact: 'modelName', op: 'gt', value: 1 }, false],
    ['known true', { fact: 'gpuCount', op: 'known' }, true],
    ['known false (never unknown)', { fact: 'tasksCount', op: 'known' }, false],
  ])('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, facts).value).toBe(expected);
  });
});

const TRUE: Condition = { fact: 'gpuCount', op: 'eq', value: 2 };
const FALSE: Condition = { fact: 'gpuCount', op: 'eq', value: 9 };
const UNKNOWN_A: Condition = { fact: 'tasksCount', op: 'gt', value: 1 };
const UNKNOWN_B: Condition = { fact: 'deployment', op: 'eq', value: 'edge' };

describe('evaluateCondition: all / any / not', () => {
  it.each<[string, Condition, boolean | 'unknown', string[]]>([
    ['empty all is true', { all: [] }, true, []],
    ['all of trues', { all: [TRUE, TRUE] }, true, []],
    ['all with a false is false even beside unknown', { all: [UNKNOWN_A, FALSE] }, false, []],
    ['all with unknown and true is unknown', { all: [TRUE, UNKNOWN_A] }, 'unknown', ['tasksCount']],
    ['any with a true is true even beside unknown', { any: [UNKNOWN_A, TRUE] }, true, []],
    ['any of falses', { any: [FALSE, FALSE] }, false, []],
    [
      'any with unknown and false is unknown',
      { any: [FALSE, UNKNOWN_A, UNKNOWN_B] },
      'unknown',
      ['tasksCount', 'deployment'],
    ],
    ['not true', { not: TRUE }, false, []],
    ['not false', { not: FALSE }, true, []],
    ['not unknown stays unknown', { not: UNKNOWN_B }, 'unknown', ['deployment']],
    [
      'nested: all[any[unknown, false], not false]',
      { all: [{ any: [UNKNOWN_A, FALSE] }, { not: FALSE }] },
      'unknown',
      ['tasksCount'],
    ],
    [
      'nested: any[all[true, unknown], all[false, unknown]] lists only the undecided branch',
      { any: [{ all: [TRUE, UNKNOWN_A] }, { all: [FALSE, UNKNOWN_B] }] },
      'unknown',
      ['tasksCount'],
    ],
    ['nested: not(any[true, unknown])', { not: { any: [TRUE, UNKNOWN_A] } }, false, []],
    ['missing facts are deduplicated', { all: [UNKNOWN_A, { not: UNKNOWN_A }] }, 'unknown', ['tasksCount']],
  ])('%s', (_name, condition, expected, missing) => {
    const result = evaluateCondition(condition, facts);
    expect(result.value).toBe(expected);
    expect(result.missingFacts).toEqual(missing);
  });
});

describe('compileCondition and conditionFacts', () => {
  it('a compiled condition can be reused across fact sets', () => {
    const compiled = compileCondition({
      all: [
        { fact: 'gpuCount', op: 'gte', value: 1 },
        { fact: 'hasGpu', op: 'eq', value: true },
      ],
    });
    expect(compiled.test({ gpuCount: 1, hasGpu: true })).toBe(true);
    expect(compiled.test({ gpuCount: 0, hasGpu: true })).toBe(false);
    expect(compiled.test({ gpuCount: 1 })).toBe('unknown');
  });

  it('lists every tested fact once, in first-seen order', () => {
    expect(conditionFacts({ any: [UNKNOWN_B, { all: [TRUE, UNKNOWN_A] }, { not: UNKNOWN_B }] })).toEqual([
      'deployment',
      'gpuCount',
      'tasksCount',
    ]);
  });
});
