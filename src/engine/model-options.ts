import { HOURS_PER_MONTH } from '../estimator/index.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Model } from '../knowledge/schemas.ts';
import { namesNonEnglish } from '../profile/languages.ts';
import type { MethodId, Profile } from '../profile/profile-schema.ts';
import { analyseFeasibility } from './analyse-feasibility.ts';
import type { Substitute, Wish } from './choose-destination.ts';
import { SFT_MIN_EXAMPLES, TEACHER_OUTWEIGHS_LABELS_BELOW } from './data-sufficiency.ts';
import { CPU_TRAINING_MAX_PARAMS_B, DEVICE_BITS_PER_WEIGHT, SMALL_MODEL_PARAMS_B } from './derive-facts.ts';
import { deviceNeed } from './device-fit.ts';
import { CPU_SERVING_MAX_WEIGHTS_GB, MAX_STUDENT_PARAMS_B } from './estimate-feasibility.ts';
import { ENCODER_MAX_TOKENS, statedInputLength } from './input-length.ts';

/** 4-bit weights of a model served from a CPU server, GB per billion parameters (llama.cpp Q4_K_M bits per weight). */
const CPU_WEIGHT_GB_PER_B = DEVICE_BITS_PER_WEIGHT / 8;

import type { FeasibilityMap } from './feasibility.ts';
import { addDays } from './iso-dates.ts';
import { livesLongEnough } from './model-tiers.ts';
import type { ModelOption } from './recommendation-schema.ts';
import { kindReplacingNamed } from './task-capability.ts';
import { languagesOffList, taskLanguages } from './task-languages.ts';
import { MAX_GPUS_PER_NODE } from './training-compute.ts';

/**
 * Stage 3 of the pipeline (shared/design.md): when the named model rules out the answer that would work, which
 * catalog model lifts the constraint? Candidates are open-weight models of the same kind (smaller siblings of the
 * named family first, then other families, largest first), each checked by the same feasibility stage with the
 * team's own hardware, budget and residency. At most MAX_EVALUATED candidates are evaluated. Pure.
 */

/** Candidates evaluated per wish (each runs the estimator once). */
export const MAX_EVALUATED = 4;
/** Candidates evaluated at most when none of the first MAX_EVALUATED is even conditionally possible. */
const MAX_EVALUATED_WHEN_NONE = 8;
/** A crude memory bound used only to skip hopeless candidates before evaluating them: QLoRA ≈ 0.6 GB per B + 2 GB. */
const QLORA_GB_PER_B = 0.6;
const QLORA_FIXED_GB = 2;
/** Substitutes for an API model are open models up to this size (the 70B class). */
export const OPEN_EQUIVALENT_MAX_B = 73;
/**
 * A substitute for an API model's small tier (GPT-4o mini, Claude Haiku, Gemini Flash), or for a narrow task (classify,
 * extract) with ample labels, is sized like an 8B-class open model: that class matches those tiers on narrow tuned
 * tasks, and a larger one only raises the serving bill.
 */
export const SMALL_TIER_EQUIVALENT_MAX_B = 8.5;
/** Requests a day from which the serving bill, not the training, decides the size of a substitute. */
const HIGH_VOLUME_REQUESTS_PER_DAY = 50_000;
/** Tenants or tasks from which one small base with many adapters is the serving plan. */
const MANY_ADAPTERS = 10;
const SMALL_TIER_NAME = /\b(?:mini|nano|flash|haiku|lite|micro|small|tiny)\b/i;
/** With no hardware and no budget known, substitutes are capped at this size (QLoRA on one 24 GB card). */
export const UNKNOWN_HARDWARE_MAX_B = 15;
/**
 * Crude training or serving memory per billion parameters (GB/B, plus a fixed GB), used only to try first the candidates
 * that fit the team's own GPUs: bf16 LoRA ≈ 2 bytes of weights per parameter plus adapters and activations; full
 * fine-tuning ≈ 16 bytes per parameter (weights, gradients, Adam states) [estimation §memory]; inference in bf16 ≈ 2.
 */
const CRUDE_GB: Partial<Record<MethodId, readonly [perB: number, fixed: number]>> = {
  qlora: [QLORA_GB_PER_B, QLORA_FIXED_GB],
  lora: [2.2, 4],
  adapters: [2.2, 4],
  'prefix-tuning': [2.2, 4],
  'prompt-tuning': [2.2, 4],
  'instruction-tuning': [2.2, 4],
  'preference-tuning': [2.6, 6],
  'full-fine-tuning': [16, 8],
};
/** Serving in bf16, for the methods that do not train. */
const SERVE_GB: readonly [number, number] = [2.1, 2];

/**
 * The cheapest month of serving a model of `paramsB` on rented GPUs by the crude bf16 bound above: whole GPUs of one
 * catalog type with a price, in powers of two up to a node, running all month [estimation §serving cost]. Undefined
 * when no priced GPU holds it.
 */
function cheapestMonthlyServingUSD(knowledge: Knowledge, paramsB: number): number | undefined {
  const [perB, fixed] = SERVE_GB;
  const needGB = perB * paramsB + fixed;
  let best: number | undefined;
  for (const gpu of knowledge.gpus) {
    if (!gpu.price) continue;
    for (let count = 1; count <= MAX_GPUS_PER_NODE; count *= 2) {
      if (count * gpu.memoryGB < needGB) continue;
      const usd = count * gpu.price.usdPerHour * HOURS_PER_MONTH;
      if (best === undefined || usd < best) best = usd;
      break;
    }
  }
  return best;
}

/** Size classes a serving budget is tried against, largest first (the 70B, 32B, 14B and 8B classes). */
const BUDGET_SIZE_CLASSES: readonly number[] = [OPEN_EQUIVALENT_MAX_B, 33, 15, SMALL_TIER_EQUIVALENT_MAX_B];

/** The least memory any of `methods` needs on a model of `paramsB` by the crude bounds above. */
function crudeNeedGB(methods: readonly MethodId[], paramsB: number): number {
  return Math.min(
    ...methods.map((method) => {
      const [perB, fixed] = CRUDE_GB[method] ?? SERVE_GB;
      return perB * paramsB + fixed;
    }),
  );
}

/** Candidates released this long before the named model belong to an older generation and are skipped. */
const OLDER_GENERATION_DAYS = 200;

/** A model's parameter count may run this much over its size class ("8B" = 8.03B) and still be in it. */
const SIZE_CLASS_SLACK = 1.05;

/**
 * A task whose inputs a 512-token English encoder cannot read whole ("30-page contracts") or in another language
 * ("Polish tickets"): the catalog's encoders are English BERT.
 */
const LONG_INPUT =
  /\b(?:\d+[\s-]pages?|pages?\s+long|long\s+(?:documents?|contracts?|reports?)|contracts?(?![\s-]+(?:clauses?|terms?|sentences?|lines?|snippets?|paragraphs?|fields?|sections?)\b)|books?)\b/i;

/**
 * Inputs an encoder cannot read whole: the task says so ("30-page contracts"), or the stated example or prompt length
 * is longer than its 512 positions ("letters of 1,500 to 3,000 tokens").
 */
function longInputs(profile: Profile): boolean {
  const stated = statedInputLength(profile);
  return LONG_INPUT.test(profile.task ?? '') || (stated !== undefined && stated > ENCODER_MAX_TOKENS);
}

/** How a distillation student is trained on the teacher's outputs. */
const STUDENT_TRAINING: readonly MethodId[] = ['lora', 'qlora', 'full-fine-tuning'];

/** Profile fields that describe the named model; a substitute replaces them. */
const MODEL_FIELDS = ['modelName', 'modelAccess', 'modelParamsB', 'modelStage'] as const;

export interface SubstituteSearch {
  readonly found: Substitute | undefined;
  /** For a conditional substitute: the unknown fields that decide it. */
  readonly decidedBy: readonly string[];
  /** Every candidate evaluated, with its verdict for the wish. */
  readonly options: ModelOption[];
}

export function searchSubstitute(
  wish: Wish,
  profile: Profile,
  named: Model | undefined,
  knowledge: Knowledge,
  facts: { readonly totalGpuMemoryGB?: unknown; readonly rentalAllowed?: unknown; readonly taskFitsModel?: unknown },
): SubstituteSearch {
  const options: ModelOption[] = [];
  // A candidate for distillation is the student: what must be possible on it is training it (on the teacher's
  // outputs), not distilling it further.
  const methods: readonly MethodId[] = wish.methods.every((method) => method === 'distillation')
    ? STUDENT_TRAINING
    : wish.methods;
  let conditional: Substitute | undefined;
  let decidedBy: string[] = [];
  // A student, or a small model trained on the labels to cut the cost per answer: student-sized candidates.
  const forStudent = wish.methods.every((method) => method === 'distillation') || wish.smallModel === true;
  // A team whose channel is a provider's tuning job (the wish puts it first) on an API model that lost it: another
  // API model with a live tuning offer keeps the channel (same provider first), before any open model to run itself.
  // A team on a vendor's API with no GPUs of its own, little ML experience or nothing but the API to serve from keeps
  // the provider's channel too, whatever sibling the wish lists first.
  const apiTeam =
    profile.gpuCount === 0 ||
    profile.mlExpertise === 'none' ||
    profile.mlExpertise === 'basic' ||
    profile.deployment === 'cloud-api';
  const keepsChannel =
    named !== undefined &&
    named.access !== 'open-weights' &&
    wish.methods.includes('managed-fine-tuning') &&
    (wish.methods[0] === 'managed-fine-tuning' || apiTeam);
  // A cost (or speed) fix moves to the cheapest tunable model; any other gap to the newest. (A wish for a small model
  // is such a fix, whatever goals were said.)
  const forCost =
    wish.objective === 'distillation' ||
    wish.smallModel === true ||
    (profile.goals ?? []).includes('cost') ||
    (profile.goals ?? []).includes('latency');
  const apiCandidates = keepsChannel ? managedTuningCandidates(named, knowledge, forCost).slice(0, MAX_EVALUATED) : [];
  const allOpen = candidates(profile, named, knowledge, facts, methods, forStudent);
  const openCandidates = allOpen.slice(0, MAX_EVALUATED);
  // None of the first candidates will do (a timeline only a smaller model meets): the smaller ones are tried too.
  const further = allOpen.slice(MAX_EVALUATED, MAX_EVALUATED_WHEN_NONE);
  for (const [index, candidate] of [...apiCandidates, ...openCandidates, ...further].entries()) {
    if (index >= apiCandidates.length + openCandidates.length && conditional !== undefined) break;
    const next: Profile = { ...profile, modelName: candidate.name };
    for (const field of MODEL_FIELDS) if (field !== 'modelName') delete next[field];
    const analysis = analyseFeasibility(next, knowledge);
    // An encoder classifier is fine-tuned whole (110M parameters): full fine-tuning first, the wish's methods after.
    const onCandidate: readonly MethodId[] =
      candidate.architecture?.kind === 'encoder' && methods.some((method) => STUDENT_TRAINING.includes(method))
        ? ['full-fine-tuning', ...methods.filter((method) => method !== 'full-fine-tuning')]
        : methods;
    const best = bestOf(
      candidate.access === 'open-weights' ? onCandidate : ['managed-fine-tuning'],
      analysis.feasibility,
    );
    const verdict =
      best === undefined
        ? 'not-viable'
        : analysis.feasibility.get(best)?.status === 'feasible'
          ? 'viable'
          : 'conditional';
    options.push({
      model: candidate.name,
      access: candidate.access,
      verdict,
      why:
        best === undefined
          ? `${methods.join(' / ')} is ruled out on ${candidate.name} too.`
          : verdict === 'viable'
            ? `${best} is possible on ${candidate.name} (${candidate.paramsB ?? '?'}B, ${candidate.access}).`
            : `${best} on ${candidate.name} (${candidate.paramsB ?? '?'}B, ${candidate.access}) depends on what is not known yet: ${(analysis.feasibility.get(best)?.decidedBy ?? []).join(', ')}.`,
    });
    if (best && verdict === 'viable') return { found: { model: candidate.name, method: best }, options, decidedBy: [] };
    if (best && !conditional) {
      conditional = { model: candidate.name, method: best };
      decidedBy = [...(analysis.feasibility.get(best)?.decidedBy ?? [])];
    }
  }
  return { found: conditional, options, decidedBy };
}

/**
 * API models with a live supervised tuning offer in the catalog (any provider): those the named model's own providers
 * offer first (a Bedrock team stays on Bedrock), then the named model's family, then the newest.
 */

function managedTuningCandidates(named: Model, knowledge: Knowledge, cheapestFirst: boolean): Model[] {
  const tunable = new Set<string>();
  const namedProviders = new Set<string>();
  for (const provider of knowledge.providers) {
    for (const offering of provider.offerings) {
      if (offering.models.includes(named.id)) namedProviders.add(provider.id);
      if (offering.service !== 'supervised-fine-tuning' || offering.status !== 'available') continue;
      for (const id of offering.models) tunable.add(`${provider.id}:${id}`);
    }
  }
  const onNamedProvider = (model: Model) =>
    [...namedProviders].some((provider) => tunable.has(`${provider}:${model.id}`));
  const pool = knowledge.models.filter(
    (model) =>
      model.access !== 'open-weights' &&
      model.id !== named.id &&
      model.modality === named.modality &&
      model.supersededBy === undefined &&
      // A model its vendor shuts down within months is no place to move tuning work to.
      livesLongEnough(model, knowledge.manifest.referenceDate) &&
      knowledge.providers.some((provider) => tunable.has(`${provider.id}:${model.id}`)),
  );
  return pool.sort(
    (a, b) =>
      (onNamedProvider(a) ? 0 : 1) - (onNamedProvider(b) ? 0 : 1) ||
      (a.family === named.family ? 0 : 1) - (b.family === named.family ? 0 : 1) ||
      (cheapestFirst ? inputPrice(a) - inputPrice(b) : tierDistance(a, named) - tierDistance(b, named)) ||
      ((b.released ?? '') < (a.released ?? '') ? -1 : (b.released ?? '') > (a.released ?? '') ? 1 : 0) ||
      // Undated: a model with a list price (one the catalog keeps current) first, then the higher version
      // ("gemini-2.5-flash" before "gemini-2.0-flash").
      (a.apiPrice ? 0 : 1) - (b.apiPrice ? 0 : 1) ||
      (a.id < b.id ? 1 : -1),
  );
}

/**
 * With no model named and a provider's tuning job the destination: the live API model of the task's modality with an
 * available supervised tuning offer that is cheapest per input token (ties: the newest), the model proposed for the job.
 * Undefined when the catalog lists none. Pure.
 */
export function proposeProviderTunedModel(knowledge: Knowledge, modality = 'text'): Model | undefined {
  const tunable = new Set<string>();
  for (const provider of knowledge.providers)
    for (const offering of provider.offerings)
      if (offering.service === 'supervised-fine-tuning' && offering.status === 'available')
        for (const id of offering.models) tunable.add(id);
  return knowledge.models
    .filter(
      (model) =>
        model.access !== 'open-weights' &&
        model.modality === modality &&
        model.supersededBy === undefined &&
        model.apiPrice !== undefined &&
        tunable.has(model.id) &&
        livesLongEnough(model, knowledge.manifest.referenceDate),
    )
    .sort(
      (a, b) =>
        inputPrice(a) - inputPrice(b) ||
        ((b.released ?? '') < (a.released ?? '') ? -1 : (b.released ?? '') > (a.released ?? '') ? 1 : 0),
    )[0];
}

/** How far apart two models' price tiers are (ratio of list prices, in orders of magnitude); unpriced: far. */
function tierDistance(model: Model, named: Model): number {
  const price = model.apiPrice?.usdPerMillionInput;
  const namedPrice = named.apiPrice?.usdPerMillionInput;
  if (price === undefined || namedPrice === undefined || price <= 0 || namedPrice <= 0) return Number.MAX_VALUE;
  return Math.abs(Math.log10(price / namedPrice));
}

/**
 * The catalog's open text encoders a classifier can be trained from: multilingual ones when the text is in several
 * languages or not in English (XLM-R reads it; an English encoder does not). On CPUs, only those a CPU server trains,
 * smallest first; else largest first.
 */
function textEncoders(knowledge: Knowledge, profile: Profile, onCpu: boolean): Model[] {
  const multilingual = profile.multilingual === true || namesNonEnglish((profile.task ?? '').slice(0, 2000));
  return knowledge.models
    .filter(
      (model) =>
        model.access === 'open-weights' &&
        model.modality === 'text' &&
        model.architecture?.kind === 'encoder' &&
        model.paramsB !== undefined &&
        model.supersededBy === undefined &&
        (!onCpu || model.paramsB <= CPU_TRAINING_MAX_PARAMS_B) &&
        (!multilingual || model.multilingual === true),
    )
    .sort((a, b) => (onCpu ? 1 : -1) * ((a.paramsB ?? 0) - (b.paramsB ?? 0)) || (a.id < b.id ? -1 : 1));
}

/** A task that writes text besides its label. */
const WRITES_TEXT =
  /\b(?:summari[sz]e[sd]?|summari[sz]ing|(?:write|writes|writing|draft|drafts|drafting|generate|generates|generating|explain|explains|explaining)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:summar(?:y|ies)|reply|replies|response|responses|explanation|explanations|rationale|rationales|note|notes|text|message|messages|email|emails|description|descriptions)|(?:and|plus|with)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:summary|explanation|rationale))\b/i;
/** Gold labels from which an encoder classifier is the student to train (a labelled set of a thousand or more). */
const ENCODER_STUDENT_MIN_LABELS = 1000;
/** A classifier's latency target at or under which its student is an encoder, labels or not. */
const ENCODER_STUDENT_LATENCY_MS = 100;

/** The list price per million input tokens (unpriced models last). */
function inputPrice(model: Model): number {
  return model.apiPrice?.usdPerMillionInput ?? Number.POSITIVE_INFINITY;
}

function bestOf(methods: readonly MethodId[], feasibility: FeasibilityMap): MethodId | undefined {
  return (
    methods.find((method) => feasibility.get(method)?.status === 'feasible') ??
    methods.find((method) => feasibility.get(method)?.status === 'conditional')
  );
}

/**
 * Open-weight models of the same kind: smaller siblings first; then, when the team's GPU memory is known, those the
 * crude bound says fit it for one of `methods` (a model that runs on what the team owns beats one that needs a rental);
 * then by size from the largest.
 */
/** The image task's output is text (fields, a description, JSON), not a label. */
function imageTaskWritesText(profile: Profile): boolean {
  return (
    profile.needsStyleOrFormat === true ||
    (profile.goals ?? []).includes('format') ||
    /\b(?:extract\w*|read\w*|fields?|json|describ\w*|caption\w*|writes?|fill\w*|transcri\w*|ocr|names?|dates?|numbers?)\b/i.test(
      (profile.task ?? '').slice(0, 2000),
    )
  );
}

function candidates(
  profile: Profile,
  named: Model | undefined,
  knowledge: Knowledge,
  facts: { readonly totalGpuMemoryGB?: unknown; readonly rentalAllowed?: unknown; readonly taskFitsModel?: unknown },
  methods: readonly MethodId[],
  forStudent: boolean,
): Model[] {
  // The named model cannot do the task at all (BERT asked to draw): the substitute is a model of the task's kind.
  const forTask = kindReplacingNamed(facts, profile.taskType, profile.task);
  // Images to understand, named on a model catalogued for text (GPT-4o's vision): the open substitute is an image
  // model of the task's kind (an image encoder), not a small text model that cannot see.
  const imageTaskOnTextModel =
    forTask === undefined &&
    profile.taskType === 'image-understand' &&
    (named === undefined || named.modality === 'text');
  // An image task that writes text out (fields into JSON, a description): an image encoder (CLIP) gives embeddings
  // and writes nothing, and the catalog holds no generating vision-language model, so there is no open substitute.
  if (imageTaskOnTextModel && imageTaskWritesText(profile)) return [];
  const modality = imageTaskOnTextModel
    ? 'vision-language'
    : (forTask?.modality ?? profile.modality ?? named?.modality ?? 'text');
  const kind = imageTaskOnTextModel
    ? 'encoder'
    : (forTask?.kind ?? named?.architecture?.kind ?? (modality === 'image' ? 'diffusion' : 'decoder'));
  const sameKind = (model: Model) => {
    const modelKind = model.architecture?.kind ?? 'decoder';
    const decoderLike = (k: string) => k === 'decoder' || k === 'moe-decoder';
    return decoderLike(kind) ? decoderLike(modelKind) : modelKind === kind;
  };
  const sameModality = (model: Model) =>
    model.modality === modality ||
    ((modality === 'text' || modality === 'code') && (model.modality === 'text' || model.modality === 'code'));
  const ownGB = typeof facts.totalGpuMemoryGB === 'number' ? facts.totalGpuMemoryGB : undefined;
  const cannotRent = facts.rentalAllowed === false || profile.oneTimeBudgetUSD === 0;
  // No GPUs, no rental, and labels to classify text with: a small encoder classifier trained on the CPU server
  // (rule small-model-trains-on-cpu) is the model that can be tuned at all.
  if (
    profile.gpuCount === 0 &&
    cannotRent &&
    !forStudent &&
    profile.taskType === 'classify' &&
    (profile.labeledExamples ?? 0) >= SFT_MIN_EXAMPLES &&
    !LONG_INPUT.test(profile.task ?? '') &&
    modality === 'text' &&
    named?.architecture?.kind !== 'encoder'
  ) {
    // (The smallest first: it trains and answers fastest on CPUs.)
    const encoders = textEncoders(knowledge, profile, true);
    if (encoders.length > 0) return encoders;
  }
  // A student for a text classifier, with gold labels of its own: a small encoder classifier is the standard student
  // (it learns from the labels and the teacher's), not a generative model that writes its label token by token.
  // (Not when the labels are a teacher's logged outputs, tens of thousands of them beside a named teacher; a few
  // thousand beside it are the team's gold set, and the teacher labels the traffic for the same encoder. Nor when the
  // task also writes text: "pick a queue and write a two-sentence summary".)
  // (Nor, whatever the labels, for a classifier that must answer within tens of milliseconds: a decoder of billions of
  // parameters is too slow for that budget; an encoder of a few hundred million answers in a few.)
  const tightLatency = profile.latencyTargetMs !== undefined && profile.latencyTargetMs <= ENCODER_STUDENT_LATENCY_MS;
  if (
    forStudent &&
    profile.taskType === 'classify' &&
    (tightLatency ||
      ((profile.teacherModel === undefined || (profile.labeledExamples ?? 0) < TEACHER_OUTWEIGHS_LABELS_BELOW) &&
        (profile.labeledExamples ?? 0) >= ENCODER_STUDENT_MIN_LABELS)) &&
    !WRITES_TEXT.test(profile.task ?? '') &&
    !longInputs(profile) &&
    modality === 'text' &&
    named?.architecture?.kind !== 'encoder'
  ) {
    // (Trained on the CPU server, no GPUs and no rental: the smallest first, as for any encoder trained there; where
    // GPUs train it, the largest first: the larger encoder is the stronger classifier.)
    const encoders = textEncoders(knowledge, profile, profile.gpuCount === 0 && cannotRent);
    if (encoders.length > 0) return encoders;
  }
  // A smaller sibling for an open model; for an API model of unpublished size, an open model of the usual
  // "frontier open-weight" class (≤ 72B), not the largest checkpoint that happens to fit.
  // A model of another kind is no sibling: its size, generation and family say nothing about the substitute.
  const ref = forTask === undefined ? named : undefined;
  const narrowTuned =
    (profile.taskType === 'classify' || profile.taskType === 'extract') &&
    (profile.labeledExamples ?? 0) >= SFT_MIN_EXAMPLES;
  // At volume, with many tenants' adapters on one base, or when the point is a cheaper or faster model, every
  // answer pays for the model's size: the smaller class comes first.
  // No GPUs of its own and a budget (a month's, else the project's) under one month of serving the largest class on
  // the cheapest rental: a 70B model is proposed to a team that cannot pay to run it (a solo developer with $50).
  const noOwnGpus =
    profile.gpuCount === 0 ||
    (profile.gpuCount === undefined && profile.gpuName === undefined && profile.gpuMemoryGB === undefined);
  // (The largest size class one month of serving fits: a 14B for $900 a month, an 8B below that.)
  const budget = profile.monthlyBudgetUSD ?? profile.oneTimeBudgetUSD;
  const budgetMaxB =
    noOwnGpus && budget !== undefined
      ? (BUDGET_SIZE_CLASSES.find((sizeB) => (cheapestMonthlyServingUSD(knowledge, sizeB) ?? 0) <= budget) ??
        SMALL_TIER_EQUIVALENT_MAX_B)
      : Number.POSITIVE_INFINITY;
  const servingBound =
    (profile.requestsPerDay ?? 0) >= HIGH_VOLUME_REQUESTS_PER_DAY ||
    (profile.tasksCount ?? 0) >= MANY_ADAPTERS ||
    (profile.goals ?? []).some((goal) => goal === 'cost' || goal === 'latency');
  const smallTier = ref !== undefined && ref.access !== 'open-weights' && SMALL_TIER_NAME.test(ref.name);
  const equivalentMaxB = Math.min(
    budgetMaxB,
    ref?.access === 'open-weights' && ref.paramsB !== undefined
      ? ref.paramsB
      : smallTier || narrowTuned || servingBound
        ? SMALL_TIER_EQUIVALENT_MAX_B
        : OPEN_EQUIVALENT_MAX_B,
  );
  // A distillation student is the size the estimates assume: half the teacher, at most MAX_STUDENT_PARAMS_B.
  // (A model the catalog does not list is sized by what the team said: "qwen2.5 coder 7b" is 7B.)
  const teacherB = ref?.paramsB ?? profile.modelParamsB;
  const maxB = forStudent
    ? Math.min(MAX_STUDENT_PARAMS_B, teacherB === undefined ? MAX_STUDENT_PARAMS_B : teacherB / 2)
    : equivalentMaxB;
  // On a device, sized as every device answer sizes it (the device format's weights, one request's cache, the runtime).
  const device = profile.deviceMemoryGB;
  // Hardware unknown: propose what one ordinary 24 GB card can tune, not the largest model in the catalog. (No GPUs
  // and no budget said: whatever runs is rented at a size nobody has priced, so the same card's class, not a 72B.)
  const unknownHardwareB =
    (ownGB === undefined && profile.oneTimeBudgetUSD === undefined) ||
    (ownGB === 0 && profile.oneTimeBudgetUSD === undefined && profile.monthlyBudgetUSD === undefined)
      ? UNKNOWN_HARDWARE_MAX_B
      : Number.POSITIVE_INFINITY;
  // A smaller sibling from an older generation is not a real alternative.
  const oldest = ref?.released === undefined ? undefined : addDays(ref.released, -OLDER_GENERATION_DAYS);
  // An API model replaced on quality (not to be small, fast or a student): the largest open model that fits.
  const byCapability = ref !== undefined && ref.access !== 'open-weights' && !forStudent && !servingBound && !smallTier;
  const statedLength = statedInputLength(profile);
  const promptSideOnly = methods.every(
    (method) => method === 'prompt-engineering' || method === 'in-context-learning' || method === 'rag',
  );
  const pool = knowledge.models.filter(
    (model) =>
      model.access === 'open-weights' &&
      model.paramsB !== undefined &&
      model.id !== named?.id &&
      // A model the catalog marks as replaced by a newer one of its family is not a real alternative.
      model.supersededBy === undefined &&
      // (A size class is a little over its name: Llama 3.1 8B has 8.03B parameters and is an "8B" student.)
      (ref?.access === 'open-weights' && !forStudent
        ? model.paramsB < maxB
        : model.paramsB <= maxB * SIZE_CLASS_SLACK) &&
      (device === undefined ||
        deviceNeed({ paramsB: model.paramsB, architecture: model.architecture }, profile).totalGB <= device) &&
      model.paramsB <= unknownHardwareB &&
      // (An open model standing in for a vendor's API model on quality is judged on its size, not its date; one that
      // must be small and fast keeps to the newest generation.)
      !(
        oldest !== undefined &&
        model.released !== undefined &&
        model.released < oldest &&
        (!byCapability || model.family === ref?.family)
      ) &&
      sameModality(model) &&
      sameKind(model) &&
      // A model whose context window is shorter than one stated input cannot read it (Gemma 2's 8,192 tokens for
      // 30,000-token case histories). (Encoders are chosen above with their windows said.)
      !(
        statedLength !== undefined &&
        model.architecture?.contextLength !== undefined &&
        model.architecture.kind !== 'encoder' &&
        model.architecture.contextLength < statedLength
      ) &&
      // No GPUs and no rental: a prompt-side answer is served from the team's CPU servers (4-bit weights up to what a
      // CPU server holds); anything trained must fit the GPUs it has.
      !(cannotRent && ownGB === 0 && promptSideOnly
        ? model.paramsB * CPU_WEIGHT_GB_PER_B > CPU_SERVING_MAX_WEIGHTS_GB
        : cannotRent && ownGB !== undefined && QLORA_GB_PER_B * model.paramsB + QLORA_FIXED_GB > ownGB),
  );
  // On a phone or an edge box only a small model runs well (rule device-needs-a-small-model): propose one of those
  // when the catalog has one of the right kind, whatever larger model would squeeze into the device's memory.
  const onDevice =
    profile.deployment === 'edge' ||
    profile.deployment === 'mobile' ||
    profile.deviceMemoryGB !== undefined ||
    (profile.goals ?? []).includes('on-device');
  const small = onDevice
    ? pool.filter((model) => (model.paramsB ?? Number.POSITIVE_INFINITY) <= SMALL_MODEL_PARAMS_B)
    : [];
  const proposals = small.length > 0 ? small : pool;
  const family = ref?.family;
  // Same generation first: a release date known to be recent beats an unknown one (older checkpoints lack dates).
  // (Among siblings of an open model only: an API model's open stand-in is ranked by size, the catalog's dates being
  // sparse.)
  const generation = (model: Model) => (oldest !== undefined && !byCapability && model.released === undefined ? 1 : 0);
  const fitsOwn = (model: Model) =>
    ownGB === undefined || crudeNeedGB(methods, model.paramsB ?? Number.POSITIVE_INFINITY) <= ownGB ? 0 : 1;
  // A model whose card leaves out a language the task names (Japanese on Llama 3.1) comes after one that covers it.
  // (The task is read once; each model's list is set against it once, not in every comparison.)
  const taskNames = taskLanguages(profile.task);
  const leavesOut = new Map<Model, number>();
  const speaksTask = (model: Model) => {
    let rank = leavesOut.get(model);
    if (rank === undefined) {
      const off = taskNames.length === 0 ? undefined : languagesOffList(model, taskNames);
      rank = off?.complete === true && off.names.length > 0 ? 1 : 0;
      leavesOut.set(model, rank);
    }
    return rank;
  };
  return proposals.sort(
    (a, b) =>
      speaksTask(a) - speaksTask(b) ||
      (a.family === family ? 0 : 1) - (b.family === family ? 0 : 1) ||
      fitsOwn(a) - fitsOwn(b) ||
      generation(a) - generation(b) ||
      // (A mixture of experts works like its active parameters: Mixtral 8x7B is no 47B model.)
      (b.activeParamsB ?? b.paramsB ?? 0) - (a.activeParamsB ?? a.paramsB ?? 0) ||
      ((b.released ?? '') < (a.released ?? '') ? -1 : (b.released ?? '') > (a.released ?? '') ? 1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
}
