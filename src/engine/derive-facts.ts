import type { Knowledge } from '../knowledge/knowledge.ts';
import type { FactName, Model, ProviderOffering } from '../knowledge/schemas.ts';
import { PROFILE_FIELDS, type ProfileField } from '../profile/profile-schema.ts';
import { type FeasibilityEstimates, FIT_CHECKS, type FitCheck } from './estimate-feasibility.ts';
import type { Facts } from './facts.ts';
import type { ResolvedProfile } from './resolve-profile.ts';

/** `largeModel`: from about this size prompt tuning matches full fine-tuning (Lester et al. 2021). */
export const LARGE_MODEL_PARAMS_B = 10;
/** `smallModel`: below this size. */
export const SMALL_MODEL_PARAMS_B = 3;
/** `modelRetiringSoon`: the catalog end of life falls within this many weeks after the reference date. */
export const RETIRING_SOON_WEEKS = 26;
/** `knowledgeVolatile`: knowledge that changes at least this often. */
export const VOLATILE_CHANGE_FREQUENCIES: readonly string[] = ['weekly', 'daily'];

type ProviderService = ProviderOffering['service'];

/** `modelProvider` of a catalog model that no API provider serves (open-weight models). */
export const NO_PROVIDER = 'none';

/** A fact that is computed rather than given. */
export type DerivedFactName = Exclude<FactName, ProfileField>;

const MODEL_SIZE: readonly ProfileField[] = ['modelName', 'modelParamsB'];
const HARDWARE: readonly ProfileField[] = ['gpuName', 'gpuCount', 'gpuMemoryGB'];
const PRICING: readonly ProfileField[] = ['gpuName'];

/**
 * The profile fields each derived fact is computed from (through catalog resolution and the estimator). Used to
 * find which unknown profile fields could decide an undecided rule.
 */
export const DERIVED_FACT_INPUTS: Readonly<Record<DerivedFactName, readonly ProfileField[]>> = {
  weightsAvailable: ['modelName', 'modelAccess'],
  knownModel: ['modelName'],
  modelProvider: ['modelName'],
  modelFamily: ['modelName'],
  modelArchitecture: ['modelName'],
  modelRetired: ['modelName'],
  modelRetiringSoon: ['modelName'],
  managedTuningAvailable: ['modelName', 'modelAccess'],
  managedPreferenceTuningAvailable: ['modelName', 'modelAccess'],
  managedDistillationAvailable: ['modelName'],
  hasGpu: HARDWARE,
  totalGpuMemoryGB: HARDWARE,
  'fits.inference': [...MODEL_SIZE, ...HARDWARE],
  'fits.inference-int4': [...MODEL_SIZE, ...HARDWARE],
  'fits.lora': [...MODEL_SIZE, ...HARDWARE],
  'fits.qlora': [...MODEL_SIZE, ...HARDWARE],
  'fits.full-fine-tuning': [...MODEL_SIZE, ...HARDWARE],
  'fits.distillation-student': [...MODEL_SIZE, ...HARDWARE],
  'affordable.full-fine-tuning': [...MODEL_SIZE, ...PRICING, 'labeledExamples', 'oneTimeBudgetUSD'],
  'affordable.lora': [...MODEL_SIZE, ...PRICING, 'labeledExamples', 'oneTimeBudgetUSD'],
  'affordable.self-hosting': [...MODEL_SIZE, ...HARDWARE, 'monthlyBudgetUSD'],
  'affordable.api': ['modelName', 'requestsPerDay', 'monthlyBudgetUSD'],
  selfHostingCheaperThanApi: [...MODEL_SIZE, ...HARDWARE, 'requestsPerDay'],
  knowledgeVolatile: ['knowledgeChanges'],
  largeModel: MODEL_SIZE,
  smallModel: MODEL_SIZE,
};

/** The profile fields a fact comes from: itself for a profile field, its inputs for a derived fact. */
export function fieldsBehind(fact: FactName): readonly ProfileField[] {
  return fact in DERIVED_FACT_INPUTS ? DERIVED_FACT_INPUTS[fact as DerivedFactName] : [fact as ProfileField];
}

/** Thresholds inside the derived facts, per profile field (the question probes test both sides of each). */
export const DERIVED_FACT_THRESHOLDS: Readonly<Partial<Record<ProfileField, readonly number[]>>> = {
  modelParamsB: [SMALL_MODEL_PARAMS_B, LARGE_MODEL_PARAMS_B],
  gpuCount: [0, 1],
};

/**
 * Computes every fact rules may test: the resolved profile fields plus the derived facts of FACT_TYPES.
 * A fact whose inputs are not known is left undefined (the rules testing it become 'unknown').
 * - weightsAvailable: modelAccess is open-weights.
 * - knownModel / modelProvider ('none' for open-weight models) / modelFamily / modelArchitecture / modelRetired:
 *   from the catalog model (retired when its end of life is on or before manifest.referenceDate; retiring soon
 *   when it falls within RETIRING_SOON_WEEKS after it).
 * - managed*Available: a provider offering of that service lists the model, is "available" and has not ended
 *   by the reference date; modelAccess "api-with-finetuning" also makes managedTuningAvailable true, and
 *   "api-only" makes an undecided managedTuningAvailable and managedPreferenceTuningAvailable false.
 * - hasGpu, totalGpuMemoryGB; fits.* from the estimator (false when there is no GPU); affordable.* comparing
 *   estimated cost with the budget (affordable.api: the catalog list price at requestsPerDay);
 *   selfHostingCheaperThanApi; knowledgeVolatile; largeModel; smallModel.
 */
export function deriveFacts(resolved: ResolvedProfile, knowledge: Knowledge, estimates: FeasibilityEstimates): Facts {
  const { profile, model } = resolved;
  const facts: Facts = {};
  for (const field of PROFILE_FIELDS) {
    const value = profile[field];
    if (value !== undefined) facts[field] = value;
  }
  const referenceDate = knowledge.manifest.referenceDate;

  if (profile.modelAccess !== undefined) facts.weightsAvailable = profile.modelAccess === 'open-weights';
  if (profile.modelName !== undefined) facts.knownModel = model !== undefined;
  if (model) {
    // An open-weight catalog model has no API provider: 'none' decides the provider rules instead of leaving them open.
    facts.modelProvider = model.provider ?? NO_PROVIDER;
    facts.modelFamily = model.family;
    if (model.architecture) facts.modelArchitecture = model.architecture.kind;
    facts.modelRetired = model.endOfLife !== undefined && model.endOfLife <= referenceDate;
    facts.modelRetiringSoon =
      model.endOfLife !== undefined &&
      model.endOfLife > referenceDate &&
      daysBetween(referenceDate, model.endOfLife) <= RETIRING_SOON_WEEKS * 7;
  }

  const serviceAvailable = (services: readonly ProviderService[]): boolean | undefined =>
    model ? offersService(knowledge, model, services, referenceDate) : undefined;
  facts.managedTuningAvailable =
    profile.modelAccess === 'api-with-finetuning' ? true : serviceAvailable(['supervised-fine-tuning']);
  facts.managedPreferenceTuningAvailable = serviceAvailable(['preference-tuning', 'reinforcement-fine-tuning']);
  facts.managedDistillationAvailable = serviceAvailable(['distillation']);
  if (profile.modelAccess === 'api-only') {
    // The caller says the API offers no tuning, supervised or preference.
    facts.managedTuningAvailable ??= false;
    facts.managedPreferenceTuningAvailable ??= false;
  }

  const { gpuCount, gpuMemoryGB } = profile;
  const hasGpu = gpuCount === undefined ? undefined : gpuCount > 0;
  if (hasGpu !== undefined) facts.hasGpu = hasGpu;
  if (gpuCount === 0) facts.totalGpuMemoryGB = 0;
  else if (gpuCount !== undefined && gpuMemoryGB !== undefined) facts.totalGpuMemoryGB = gpuCount * gpuMemoryGB;

  for (const check of FIT_CHECKS) {
    const fits = fitsFact(check, hasGpu, estimates);
    if (fits !== undefined) facts[`fits.${check}`] = fits;
  }

  const budget = profile.oneTimeBudgetUSD;
  const loraCost = estimates.checks.lora?.costUSD;
  const fullCost = estimates.checks['full-fine-tuning']?.costUSD;
  if (budget !== undefined && loraCost !== undefined) facts['affordable.lora'] = loraCost <= budget;
  if (budget !== undefined && fullCost !== undefined) facts['affordable.full-fine-tuning'] = fullCost <= budget;
  const selfHosted = estimates.serving?.selfHostedMonthlyUSD;
  if (profile.monthlyBudgetUSD !== undefined && selfHosted != null) {
    facts['affordable.self-hosting'] = selfHosted <= profile.monthlyBudgetUSD;
  }
  const api = estimates.serving?.apiMonthlyUSD;
  if (profile.monthlyBudgetUSD !== undefined && api != null) facts['affordable.api'] = api <= profile.monthlyBudgetUSD;
  if (profile.requestsPerDay !== undefined && selfHosted != null && api != null) {
    facts.selfHostingCheaperThanApi = selfHosted < api;
  }

  if (profile.knowledgeChanges !== undefined) {
    facts.knowledgeVolatile = VOLATILE_CHANGE_FREQUENCIES.includes(profile.knowledgeChanges);
  }
  if (profile.modelParamsB !== undefined) {
    facts.largeModel = profile.modelParamsB >= LARGE_MODEL_PARAMS_B;
    facts.smallModel = profile.modelParamsB < SMALL_MODEL_PARAMS_B;
  }
  return facts;
}

/** Whole days from one ISO date (YYYY-MM-DD) to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function fitsFact(check: FitCheck, hasGpu: boolean | undefined, estimates: FeasibilityEstimates): boolean | undefined {
  if (hasGpu === false) return false;
  const fits = estimates.checks[check]?.fits;
  return fits === null || fits === undefined ? undefined : fits;
}

/** True when some provider offers one of `services` for this model, available and not ended on `referenceDate`. */
export function offersService(
  knowledge: Knowledge,
  model: Model,
  services: readonly ProviderService[],
  referenceDate: string,
): boolean {
  const byService = offeringsByModel(knowledge).get(model.id);
  if (!byService) return false;
  return services.some((service) =>
    (byService.get(service) ?? []).some(
      (offering) =>
        offering.status === 'available' &&
        (offering.availableFrom === undefined || offering.availableFrom <= referenceDate) &&
        (offering.endsOn === undefined || offering.endsOn >= referenceDate),
    ),
  );
}

type OfferingIndex = ReadonlyMap<string, ReadonlyMap<ProviderService, readonly ProviderOffering[]>>;
const offeringIndexByKnowledge = new WeakMap<Knowledge, OfferingIndex>();

/** Offerings by model id and service, built once per knowledge object (the question probes derive facts often). */
function offeringsByModel(knowledge: Knowledge): OfferingIndex {
  const cached = offeringIndexByKnowledge.get(knowledge);
  if (cached) return cached;
  const index = new Map<string, Map<ProviderService, ProviderOffering[]>>();
  for (const provider of knowledge.providers) {
    for (const offering of provider.offerings) {
      for (const modelId of offering.models) {
        const byService = index.get(modelId) ?? new Map<ProviderService, ProviderOffering[]>();
        byService.set(offering.service, [...(byService.get(offering.service) ?? []), offering]);
        index.set(modelId, byService);
      }
    }
  }
  offeringIndexByKnowledge.set(knowledge, index);
  return index;
}
