import { z } from 'zod';
import { estimate } from '../estimator/index.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type Condition, FACT_NAMES, type FactName } from '../knowledge/schemas.ts';
import { METHOD_IDS, type MethodId, PROFILE_FIELDS, Profile, type ProfileField } from '../profile/profile-schema.ts';
import { DERIVED_FACT_THRESHOLDS, deriveFacts, fieldsBehind } from './derive-facts.ts';
import {
  ESTIMATE_INPUT_FIELDS,
  estimateFeasibility,
  type FeasibilityEstimates,
  FIT_CHECKS,
} from './estimate-feasibility.ts';
import type { Truth } from './evaluate-condition.ts';
import { type CompiledRule, compileRules } from './evaluate-rules.ts';
import type { Facts, FactValue } from './facts.ts';
import { FIELD_QUESTIONS } from './field-questions.ts';
import { BASE_SCORE, topMethodOfCompiled } from './rank-methods.ts';
import type { Question } from './recommendation-schema.ts';
import { type ResolvedProfile, resolveProfile } from './resolve-profile.ts';

/** The evaluated state of one profile: what the question probes vary one field of. */
export interface EvaluationState {
  readonly input: Profile;
  readonly resolved: ResolvedProfile;
  readonly estimates: FeasibilityEstimates;
  readonly facts: Facts;
  /** Truth of each rule, in knowledge.rules order. */
  readonly truths: readonly Truth[];
  readonly top: MethodId;
}

/** A question worth asking, with how many probe values changed the top method and which methods they led to. */
export interface FieldProbeResult {
  readonly field: ProfileField;
  readonly changingValues: number;
  readonly alternatives: readonly MethodId[];
}

type FieldKind =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; integer: boolean; min: number; max: number; exclusiveMin: boolean };

/** How each profile field can be probed, read from the Profile schema (strings such as modelName cannot be). */
const FIELD_KINDS: ReadonlyMap<ProfileField, FieldKind> = new Map(
  PROFILE_FIELDS.flatMap((field): [ProfileField, FieldKind][] => {
    const schema = Profile.shape[field].unwrap();
    if (schema instanceof z.ZodEnum) return [[field, { kind: 'enum', values: schema.options as string[] }]];
    if (schema instanceof z.ZodBoolean) return [[field, { kind: 'boolean' }]];
    if (schema instanceof z.ZodNumber) {
      const min = schema.minValue ?? Number.NEGATIVE_INFINITY;
      // zod reports .positive() as minValue 0; it then rejects 0 itself.
      const exclusiveMin = !schema.safeParse(min).success;
      const kind: FieldKind = {
        kind: 'number',
        integer: schema.isInt,
        min,
        max: schema.maxValue ?? Infinity,
        exclusiveMin,
      };
      return [[field, kind]];
    }
    return [];
  }),
);

/**
 * Finds the unknown profile fields whose value could change the rank-1 method. A field is a candidate when it
 * is not known and an undecided rule tests it, directly or through a derived fact. Each candidate is probed
 * with representative values (every enum value, true/false, numbers on both sides of every threshold found in
 * the rules, the derived facts and the estimates); the engine re-evaluates only what the probe changes (the
 * estimator only for its inputs, rules only when a fact they test changed). Ordered by how many probe values
 * changed the top method, then by profile field order.
 */
export function findQuestions(state: EvaluationState, knowledge: Knowledge): FieldProbeResult[] {
  const candidates = candidateFields(state, knowledge);
  const results: FieldProbeResult[] = [];
  const standing = currentStanding(state, knowledge);
  for (const field of candidates) {
    if (cannotChangeTop(standing, rulesTouching(knowledge).get(field) ?? [], state)) continue;
    let changingValues = 0;
    const alternatives: MethodId[] = [];
    for (const value of probeValues(field, state, knowledge)) {
      const top = probeTop(state, knowledge, field, value);
      if (top !== state.top) {
        changingValues++;
        if (!alternatives.includes(top)) alternatives.push(top);
      }
    }
    if (changingValues > 0) results.push({ field, changingValues, alternatives });
  }
  return results.sort(
    (a, b) => b.changingValues - a.changingValues || PROFILE_FIELDS.indexOf(a.field) - PROFILE_FIELDS.indexOf(b.field),
  );
}

interface Standing {
  /** Clamped score per METHOD_IDS index. */
  readonly scores: readonly number[];
  /** The fired rules blocking each method. */
  readonly blockedBy: readonly (readonly CompiledRule[])[];
  readonly topIndex: number;
}

function currentStanding(state: EvaluationState, knowledge: Knowledge): Standing {
  const raw = METHOD_IDS.map(() => BASE_SCORE);
  const blockedBy: CompiledRule[][] = METHOD_IDS.map(() => []);
  for (const rule of compileRules(knowledge)) {
    if (state.truths[rule.index] !== true) continue;
    rule.deltas.forEach((delta, index) => {
      raw[index] = (raw[index] as number) + delta;
    });
    for (const index of rule.blocks) blockedBy[index]?.push(rule);
  }
  return {
    scores: raw.map((score) => Math.min(100, Math.max(0, score))),
    blockedBy,
    topIndex: METHOD_IDS.indexOf(state.top),
  };
}

/**
 * A sound shortcut: true when no outcome of the rules a field can influence could lift any other method above
 * the top one (each such rule may flip either way; the bound adds every delta in the harmful direction). Saves
 * the probes for fields whose rules only nudge methods far behind. Never true while the top method is blocked.
 */
export function cannotChangeTop(
  standing: Standing,
  touching: readonly CompiledRule[],
  state: EvaluationState,
): boolean {
  const { scores, blockedBy, topIndex } = standing;
  if ((blockedBy[topIndex]?.length ?? 0) > 0) return false;
  const touchingSet = new Set(touching);
  let topDown = 0;
  for (const rule of touching) {
    const fired = state.truths[rule.index] === true;
    const delta = rule.deltas[topIndex] as number;
    if (!fired && rule.blocks.includes(topIndex)) return false;
    topDown += fired ? Math.max(0, delta) : Math.max(0, -delta);
  }
  const topLow = Math.max(0, (scores[topIndex] as number) - topDown);
  for (let index = 0; index < scores.length; index++) {
    if (index === topIndex) continue;
    if ((blockedBy[index] ?? []).some((rule) => !touchingSet.has(rule))) continue; // stays blocked
    let up = 0;
    for (const rule of touching) {
      const fired = state.truths[rule.index] === true;
      const delta = rule.deltas[index] as number;
      up += fired ? Math.max(0, -delta) : Math.max(0, delta);
    }
    if (Math.min(100, (scores[index] as number) + up) >= topLow) return false;
  }
  return true;
}

const touchingByKnowledge = new WeakMap<Knowledge, ReadonlyMap<ProfileField, readonly CompiledRule[]>>();

/** Per profile field, the rules testing it or a derived fact computed from it; computed once per Knowledge. */
export function rulesTouching(knowledge: Knowledge): ReadonlyMap<ProfileField, readonly CompiledRule[]> {
  const cached = touchingByKnowledge.get(knowledge);
  if (cached) return cached;
  const map = new Map<ProfileField, CompiledRule[]>();
  for (const rule of compileRules(knowledge)) {
    const fields = new Set(rule.facts.flatMap((fact) => fieldsBehind(fact)));
    for (const field of fields) map.set(field, [...(map.get(field) ?? []), rule]);
  }
  touchingByKnowledge.set(knowledge, map);
  return map;
}

/** Turns probe results into the questions of the recommendation. */
export function toQuestions(results: readonly FieldProbeResult[], top: MethodId, knowledge?: Knowledge): Question[] {
  // "LoRA (low-rank adaptation)" → "LoRA": the short name reads better inside a sentence.
  const name = (id: MethodId) => knowledge?.methodById.get(id)?.name.replace(/\s*\(.*\)\s*$/, '') ?? id;
  return results.map(({ field, alternatives }) => {
    const { question, why } = FIELD_QUESTIONS[field];
    const could = alternatives.slice(0, 2).map(name).join(' or ');
    return {
      field,
      question,
      why: `${why} The answer could change the top recommendation from ${name(top)} to ${could}.`,
    };
  });
}

/** Unknown, probe-able profile fields that an undecided rule depends on, in profile field order. */
export function candidateFields(state: EvaluationState, knowledge: Knowledge): ProfileField[] {
  const relevant = new Set<ProfileField>();
  const compiled = compileRules(knowledge);
  state.truths.forEach((truth, index) => {
    if (truth !== 'unknown') return;
    const rule = compiled[index];
    if (!rule) return;
    const missing: FactName[] = [];
    rule.condition.collectMissing(state.facts, missing);
    for (const fact of missing) for (const field of fieldsBehind(fact)) relevant.add(field);
  });
  // A catalog model whose size is not published (GPT-4o, Claude): nobody can answer "how many parameters?".
  const sizeUnpublished = state.resolved.model !== undefined && state.resolved.model.paramsB === undefined;
  return PROFILE_FIELDS.filter(
    (field) =>
      relevant.has(field) &&
      state.resolved.profile[field] === undefined &&
      FIELD_KINDS.has(field) &&
      !(field === 'modelParamsB' && sizeUnpublished),
  );
}

/** The rank-1 method when `field` takes `value` and everything else stays as in `state`. */
export function probeTop(
  state: EvaluationState,
  knowledge: Knowledge,
  field: ProfileField,
  value: FactValue,
): MethodId {
  const resolved = resolveProfile({ ...state.input, [field]: value }, knowledge);
  const estimates = ESTIMATE_INPUT_FIELDS.has(field) ? estimateFeasibility(resolved, knowledge) : state.estimates;
  const facts = deriveFacts(resolved, knowledge, estimates);
  const changed = new Set<FactName>();
  for (const fact of FACT_NAMES) if (facts[fact] !== state.facts[fact]) changed.add(fact);
  const fired: CompiledRule[] = [];
  for (const rule of compileRules(knowledge)) {
    const truth = rule.facts.some((fact) => changed.has(fact)) ? rule.condition.test(facts) : state.truths[rule.index];
    if (truth === true) fired.push(rule);
  }
  return topMethodOfCompiled(fired);
}

/** Representative values for a field: enough to land on each side of every threshold that could matter. */
export function probeValues(field: ProfileField, state: EvaluationState, knowledge: Knowledge): FactValue[] {
  const kind = FIELD_KINDS.get(field);
  if (!kind) return [];
  if (kind.kind === 'enum') return [...kind.values];
  if (kind.kind === 'boolean') return [true, false];
  const thresholds = [...(ruleThresholds(knowledge).get(field) ?? []), ...(DERIVED_FACT_THRESHOLDS[field] ?? [])];
  thresholds.push(...estimateThresholds(field, state, knowledge));
  return representatives(thresholds, kind.integer).filter(
    (value) => (kind.exclusiveMin ? value > kind.min : value >= kind.min) && value <= kind.max,
  );
}

/**
 * Thresholds that come from the estimates rather than the rules: the estimated costs for the budgets, the
 * sizes at which the model stops fitting the GPUs, the catalog's GPU memory sizes when the model size is known.
 */
function estimateThresholds(field: ProfileField, state: EvaluationState, knowledge: Knowledge): number[] {
  const { checks, serving } = state.estimates;
  const profile = state.resolved.profile;
  switch (field) {
    case 'oneTimeBudgetUSD':
      return [checks.lora?.costUSD, checks['full-fine-tuning']?.costUSD].filter(
        (cost): cost is number => cost !== undefined && cost >= MIN_BUDGET_PROBE_USD,
      );
    case 'monthlyBudgetUSD':
      return serving?.selfHostedMonthlyUSD == null || serving.selfHostedMonthlyUSD < MIN_BUDGET_PROBE_USD
        ? []
        : [serving.selfHostedMonthlyUSD];
    case 'modelParamsB':
      return fitBreakEvenSizes(profile.gpuMemoryGB, profile.gpuCount);
    case 'gpuMemoryGB': {
      const perGpu = (ruleThresholds(knowledge).get('totalGpuMemoryGB') ?? []).map(
        (total) => total / (profile.gpuCount || 1),
      );
      return profile.modelParamsB === undefined ? perGpu : [...perGpu, ...knowledge.gpus.map((gpu) => gpu.memoryGB)];
    }
    default:
      return [];
  }
}

/**
 * A budget below this is not a real constraint for a team: when the estimated cost is lower (LoRA on an 8B model
 * costs cents), asking for the budget could only matter for an absurd answer, so the cost is not probed.
 */
export const MIN_BUDGET_PROBE_USD = 50;

/** Two sizes the break-even line is fitted through (billions of parameters). */
const FIT_LOW_PARAMS_B = 1;
const FIT_HIGH_PARAMS_B = 100;

/**
 * The model sizes at which each memory check stops fitting the GPUs, from a straight line through the
 * estimator's per-GPU memory at two sizes (memory grows about linearly with parameters). Ten estimator calls,
 * instead of probing every catalog size; the probes then land on both sides of each size.
 */
function fitBreakEvenSizes(gpuMemoryGB: number | undefined, gpuCount: number | undefined): number[] {
  if (gpuMemoryGB === undefined || gpuCount === undefined || gpuCount === 0) return [];
  const sizes: number[] = [];
  for (const check of FIT_CHECKS) {
    if (check === 'distillation-student') continue;
    const workload = check === 'inference-int4' ? 'inference' : check;
    const precision = check === 'inference-int4' ? 'int4' : undefined;
    const perGpu = (paramsB: number) =>
      estimate({ model: { paramsB }, workload, precision, gpuMemoryGB, gpuCount }).memoryGB.perGpu;
    const low = perGpu(FIT_LOW_PARAMS_B);
    const slope = (perGpu(FIT_HIGH_PARAMS_B) - low) / (FIT_HIGH_PARAMS_B - FIT_LOW_PARAMS_B);
    if (slope <= 0) continue;
    const breakEven = FIT_LOW_PARAMS_B + (gpuMemoryGB - low) / slope;
    if (breakEven > 0) sizes.push(Math.round(breakEven * 100) / 100);
  }
  return sizes;
}

/** One value below the lowest threshold, each threshold, each midpoint, one above the highest; sorted, unique. */
export function representatives(thresholds: readonly number[], integer: boolean): number[] {
  const sorted = [...new Set(thresholds)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const values = [first > 0 ? first / 2 : first - 1, ...sorted, last > 0 ? last * 2 : last + 1];
  for (let index = 0; index + 1 < sorted.length; index++) {
    values.push(((sorted[index] as number) + (sorted[index + 1] as number)) / 2);
  }
  const adjusted = integer ? values.map(Math.round) : values;
  return [...new Set(adjusted)].sort((a, b) => a - b);
}

const thresholdsByKnowledge = new WeakMap<Knowledge, ReadonlyMap<FactName, readonly number[]>>();

/** Every number a rule condition compares a fact with, per fact; computed once per Knowledge. */
export function ruleThresholds(knowledge: Knowledge): ReadonlyMap<FactName, readonly number[]> {
  const cached = thresholdsByKnowledge.get(knowledge);
  if (cached) return cached;
  const map = new Map<FactName, number[]>();
  const visit = (condition: Condition): void => {
    if ('all' in condition) condition.all.forEach(visit);
    else if ('any' in condition) condition.any.forEach(visit);
    else if ('not' in condition) visit(condition.not);
    else {
      const values = Array.isArray(condition.value) ? condition.value : [condition.value];
      for (const value of values) {
        if (typeof value !== 'number') continue;
        const list = map.get(condition.fact) ?? [];
        if (!list.includes(value)) list.push(value);
        map.set(condition.fact, list);
      }
    }
  };
  for (const rule of knowledge.rules) visit(rule.when);
  thresholdsByKnowledge.set(knowledge, map);
  return map;
}
