import { templateExplanation } from '../explainer/template-explanation.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { FactName } from '../knowledge/schemas.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { buildPlan } from './build-plan.ts';
import { deriveFacts } from './derive-facts.ts';
import { estimateFeasibility } from './estimate-feasibility.ts';
import { evaluateRules, type RuleOutcome } from './evaluate-rules.ts';
import { type EvaluationState, findQuestions, toQuestions } from './find-questions.ts';
import { methodEstimates } from './method-estimates.ts';
import { rankMethods } from './rank-methods.ts';
import type { Assumption, MethodRecommendation, Recommendation } from './recommendation-schema.ts';
import { resolveProfile } from './resolve-profile.ts';

export interface RecommendOptions {
  /** 'template' (default) adds a plain-language explanation built from the trace; 'none' leaves it out. */
  explain?: 'none' | 'template';
}

/**
 * The rule engine: resolves the profile against the catalogs, derives facts (with the estimator), evaluates
 * every rule three-valued, ranks all methods, builds the staged plan, finds the questions whose answers could
 * change the top method, and lists every assumption, conflict and cited source. Pure and synchronous: the same
 * profile and knowledge give byte-identical JSON.
 * @example recommend({ modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090', labeledExamples: 2000 }, knowledge)
 */
export function recommend(profile: Profile, knowledge: Knowledge, options: RecommendOptions = {}): Recommendation {
  const resolved = resolveProfile(profile, knowledge);
  const estimates = estimateFeasibility(resolved, knowledge);
  const facts = deriveFacts(resolved, knowledge, estimates);

  const outcomes = evaluateRules(knowledge, facts);
  const ranked = rankMethods(outcomes);
  const estimatesByMethod = methodEstimates(
    estimates,
    facts.hasGpu as boolean | undefined,
    facts.totalGpuMemoryGB as number | undefined,
  );
  const recommendations: MethodRecommendation[] = ranked.map((method) => {
    const methodEstimate = estimatesByMethod[method.method];
    return methodEstimate ? { ...method, estimates: methodEstimate } : method;
  });
  const top = ranked[0]?.method ?? 'prompt-engineering';

  const state: EvaluationState = {
    input: profile,
    resolved,
    estimates,
    facts,
    truths: outcomes.map(({ outcome }) => (outcome === 'unknown' ? 'unknown' : outcome === 'fired')),
    top,
  };
  const questions = toQuestions(findQuestions(state, knowledge), top, knowledge);

  const recommendation: Recommendation = {
    recommendations,
    plan: buildPlan(ranked),
    questions,
    assumptions: sortAssumptions([...resolved.assumptions, ...estimates.assumptions, ...undecidedFacts(outcomes)]),
    conflicts: resolved.conflicts,
    trace: outcomes.map(({ rule, outcome, missingFacts }) => ({
      ruleId: rule.id,
      kind: rule.kind,
      outcome,
      missingFacts: [...missingFacts],
    })),
    knowledgeVersion: knowledge.version,
    sources: citedSources(outcomes, knowledge),
  };
  if ((options.explain ?? 'template') === 'template') {
    recommendation.explanation = { text: templateExplanation(recommendation, knowledge), source: 'template' };
  }
  return recommendation;
}

/** One assumption per unknown fact that left rules undecided: the engine did not guess it. */
function undecidedFacts(outcomes: readonly RuleOutcome[]): Assumption[] {
  const rulesByFact = new Map<FactName, string[]>();
  for (const { rule, missingFacts } of outcomes) {
    for (const fact of missingFacts) rulesByFact.set(fact, [...(rulesByFact.get(fact) ?? []), rule.id]);
  }
  return [...rulesByFact].map(([fact, ruleIds]) => ({
    field: fact,
    value: null,
    why: `Not known, so ${ruleIds.length === 1 ? 'one rule that tests it was' : `${ruleIds.length} rules that test it were`} left undecided (${ruleIds.join(', ')}).`,
  }));
}

/** Sorted by field, then text, without duplicates: deterministic output. */
function sortAssumptions(assumptions: readonly Assumption[]): Assumption[] {
  const seen = new Set<string>();
  return [...assumptions]
    .sort((a, b) => compare(a.field, b.field) || compare(a.why, b.why))
    .filter((assumption) => {
      const key = `${assumption.field}\0${assumption.why}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Every source a fired rule cites (all reasons and blockers come from fired rules), sorted by id. */
function citedSources(outcomes: readonly RuleOutcome[], knowledge: Knowledge): Recommendation['sources'] {
  const ids = new Set<string>();
  for (const { rule, outcome } of outcomes) if (outcome === 'fired') for (const id of rule.sources) ids.add(id);
  return [...ids].sort(compare).flatMap((id) => {
    const source = knowledge.sourceById.get(id);
    return source ? [{ id: source.id, title: source.title, url: source.url, year: source.year }] : [];
  });
}

/** Code-unit comparison: locale-independent, so output does not depend on the machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
