import type { Knowledge } from '../knowledge/knowledge.ts';
import type { FactName, Rule } from '../knowledge/schemas.ts';
import { METHOD_IDS } from '../profile/profile-schema.ts';
import { type CompiledCondition, compileCondition, conditionFacts, type Truth } from './evaluate-condition.ts';
import type { Facts } from './facts.ts';

/** A rule with its condition compiled and the facts it tests listed. */
export interface CompiledRule {
  readonly rule: Rule;
  /** Position in knowledge.rules: the deterministic tie-break everywhere. */
  readonly index: number;
  readonly condition: CompiledCondition;
  readonly facts: readonly FactName[];
  /** Score delta per method, indexed like METHOD_IDS (0 where the rule does not score the method). */
  readonly deltas: readonly number[];
  /** Indices in METHOD_IDS of the methods the rule blocks. */
  readonly blocks: readonly number[];
}

export type RuleOutcomeKind = 'fired' | 'not-fired' | 'unknown';

/** One rule's outcome for one set of facts. */
export interface RuleOutcome {
  readonly rule: Rule;
  readonly index: number;
  readonly outcome: RuleOutcomeKind;
  /** Facts that would decide an 'unknown' rule; empty otherwise. */
  readonly missingFacts: readonly FactName[];
}

const compiledByKnowledge = new WeakMap<Knowledge, readonly CompiledRule[]>();

/** Compiles every rule of a knowledge base once; later calls with the same Knowledge object return the cached array. */
export function compileRules(knowledge: Knowledge): readonly CompiledRule[] {
  let compiled = compiledByKnowledge.get(knowledge);
  if (!compiled) {
    compiled = Object.freeze(
      knowledge.rules.map((rule, index) => ({
        rule,
        index,
        condition: compileCondition(rule.when),
        facts: conditionFacts(rule.when),
        deltas: METHOD_IDS.map((method) => rule.scores[method] ?? 0),
        blocks: rule.blocks.map((method) => METHOD_IDS.indexOf(method)),
      })),
    );
    compiledByKnowledge.set(knowledge, compiled);
  }
  return compiled;
}

/** Maps a three-valued truth to a rule outcome. */
export function outcomeOf(truth: Truth): RuleOutcomeKind {
  return truth === 'unknown' ? 'unknown' : truth ? 'fired' : 'not-fired';
}

/**
 * Evaluates every rule of the knowledge base against the facts, in rule order: the full trace, including rules
 * that did not fire and rules that could not be decided (with the facts that would decide them).
 */
export function evaluateRules(knowledge: Knowledge, facts: Facts): RuleOutcome[] {
  return compileRules(knowledge).map(({ rule, index, condition }) => {
    const truth = condition.test(facts);
    const missingFacts: FactName[] = [];
    if (truth === 'unknown') condition.collectMissing(facts, missingFacts);
    return { rule, index, outcome: outcomeOf(truth), missingFacts };
  });
}
