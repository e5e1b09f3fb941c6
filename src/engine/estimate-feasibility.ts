import { trainingFlops } from '../estimator/compute.ts';
import {
  DAYS_PER_MONTH,
  DEFAULT_EPOCHS,
  DEFAULT_INPUT_TOKENS_PER_REQUEST,
  DEFAULT_OUTPUT_TOKENS_PER_REQUEST,
  DEFAULT_TOKENS_PER_EXAMPLE,
  DEFAULT_UTILISATION,
  estimate,
  estimateServingCost,
  estimateTrainingTokens,
  HOURS_PER_MONTH,
  trainingTokensAssumption,
} from '../estimator/index.ts';
import type { EstimateInput, EstimateResult, ServingCostResult, Workload } from '../estimator/types.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Profile, ProfileField } from '../profile/profile-schema.ts';
import { deviceNeed, INFERENCE_CONTEXT_TOKENS, inferenceContextTokens } from './device-fit.ts';
import { ENCODER_MAX_TOKENS, encoderWindows } from './input-length.ts';
import type { Assumption } from './recommendation-schema.ts';
import { namedIsStudent, type ResolvedProfile } from './resolve-profile.ts';
import {
  assessFit,
  cheapestRental,
  EXAMPLES_ASSUMED_FOR_COST,
  type FitAssessment,
  PROJECT_RUNS,
  type RentalOption,
  rerunAt,
} from './training-compute.ts';

/**
 * 4-bit weights up to this size are served from an ordinary CPU server without GPUs (about a 14B model at 4 bits,
 * its 16-bit embeddings included; a few tokens a second: a handful of users, not a busy service).
 */
export const CPU_SERVING_MAX_WEIGHTS_GB = 10.5;

/** Training sequence length the engine asks the estimator for (tokens per micro-batch sequence). */
export const TRAINING_SEQUENCE_LENGTH = 2048;
/** The longest training sequence the estimates take from a stated example length (long-context fine-tuning). */
export const MAX_TRAINING_SEQUENCE_LENGTH = 32_768;
// (The context held in the KV cache lives beside the device sizes, which read it too.)
export { INFERENCE_CONTEXT_TOKENS, inferenceContextTokens, MAX_INFERENCE_CONTEXT_TOKENS } from './device-fit.ts';
/** LoRA rank on all linear layers (a common default; estimation.md §3). */
export const LORA_RANK = 16;
/** The largest distillation student the `fits.distillation-student` fact considers (FACT_TYPES: "≤ 8B"). */
export const MAX_STUDENT_PARAMS_B = 8;

/** Profile fields the estimates depend on: a question probe re-runs the estimator only when it changes one. */
export const ESTIMATE_INPUT_FIELDS: ReadonlySet<ProfileField> = new Set<ProfileField>([
  'modelName',
  'modelParamsB',
  'gpuName',
  'gpuCount',
  'gpuMemoryGB',
  'labeledExamples',
  'requestsPerDay',
  'corpusTokens',
  'teacherModel',
  'modelAccess',
  'modality',
  'taskType',
  'exampleTokens',
  'currentMonthlySpendUSD',
  'inputTokensPerRequest',
  'outputTokensPerRequest',
]);

/** The memory checks behind the `fits.*` facts. */
export const FIT_CHECKS = [
  'inference',
  'inference-int4',
  'lora',
  'qlora',
  'full-fine-tuning',
  'distillation-student',
  'preference-lora',
  'preference-qlora',
] as const;
export type FitCheck = (typeof FIT_CHECKS)[number];
/** The checks that train something (they get rentals and project hours): every check but serving. */
export type TrainingCheck = Exclude<FitCheck, 'inference' | 'inference-int4'>;
export const TRAINING_CHECKS: readonly TrainingCheck[] = FIT_CHECKS.filter(
  (check): check is TrainingCheck => check !== 'inference' && check !== 'inference-int4',
);
/**
 * Preference tuning on the stated pairs (DPO with LoRA or QLoRA): the same memory as supervised LoRA, more compute.
 * Only its hours and cost use these; the facts and verdicts rest on the LoRA and QLoRA checks.
 */
export const PREFERENCE_CHECKS: ReadonlySet<FitCheck> = new Set(['preference-lora', 'preference-qlora']);
/** The checks that have facts (`fits.*`, `trainable.*`, `inTime.*`): all but the preference ones. */
export type FactCheck = Exclude<FitCheck, 'preference-lora' | 'preference-qlora'>;
/** The check whose facts stand for `check`: a preference check's memory is its LoRA or QLoRA twin's. */
export function factCheckOf(check: FitCheck): FactCheck {
  if (check === 'preference-lora') return 'lora';
  if (check === 'preference-qlora') return 'qlora';
  return check;
}
/**
 * DPO reads each pair twice (the chosen and the rejected answer, each after the prompt) and a frozen reference model
 * reads both again, forward only: 2·N FLOPs per token on top of LoRA's 4·N, so 1.5× the LoRA compute per token.
 */
export const PREFERENCE_SEQUENCES_PER_PAIR = 2;
export const PREFERENCE_REFERENCE_FACTOR = 1.5;

/**
 * GPU-hours of one adapter (LoRA) run of an image generator, by its data: a subject or style learned from a handful
 * of images (DreamBooth's 3 to 5, up to IMAGE_FEW_SHOT_IMAGES) trains in an hour or less on one GPU (the knowledge
 * rule image-adapters-learn-from-a-few-images: taken at the hour); a fine-tune on a captioned dataset ran about 5 hours
 * on an RTX 2080 Ti in the Hugging Face write-up of LoRA for Stable Diffusion. The same hours whatever the GPU (a
 * faster card would take less; not modelled).
 */
export function imageAdapterRunHours(images: number | undefined, adapters = 1): number {
  // (One adapter per brand or tenant: each learns from its share of the images.) Between the two published points
  // the hours are interpolated linearly, so one more image never multiplies the time.
  const count = Math.max(adapters, 1);
  const each = (images ?? 0) / count;
  const between = Math.min(
    Math.max((each - IMAGE_FEW_SHOT_IMAGES) / (IMAGE_DATASET_IMAGES - IMAGE_FEW_SHOT_IMAGES), 0),
    1,
  );
  // (Past the write-up's dataset the steps grow with the images, at the same epochs.)
  const hours =
    each > IMAGE_DATASET_IMAGES
      ? IMAGE_DATASET_RUN_HOURS * (each / IMAGE_DATASET_IMAGES)
      : IMAGE_SUBJECT_RUN_HOURS + (IMAGE_DATASET_RUN_HOURS - IMAGE_SUBJECT_RUN_HOURS) * between;
  return Math.round(count * hours * 10) / 10;
}
const IMAGE_FEW_SHOT_IMAGES = 100;
/** A captioned dataset the size of the write-up's (the Pokémon captions set has under a thousand images). */
const IMAGE_DATASET_IMAGES = 1000;
const IMAGE_SUBJECT_RUN_HOURS = 1;
const IMAGE_DATASET_RUN_HOURS = 5;
/** The checks that train an adapter on a frozen base: the ones an image generator's run hours are known for. */
const ADAPTER_CHECKS: ReadonlySet<FitCheck> = new Set(['lora', 'qlora', 'preference-lora', 'preference-qlora']);

/** The GPU whose throughput (and, when the catalog has one, price) the training estimates use. */
export interface PricingGpu {
  readonly name: string;
  readonly memoryGB: number;
  /** Undefined for the caller's own GPU when the catalog has no dated price: hours are estimated, dollars are not. */
  readonly usdPerHour: number | undefined;
  readonly denseBf16Tflops: number;
  /** 'profile': the caller's GPU; 'reference': the catalog GPU with the lowest price per TFLOP/s (renting). */
  readonly origin: 'profile' | 'reference';
}

/** The GPU self-hosting is costed on: the caller's when it has a price, else the cheapest rental that fits. */
export interface ServingGpu {
  readonly name: string;
  readonly memoryGB: number;
  readonly usdPerHour: number;
  readonly origin: 'profile' | 'reference';
  /** The team's GPUs are rented (`gpusRented`): serving on them is a monthly bill, not free. */
  readonly rented?: boolean;
}

/** Everything the estimator said about this profile; the input of `deriveFacts` and of the method estimates. */
export interface FeasibilityEstimates {
  /** Memory (and, for training, compute of one run) per check; absent when the model size is unknown. */
  readonly checks: Partial<Record<FitCheck, EstimateResult>>;
  /** Each check banded against the team's own GPUs (fits, tight, fits-if with levers, no, unknown). */
  readonly fit: Partial<Record<FitCheck, FitAssessment>>;
  /** The cheapest catalog rental for each training check, costed as a project of PROJECT_RUNS runs. */
  readonly rentals: Partial<Record<TrainingCheck, RentalOption>>;
  /** Elapsed project hours on the team's own GPUs, when they hold the check and their throughput is known. */
  readonly ownProjectHours: Partial<Record<TrainingCheck, number>>;
  readonly pricingGpu: PricingGpu | undefined;
  readonly servingGpu: ServingGpu | undefined;
  /** Tokens seen in training (epochs included), from labeledExamples; undefined when that is unknown. */
  readonly trainingTokens: number | undefined;
  readonly studentParamsB: number;
  /** The named student is an encoder classifier, trained whole (full fine-tuning) rather than with LoRA. */
  readonly studentTrainedWhole: boolean;
  /** GPUs kept running to self-host the model, and the monthly costs at requestsPerDay. */
  readonly servingGpus: number | undefined;
  readonly serving: ServingCostResult | undefined;
  /** The engine-level defaults these estimates used. */
  readonly assumptions: Assumption[];
  /**
   * False for an image generator: training compute is counted in text tokens (6·P·D), which says nothing about
   * denoising steps over images; its adapter runs are timed by `imageRunNote` instead.
   */
  readonly tokenCompute: boolean;
  /** For an image generator: how its adapter runs are timed (said with every adapter estimate). */
  readonly imageRunNote?: string;
  /**
   * A search job returns ranked results: retrieval alone (embedding each query) and what it costs a month at the
   * team's volume, next to the bill of a generated answer per search.
   */
  readonly searchRetrieval?: SearchRetrieval;
}

/** The monthly bill of retrieval alone for a search job: each query embedded once, at a list price. */
export interface SearchRetrieval {
  readonly monthlyUSD: number;
  readonly queryTokens: number;
  readonly why: string;
}

/** Tokens of one search query when the team did not say (a few words: "black linen shirt slim fit"). */
export const SEARCH_QUERY_TOKENS = 20;
/** Request sizes at most this long are taken as the query itself; longer ones are a generation prompt. */
const SEARCH_QUERY_MAX_TOKENS = 200;

/**
 * What retrieval alone costs a search job a month: every query embedded at the catalog's embedding price (the
 * documents are embedded once, and again when they change). Undefined unless the job is a search with a volume.
 */
export function searchRetrievalCost(profile: Profile, knowledge: Knowledge): SearchRetrieval | undefined {
  const price = knowledge.methodById.get('rag')?.embeddingPrice;
  if (profile.taskType !== 'search' || profile.requestsPerDay === undefined || price === undefined) return undefined;
  const stated = profile.inputTokensPerRequest;
  const queryTokens = stated !== undefined && stated <= SEARCH_QUERY_MAX_TOKENS ? stated : SEARCH_QUERY_TOKENS;
  const tokens = profile.requestsPerDay * DAYS_PER_MONTH * queryTokens;
  // (Two significant figures: a small shop's searches cost fractions of a cent, which is not nothing.)
  const monthlyUSD = Number(((tokens / 1e6) * price.usdPerMillionTokens).toPrecision(2));
  const corpus =
    profile.corpusTokens === undefined
      ? 'Embedding the catalog itself is a one-time job, repeated for the items that change'
      : `Embedding your ${profile.corpusTokens.toLocaleString('en-US')} tokens of items once costs ${about((profile.corpusTokens / 1e6) * price.usdPerMillionTokens)}, repeated for the items that change`;
  return {
    monthlyUSD,
    queryTokens,
    why: `Retrieval alone: ${profile.requestsPerDay.toLocaleString('en-US')} searches a day for ${DAYS_PER_MONTH} days, each query about ${queryTokens} tokens${stated === queryTokens ? ' (as you said)' : ''}, embedded with ${price.model} at $${price.usdPerMillionTokens} per million tokens (${price.where}, list price as of ${price.asOf}): ${about(monthlyUSD)} a month. Not counted: keyword (BM25) search, the reranker and the vector index, which run on machines you host or a search service you pay for. ${corpus}.`,
  };
}

/** A small monthly bill as a person reads it: cents below $10, "under $0.01" below a cent. */
export function smallDollars(usd: number): string {
  if (usd < 0.01) return 'under $0.01';
  return usd < 10 ? `$${usd.toFixed(2)}` : `$${Math.round(usd).toLocaleString('en-US')}`;
}

/** The same, said as an estimate: "about $0.48", "under $0.01". */
function about(usd: number): string {
  return usd < 0.01 ? smallDollars(usd) : `about ${smallDollars(usd)}`;
}

/**
 * Runs the estimator for the profile: bf16 and 4-bit inference, LoRA, QLoRA, full fine-tuning, and LoRA on a
 * distillation student, each against the caller's GPU memory and count; training time from labeledExamples on
 * the caller's GPU (priced when the catalog has its price; without a GPU or a throughput figure, on the catalog
 * GPU with the lowest price per TFLOP/s); and the monthly cost of self-hosting on the caller's priced GPU or the
 * cheapest rental that holds the model. Uses the catalog architecture when the model is known. Pure.
 */
export function estimateFeasibility(resolved: ResolvedProfile, knowledge: Knowledge): FeasibilityEstimates {
  const { profile, model } = resolved;
  const assumptions: Assumption[] = [];
  const paramsB = profile.modelParamsB;
  const pricingGpu = choosePricingGpu(resolved, knowledge);
  // Without labelled examples, training (if any) runs over the unlabelled corpus: one epoch over its stated size in
  // tokens (continued pre-training, 6·P·D); with no size given, compute and cost stay unestimated rather than $0.
  const examples = profile.labeledExamples;
  const corpusOnly = (examples === undefined || examples === 0) && (profile.corpusTokens ?? 0) > 0;
  // (An encoder reads a long example in overlapping 512-token windows: it trains on each window.)
  const encoder = model?.architecture?.kind === 'encoder';
  const tokensPerExample =
    encoder && profile.exampleTokens !== undefined && profile.exampleTokens > ENCODER_MAX_TOKENS
      ? encoderWindows(profile.exampleTokens) * ENCODER_MAX_TOKENS
      : (profile.exampleTokens ?? DEFAULT_TOKENS_PER_EXAMPLE);
  const trainingTokens = corpusOnly
    ? profile.corpusTokens
    : examples === undefined || examples === 0
      ? undefined
      : estimateTrainingTokens(examples, tokensPerExample);
  // Examples longer than the default sequence are trained at their own length: memory grows with it.
  // (An encoder's sequence is at most its 512 positions.)
  const trainingSequence = encoder
    ? Math.min(profile.exampleTokens ?? ENCODER_MAX_TOKENS, ENCODER_MAX_TOKENS)
    : profile.exampleTokens !== undefined && profile.exampleTokens > TRAINING_SEQUENCE_LENGTH
      ? Math.min(profile.exampleTokens, MAX_TRAINING_SEQUENCE_LENGTH)
      : TRAINING_SEQUENCE_LENGTH;
  const inferenceContext = inferenceContextTokens(profile);
  const checks: Partial<Record<FitCheck, EstimateResult>> = {};
  const inputs: Partial<Record<FitCheck, EstimateInput>> = {};
  const hardware = {
    gpuMemoryGB: profile.gpuCount === 0 ? undefined : profile.gpuMemoryGB,
    gpuCount: profile.gpuCount === 0 ? undefined : profile.gpuCount,
  };
  // The student is a new, smaller model: it can be sized even when the teacher (often an API model) is not.
  // With a teacher named and the named model the smaller one, the named model is the student.
  const intoNamed = namedIsStudent(resolved) === true && paramsB !== undefined;
  // An API model's weights are not the team's to load: a size said for it ("we'd host the 8b") sizes no GPU and no
  // student, and its bill stays the vendor's per-token price.
  const weightsElsewhere = profile.modelAccess !== undefined && profile.modelAccess !== 'open-weights';
  const studentParamsB = intoNamed
    ? (paramsB as number)
    : paramsB === undefined || weightsElsewhere
      ? MAX_STUDENT_PARAMS_B
      : Math.min(MAX_STUDENT_PARAMS_B, paramsB / 2);
  // A named student of the catalog is sized from its own architecture; an encoder classifier (XLM-RoBERTa, BERT) is
  // trained whole on the teacher's labels, not with adapters.
  const studentArchitecture =
    intoNamed && !resolved.conflicts.some((conflict) => conflict.field === 'modelParamsB')
      ? model?.architecture
      : undefined;
  const encoderStudent = studentArchitecture?.kind === 'encoder';
  inputs['distillation-student'] = {
    model:
      studentArchitecture === undefined
        ? { paramsB: studentParamsB }
        : { paramsB: studentParamsB, architecture: studentArchitecture, name: model?.name },
    workload: encoderStudent ? 'full-fine-tuning' : 'lora',
    ...hardware,
    sequenceLength: trainingSequence,
    ...(encoderStudent ? {} : { loraRank: LORA_RANK }),
    trainingTokens,
    denseBf16Tflops: pricingGpu?.denseBf16Tflops,
  };
  checks['distillation-student'] = estimate(inputs['distillation-student']);
  assumptions.push({
    field: 'estimates.distillationStudentParamsB',
    value: studentParamsB,
    why: intoNamed
      ? `The named model is the student, trained ${encoderStudent ? 'whole (an encoder classifier)' : 'with LoRA'} on the teacher's outputs (${resolved.input.teacherModel}).`
      : `A distillation student of half the model's size, at most ${MAX_STUDENT_PARAMS_B}B parameters, trained with LoRA.`,
  });
  let servingGpus: number | undefined;
  let servingGpu: ServingGpu | undefined;
  let serving: ServingCostResult | undefined;

  if (paramsB !== undefined && !weightsElsewhere) {
    // Use the real architecture unless the caller's size conflicts with the catalog's (the caller's size wins).
    const sizeConflict = resolved.conflicts.some((conflict) => conflict.field === 'modelParamsB');
    const architecture = sizeConflict ? undefined : model?.architecture;
    const spec = {
      paramsB,
      activeParamsB: sizeConflict ? undefined : model?.activeParamsB,
      architecture,
      name: architecture ? model?.name : undefined,
    };
    // Owned GPUs cost time, not dollars; rented ones are costed per project below (rentals).
    const training = {
      sequenceLength: trainingSequence,
      trainingTokens,
      denseBf16Tflops: pricingGpu?.denseBf16Tflops,
    };
    const run = (workload: Workload, extra: Partial<EstimateInput>): EstimateResult => {
      const input: EstimateInput = { model: spec, workload, ...hardware, ...extra };
      const check = checkOf(workload, extra);
      inputs[check] = input;
      return estimate(input);
    };
    checks.inference = run('inference', { precision: 'bf16', sequenceLength: inferenceContext });
    checks['inference-int4'] = run('inference', { precision: 'int4', sequenceLength: inferenceContext });
    checks.lora = run('lora', { ...training, loraRank: LORA_RANK });
    checks.qlora = run('qlora', { ...training, loraRank: LORA_RANK });
    checks['full-fine-tuning'] = run('full-fine-tuning', training);
    const pairs = profile.preferencePairs ?? 0;
    if (pairs > 0) {
      const preferenceTokens = Math.round(
        estimateTrainingTokens(pairs * PREFERENCE_SEQUENCES_PER_PAIR, tokensPerExample) * PREFERENCE_REFERENCE_FACTOR,
      );
      for (const [check, workload] of [
        ['preference-lora', 'lora'],
        ['preference-qlora', 'qlora'],
      ] as const) {
        inputs[check] = {
          model: spec,
          workload,
          ...hardware,
          ...training,
          trainingTokens: preferenceTokens,
          loraRank: LORA_RANK,
          // DPO's loss compares the chosen and the rejected answer: both go through the model in one step, so the
          // activations and logits are those of two sequences (the reference is the base with the adapters off).
          batchSize: PREFERENCE_SEQUENCES_PER_PAIR,
        };
        checks[check] = estimate(inputs[check]);
      }
      assumptions.push({
        field: 'estimates.preferenceTrainingTokens',
        value: preferenceTokens,
        why: `Preference tuning (DPO) on your ${pairs.toLocaleString('en-US')} pairs: each pair's chosen and rejected answer with its prompt (${PREFERENCE_SEQUENCES_PER_PAIR} × ${tokensPerExample} tokens) for ${DEFAULT_EPOCHS} epochs, and a frozen reference model reads both again (forward only, 1.5× LoRA's compute per token). Memory holds both answers of a pair at once (activations and logits of two sequences); with LoRA the reference is the base model with the adapters switched off, so no second copy of the weights.`,
      });
    }
    assumptions.push(
      {
        field: 'estimates.precision',
        value: 'bf16',
        why: 'Inference, LoRA and full fine-tuning estimates assume 16-bit (bf16) weights; QLoRA a 4-bit (NF4) base.',
      },
      {
        field: 'estimates.sequenceLength',
        value: trainingSequence,
        why:
          trainingSequence === TRAINING_SEQUENCE_LENGTH
            ? `Training memory assumes sequences of ${TRAINING_SEQUENCE_LENGTH} tokens, batch 1, gradient checkpointing.`
            : `Training memory assumes sequences of ${trainingSequence} tokens (${encoder && trainingSequence === ENCODER_MAX_TOKENS && (profile.exampleTokens ?? 0) > ENCODER_MAX_TOKENS ? "the encoder's windows" : "your examples' length"}), batch 1, gradient checkpointing.`,
      },
      {
        field: 'estimates.inferenceContextTokens',
        value: inferenceContext,
        why:
          inferenceContext === INFERENCE_CONTEXT_TOKENS
            ? `Inference memory reserves a KV cache for ${INFERENCE_CONTEXT_TOKENS} tokens of context.`
            : `Inference memory reserves a KV cache for ${inferenceContext} tokens of context (your requests' input and output).`,
      },
      {
        field: 'estimates.loraRank',
        value: LORA_RANK,
        why: 'LoRA and QLoRA adapters of this rank on every linear layer.',
      },
    );
    if (!architecture) {
      assumptions.push({
        field: 'estimates.architecture',
        value: 'default',
        why: 'No catalog architecture for this size: the estimator assumed a typical decoder architecture.',
      });
    }

    // Served at 16 bits, or at 4 bits when only 4-bit weights fit the caller's GPUs (the serve-quantised advice).
    const ownMemoryGB =
      profile.gpuCount !== undefined && profile.gpuCount > 0 && profile.gpuMemoryGB !== undefined
        ? profile.gpuCount * profile.gpuMemoryGB
        : undefined;
    const int4Needed = checks['inference-int4'].memoryGB.total;
    const quantised =
      ownMemoryGB !== undefined && checks.inference.memoryGB.total > ownMemoryGB && int4Needed <= ownMemoryGB;
    const needed = quantised ? int4Needed : checks.inference.memoryGB.total;
    // A model that runs on the users' device (a phone, a laptop, an edge box) at 4 bits has no serving GPU to pay.
    // (Sized as every device answer sizes it: the device format's weights, one request's cache and the runtime.)
    const onDevice =
      profile.deviceMemoryGB !== undefined &&
      deviceNeed({ paramsB, architecture: model?.architecture }, profile).totalGB <= profile.deviceMemoryGB;
    // No GPUs, and the data may not go to a rented one: a model small enough is served from the team's own CPU
    // servers, with no monthly bill.
    const onOwnCpu =
      !onDevice &&
      profile.gpuCount === 0 &&
      profile.dataMustStayOnPrem === true &&
      checks['inference-int4'].memoryGB.breakdown.weights <= CPU_SERVING_MAX_WEIGHTS_GB;
    servingGpu = onDevice || onOwnCpu ? undefined : chooseServingGpu(resolved, knowledge, needed, ownMemoryGB);
    if (onOwnCpu) {
      assumptions.push({
        field: 'estimates.servingGpus',
        value: 0,
        why: 'Served from your own CPU servers (no GPUs, and the data may not go to a rented one): no serving GPU and no monthly bill.',
      });
    }
    if (onDevice) {
      assumptions.push({
        field: 'estimates.servingGpus',
        value: 0,
        why: `Served on the device at 4 bits (about ${Math.round(int4Needed * 10) / 10} GB of its ${profile.deviceMemoryGB} GB): no serving GPU and no monthly bill.`,
      });
    }
    if (servingGpu) {
      // As many GPUs as the model needs, not every GPU the caller has: a 7B model on a 4-GPU node is served
      // from one of them.
      const memoryPerGpu =
        servingGpu.origin === 'profile' ? (profile.gpuMemoryGB ?? servingGpu.memoryGB) : servingGpu.memoryGB;
      servingGpus = Math.max(1, Math.ceil(needed / memoryPerGpu));
      // More GPUs than the team has: the count is what serving would take, not what it owns.
      const owned = profile.gpuCount ?? 0;
      const short = servingGpu.origin === 'profile' && servingGpus > owned;
      assumptions.push({
        field: 'estimates.servingGpus',
        value: servingGpus,
        why:
          servingGpu.rented && !short
            ? `Served on ${servingGpus} of your rented ${servingGpu.name === 'GPU' ? 'GPUs' : servingGpu.name}, with ${quantised ? '4-bit' : '16-bit'} weights: ${servingGpu.usdPerHour > 0 ? `about $${Math.round(servingGpus * servingGpu.usdPerHour * HOURS_PER_MONTH).toLocaleString('en-US')} a month at the catalog's $${servingGpu.usdPerHour} per GPU-hour (your own contract's price may differ)` : 'a monthly bill at your rental price (the catalog has no price for it)'}.`
            : short
              ? `Serving it with ${quantised ? '4-bit' : '16-bit'} weights takes ${servingGpus} GPUs like your ${servingGpu.name === 'GPU' ? 'GPU' : servingGpu.name} (about ${Math.round(needed)} GB); you have ${owned}.`
              : servingGpu.origin === 'profile'
                ? `Served on ${servingGpu.name === 'GPU' ? `${servingGpus === 1 ? 'one' : servingGpus} of your own GPUs` : `${servingGpus} of your own ${servingGpu.name}`}, with ${quantised ? '4-bit weights (16-bit ones do not fit)' : '16-bit weights'}: no monthly bill${servingGpu.usdPerHour > 0 ? ` (renting the same would cost $${servingGpu.usdPerHour} per GPU-hour)` : ''}.`
                : `Self-hosting keeps ${servingGpus} × ${servingGpu.name} running all month at $${servingGpu.usdPerHour} per GPU-hour: the cheapest catalog rental that holds the ${quantised ? '4-bit' : '16-bit'} model${resolved.gpu ? ` (${resolved.gpu.name} has no catalog price)` : ''}.`,
      });
      // A GPU bill over the monthly budget the team gave: said, not left for the team to find.
      const monthly = Math.round(servingGpus * servingGpu.usdPerHour * HOURS_PER_MONTH);
      const billed = servingGpu.origin !== 'profile' || servingGpu.rented;
      if (billed && profile.monthlyBudgetUSD !== undefined && monthly > profile.monthlyBudgetUSD)
        assumptions.push({
          field: 'estimates.servingOverBudget',
          value: { monthlyUSD: monthly, monthlyBudgetUSD: profile.monthlyBudgetUSD },
          why: `Serving on rented GPUs around the clock (about $${monthly.toLocaleString('en-US')} a month) is over your $${profile.monthlyBudgetUSD.toLocaleString('en-US')} monthly budget: a smaller model, 4-bit weights, a GPU rented only when used, or a hosted model billed per call cost less at low volume.`,
        });
    }
  }
  // The vendor's API bill, only at a known volume (a volume of 0 would read as "free").
  const apiPrice = profile.requestsPerDay === undefined ? undefined : model?.apiPrice;
  if (servingGpu || apiPrice) {
    serving = estimateServingCost({
      // Self-hosted GPUs run all month whatever the volume; the API cost needs the real volume.
      requestsPerDay: profile.requestsPerDay ?? 0,
      ...(servingGpu && servingGpus !== undefined
        ? { gpuCount: servingGpus, usdPerGpuHour: servingGpu.usdPerHour }
        : {}),
      ...(apiPrice
        ? { apiUsdPerMillionInput: apiPrice.usdPerMillionInput, apiUsdPerMillionOutput: apiPrice.usdPerMillionOutput }
        : {}),
      ...(impliedInputTokens(profile) === undefined ? {} : { inputTokensPerRequest: impliedInputTokens(profile) }),
      ...(profile.outputTokensPerRequest === undefined
        ? {}
        : { outputTokensPerRequest: profile.outputTokensPerRequest }),
    });
  }
  // What the team says it pays today for an API model is the bill: list prices with an assumed prompt size can be
  // far off it (long prompts, retrieved context, retries). The list-price figure stays in the reason as a check.
  const statedSpend = profile.currentMonthlySpendUSD;
  const size = requestSize(profile);
  const apiModel = profile.modelAccess !== undefined && profile.modelAccess !== 'open-weights';
  // No running budget for an API model: its calls must fit a free tier or a licence already paid for.
  if (apiModel && profile.monthlyBudgetUSD === 0) {
    assumptions.push({
      field: 'monthlyBudgetUSD',
      value: 0,
      why: 'With no monthly budget, the calls to the model must be covered by a free tier or by a licence you already pay for (a chat app in your office suite, for example); check its rate limits and whether it may see your data before you rely on it.',
    });
  }
  if (statedSpend !== undefined && apiModel) {
    const listPrice = apiPrice ? serving?.apiMonthlyUSD : undefined;
    serving = {
      selfHostedMonthlyUSD: serving?.selfHostedMonthlyUSD ?? null,
      apiMonthlyUSD: statedSpend,
      assumptions: [
        ...(serving?.assumptions ?? []).filter((line) => !line.startsWith('API')),
        `API: $${statedSpend} a month, the bill you stated.`,
      ],
      apiStated: true,
    };
    assumptions.push({
      field: 'estimates.apiMonthlyUSD',
      value: statedSpend,
      why: `API bill: $${statedSpend} a month, as you stated${listPrice != null ? ` (at list price, ${profile.requestsPerDay} requests a day of ${size.input} input and ${size.output} output tokens${size.said} would be about $${listPrice}${size.stated ? '' : `: your requests are ${statedSpend >= listPrice ? 'longer' : 'shorter or discounted'}`})` : ''}.`,
    });
  } else if (apiPrice && serving?.apiMonthlyUSD != null) {
    assumptions.push({
      field: 'estimates.apiMonthlyUSD',
      value: serving.apiMonthlyUSD,
      why: `API bill: ${profile.requestsPerDay} requests a day for ${DAYS_PER_MONTH} days, ${size.input} input and ${size.output} output tokens each${size.said}, at $${apiPrice.usdPerMillionInput} / $${apiPrice.usdPerMillionOutput} per million tokens (${apiPrice.where}, list price as of ${apiPrice.asOf}; no caching or batch discounts).`,
    });
  }
  const kind = model?.architecture?.kind;
  // An image generator's adapter runs are timed by their images, not by text tokens at a share of the GPU peak.
  const tokenCompute = kind !== 'diffusion';
  if (pricingGpu) {
    if (tokenCompute)
      assumptions.push({
        field: 'estimates.utilisation',
        value: DEFAULT_UTILISATION,
        why: `Training time assumes ${Math.round(DEFAULT_UTILISATION * 100)}% of the GPU peak (model FLOP utilisation 0.3–0.4 is typical for fine-tuning).`,
      });
    assumptions.push({
      field: 'estimates.pricingGpu',
      value: pricingGpu.name,
      why: pricingGpuAssumption(pricingGpu, resolved),
    });
  }
  if (kind === 'encoder' || kind === 'encoder-decoder' || kind === 'diffusion') {
    assumptions.push({
      field: 'estimates.architectureKind',
      value: kind,
      why: `The memory and compute formulas are the ones for decoder LLMs; for this ${kind === 'diffusion' ? 'diffusion' : kind} model treat them as rough orders of magnitude.`,
    });
  }
  // Speech or images, said by the team or by the model's kind (Whisper is a speech model even when "audio" was not said).
  const nonText = [profile.modality, model?.modality].find(
    (modality) => modality === 'audio' || modality === 'image' || modality === 'vision-language',
  );
  if (trainingTokens !== undefined && tokenCompute && nonText !== undefined) {
    assumptions.push({
      field: 'estimates.examplesAsText',
      value: nonText,
      why: `Each example is counted as about ${DEFAULT_TOKENS_PER_EXAMPLE} text tokens; speech and image examples take more compute than that, so treat training time and cost as a floor.`,
    });
  }
  if (profile.labeledExamples === 0 && !corpusOnly) {
    assumptions.push({
      field: 'estimates.trainingTokens',
      value: null,
      why: 'No labelled examples: any training would run over your unlabelled documents, whose size in tokens is not known, so training time and cost were not estimated.',
    });
  }
  if (trainingTokens !== undefined && tokenCompute) {
    assumptions.push({
      field: 'estimates.trainingTokens',
      value: trainingTokens,
      why: corpusOnly
        ? `Training tokens = one epoch over your corpus of ${(profile.corpusTokens ?? 0).toLocaleString('en-US')} tokens (continued pre-training).`
        : trainingTokensAssumption(profile.labeledExamples ?? 0, tokensPerExample).replace(
            ' (assumed)',
            profile.exampleTokens === undefined
              ? ' (assumed)'
              : tokensPerExample !== profile.exampleTokens
                ? ` (your ${profile.exampleTokens.toLocaleString('en-US')}-token examples in ${encoderWindows(profile.exampleTokens)} overlapping ${ENCODER_MAX_TOKENS}-token windows)`
                : ' (tokens per example as you stated)',
          ),
    });
  }
  let imageRunNote: string | undefined;
  if (!tokenCompute) {
    const runHours = imageAdapterRunHours(profile.labeledExamples, profile.tasksCount);
    const adapters = Math.max(profile.tasksCount ?? 1, 1);
    assumptions.push({
      field: 'estimates.trainingHours',
      value: runHours,
      why: `For an image generator the compute formula (text tokens) does not apply: an adapter (LoRA) run is taken as ${runHours} GPU-hour${runHours === 1 ? '' : 's'}${adapters > 1 ? ` (one adapter for each of ${adapters})` : ''}: a subject or style from up to ${IMAGE_FEW_SHOT_IMAGES} images trains in an hour at most, a captioned dataset of about ${IMAGE_DATASET_IMAGES.toLocaleString('en-US')} images in about ${IMAGE_DATASET_RUN_HOURS} hours on an RTX 2080 Ti, and sizes in between are interpolated (larger sets in proportion); the same hours whatever the GPU (a faster card would take less). Full fine-tuning is not timed (time one run on your GPU and multiply by the runs you plan).`,
    });
    imageRunNote = (assumptions.at(-1) as Assumption).why;
  }
  const banded = bandAndRent(resolved, knowledge, checks, inputs, pricingGpu, trainingTokens, tokenCompute);
  const fit = banded.fit;
  const { rentals, ownProjectHours } = banded;
  if (Object.values(rentals).some((rental) => rental?.assumedExamples)) {
    assumptions.push({
      field: 'estimates.rentalExamples',
      value: EXAMPLES_ASSUMED_FOR_COST,
      why: `Rented training is costed for ${EXAMPLES_ASSUMED_FOR_COST.toLocaleString('en-US')} examples, since the number of labelled examples is not known.`,
    });
  }
  const searchRetrieval = searchRetrievalCost(profile, knowledge);
  if (searchRetrieval !== undefined)
    assumptions.push({
      field: 'estimates.searchRetrievalMonthlyUSD',
      value: searchRetrieval.monthlyUSD,
      why: searchRetrieval.why,
    });
  assumptions.push({
    field: 'estimates.projectRuns',
    value: PROJECT_RUNS,
    why: `Training time and cost are for a project of ${PROJECT_RUNS} runs (sweeps, reruns after data fixes, evaluation), not one ideal run; your own GPUs cost time, not dollars.`,
  });
  return {
    checks,
    fit,
    rentals,
    ownProjectHours,
    pricingGpu,
    servingGpu,
    trainingTokens,
    studentParamsB,
    studentTrainedWhole: encoderStudent,
    servingGpus,
    serving,
    assumptions,
    tokenCompute,
    ...(imageRunNote === undefined ? {} : { imageRunNote }),
    ...(searchRetrieval === undefined ? {} : { searchRetrieval }),
  };
}

/** Which FitCheck a workload/precision pair is. */
function checkOf(workload: Workload, extra: Partial<EstimateInput>): FitCheck {
  if (workload === 'inference') return extra.precision === 'int4' ? 'inference-int4' : 'inference';
  return workload;
}

/**
 * Bands every check against the team's GPUs, costs each training check on the cheapest catalog rental (as a
 * project of PROJECT_RUNS runs), and times it on the team's own GPUs when they hold it.
 */
function bandAndRent(
  resolved: ResolvedProfile,
  knowledge: Knowledge,
  checks: Partial<Record<FitCheck, EstimateResult>>,
  inputs: Partial<Record<FitCheck, EstimateInput>>,
  pricingGpu: PricingGpu | undefined,
  trainingTokens: number | undefined,
  /** False for an image generator: only its adapter runs are timed, at IMAGE_ADAPTER_RUN_HOURS each. */
  tokenCompute: boolean,
): Pick<FeasibilityEstimates, 'fit' | 'rentals' | 'ownProjectHours'> {
  const { profile } = resolved;
  const hasGpu = profile.gpuCount === undefined ? undefined : profile.gpuCount > 0;
  const perGpu = hasGpu ? profile.gpuMemoryGB : undefined;
  const count = profile.gpuCount ?? 1;
  const fit: Partial<Record<FitCheck, FitAssessment>> = {};
  const rentals: Partial<Record<TrainingCheck, RentalOption>> = {};
  const ownProjectHours: Partial<Record<TrainingCheck, number>> = {};
  const costTokens = trainingTokens ?? estimateTrainingTokens(EXAMPLES_ASSUMED_FOR_COST);
  for (const check of FIT_CHECKS) {
    const result = checks[check];
    const input = inputs[check];
    if (!result || !input) continue;
    const requestTokens =
      profile.inputTokensPerRequest === undefined && profile.outputTokensPerRequest === undefined
        ? undefined
        : (profile.inputTokensPerRequest ?? 0) + (profile.outputTokensPerRequest ?? 0);
    fit[check] = assessFit(
      result,
      input.workload,
      perGpu,
      hasGpu,
      count,
      rerunAt(input),
      profile.exampleTokens,
      requestTokens,
    );
    if (check === 'inference' || check === 'inference-int4') continue;
    // (An image generator: no hours but an adapter's, no rental but one for an adapter run.)
    const runGpuHours = tokenCompute
      ? undefined
      : ADAPTER_CHECKS.has(check)
        ? imageAdapterRunHours(profile.labeledExamples, profile.tasksCount)
        : null;
    if (runGpuHours === null) continue;
    const level = fit[check].level;
    const own = level === 'fits' || level === 'tight' || level === 'fits-if';
    const ownRunHours = runGpuHours ?? result.compute?.wallClockHours;
    if (own && pricingGpu?.origin === 'profile' && ownRunHours !== undefined) {
      ownProjectHours[check] = Math.round(ownRunHours * PROJECT_RUNS * 100) / 100;
    }
    // The rental search needs the unsharded (one-GPU) breakdown: the check itself when it ran on one GPU.
    const single =
      (input.gpuCount ?? 1) <= 1
        ? result
        : estimate({ ...input, gpuCount: 1, gpuMemoryGB: undefined, trainingTokens: undefined });
    const activeParamsB = input.model.activeParamsB ?? input.model.paramsB;
    const flops = trainingFlops(
      input.workload as Exclude<Workload, 'inference'>,
      activeParamsB * 1e9,
      PREFERENCE_CHECKS.has(check) ? (input.trainingTokens ?? costTokens) : costTokens,
    );
    const rental = cheapestRental(
      single,
      flops,
      DEFAULT_UTILISATION,
      rentalGpus(knowledge),
      trainingTokens === undefined && runGpuHours === undefined,
      runGpuHours,
    );
    if (rental) rentals[check] = rental;
  }
  return { fit, rentals, ownProjectHours };
}

/**
 * Training is timed on the caller's GPU whenever the catalog knows its throughput (priced when it also has a
 * price, otherwise hours only); without a GPU, or for one of unknown throughput, on the catalog GPU with the
 * lowest price per TFLOP/s (renting).
 */
export function choosePricingGpu(resolved: ResolvedProfile, knowledge: Knowledge): PricingGpu | undefined {
  const own = resolved.gpu;
  if (own && own.denseBf16Tflops !== null && resolved.profile.gpuCount !== 0) {
    return {
      name: own.name,
      memoryGB: own.memoryGB,
      usdPerHour: own.price?.usdPerHour,
      denseBf16Tflops: own.denseBf16Tflops,
      origin: 'profile',
    };
  }
  return referenceGpu(knowledge);
}

function pricingGpuAssumption(gpu: PricingGpu, resolved: ResolvedProfile): string {
  if (gpu.origin === 'profile' && resolved.profile.gpusRented === true) {
    return `Training time is for your rented ${gpu.name} (${gpu.denseBf16Tflops} TFLOP/s peak): it uses hours you already pay for (no extra rent if the GPUs have idle time${gpu.usdPerHour === undefined ? '' : `; at the catalog's $${gpu.usdPerHour} per GPU-hour otherwise`}).`;
  }
  if (gpu.origin === 'profile') {
    return gpu.usdPerHour === undefined
      ? `Training time is for your ${gpu.name} (${gpu.denseBf16Tflops} TFLOP/s peak); the catalog has no dated price for it, so no dollar cost is given.`
      : `Training time is for your ${gpu.name} (${gpu.denseBf16Tflops} TFLOP/s peak); GPUs you own cost time, not dollars (renting one is $${gpu.usdPerHour} per GPU-hour).`;
  }
  const why = resolved.gpu
    ? `the catalog has no throughput figure for ${resolved.gpu.name}`
    : 'no GPU of yours was given';
  return `Training time and cost assume renting ${gpu.name} at $${gpu.usdPerHour} per GPU-hour, the catalog GPU with the lowest price per unit of compute (${why}).`;
}

/**
 * Self-hosting is costed on the caller's GPU when it has a catalog price; otherwise on the priced datacenter GPU
 * that serves `neededGB` for the least money per hour (count × price).
 */
export function chooseServingGpu(
  resolved: ResolvedProfile,
  knowledge: Knowledge,
  neededGB: number,
  ownMemoryGB?: number,
): ServingGpu | undefined {
  const own = resolved.gpu;
  const rented = resolved.profile.gpusRented === true ? { rented: true } : {};
  if (own?.price && resolved.profile.gpuCount !== 0) {
    return { name: own.name, memoryGB: own.memoryGB, usdPerHour: own.price.usdPerHour, origin: 'profile', ...rented };
  }
  // GPUs of the team's own that hold the model, though the catalog has no price for them (an RTX 3060, a T4): served
  // there, with no monthly bill.
  if (ownMemoryGB !== undefined && neededGB <= ownMemoryGB && resolved.profile.gpuMemoryGB !== undefined) {
    return {
      name: own?.name ?? 'GPU',
      memoryGB: resolved.profile.gpuMemoryGB,
      usdPerHour: 0,
      origin: 'profile',
      ...rented,
    };
  }
  let best: ServingGpu | undefined;
  let bestHourly = Number.POSITIVE_INFINITY;
  for (const gpu of rentalGpus(knowledge)) {
    const hourly = Math.max(1, Math.ceil(neededGB / gpu.memoryGB)) * gpu.price.usdPerHour;
    if (hourly < bestHourly) {
      bestHourly = hourly;
      best = { name: gpu.name, memoryGB: gpu.memoryGB, usdPerHour: gpu.price.usdPerHour, origin: 'reference' };
    }
  }
  return best;
}

type PricedGpu = Knowledge['gpus'][number] & { readonly price: NonNullable<Knowledge['gpus'][number]['price']> };
const rentalGpusByKnowledge = new WeakMap<Knowledge, readonly PricedGpu[]>();

/** Datacenter GPUs with a catalog price, sorted by id (ties go to the first): what one can rent. Cached. */
function rentalGpus(knowledge: Knowledge): readonly PricedGpu[] {
  const cached = rentalGpusByKnowledge.get(knowledge);
  if (cached) return cached;
  const rentals = knowledge.gpus
    .filter((gpu): gpu is PricedGpu => gpu.class === 'datacenter' && gpu.price !== null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  rentalGpusByKnowledge.set(knowledge, rentals);
  return rentals;
}

const referenceGpuByKnowledge = new WeakMap<Knowledge, PricingGpu | null>();

/**
 * The catalog GPU training is timed on when the team's own GPU has no known throughput: the rental GPU with the lowest
 * price per TFLOP/s.
 */
export function referenceGpu(knowledge: Knowledge): PricingGpu | undefined {
  const cached = referenceGpuByKnowledge.get(knowledge);
  if (cached !== undefined) return cached ?? undefined;
  let best: PricingGpu | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const gpu of rentalGpus(knowledge)) {
    if (gpu.denseBf16Tflops === null) continue;
    const costPerTflop = gpu.price.usdPerHour / gpu.denseBf16Tflops;
    if (costPerTflop < bestCost) {
      bestCost = costPerTflop;
      best = {
        name: gpu.name,
        memoryGB: gpu.memoryGB,
        usdPerHour: gpu.price.usdPerHour,
        denseBf16Tflops: gpu.denseBf16Tflops,
        origin: 'reference',
      };
    }
  }
  referenceGpuByKnowledge.set(knowledge, best ?? null);
  return best;
}

/**
 * An API model's list-price bill a month at the team's volume and request size (undefined without a price or a
 * volume): the bill the estimates give an API model, on any catalog price.
 */
export function listPriceMonthlyUSD(
  price: { usdPerMillionInput: number; usdPerMillionOutput: number } | undefined,
  profile: Partial<Profile>,
): number | undefined {
  if (price === undefined || profile.requestsPerDay === undefined) return undefined;
  const size = requestSize(profile);
  const { apiMonthlyUSD } = estimateServingCost({
    requestsPerDay: profile.requestsPerDay,
    inputTokensPerRequest: size.input,
    outputTokensPerRequest: size.output,
    apiUsdPerMillionInput: price.usdPerMillionInput,
    apiUsdPerMillionOutput: price.usdPerMillionOutput,
  });
  return apiMonthlyUSD ?? undefined;
}

/**
 * The size of one production request the bills use: what the team said, else the estimator's defaults. `said` is the
 * words that go after the figures ("" when both were stated, " (assumed)" or " (output assumed)" otherwise).
 */
export function requestSize(profile: Partial<Profile>): {
  input: number;
  output: number;
  stated: boolean;
  said: string;
} {
  const implied = impliedInputTokens(profile);
  const input = implied ?? DEFAULT_INPUT_TOKENS_PER_REQUEST;
  const output = profile.outputTokensPerRequest ?? DEFAULT_OUTPUT_TOKENS_PER_REQUEST;
  const inputStated = profile.inputTokensPerRequest !== undefined;
  const fromExamples = !inputStated && implied !== undefined;
  const outputStated = profile.outputTokensPerRequest !== undefined;
  const said = fromExamples
    ? " (input from your examples' length)"
    : inputStated && outputStated
      ? ' (as you said)'
      : inputStated
        ? ' (output assumed)'
        : outputStated
          ? ' (input assumed)'
          : ' (assumed)';
  return { input, output, stated: inputStated || outputStated || fromExamples, said };
}

/**
 * The input tokens of one request: the stated size, else the length of the team's examples when they are longer than
 * the default request (a 40,000-token contract per request is priced as one), less the output. Undefined otherwise,
 * and for a conversation or search over documents, whose requests carry retrieved passages, not whole documents.
 */
export function impliedInputTokens(profile: Partial<Profile>): number | undefined {
  if (profile.inputTokensPerRequest !== undefined) return profile.inputTokensPerRequest;
  const example = profile.exampleTokens;
  if (example === undefined || profile.taskType === 'chat' || profile.taskType === 'search') return undefined;
  const output = profile.outputTokensPerRequest ?? DEFAULT_OUTPUT_TOKENS_PER_REQUEST;
  return example > DEFAULT_INPUT_TOKENS_PER_REQUEST + output ? example - output : undefined;
}
