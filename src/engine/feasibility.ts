import {
  METHOD_IDS,
  type MethodId,
  PROFILE_FIELDS,
  type Profile,
  type ProfileField,
} from '../profile/profile-schema.ts';
import { fieldsBehind } from './derive-facts.ts';
import type { RuleOutcome } from './evaluate-rules.ts';
import type { Blocker } from './recommendation-schema.ts';

/**
 * Stage 2 of the pipeline (shared/design.md): can each method be done at all? Decided by the constraint rules
 * alone, three-valued: a fired constraint makes the method infeasible (with its cited blockers); a constraint
 * that cannot be decided makes it conditional on the unknown profile fields behind it (`decidedBy`); otherwise it
 * is feasible. Scores never enter here. Pure.
 */

export type FeasibilityStatus = 'feasible' | 'conditional' | 'infeasible';

export interface MethodFeasibility {
  readonly method: MethodId;
  readonly status: FeasibilityStatus;
  readonly blockers: readonly Blocker[];
  /** The unknown profile fields that decide a conditional method, in profile order. */
  readonly decidedBy: readonly ProfileField[];
}

export type FeasibilityMap = ReadonlyMap<MethodId, MethodFeasibility>;

export function assessFeasibility(outcomes: readonly RuleOutcome[], input: Profile): FeasibilityMap {
  const blockers = new Map<MethodId, Blocker[]>(METHOD_IDS.map((method) => [method, []]));
  const undecided = new Map<MethodId, Set<ProfileField>>(METHOD_IDS.map((method) => [method, new Set()]));
  for (const { rule, outcome, missingFacts } of outcomes) {
    if (rule.kind !== 'constraint' || outcome === 'not-fired') continue;
    for (const method of rule.blocks) {
      if (outcome === 'fired') {
        blockers.get(method)?.push({ ruleId: rule.id, text: rule.text, sources: [...rule.sources] });
      } else {
        const fields = undecided.get(method);
        for (const fact of missingFacts) for (const field of fieldsBehind(fact)) fields?.add(field);
      }
    }
  }
  const result = new Map<MethodId, MethodFeasibility>();
  for (const method of METHOD_IDS) {
    const methodBlockers = blockers.get(method) ?? [];
    if (methodBlockers.length > 0) {
      result.set(method, { method, status: 'infeasible', blockers: methodBlockers, decidedBy: [] });
      continue;
    }
    const fields = undecided.get(method) ?? new Set<ProfileField>();
    if (fields.size > 0) {
      // Fields the caller gave cannot be asked again; when only those remain (an unknown model name, say), keep them.
      // No GPUs at all (gpuCount 0): which GPU and how much memory it has decide nothing.
      const noGpus = input.gpuCount === 0;
      const unknown = PROFILE_FIELDS.filter(
        (field) =>
          fields.has(field) &&
          input[field] === undefined &&
          !(noGpus && (field === 'gpuName' || field === 'gpuMemoryGB')),
      );
      const decidedBy = unknown.length > 0 ? unknown : PROFILE_FIELDS.filter((field) => fields.has(field));
      result.set(method, { method, status: 'conditional', blockers: [], decidedBy });
      continue;
    }
    result.set(method, { method, status: 'feasible', blockers: [], decidedBy: [] });
  }
  return result;
}

/** Not ruled out: feasible or conditional. */
export function possible(feasibility: FeasibilityMap, method: MethodId): boolean {
  return feasibility.get(method)?.status !== 'infeasible';
}
