import type { ComparisonOp, Condition, FactName } from '../knowledge/schemas.ts';
import type { Facts, FactValue } from './facts.ts';

/** Three-valued truth: a test on a fact that is not known is 'unknown'. */
export type Truth = true | false | 'unknown';

/** The outcome of one condition: its truth and, when it is 'unknown', the facts that would decide it. */
export interface ConditionEvaluation {
  value: Truth;
  /** Unknown facts the undecided part of the condition tests, in first-seen order, without duplicates. Empty when decided. */
  missingFacts: FactName[];
}

/**
 * A condition compiled once: `test` is the fast three-valued check; `collectMissing` adds the unknown facts of
 * the undecided branches to `missing` (call it only when `test` said 'unknown').
 */
export interface CompiledCondition {
  test(facts: Facts): Truth;
  collectMissing(facts: Facts, missing: FactName[]): void;
}

/**
 * Evaluates a condition tree against facts with three-valued logic (shared/engine semantics):
 * a test on an undefined fact is 'unknown' except `known`; `all` is false if any child is false, else unknown if
 * any is unknown, else true (empty `all` is true); `any` is true if any child is true, else unknown if any is
 * unknown, else false; `not` flips true/false and keeps unknown.
 * @example evaluateCondition({ fact: 'gpuCount', op: 'gt', value: 0 }, {}) // { value: 'unknown', missingFacts: ['gpuCount'] }
 */
export function evaluateCondition(condition: Condition, facts: Facts): ConditionEvaluation {
  return evaluateCompiled(compileCondition(condition), facts);
}

/** `evaluateCondition` for an already compiled condition. */
export function evaluateCompiled(compiled: CompiledCondition, facts: Facts): ConditionEvaluation {
  const value = compiled.test(facts);
  if (value !== 'unknown') return { value, missingFacts: [] };
  const missingFacts: FactName[] = [];
  compiled.collectMissing(facts, missingFacts);
  return { value, missingFacts };
}

/**
 * Compiles a condition into closures once, so that rules evaluated many times (every recommendation, every
 * question probe) do not re-walk the JSON tree.
 */
export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const children = (isAll ? condition.all : condition.any).map(compileCondition);
    // `all` stops at the first false, `any` at the first true.
    const decisive = !isAll;
    return {
      test(facts) {
        let sawUnknown = false;
        for (const child of children) {
          const value = child.test(facts);
          if (value === decisive) return decisive;
          if (value === 'unknown') sawUnknown = true;
        }
        return sawUnknown ? 'unknown' : !decisive;
      },
      collectMissing(facts, missing) {
        for (const child of children) if (child.test(facts) === 'unknown') child.collectMissing(facts, missing);
      },
    };
  }
  if ('not' in condition) {
    const child = compileCondition(condition.not);
    return {
      test(facts) {
        const value = child.test(facts);
        return value === 'unknown' ? 'unknown' : !value;
      },
      collectMissing: (facts, missing) => child.collectMissing(facts, missing),
    };
  }
  const { fact, op, value: expected } = condition;
  const collectMissing = (facts: Facts, missing: FactName[]): void => {
    if (facts[fact] === undefined && !missing.includes(fact)) missing.push(fact);
  };
  if (op === 'known') return { test: (facts) => facts[fact] !== undefined, collectMissing: () => {} };
  return {
    test(facts) {
      const actual = facts[fact];
      return actual === undefined ? 'unknown' : compareFact(op, actual, expected);
    },
    collectMissing,
  };
}

/** Every fact a condition tests, in first-seen order (used to find which rules a changed fact can affect). */
export function conditionFacts(condition: Condition): FactName[] {
  const names: FactName[] = [];
  const visit = (node: Condition): void => {
    if ('all' in node) node.all.forEach(visit);
    else if ('any' in node) node.any.forEach(visit);
    else if ('not' in node) visit(node.not);
    else if (!names.includes(node.fact)) names.push(node.fact);
  };
  visit(condition);
  return names;
}

function compareFact(
  op: Exclude<ComparisonOp, 'known'>,
  actual: FactValue,
  expected: FactValue | (string | number)[] | undefined,
): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'neq':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && (expected as FactValue[]).includes(actual);
    case 'notIn':
      return Array.isArray(expected) && !(expected as FactValue[]).includes(actual);
    case 'lt':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'lte':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
    case 'gt':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'gte':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
  }
}
