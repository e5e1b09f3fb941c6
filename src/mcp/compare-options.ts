/**
 * @module mcp/compare-options: several situations side by side (a base profile and variants that override some of its
 * fields, e.g. other GPUs, a budget, more data). Each option runs through the same engine call as POST
 * /v1/recommendations; the answer keeps, per option, the destination, the first step, the feasibility and costs of the
 * key methods and the compute options, and lists only what differs between the options. Pure and synchronous.
 */
import type { MethodRecommendation, Recommendation } from '../engine/recommendation-schema.ts';
import type { RecommendFunction } from '../http/types.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type MethodId, PROFILE_FIELDS, type Profile, Profile as ProfileSchema } from '../profile/profile-schema.ts';
import type { ComparedOption, CompareInput, CompareOutput, Difference, MethodOutcome } from './tool-schemas.ts';

/** Methods always shown per option (besides the destination and the first step): the ones hardware and money decide. */
const KEY_METHODS: readonly MethodId[] = ['rag', 'lora', 'qlora', 'full-fine-tuning', 'managed-fine-tuning'];

/** One option's merged profile; invalid merges cannot happen (both halves passed the strict Profile schema). */
function mergeProfile(base: Profile, overrides: Profile): Profile {
  return ProfileSchema.parse({ ...base, ...overrides });
}

function methodOutcome(entry: MethodRecommendation): MethodOutcome {
  const outcome: MethodOutcome = { method: entry.method, rank: entry.rank, verdict: entry.verdict };
  if (entry.decidedBy !== undefined && entry.decidedBy.length > 0) outcome.decidedBy = [...entry.decidedBy];
  const blocker = entry.blockers[0];
  if (entry.verdict === 'not-viable' && blocker !== undefined) outcome.blockedBecause = blocker.text;
  const estimates = entry.estimates;
  if (estimates?.memoryGB !== undefined) {
    outcome.memoryFit = estimates.memoryGB.fit;
    outcome.memoryNeededGB = estimates.memoryGB.needed;
  }
  if (estimates?.trainingGpuHours !== undefined) outcome.trainingGpuHours = estimates.trainingGpuHours;
  if (estimates?.oneTimeUSD !== undefined) outcome.oneTimeUSD = estimates.oneTimeUSD;
  if (estimates?.monthlyUSD !== undefined) outcome.monthlyUSD = estimates.monthlyUSD;
  return outcome;
}

function summarizeOption(label: string, profile: Profile, recommendation: Recommendation): ComparedOption {
  const shown = new Set<MethodId>([
    recommendation.destination.method,
    ...recommendation.firstStep.methods,
    ...KEY_METHODS,
  ]);
  return {
    label,
    profile,
    destination: { ...recommendation.destination, model: { ...recommendation.destination.model } },
    firstStep: [...recommendation.firstStep.methods],
    keyMethods: recommendation.recommendations.filter((entry) => shown.has(entry.method)).map(methodOutcome),
    computeOptions: recommendation.computeOptions.map((option) => ({ ...option })),
    questions: recommendation.questions.map((question) => question.field),
  };
}

/** Stable text of a value, for deciding whether two options differ. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function differenceIfAny(
  aspect: string,
  kind: Difference['kind'],
  options: readonly ComparedOption[],
  read: (option: ComparedOption) => unknown,
): Difference[] {
  const values = options.map((option) => ({ label: option.label, value: read(option) ?? null }));
  const first = values[0]?.value;
  return values.every((entry) => same(entry.value, first)) ? [] : [{ aspect, kind, values }];
}

/** What differs between the options: the profile fields that were changed, then the outcomes. */
export function findDifferences(options: readonly ComparedOption[]): Difference[] {
  const differences: Difference[] = [];
  for (const field of PROFILE_FIELDS)
    differences.push(...differenceIfAny(field, 'input', options, (option) => option.profile[field]));
  differences.push(
    ...differenceIfAny('destination.method', 'outcome', options, (o) => o.destination.method),
    ...differenceIfAny('destination.model', 'outcome', options, (o) => o.destination.model.name),
    ...differenceIfAny('destination.channel', 'outcome', options, (o) => o.destination.channel),
    ...differenceIfAny('firstStep', 'outcome', options, (o) => o.firstStep),
  );
  const methods = new Set(options.flatMap((option) => option.keyMethods.map((entry) => entry.method)));
  for (const method of methods) {
    const find = (option: ComparedOption) => option.keyMethods.find((entry) => entry.method === method);
    differences.push(
      ...differenceIfAny(`${method}.verdict`, 'outcome', options, (o) => find(o)?.verdict),
      ...differenceIfAny(`${method}.memoryFit`, 'outcome', options, (o) => find(o)?.memoryFit),
      ...differenceIfAny(`${method}.oneTimeUSD`, 'outcome', options, (o) => find(o)?.oneTimeUSD),
      ...differenceIfAny(`${method}.monthlyUSD`, 'outcome', options, (o) => find(o)?.monthlyUSD),
    );
  }
  differences.push(...differenceIfAny('questions', 'outcome', options, (o) => o.questions));
  return differences;
}

/** One line per option: "base → lora on Llama 3.1 8B (self-run)". */
function summaryText(options: readonly ComparedOption[], differences: readonly Difference[]): string {
  const lines = options.map((option) => {
    const { method, model, channel } = option.destination;
    return `${option.label} → ${method}${model.name === null ? '' : ` on ${model.name}`} (${channel})`;
  });
  const changed = differences.filter((difference) => difference.kind === 'outcome').map((d) => d.aspect);
  const shown = changed.length > 8 ? [...changed.slice(0, 8), `${changed.length - 8} more`] : changed;
  const tail =
    changed.length === 0 ? 'The options lead to the same advice.' : `Outcomes that differ: ${shown.join(', ')}.`;
  return `${lines.join('; ')}. ${tail}`;
}

/** Runs every option through `recommend` and lines the answers up. */
export function compareOptions(input: CompareInput, knowledge: Knowledge, recommend: RecommendFunction): CompareOutput {
  const situations = [
    { label: input.baseLabel, profile: input.base },
    ...input.variants.map((variant) => ({
      label: variant.label,
      profile: mergeProfile(input.base, variant.overrides),
    })),
  ];
  const options = situations.map(({ label, profile }) =>
    summarizeOption(label, profile, recommend(profile, knowledge, { explain: 'none' })),
  );
  const differences = findDifferences(options);
  return { options, differences, summary: summaryText(options, differences), knowledgeVersion: knowledge.version };
}
