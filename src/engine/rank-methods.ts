import type { Rule } from '../knowledge/schemas.ts';
import { METHOD_IDS, type MethodId } from '../profile/profile-schema.ts';
import type { CompiledRule, RuleOutcome } from './evaluate-rules.ts';
import type { Blocker, MethodRecommendation, Reason } from './recommendation-schema.ts';

/** Every method starts here; fired score rules add their deltas. */
export const BASE_SCORE = 50;
/** A viable method at or above this score is "recommended" (the top viable method always is). */
export const RECOMMENDED_SCORE = 65;

/** A ranked method before estimates are attached. */
export type RankedMethod = Omit<MethodRecommendation, 'estimates'>;

/** Scores (clamped to 0..100) and blocked methods after applying a set of fired rules. */
export interface ScoreTally {
  readonly scores: ReadonlyMap<MethodId, number>;
  readonly blocked: ReadonlySet<MethodId>;
}

/**
 * Applies the fired rules: each adds its `scores` deltas and blocks its `blocks` methods. Scores start at
 * BASE_SCORE and are clamped to 0..100 at the end (not after each rule), so rule order never matters.
 */
export function tallyScores(firedRules: Iterable<Rule>): ScoreTally {
  const raw = new Map<MethodId, number>(METHOD_IDS.map((method) => [method, BASE_SCORE]));
  const blocked = new Set<MethodId>();
  for (const rule of firedRules) {
    for (const method of rule.blocks) blocked.add(method);
    for (const method of METHOD_IDS) {
      const delta = rule.scores[method];
      if (delta !== undefined) raw.set(method, (raw.get(method) ?? BASE_SCORE) + delta);
    }
  }
  const scores = new Map<MethodId, number>();
  for (const [method, score] of raw) scores.set(method, Math.min(100, Math.max(0, score)));
  return { scores, blocked };
}

/** Ranking order: viable methods by score descending, then blocked ones by score descending; ties by METHOD_IDS order. */
export function rankingOrder(tally: ScoreTally): MethodId[] {
  const position = (method: MethodId) => METHOD_IDS.indexOf(method);
  return [...METHOD_IDS].sort((a, b) => {
    const blockedA = tally.blocked.has(a) ? 1 : 0;
    const blockedB = tally.blocked.has(b) ? 1 : 0;
    if (blockedA !== blockedB) return blockedA - blockedB;
    return (tally.scores.get(b) ?? 0) - (tally.scores.get(a) ?? 0) || position(a) - position(b);
  });
}

/** The rank-1 method for a tally, without building reasons (used by the question probes). */
export function topMethod(tally: ScoreTally): MethodId {
  let best: MethodId = METHOD_IDS[0];
  let bestKey = Number.NEGATIVE_INFINITY;
  for (const method of METHOD_IDS) {
    // Viable methods always outrank blocked ones; strict ">" keeps the METHOD_IDS tie-break.
    const key = (tally.blocked.has(method) ? 0 : 1000) + (tally.scores.get(method) ?? 0);
    if (key > bestKey) {
      best = method;
      bestKey = key;
    }
  }
  return best;
}

/**
 * The rank-1 method for a set of fired compiled rules: same result as `topMethod(tallyScores(...))`, without
 * allocating maps (the question probes call it many times per recommendation).
 */
export function topMethodOfCompiled(fired: readonly CompiledRule[]): MethodId {
  const raw = new Array<number>(METHOD_IDS.length).fill(BASE_SCORE);
  const blocked = new Array<boolean>(METHOD_IDS.length).fill(false);
  for (const rule of fired) {
    for (let index = 0; index < raw.length; index++)
      raw[index] = (raw[index] as number) + (rule.deltas[index] as number);
    for (const index of rule.blocks) blocked[index] = true;
  }
  let best = 0;
  let bestKey = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < raw.length; index++) {
    const key = (blocked[index] ? 0 : 1000) + Math.min(100, Math.max(0, raw[index] as number));
    if (key > bestKey) {
      best = index;
      bestKey = key;
    }
  }
  return METHOD_IDS[best] as MethodId;
}

/** Formats a score delta as an effect string: "+15", "-10". */
export function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : `${delta}`;
}

/**
 * Turns the rule trace into the ranked list of every method with score, verdict, reasons and blockers.
 * Verdicts: "not-viable" when a fired rule blocks the method; otherwise "recommended" when it is the top-ranked
 * viable method or scores ≥ RECOMMENDED_SCORE; else "viable". Reasons list every fired rule that touched the
 * method, blockers first, then by the size of the effect, then rule order.
 */
export function rankMethods(outcomes: readonly RuleOutcome[]): RankedMethod[] {
  const fired = outcomes.filter((outcome) => outcome.outcome === 'fired');
  const tally = tallyScores(fired.map((outcome) => outcome.rule));
  const order = rankingOrder(tally);
  const topViable = order.find((method) => !tally.blocked.has(method));
  return order.map((method, position) => {
    const reasons: (Reason & { weight: number; index: number })[] = [];
    const blockers: Blocker[] = [];
    for (const { rule, index } of fired) {
      const sources = [...rule.sources];
      if (rule.blocks.includes(method)) {
        reasons.push({ ruleId: rule.id, effect: 'blocks', text: rule.text, sources, weight: Infinity, index });
        blockers.push({ ruleId: rule.id, text: rule.text, sources: [...sources] });
      }
      const delta = rule.scores[method];
      if (delta !== undefined) {
        reasons.push({
          ruleId: rule.id,
          effect: formatDelta(delta),
          text: rule.text,
          sources,
          weight: Math.abs(delta),
          index,
        });
      }
    }
    reasons.sort((a, b) => b.weight - a.weight || a.index - b.index);
    const score = tally.scores.get(method) ?? BASE_SCORE;
    const verdict = tally.blocked.has(method)
      ? 'not-viable'
      : method === topViable || score >= RECOMMENDED_SCORE
        ? 'recommended'
        : 'viable';
    return {
      method,
      rank: position + 1,
      verdict,
      score,
      reasons: reasons.map(({ ruleId, effect, text, sources }) => ({ ruleId, effect, text, sources })),
      blockers,
    };
  });
}
