import type { Rule } from '../knowledge/schemas.ts';
import { METHOD_IDS, type MethodId } from '../profile/profile-schema.ts';
import type { RuleOutcome } from './evaluate-rules.ts';
import type { FeasibilityMap } from './feasibility.ts';
import type { MethodRecommendation, Reason } from './recommendation-schema.ts';

/** Every method starts here; fired score rules add their deltas. */
export const BASE_SCORE = 50;
/** A viable method at or above this score is "recommended" (the top viable method always is). */
export const RECOMMENDED_SCORE = 65;

/** A ranked method before estimates are attached. */
export type RankedMethod = Omit<MethodRecommendation, 'estimates'>;

/** Scores (clamped to 0..100) and blocked methods after applying a set of fired rules. */
export interface ScoreTally {
  /** Shown scores, clamped to 0..100. */
  readonly scores: ReadonlyMap<MethodId, number>;
  /** Unclamped sums: what siblings are compared on, so a clamp never hides a lead or makes a tie. */
  readonly raw: ReadonlyMap<MethodId, number>;
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
  return { scores, raw, blocked };
}

/** Formats a score delta as an effect string: "+15", "-10". */
export function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : `${delta}`;
}

/**
 * Turns the pipeline's decisions into the ranked list of every method. Rank 1 is the destination; then the other
 * planned methods in plan order; then feasible methods, conditional ones and infeasible ones, each by score, then
 * by METHOD_IDS order. Verdicts come from the feasibility stage: "not-viable" (a constraint fired, with its cited
 * blockers), "conditional" (a constraint is undecided; `decidedBy` names the unknown fields), otherwise
 * "recommended" for planned methods and "viable" for the rest. Reasons list every fired rule that touched the
 * method, blockers first, then by the size of the effect, then rule order.
 */
export function rankMethods(
  outcomes: readonly RuleOutcome[],
  feasibility: FeasibilityMap,
  destination: MethodId,
  planned: readonly MethodId[],
): RankedMethod[] {
  const fired = outcomes.filter((outcome) => outcome.outcome === 'fired');
  const tally = tallyScores(fired.map((outcome) => outcome.rule));
  const statusOf = (method: MethodId) => feasibility.get(method)?.status ?? 'feasible';
  const classOf = (method: MethodId) => {
    if (method === destination) return 0;
    const status = statusOf(method);
    if (planned.includes(method) && status !== 'infeasible') return 1;
    return status === 'feasible' ? 2 : status === 'conditional' ? 3 : 4;
  };
  const order = [...METHOD_IDS].sort(
    (a, b) =>
      classOf(a) - classOf(b) ||
      (classOf(a) === 1 ? planned.indexOf(a) - planned.indexOf(b) : 0) ||
      (tally.scores.get(b) ?? 0) - (tally.scores.get(a) ?? 0) ||
      METHOD_IDS.indexOf(a) - METHOD_IDS.indexOf(b),
  );
  return order.map((method, position) => {
    const reasons: (Reason & { weight: number; index: number })[] = [];
    for (const { rule, index } of fired) {
      const sources = [...rule.sources];
      if (rule.blocks.includes(method)) {
        reasons.push({ ruleId: rule.id, effect: 'blocks', text: rule.text, sources, weight: Infinity, index });
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
    const entry = feasibility.get(method);
    const status = statusOf(method);
    const verdict: RankedMethod['verdict'] =
      status === 'infeasible'
        ? 'not-viable'
        : status === 'conditional'
          ? 'conditional'
          : method === destination || planned.includes(method)
            ? 'recommended'
            : 'viable';
    const ranked: RankedMethod = {
      method,
      rank: position + 1,
      verdict,
      score: tally.scores.get(method) ?? BASE_SCORE,
      reasons: reasons.map(({ ruleId, effect, text, sources }) => ({ ruleId, effect, text, sources })),
      blockers: entry ? entry.blockers.map((blocker) => ({ ...blocker, sources: [...blocker.sources] })) : [],
    };
    if (status === 'conditional' && entry) ranked.decidedBy = [...entry.decidedBy];
    return ranked;
  });
}
