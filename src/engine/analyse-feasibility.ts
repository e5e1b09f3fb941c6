import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { withinAllowedProviders } from './allowed-providers.ts';
import { deriveFacts } from './derive-facts.ts';
import { estimateFeasibility, type FeasibilityEstimates } from './estimate-feasibility.ts';
import { evaluateRules, type RuleOutcome } from './evaluate-rules.ts';
import type { Facts } from './facts.ts';
import { assessFeasibility, type FeasibilityMap } from './feasibility.ts';
import { type ResolvedProfile, resolveProfile } from './resolve-profile.ts';

/** Stages 1–2 for one profile: resolution, estimates, facts, every rule's outcome and each method's feasibility. */
export interface FeasibilityAnalysis {
  readonly resolved: ResolvedProfile;
  readonly estimates: FeasibilityEstimates;
  readonly facts: Facts;
  readonly outcomes: RuleOutcome[];
  readonly feasibility: FeasibilityMap;
}

/**
 * Runs resolution, the estimator, the derived facts, the rules and the feasibility stage. `reuse` skips the
 * estimator when a probe changed no estimate input (the question and sensitivity probes call this often). Pure.
 */
export function analyseFeasibility(
  profile: Profile,
  catalog: Knowledge,
  reuse?: Pick<FeasibilityAnalysis, 'resolved' | 'estimates'>,
): FeasibilityAnalysis {
  const knowledge = withinAllowedProviders(catalog, profile.allowedProviders);
  const resolved = reuse
    ? { ...reuse.resolved, input: profile, profile: { ...reuse.resolved.profile, ...profile } }
    : resolveProfile(profile, knowledge);
  const estimates = reuse ? reuse.estimates : estimateFeasibility(resolved, knowledge);
  const facts = deriveFacts(resolved, knowledge, estimates);
  const outcomes = evaluateRules(knowledge, facts);
  // Fields the catalog filled in (size from the model name, memory from the GPU name) are known, not asked.
  return { resolved, estimates, facts, outcomes, feasibility: assessFeasibility(outcomes, resolved.profile) };
}
