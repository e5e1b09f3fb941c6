import { HOURS_PER_MONTH } from '../estimator/index.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import {
  type ARCHITECTURE_KINDS,
  FACT_TYPES,
  type FactName,
  type Model,
  PROVIDER_SERVICES,
  type ProviderOffering,
} from '../knowledge/schemas.ts';
import { PROFILE_FIELDS, type Profile, type ProfileField } from '../profile/profile-schema.ts';
import { rentalWithinAllowedProviders } from './allowed-providers.ts';
import { cpuLatencyFloorMs, cpuMeasuredFirstWordMs } from './cpu-latency.ts';
import { DEVICE_RUNTIME_GB, deviceNeed } from './device-fit.ts';
import {
  CPU_SERVING_MAX_WEIGHTS_GB,
  type FeasibilityEstimates,
  FIT_CHECKS,
  factCheckOf,
  inferenceContextTokens,
  TRAINING_CHECKS,
  type TrainingCheck,
} from './estimate-feasibility.ts';
import type { Facts, FactValue } from './facts.ts';
import { addDays, daysBetween } from './iso-dates.ts';
import { cheaperTiers } from './model-tiers.ts';
import { namedIsStudent, type ResolvedProfile } from './resolve-profile.ts';
import { taskFitsModel } from './task-capability.ts';
import { type FitAssessment, levelFits, PROJECT_RUNS } from './training-compute.ts';

/** `largeModel`: from about this size prompt tuning matches full fine-tuning (Lester et al. 2021). */
export const LARGE_MODEL_PARAMS_B = 10;
/** `smallModel`: below this size. */
export const SMALL_MODEL_PARAMS_B = 3;
/** A model of the small class by its name's size: Qwen2.5 3B's 3.09B and Llama 3.2 3B's 3.21B are 3B models. */
export function inSmallModelClass(paramsB: number): boolean {
  return paramsB <= SMALL_MODEL_PARAMS_B * 1.1;
}
/** `modelRetiringSoon`: the catalog end of life falls within this many weeks after the reference date. */
export const RETIRING_SOON_WEEKS = 26;
/** Hours in a week of round-the-clock training: the most a stated timeline allows one run on the team's GPUs. */
export const HOURS_PER_WEEK = 7 * 24;
/**
 * A model this small is fine-tuned on an ordinary CPU server when there are no GPUs: full fine-tuning holds about 16 to
 * 18 bytes per parameter (knowledge: accel, eai-blog), so 0.4B needs about 7 GB of RAM (BERT-Large is 0.34B), and its
 * compute (6 × parameters × tokens) is about 70 times less than an 8B model's for BERT-Base.
 */
export const CPU_TRAINING_MAX_PARAMS_B = 0.4;
/** The training methods a CPU server runs for such a model (16-bit LoRA or every weight; no 4-bit kernels on CPU). */
export const CPU_TRAINING_CHECKS: ReadonlySet<string> = new Set(['lora', 'full-fine-tuning']);
// (The device sizes, in one place for the engine and the chat.)
export { DEVICE_BITS_PER_WEIGHT, DEVICE_RUNTIME_GB } from './device-fit.ts';
/** `knowledgeVolatile`: knowledge that changes at least this often. */
export const VOLATILE_CHANGE_FREQUENCIES: readonly string[] = ['weekly', 'daily'];

export type ProviderService = ProviderOffering['service'];

/** `modelProvider` of a catalog model that no API provider serves (open-weight models). */
export const NO_PROVIDER = 'none';

/** A fact that is computed rather than given. */
export type DerivedFactName = Exclude<FactName, ProfileField>;

const MODEL_SIZE: readonly ProfileField[] = ['modelName', 'modelParamsB'];
const HARDWARE: readonly ProfileField[] = ['gpuName', 'gpuCount', 'gpuMemoryGB'];
const RENTING: readonly ProfileField[] = ['oneTimeBudgetUSD', 'dataMustStayOnPrem'];
/** What a CPU server's answer time against the target depends on (the floor and the measured speed alike). */
const CPU_LATENCY_INPUTS: readonly ProfileField[] = [
  ...MODEL_SIZE,
  ...HARDWARE,
  'latencyTargetMs',
  'inputTokensPerRequest',
  'dataMustStayOnPrem',
  'deployment',
];

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
  vendorRetiringSoon: ['modelName'],
  cheaperTierInFamily: ['modelName'],
  managedTuningAvailable: ['modelName', 'modelAccess'],
  managedPreferenceTuningAvailable: ['modelName', 'modelAccess'],
  managedRftAvailable: ['modelName', 'modelAccess'],
  managedDistillationAvailable: ['modelName'],
  hasGpu: HARDWARE,
  totalGpuMemoryGB: HARDWARE,
  'fits.inference': [...MODEL_SIZE, ...HARDWARE],
  'fits.inference-int4': [...MODEL_SIZE, ...HARDWARE],
  'fits.lora': [...MODEL_SIZE, ...HARDWARE],
  'fits.qlora': [...MODEL_SIZE, ...HARDWARE],
  'fits.full-fine-tuning': [...MODEL_SIZE, ...HARDWARE],
  'fits.distillation-student': [...MODEL_SIZE, ...HARDWARE],
  'fits.device': [...MODEL_SIZE, 'deviceMemoryGB'],
  'fits.device-corpus': [...MODEL_SIZE, 'deviceMemoryGB', 'corpusTokens'],
  'fits.task-copies': [...MODEL_SIZE, ...HARDWARE, 'tasksCount'],
  'affordable.task-copies': [...MODEL_SIZE, ...HARDWARE, 'tasksCount', 'monthlyBudgetUSD'],
  cpuServing: [...MODEL_SIZE, ...HARDWARE],
  cpuTrainable: [...MODEL_SIZE, 'modelAccess', 'modality', 'dataMustStayOnPrem', 'oneTimeBudgetUSD'],
  cpuLatencyMet: CPU_LATENCY_INPUTS,
  cpuMeasuredLatencyMet: CPU_LATENCY_INPUTS,
  rentalAllowed: ['dataMustStayOnPrem'],
  'trainable.lora': [...MODEL_SIZE, ...HARDWARE, ...RENTING],
  'trainable.qlora': [...MODEL_SIZE, ...HARDWARE, ...RENTING],
  'trainable.full-fine-tuning': [...MODEL_SIZE, ...HARDWARE, ...RENTING],
  'trainable.distillation-student': [...HARDWARE, ...RENTING],
  'inTime.lora': [...MODEL_SIZE, ...HARDWARE, 'timelineWeeks', 'labeledExamples', 'corpusTokens'],
  'inTime.qlora': [...MODEL_SIZE, ...HARDWARE, 'timelineWeeks', 'labeledExamples', 'corpusTokens'],
  'inTime.full-fine-tuning': [...MODEL_SIZE, ...HARDWARE, 'timelineWeeks', 'labeledExamples', 'corpusTokens'],
  imageGenerator: ['modelName', 'taskType'],
  taskFitsModel: ['modelName', 'taskType', 'task'],
  namedIsStudent: ['modelName', 'teacherModel'],
  citesItsInput: ['needsCitations', 'goals', 'task', 'taskType', 'unlabeledCorpus', 'corpusTokens'],
  runsOnDevice: ['goals', 'deviceMemoryGB', 'deployment'],
  teacherRetired: ['teacherModel'],
  teacherApiOnly: ['teacherModel'],
  teacherFitsTask: ['teacherModel', 'taskType', 'task'],
  'affordable.self-hosting': [...MODEL_SIZE, ...HARDWARE, 'monthlyBudgetUSD'],
  'affordable.api': ['modelName', 'requestsPerDay', 'currentMonthlySpendUSD', 'monthlyBudgetUSD'],
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
  for (const field of SCALAR_PROFILE_FIELDS) {
    const value = profile[field];
    if (value !== undefined) facts[field] = value as FactValue;
  }
  const referenceDate = knowledge.manifest.referenceDate;

  if (profile.modelAccess !== undefined) facts.weightsAvailable = profile.modelAccess === 'open-weights';
  if (profile.modelName !== undefined) facts.knownModel = model !== undefined;
  if (!model && resolved.family) {
    // A family name: the facts all its members share.
    const members = resolved.family.members;
    const same = <T>(values: T[]): T | undefined => (new Set(values).size === 1 ? values[0] : undefined);
    facts.modelFamily = resolved.family.name;
    const provider = same(members.map((member) => member.provider ?? NO_PROVIDER));
    if (provider !== undefined) facts.modelProvider = provider;
    const kind = same(members.map((member) => member.architecture?.kind));
    if (kind !== undefined) facts.modelArchitecture = kind;
  }
  if (model) {
    // An open-weight catalog model has no API provider: 'none' decides the provider rules instead of leaving them open.
    facts.modelProvider = model.provider ?? NO_PROVIDER;
    facts.modelFamily = model.family;
    if (model.architecture) facts.modelArchitecture = model.architecture.kind;
    // Lifecycle is per channel: a model past its vendor's end of life still lives where another provider offers it.
    const pastEndOfLife = model.endOfLife !== undefined && model.endOfLife <= referenceDate;
    facts.modelRetired = pastEndOfLife && !offersService(knowledge, model, PROVIDER_SERVICES, referenceDate);
    // A live model of the same family billed below this one (GPT-4o mini for GPT-4o): the cost fix on the vendor's
    // side is that tier, not a tuned copy of this one (billed above the base).
    if (model.apiPrice !== undefined)
      facts.cheaperTierInFamily = cheaperTiers(model, knowledge, referenceDate).length > 0;
    // The vendor retires it within the window (another channel may still list it, with no end date announced).
    facts.vendorRetiringSoon =
      model.endOfLife !== undefined &&
      model.endOfLife > referenceDate &&
      daysBetween(referenceDate, model.endOfLife) <= RETIRING_SOON_WEEKS * 7;
    // Retiring soon on the vendor's channel, and no other channel offers it past the window either.
    facts.modelRetiringSoon =
      facts.vendorRetiringSoon &&
      !offersService(knowledge, model, PROVIDER_SERVICES, addDays(referenceDate, RETIRING_SOON_WEEKS * 7));
  }

  const serviceAvailable = (services: readonly ProviderService[]): boolean | undefined =>
    model ? offersService(knowledge, model, services, referenceDate) : undefined;
  facts.managedTuningAvailable =
    profile.modelAccess === 'api-with-finetuning' ? true : serviceAvailable(['supervised-fine-tuning']);
  facts.managedPreferenceTuningAvailable = serviceAvailable(['preference-tuning', 'reinforcement-fine-tuning']);
  // Grader-based reinforcement fine-tuning (reasoning models): it learns from prompts with checkable answers, not pairs.
  facts.managedRftAvailable = serviceAvailable(['reinforcement-fine-tuning']);
  facts.managedDistillationAvailable = serviceAvailable(['distillation']);
  if (resolved.input.modelAccess === 'api-only') {
    // An explicit api-only wins over the catalog for every channel: no weights and no tuning job on this model.
    facts.managedTuningAvailable = false;
    facts.managedPreferenceTuningAvailable = false;
    facts.managedRftAvailable = false;
    facts.managedDistillationAvailable = false;
  } else if (profile.modelAccess === 'api-only') {
    facts.managedTuningAvailable ??= false;
    facts.managedPreferenceTuningAvailable ??= false;
    facts.managedRftAvailable ??= false;
  }

  const { gpuCount, gpuMemoryGB } = profile;
  const hasGpu = gpuCount === undefined ? undefined : gpuCount > 0;
  if (hasGpu !== undefined) facts.hasGpu = hasGpu;
  if (gpuCount === 0) facts.totalGpuMemoryGB = 0;
  else if (gpuCount !== undefined && gpuMemoryGB !== undefined) facts.totalGpuMemoryGB = gpuCount * gpuMemoryGB;

  // A model small enough to fine-tune on an ordinary CPU server (an encoder classifier such as BERT-Base): trainable
  // with no GPU, or beside a GPU too small for it (more hardware never takes the CPU route away). An unknown size is
  // not assumed small.
  // (A text encoder only: the source measured text classification on a CPU. And only where renting a GPU is not
  // possible: a rented GPU trains it in minutes for cents.)
  const cannotRent = profile.dataMustStayOnPrem === true || profile.oneTimeBudgetUSD === 0;
  if (profile.modelParamsB !== undefined && facts.weightsAvailable !== false)
    facts.cpuTrainable =
      profile.modelParamsB <= CPU_TRAINING_MAX_PARAMS_B &&
      // (A model not in the catalog, given as a small text model, is taken at its word: XLM-R base is 0.27B.)
      (model === undefined || model.architecture?.kind === 'encoder') &&
      (profile.modality ?? model?.modality) === 'text' &&
      cannotRent;
  else if (hasGpu === false) facts.cpuTrainable = false;
  for (const check of FIT_CHECKS) {
    if (check !== factCheckOf(check)) continue;
    const onCpu = facts.cpuTrainable === true && CPU_TRAINING_CHECKS.has(check);
    const fits = onCpu ? true : hasGpu === false ? false : levelOf(estimates.fit[check]);
    if (fits !== undefined) facts[`fits.${check}`] = fits;
  }

  // Unknown residency is assumed free (and listed as an assumption; the questions probe the other value): data may
  // go to a vendor API or a rented GPU unless the team says it must stay on the premises, or may use no cloud that
  // rents GPUs (only model vendors' APIs).
  facts.dataMustStayOnPrem ??= false;
  const rentalAllowed = profile.dataMustStayOnPrem !== true && rentalWithinAllowedProviders(knowledge);
  facts.rentalAllowed = rentalAllowed;
  for (const trainingCheck of TRAINING_CHECKS) {
    const check = factCheckOf(trainingCheck) as Exclude<TrainingCheck, 'preference-lora' | 'preference-qlora'>;
    if (check !== trainingCheck) continue;
    // On the team's own GPUs a single run must also end within the stated timeline (the estimate's own hours).
    const projectHours = estimates.ownProjectHours[check];
    const inTime =
      profile.timelineWeeks === undefined || projectHours === undefined
        ? undefined
        : projectHours / PROJECT_RUNS <= profile.timelineWeeks * HOURS_PER_WEEK;
    if (inTime !== undefined && check !== 'distillation-student') facts[`inTime.${check}`] = inTime;
    const own = facts[`fits.${check}`] as boolean | undefined;
    const rentable = rentableFact(check, rentalAllowed, estimates, profile.oneTimeBudgetUSD);
    const trainable = or3(own, rentable);
    if (trainable !== undefined) facts[`trainable.${check}`] = trainable;
  }

  // One fully fine-tuned copy per task must all be served: tasksCount 16-bit copies against the GPUs' memory.
  const inference = estimates.checks.inference;
  const total = facts.totalGpuMemoryGB;
  if (profile.tasksCount !== undefined && profile.tasksCount >= 2 && inference && typeof total === 'number') {
    // Each copy adds its weights; the runtime, the cache and activations are shared by one server.
    const weights = inference.memoryGB.breakdown.weights;
    const needed = profile.tasksCount * weights + (inference.memoryGB.total - weights);
    facts['fits.task-copies'] = needed <= total;
    // Copies past the team's GPUs need rented ones running all month: held against the monthly budget.
    const gpu = estimates.servingGpu;
    if (needed > total && gpu !== undefined && gpu.usdPerHour > 0 && profile.monthlyBudgetUSD !== undefined) {
      const rentedGpus = Math.ceil((needed - total) / gpu.memoryGB);
      facts['affordable.task-copies'] = rentedGpus * gpu.usdPerHour * HOURS_PER_MONTH <= profile.monthlyBudgetUSD;
    }
  }
  // No GPUs at all: a model whose 4-bit weights are small is still served from a CPU server (llama.cpp runs quantized
  // models on x86 and ARM CPUs), slowly; larger ones are not. With GPUs, serving is judged on them.
  const int4Serving = estimates.checks['inference-int4'];
  let cpuLatencyOpen = false;
  if (hasGpu === true) facts.cpuServing = false;
  else if (hasGpu === false && int4Serving && facts.weightsAvailable === true) {
    const weightsGB = int4Serving.memoryGB.breakdown.weights;
    facts.cpuServing = weightsGB <= CPU_SERVING_MAX_WEIGHTS_GB;
    // Served from the team's own CPU servers (no GPUs, and the data may not go to a rented one), a generative model
    // reads its prompt and writes token by token: below the floor no CPU answers in time (an encoder writes nothing).
    // (Not on a device: the model runs on the users' hardware there, which the device rules judge.)
    const onOwnCpus =
      facts.cpuServing &&
      profile.dataMustStayOnPrem === true &&
      profile.modelParamsB !== undefined &&
      facts.modelArchitecture !== 'encoder' &&
      profile.deployment !== 'edge' &&
      profile.deployment !== 'mobile';
    // The floor times the team's own prompt when it gave one (never shorter than the shortest prompt).
    if (onOwnCpus && profile.latencyTargetMs !== undefined && profile.modelParamsB !== undefined) {
      facts.cpuLatencyMet =
        profile.latencyTargetMs >= cpuLatencyFloorMs(profile.modelParamsB, weightsGB, profile.inputTokensPerRequest);
      // Above the floor but slower than the target at the speed measured on a workstation: possible only on a
      // faster server than the one measured, a risk to say beside the answer.
      facts.cpuMeasuredLatencyMet =
        profile.latencyTargetMs >=
        cpuMeasuredFirstWordMs(profile.modelParamsB, weightsGB, profile.inputTokensPerRequest);
    }
    // With no target stated the rule stays open on it: the target is worth asking.
    else if (onOwnCpus) cpuLatencyOpen = true;
  }
  // Anywhere else (GPUs, a GPU that may be rented, an encoder, a device) the CPU floor does not apply.
  if (!cpuLatencyOpen) {
    facts.cpuLatencyMet ??= true;
    facts.cpuMeasuredLatencyMet ??= true;
  }
  // On a device the runtime (llama.cpp, MLC, Core ML) is small next to a server's CUDA context: 4-bit weights and
  // the KV cache plus DEVICE_RUNTIME_GB.
  const int4 = estimates.checks['inference-int4'];
  if (profile.deviceMemoryGB !== undefined && int4 && profile.modelParamsB !== undefined) {
    // Device formats quantize the embeddings too (llama.cpp Q4_K_M: 4.58 GiB for Llama 3.1 8B, ~4.9 bits a weight).
    const need = deviceNeed({ paramsB: profile.modelParamsB, architecture: resolved.model?.architecture }, profile);
    const { weightsGB, kvCacheGB } = need;
    facts['fits.device'] = need.totalGB <= profile.deviceMemoryGB;
    // The whole corpus in the prompt on the device: its KV cache (per token, from the estimate) beside the weights.
    if (profile.corpusTokens !== undefined && profile.corpusTokens > 0) {
      const perTokenGB = kvCacheGB / inferenceContextTokens(profile);
      facts['fits.device-corpus'] =
        weightsGB + perTokenGB * profile.corpusTokens + DEVICE_RUNTIME_GB <= profile.deviceMemoryGB;
    }
  }

  const architecture = facts.modelArchitecture;
  const student = namedIsStudent(resolved);
  if (student !== undefined) facts.namedIsStudent = student;
  // The teacher's answers must be obtainable: from a live model, and from wherever the team's data may go.
  const { teacher } = resolved;
  if (teacher) {
    const pastEndOfLife = teacher.endOfLife !== undefined && teacher.endOfLife <= referenceDate;
    facts.teacherRetired = pastEndOfLife && !offersService(knowledge, teacher, PROVIDER_SERVICES, referenceDate);
    facts.teacherApiOnly = teacher.access !== 'open-weights';
    // The teacher must itself produce the task's output (an image generator writes no extractions).
    const teacherFits = taskFitsModel(teacher.architecture?.kind, teacher.modality, profile.taskType, profile.task);
    if (teacherFits !== undefined) facts.teacherFitsTask = teacherFits;
  }
  // The catalog's architecture decides: BERT asked to draw images is not an image generator (it cannot do the task).
  if (architecture !== undefined) facts.imageGenerator = architecture === 'diffusion';
  else if (profile.taskType !== undefined) facts.imageGenerator = profile.taskType === 'image-generate';
  const fits = taskFitsModel(
    typeof architecture === 'string' ? (architecture as (typeof ARCHITECTURE_KINDS)[number]) : undefined,
    resolved.model?.modality,
    profile.taskType,
    profile.task,
  );
  if (fits !== undefined) facts.taskFitsModel = fits;

  const selfHosted = estimates.serving?.selfHostedMonthlyUSD;
  // Serving on GPUs the team owns costs no rent: only a rented serving GPU is held against the monthly budget.
  const rentedServing = estimates.servingGpu?.origin === 'reference' || estimates.servingGpu?.rented === true;
  if (profile.monthlyBudgetUSD !== undefined && selfHosted != null && rentedServing) {
    facts['affordable.self-hosting'] = selfHosted <= profile.monthlyBudgetUSD;
  }
  // (A search is served by retrieval: what it costs is embedding the queries, not a generated answer per search.)
  const api = estimates.searchRetrieval?.monthlyUSD ?? estimates.serving?.apiMonthlyUSD;
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
  // (Decided once anything says whether citations are wanted: false when they are not.)
  const citations = profile.needsCitations === true || (profile.goals ?? []).includes('citations');
  if (citations || profile.needsCitations === false || profile.goals !== undefined)
    facts.citesItsInput = citations && citesItsInput(profile);
  // (Decided once the goals or where it runs are said; false otherwise.)
  const onDevice = runsOnDevice(profile);
  if (onDevice || profile.goals !== undefined || profile.deployment !== undefined) facts.runsOnDevice = onDevice;
  return facts;
}

/** The model runs on the team's own device (a phone, an edge box): said as a goal, a device's memory or where it runs. */
export function runsOnDevice(profile: Partial<Profile>): boolean {
  return (
    (profile.goals ?? []).includes('on-device') ||
    profile.deviceMemoryGB !== undefined ||
    profile.deployment === 'edge' ||
    profile.deployment === 'mobile'
  );
}

/** A task that works on the one document each request hands it: summarise, extract from, review, redact, translate. */
const PER_DOCUMENT_TASK =
  /\b(?:summar(?:y|ies|i[sz]\w*)|extract\w*|review\w*|redact\w*|translat\w*|abstract\w*|analy[sz]\w*)\b[^.]{0,80}\b(?:leases?|contracts?|agreements?|reports?|notes?|letters?|documents?|papers?|filings?|claims?|emails?|transcripts?|calls?|records?|files?|articles?|policies|statements?|invoices?)\b/i;

/** A collection each request searches: an archive, a library, all our documents, what is relevant to a query. */
const SEARCHED_COLLECTION =
  /\b(?:archives?|library|libraries|repositor(?:y|ies)|databases?|knowledge\s+base|all\s+(?:of\s+)?our|relevant\s+to\s+(?:a|the|each)\s+(?:query|question))\b/i;

/**
 * Citations that point into the document the request itself reads ("summarise leases with clause references"), with
 * no corpus of other documents to answer from: the source is already in the prompt, so no retrieval is needed.
 */
export function citesItsInput(profile: Profile): boolean {
  const corpus =
    profile.unlabeledCorpus === 'small' || profile.unlabeledCorpus === 'large' || (profile.corpusTokens ?? 0) > 0;
  if (corpus || profile.taskType === 'chat' || profile.taskType === 'search') return false;
  const task = (profile.task ?? '').slice(0, 500);
  // (An archive searched for each question is the retrieval case: "the obligations relevant to a query".)
  return PER_DOCUMENT_TASK.test(task) && !SEARCHED_COLLECTION.test(task);
}

/** Profile fields that are facts (the arrays `goals` and `tried` are read by the diagnosis stage, not by rules). */
const SCALAR_PROFILE_FIELDS = PROFILE_FIELDS.filter((field): field is ProfileField & FactName => field in FACT_TYPES);

function levelOf(assessment: FitAssessment | undefined): boolean | undefined {
  return assessment === undefined ? undefined : levelFits(assessment.level);
}

/** A rental holds the check and costs no more than the one-time budget (unknown while the budget is). */
function rentableFact(
  check: TrainingCheck,
  rentalAllowed: boolean,
  estimates: FeasibilityEstimates,
  budget: number | undefined,
): boolean | undefined {
  if (!rentalAllowed) return false;
  // (No money for training rents nothing, whatever the model's size.)
  if (budget === 0) return false;
  if (!estimates.checks[check]) return undefined;
  const rental = estimates.rentals[check];
  if (!rental) return false;
  return budget === undefined ? undefined : rental.usd <= budget;
}

/** Three-valued OR: true wins, then unknown, then false. */
function or3(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === true || b === true) return true;
  if (a === undefined || b === undefined) return undefined;
  return false;
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

/** The providers with a live offer of one of `services` for this model on `referenceDate`, in catalog order. */
export function liveOffers(
  knowledge: Knowledge,
  model: Model,
  services: readonly ProviderService[],
  referenceDate: string,
): { name: string; asOf: string; endsOn?: string }[] {
  const offers: { name: string; asOf: string; endsOn?: string }[] = [];
  for (const provider of knowledge.providers) {
    const offering = provider.offerings.find(
      (candidate) =>
        services.includes(candidate.service) &&
        candidate.models.includes(model.id) &&
        candidate.status === 'available' &&
        (candidate.availableFrom === undefined || candidate.availableFrom <= referenceDate) &&
        (candidate.endsOn === undefined || candidate.endsOn >= referenceDate),
    );
    if (offering)
      offers.push({
        name: provider.name,
        asOf: offering.asOf,
        ...(offering.endsOn ? { endsOn: offering.endsOn } : {}),
      });
  }
  return offers;
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
