/**
 * @module Short answers to questions about the advice — cost and time, fit, definitions, comparisons, what would
 * change the answer, where to start, thanks — built from the recommendation the engine already holds and the
 * methods table. Never the whole recommendation again.
 */

import { jobsInOneLine } from '../engine/advise-jobs.ts';
import {
  providerScopeOf,
  reachableUnderAllowedProviders,
  rentalWithinAllowedProviders,
  withinAllowedProviders,
} from '../engine/allowed-providers.ts';
import { CPU_EXAMPLE_PROMPT_TOKENS, cpuMeasuredSpeed, Q4_GB_PER_BILLION_PARAMS } from '../engine/cpu-latency.ts';
import {
  CONTINUED_PRETRAINING_MIN_TOKENS,
  INSTRUCTION_MIN_EXAMPLES,
  PREFERENCE_MIN_PAIRS,
  SFT_AMPLE_EXAMPLES,
  SFT_MIN_EXAMPLES,
} from '../engine/data-sufficiency.ts';
import {
  DEVICE_BITS_PER_WEIGHT,
  DEVICE_RUNTIME_GB,
  HOURS_PER_WEEK,
  inSmallModelClass,
  offersService,
  SMALL_MODEL_PARAMS_B,
} from '../engine/derive-facts.ts';
import { type DeviceNeed, deviceNeed } from '../engine/device-fit.ts';
import { CPU_SERVING_MAX_WEIGHTS_GB, referenceGpu, requestSize, smallDollars } from '../engine/estimate-feasibility.ts';
import { daysBetween } from '../engine/iso-dates.ts';
import { CPU_TRAINING_NOTE, estimatedOnQlora } from '../engine/method-estimates.ts';
import { TRAINING_METHODS } from '../engine/method-groups.ts';
import { shortMethodName } from '../engine/method-name.ts';
import type { MethodRecommendation, Recommendation } from '../engine/recommendation-schema.ts';
import { MIN_RENTAL_HOURS, PROJECT_RUNS } from '../engine/training-compute.ts';
import {
  BYTES_PER_WEIGHT,
  DAYS_PER_MONTH,
  DEFAULT_EPOCHS,
  DEFAULT_INPUT_TOKENS_PER_REQUEST,
  DEFAULT_OUTPUT_TOKENS_PER_REQUEST,
  DEFAULT_TOKENS_PER_EXAMPLE,
  estimateServingCost,
  estimateTrainingTokens,
} from '../estimator/index.ts';
import { stripPeriod } from '../explainer/template-explanation.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Condition, Model, ProviderOffering } from '../knowledge/schemas.ts';
import { fieldLabel } from '../profile/field-labels.ts';
import type { MethodId, Profile } from '../profile/profile-schema.ts';
import {
  type FootnoteSource,
  footnotesFor,
  hourlyHostedOffering,
  onModelWords,
  ownTrainingGpus,
  plainModelName,
  planEstimates,
  timedOnOwnGpu,
} from './compact-answer.ts';
import { joinWords } from './describe-field.ts';
import { fallbackWhenLeverFails } from './fallback-words.ts';
import { GOAL_WORDS } from './fields/registry.ts';
import { lowerFirst, sensitivityValue, unknownWords } from './reply-words.ts';
import { servingMemory } from './serving-memory.ts';

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** Hours as people say them: "2.75", "38,764" (no decimals from a hundred up). */
function hoursWords(hours: number): string {
  return hours >= 100 ? count.format(Math.round(hours)) : money.format(hours);
}

/** A short answer and, when it cites any, its numbered footnotes (text and data). */
/** GPUs a team would rent for one job, at the catalog's dated price. */
export interface RentedForJob {
  readonly gpus: number;
  readonly gpu: string;
  readonly usdPerHour: number;
  readonly where: string;
  readonly asOf: string;
}

export interface InfoAnswer {
  text: string;
  footnotes?: string;
  sources?: FootnoteSource[];
}

/**
 * Source marks numbered in the order the text first cites them ([1], [2] …); a source missing from the knowledge base
 * gets no mark. `listed` is the ids cited, for the footnotes.
 */
export function sourceMarks(knowledge: Knowledge): { listed: string[]; cite: (id: string) => string } {
  const listed: string[] = [];
  const cite = (id: string) => {
    if (!knowledge.sources.some((source) => source.id === id)) return '';
    if (!listed.includes(id)) listed.push(id);
    return ` [${listed.indexOf(id) + 1}]`;
  };
  return { listed, cite };
}

/** An answer with the sources its marks [1]… point to (none: the text alone). */
export function citedAnswer(text: string, cited: readonly string[], knowledge: Knowledge): InfoAnswer {
  return cited.length === 0 ? { text } : { text, ...footnotesFor(cited, undefined, knowledge) };
}

/** A definition cites the method's first sources, as the compact answer does. */
const DEFINITION_FOOTNOTES = 3;

/**
 * What a bare "fine-tuning" means: the provider's job when the named model is API-only and a provider tunes it; the
 * plan's LoRA or QLoRA when the weights are open and the plan tunes with one; full fine-tuning otherwise.
 */
export function resolveGenericFineTuning(
  method: MethodId,
  generic: boolean | undefined,
  recommendation: Recommendation,
): MethodId {
  if (method !== 'full-fine-tuning' || !generic) return method;
  const managed = entryOf(recommendation, 'managed-fine-tuning');
  const full = entryOf(recommendation, 'full-fine-tuning');
  const apiModel = full?.blockers.some((blocker) => blocker.ruleId === 'weights-needed-for-self-run-tuning') ?? false;
  // Weights out of reach: tuning such a model can only mean the vendor's job, whether or not it is offered.
  if (apiModel && managed) return 'managed-fine-tuning';
  if (apiModel) return method;
  // Open weights and a plan that tunes with LoRA or QLoRA (as its destination or a later step): "why not just
  // fine-tune?" means the plan's tuning.
  const planned = recommendation.destination.method;
  if (planned === 'lora' || planned === 'qlora') return planned;
  const step = recommendation.plan
    .flatMap((entry) => entry.methods)
    .find((entry) => entry === 'lora' || entry === 'qlora');
  if (step !== undefined) return step;
  // Otherwise the tuning people mean on open weights: LoRA where it can run, else QLoRA, before every weight.
  const possible = (id: MethodId) => {
    const entry = entryOf(recommendation, id);
    return entry !== undefined && entry.verdict !== 'not-viable';
  };
  if (full?.verdict === 'not-viable' || full?.estimates?.memoryGB?.fits === false) {
    if (possible('lora')) return 'lora';
    if (possible('qlora')) return 'qlora';
  }
  return method;
}

/**
 * A provider's distillation into its cheaper tier (GPT-4o into GPT-4o mini): today's bill scaled by the two tiers'
 * list prices per token (the mean of the input and output ratios). Undefined when either price is not in the catalog.
 */
function providerTierAfter(
  recommendation: Recommendation,
  today: number,
  knowledge: Knowledge,
): { student: string; monthlyUSD: number; ratio: number } | undefined {
  const { destination } = recommendation;
  if (destination.channel !== 'managed' || destination.student === undefined || destination.model.name === null)
    return undefined;
  const byName = (name: string) => knowledge.models.find((model) => model.name === name)?.apiPrice;
  const large = byName(destination.model.name);
  const small = byName(destination.student);
  if (!large || !small) return undefined;
  const ratio =
    (small.usdPerMillionInput / large.usdPerMillionInput + small.usdPerMillionOutput / large.usdPerMillionOutput) / 2;
  return { student: destination.student, monthlyUSD: today * ratio, ratio };
}

/** Said when no training time is given for an image generator (the engine's estimates.trainingHours assumption). */
const IMAGE_TRAINING_UNTIMED =
  "I don't estimate its training time: the compute formula counts text tokens, not denoising steps over images. Time one run on your GPU and multiply by the adapters you train and the runs each one takes (about three).";

/**
 * Beside the bill the team stated: what the same traffic costs at the named model's list price, and, when the stated
 * bill is several times that, that something else is inflating it. Empty without a stated bill or a list price.
 */
function listPriceBeside(
  today: number,
  listed: number | undefined,
  options: { statedBill?: boolean; requestsPerDay?: number },
): string {
  if (!options.statedBill || listed === undefined || listed <= 0 || options.requestsPerDay === undefined) return '';
  const ratio = today / listed;
  return `; at list price your ${count.format(options.requestsPerDay)} requests a day come to about $${count.format(Math.round(listed))} a month${ratio >= BILL_CHECK_RATIO ? `, about ${Math.round(ratio)}× less than your bill: retries, long system prompts or other traffic on the same account may be inflating it` : ''}`;
}

/**
 * What the team's traffic costs a month at `model`'s list price (its stated request size, else the estimator's
 * defaults). Undefined without a volume or a list price.
 */
function listPriceMonthly(
  model: Model | undefined,
  options: { requestsPerDay?: number; inputTokensPerRequest?: number; outputTokensPerRequest?: number },
): number | undefined {
  const price = model?.apiPrice;
  if (price === undefined || options.requestsPerDay === undefined) return undefined;
  return (
    estimateServingCost({
      requestsPerDay: options.requestsPerDay,
      ...(options.inputTokensPerRequest === undefined ? {} : { inputTokensPerRequest: options.inputTokensPerRequest }),
      ...(options.outputTokensPerRequest === undefined
        ? {}
        : { outputTokensPerRequest: options.outputTokensPerRequest }),
      apiUsdPerMillionInput: price.usdPerMillionInput,
      apiUsdPerMillionOutput: price.usdPerMillionOutput,
    }).apiMonthlyUSD ?? undefined
  );
}

/** From this many hours, an elapsed time is said in days or weeks as well. */
export const LONG_ELAPSED_HOURS = 48;

/** "about 5 days", "about 17 weeks", "about 8.9 years": round-the-clock hours in words. */
export function inDaysOrWeeks(hours: number): string {
  if (hours < 14 * 24) return `about ${Math.max(1, Math.round(hours / 24))} days`;
  if (hours < 2 * 52 * HOURS_PER_WEEK) return `about ${Math.round(hours / HOURS_PER_WEEK)} weeks`;
  return `about ${money.format(Math.round((hours / (52 * HOURS_PER_WEEK)) * 10) / 10)} years`;
}

/**
 * The plan's model is a text encoder (XLM-RoBERTa, BERT): one pass per input and no tokens written, so one copy carries
 * far more traffic than a generating model's.
 */
function planIsEncoder(recommendation: Recommendation, knowledge: Knowledge): boolean {
  const name = recommendation.destination.student ?? recommendation.destination.model.name;
  return name !== null && name !== undefined && knowledge.findModel(name)?.architecture?.kind === 'encoder';
}

/** The plan's model is an encoder served from a CPU server (no GPUs): it needs no GPU rent. */
function encoderOnCpu(recommendation: Recommendation, knowledge: Knowledge): boolean {
  return (
    planIsEncoder(recommendation, knowledge) &&
    recommendation.assumptions.some(
      (assumption) => assumption.field === 'estimates.cpuServing' && assumption.value === true,
    )
  );
}

/** True when `name` is a catalog model served only through its vendor's API. */
function namedApiModel(name: string | undefined, knowledge: Knowledge): boolean {
  const model = name === undefined ? undefined : knowledge.findModel(name);
  return model !== undefined && model.access !== 'open-weights';
}

/**
 * A rented serving bill set against the budget the team gave: over its monthly budget, or over its whole one-time
 * budget within a month (no monthly budget said), with the levers that cut it. Empty when it fits or no budget is known.
 */
function overBudget(
  running: number,
  budgets: { monthlyBudgetUSD?: number; oneTimeBudgetUSD?: number },
  cpuServing = false,
  /** The verdict on the monthly budget is said first, by the caller: only the levers are said here. */
  verdictFirst = false,
): string {
  const { monthlyBudgetUSD: monthly, oneTimeBudgetUSD: oneTime } = budgets;
  // (A small model at 4 bits is served from a CPU server with no GPU at all: slow, but enough at low volume.)
  const levers = `a smaller model, 4-bit weights${cpuServing ? ' served from a CPU server (llama.cpp: a few tokens a second, enough for light traffic)' : ''}, running the GPU only when it is used, or a hosted model billed per call cost less at low volume`;
  if (monthly !== undefined) {
    if (running <= monthly) return verdictFirst ? '' : ` That is within your $${count.format(monthly)} monthly budget.`;
    return verdictFirst
      ? ` What costs less: ${levers}.`
      : ` That is over your $${count.format(monthly)} monthly budget: ${levers}.`;
  }
  if (oneTime !== undefined && running > oneTime)
    return ` That is more than your whole $${count.format(oneTime)} budget in one month: ${levers}.`;
  return '';
}

/** "an AMD Instinct MI300X (1,307 TFLOPS)": the GPU training is timed on when the team's own has no known speed. */
export function referenceGpuWords(knowledge: Knowledge): string {
  const reference = referenceGpu(knowledge);
  return reference === undefined
    ? 'a datacenter GPU'
    : `the reference GPU, ${reference.name} (${count.format(reference.denseBf16Tflops)} TFLOPS of bf16)`;
}

export function costReply(
  recommendation: Recommendation,
  asked: MethodId | true,
  knowledge: Knowledge,
  options: {
    monthlyFirst?: boolean;
    /** "Does it still fit our KSh 40,000 a month?": the budget's yes or no comes first. */
    budgetAsked?: boolean;
    statedBill?: boolean;
    /** The team's GPUs are rented (`gpusRented`): serving on them is a bill, not free. */
    gpusRented?: boolean;
    currentMonthlySpendUSD?: number;
    exampleTokens?: number;
    requestsPerDay?: number;
    /** The size of one request the team stated, for the words said with a bill from list prices. */
    inputTokensPerRequest?: number;
    outputTokensPerRequest?: number;
    /** The serving bill of the substitute or proposed model the plan runs on. */
    planModelMonthlyUSD?: number;
    /** The model the team named (today's bill is for it when the plan moved to another). */
    namedModel?: string;
    /** A distillation's student and what serving it costs a month (one copy, sized for memory). */
    student?: { name: string; monthlyUSD: number };
    /** The team's corpus, which continued pre-training reads once per run. */
    corpusTokens?: number;
    /** The figures are for continued pre-training over the corpus (full fine-tuning of every weight on it). */
    continuedPretraining?: boolean;
    /** How many GPUs the team has, for the elapsed time when the plan's compute options do not say. */
    ownGpuCount?: number;
    /** The wait was asked for ("in days", "in real time"): the elapsed time is said on one GPU too. */
    elapsedAsked?: boolean;
    /** The fit is answered beside the cost (its conditions are said there, not twice). */
    fitAnswered?: boolean;
    /** The team's budgets, which a monthly serving bill is set against. */
    monthlyBudgetUSD?: number;
    oneTimeBudgetUSD?: number;
    /** The team said it has no GPUs: a rented bill has no "unless it is yours". */
    noOwnGpus?: boolean;
    /** The team's timeline, which a long run on its own GPUs is set against. */
    timelineWeeks?: number;
    /** The team's latency target, which CPU serving is set against. */
    latencyTargetMs?: number;
    /** GPUs rented for this job only ("what if we rented one H100 for the training runs?"): billed by the hour. */
    rentedForJob?: RentedForJob;
  } = {},
): string {
  const method = asked === true ? recommendation.destination.method : asked;
  // The method whose training figures the reply gives (the plan's next tuning step when the plan trains nothing).
  let timed: MethodId = method;
  // The API bill is the team's own figure when it said what it pays; the catalog's list price otherwise.
  const bill = (usd: number) =>
    options.statedBill
      ? `$${count.format(usd)} a month (your figure)`
      : `about $${count.format(usd)} a month at your volume at list price`;
  const entry = entryOf(recommendation, method);
  // The plan moved off the model the team named ("LoRA on Qwen2.5 3B" for a team that named the 7B): the figures are
  // for the plan's model, and the reply says so where it gives them.
  const planModel = recommendation.destination.model;
  const movedOff =
    method === recommendation.destination.method &&
    planModel.name !== null &&
    planModel.switched &&
    options.namedModel !== undefined &&
    planModel.name !== options.namedModel;
  const label = options.continuedPretraining ? 'Continued pre-training' : shortMethodName(knowledge, method);
  const name = `${label}${movedOff ? ` on ${plainModelName(planModel.name ?? '')} (the plan's model, not the ${plainModelName(options.namedModel ?? '')} you named)` : ''}`;
  // On a substituted or proposed model the destination carries that model's figures.
  const estimates = planEstimates(recommendation, method);
  const lines: string[] = [];
  const onCpu = estimates?.assumptions.find((line) => line.startsWith(CPU_TRAINING_NOTE));
  if (onCpu) lines.push(`${name}: ${lowerFirst(onCpu)}`);
  if (estimates?.trainingGpuHours !== undefined) {
    const own = estimates.oneTimeUSD === 0;
    // The elapsed time on several GPUs of the team's own, next to the GPU-hours.
    const ownCount = ownTrainingGpus(recommendation, options.ownGpuCount);
    // (The GPU-hours shown spread over the GPUs: the destination's own figures when it carries them; in days or weeks
    // when that long, with one run of the three against the timeline the team gave.)
    const projectHours = (estimates.trainingGpuHours ?? 0) / ownCount;
    const runHours = projectHours / PROJECT_RUNS;
    const timeline = options.timelineWeeks;
    const elapsed =
      own && (ownCount > 1 || options.elapsedAsked === true)
        ? ` (about ${hoursWords(projectHours)} h ${ownCount > 1 ? `on your ${ownCount} GPUs` : 'of waiting on your GPU'}${projectHours >= LONG_ELAPSED_HOURS ? `, ${inDaysOrWeeks(projectHours)}; one run ${inDaysOrWeeks(runHours)}` : options.elapsedAsked === true ? `, under ${projectHours < 24 ? 'a day' : 'two days'} round the clock; one run about ${hoursWords(runHours)} h` : ''}${timeline !== undefined && runHours >= LONG_ELAPSED_HOURS ? (runHours > timeline * HOURS_PER_WEEK ? `, longer than your ${timeline}-week timeline` : projectHours > timeline * HOURS_PER_WEEK ? `: one run fits your ${timeline}-week timeline, three do not` : `, within your ${timeline}-week timeline`) : ''})`
        : '';
    // Fits the team's GPUs only with an adjustment (shorter sequences): said first, with renting as the way out.
    const fitsIf =
      own && !options.fitAnswered && estimates.memoryGB?.fit === 'fits-if' && estimates.memoryGB.adjustments?.length
        ? `Only if you ${joinWords([...estimates.memoryGB.adjustments])} does ${name} fit your GPUs; otherwise ${fallbackWhenLeverFails(recommendation, method)}. `
        : '';
    const job = options.rentedForJob;
    lines.push(
      fitsIf +
        (own && job !== undefined
          ? `${name} on ${job.gpus} rented ${job.gpu}${job.gpus === 1 ? '' : 's'}: about ${hoursWords(estimates.trainingGpuHours)} GPU-hours for a three-run project${elapsed}, about $${money.format(Math.max(estimates.trainingGpuHours, MIN_RENTAL_HOURS * job.gpus) * job.usdPerHour)} at ${job.where}'s $${job.usdPerHour} a GPU-hour (${job.asOf}), at least an hour billed per GPU.`
          : own && !timedOnOwnGpu(recommendation)
            ? `${name} on your GPUs, with no rental cost; their speed is not in the catalog, so the hours are for ${referenceGpuWords(knowledge)}: about ${hoursWords(estimates.trainingGpuHours)} GPU-hours for a three-run project, longer on yours.`
            : own
              ? `${name} on your GPUs: about ${hoursWords(estimates.trainingGpuHours)} GPU-hours for a three-run project${elapsed}, and ${options.gpusRented === true ? 'no extra rent while the GPUs you rent have idle hours' : 'no rental cost'}.`
              : `${tooSmall(estimates.memoryGB)}${name}: about ${hoursWords(estimates.trainingGpuHours)} GPU-hours for a three-run project${estimates.oneTimeUSD === undefined ? '' : `, about $${money.format(estimates.oneTimeUSD)} rented`}.`),
    );
  }
  // "Renting instead" only beside training on the team's own GPUs: a rented estimate already is the rental.
  if (method === recommendation.destination.method && estimates?.oneTimeUSD === 0 && !options.rentedForJob) {
    for (const option of recommendation.computeOptions) {
      if (option.kind === 'rent' && option.usd !== undefined)
        lines.push(
          `Renting instead: ${option.count} × ${option.gpu}${option.hours === undefined ? '' : ` for about ${hoursWords(option.hours)} h`}, about $${option.usd >= 100 ? count.format(Math.round(option.usd)) : money.format(option.usd)}.`,
        );
    }
  }
  // Preference tuning that follows the supervised stage ("LoRA → preference tuning"): the whole plan's training is both.
  const stages = recommendation.plan.flatMap((step) => step.methods);
  if ((asked === true || stages.includes(method)) && estimates?.trainingGpuHours !== undefined) {
    const after = stages.slice(stages.indexOf(method) + 1).find((later) => later === 'preference-tuning');
    const later = after === undefined ? undefined : entryOf(recommendation, after)?.estimates;
    if (after !== undefined && later?.trainingGpuHours !== undefined)
      lines.push(
        `Then ${lowerFirst(shortMethodName(knowledge, after))} from that checkpoint: about ${money.format(later.trainingGpuHours)} GPU-hours for a three-run project${later.oneTimeUSD === 0 ? ', no rental cost' : later.oneTimeUSD === undefined ? '' : `, about $${money.format(later.oneTimeUSD)} rented`}.`,
      );
  }
  // A provider's tuning job with no catalog price: who bills it, rather than nothing.
  let training = lines.length > 0;
  // The plan trains nothing: say so, and give the figures of the training method it would move to, if any.
  const trainsNothing =
    asked === true &&
    knowledge.methodById.get(method)?.changesWeights === false &&
    !apiModelMethod(recommendation, method, knowledge);
  if (trainsNothing && !training) {
    lines.push(`${name} trains nothing, so there is no training bill.`);
    // The plan's own later tuning step first ("1. RAG → 2. LoRA": LoRA); else the first other tuning, but no
    // distillation the plan does not hold (a smaller student is a cost step, not "tuning later").
    const tunings = recommendation.recommendations.filter(
      (other) =>
        other.verdict !== 'not-viable' &&
        trainsWeights(other.method, knowledge) &&
        other.estimates?.trainingGpuHours !== undefined,
    );
    const next =
      tunings.find((other) => stages.includes(other.method)) ??
      tunings.find((other) => other.method !== 'distillation');
    const hours = next?.estimates?.trainingGpuHours;
    if (next && hours !== undefined) {
      timed = next.method;
      const usd = next.estimates?.oneTimeUSD;
      lines.push(
        `If you tune later, ${shortMethodName(knowledge, next.method)}: about ${money.format(hours)} GPU-hours for a three-run project${usd === undefined ? '' : usd === 0 ? ' on your GPUs, with no rental cost' : `, about $${money.format(usd)} rented`}.`,
      );
      training = true;
    }
  }
  // Lines from here on are about the running bill; asked "per month", they come first.
  const monthlyFrom = lines.length;
  // The bill against the monthly budget, when the question asked whether it fits: said first.
  let budgetVerdict: boolean | undefined;
  // A cost fix: what the API bill is today, and what serving the smaller model costs after. The team's own bill when
  // it said one (never a figure worked out on a wrongly read model), else the list price.
  const today =
    options.statedBill && options.currentMonthlySpendUSD !== undefined
      ? options.currentMonthlySpendUSD
      : entryOf(recommendation, 'prompt-engineering')?.estimates?.monthlyUSD;
  // (A smaller model tuned on the team's own labels to cut the bill is a cost fix too, said the same way.)
  const costFix =
    recommendation.destination.objective === 'distillation' ||
    (recommendation.destination.objective === 'sft' &&
      recommendation.destination.model.switched &&
      recommendation.diagnosis.some((entry) => entry.need === 'cost'));
  if (
    method === recommendation.destination.method &&
    costFix &&
    today !== undefined &&
    estimates?.monthlyUSD === undefined
  ) {
    const own = recommendation.computeOptions.some((option) => option.kind === 'own') && options.gpusRented !== true;
    // The plan moved to another vendor's API model: today's bill is the named model's, after it the new model's calls.
    const movedTo = recommendation.destination.model.switched ? recommendation.destination.model.name : null;
    const movedToApi =
      movedTo !== null &&
      knowledge.findModel(movedTo)?.access !== 'open-weights' &&
      options.planModelMonthlyUSD !== undefined;
    const teacher = movedTo !== null ? (options.namedModel ?? null) : recommendation.destination.model.name;
    const tier = providerTierAfter(recommendation, today, knowledge);
    const after = movedToApi
      ? `after, ${plainModelName(movedTo)} calls cost about $${count.format(options.planModelMonthlyUSD ?? 0)} a month for the same traffic at its list price (a tuned copy may bill above its base)`
      : tier
        ? `after, ${tier.student} calls cost about $${count.format(tier.monthlyUSD)} a month for the same traffic (its list price is ${Math.round(tier.ratio * 100)}% of ${plainModelName(teacher ?? 'the large model')}'s per token; a tuned tier may bill above its base)`
        : own
          ? 'after, the smaller model runs on GPUs you own, with no rent'
          : options.student !== undefined && options.student.monthlyUSD > 0
            ? `after, one copy of ${plainModelName(options.student.name)} served around the clock is about $${count.format(options.student.monthlyUSD)} a month of rented GPU time${(options.requestsPerDay ?? 0) >= THROUGHPUT_CAVEAT_REQUESTS_PER_DAY ? ` (sized for memory; ${count.format(options.requestsPerDay ?? 0)} requests a day take several copies, and the throughput they need is not estimated here: load-test one and multiply)` : ''}`
            : options.gpusRented === true
              ? 'after, the smaller model needs fewer of the GPUs you rent (or cheaper ones), so the rent falls; it does not go to zero'
              : 'after, the smaller model is served on GPUs you rent or own, at a fraction of that per answer';
    // A model the team serves itself is not billed per call.
    const teacherModel = knowledge.models.find((model) => model.name === teacher);
    const selfServed =
      teacherModel !== undefined ? teacherModel.access === 'open-weights' : options.gpusRented === true;
    // A stated bill far above what the stated traffic costs at list price: something else is inflating it.
    const price = teacherModel?.apiPrice;
    const listed =
      options.statedBill &&
      !selfServed &&
      price !== undefined &&
      options.inputTokensPerRequest !== undefined &&
      options.outputTokensPerRequest !== undefined
        ? listPriceMonthly(teacherModel, options)
        : undefined;
    const inflated =
      listed !== undefined && listed > 0 && today >= BILL_CHECK_RATIO * listed
        ? ` At list price your ${count.format(options.requestsPerDay ?? 0)} requests a day of that size come to about $${count.format(Math.round(listed))} a month, about ${Math.round(today / listed)}× less than your bill: retries, long system prompts or other traffic on the same account may be inflating it, which is worth finding before any migration.`
        : '';
    // ("What would the tuning job cost on Vertex?": who bills it, which the catalog has no price for.)
    const providerJob =
      movedToApi && method === 'managed-fine-tuning' && !training
        ? ` The tuning job itself is billed by ${recommendation.destination.providers?.[0]?.name ?? 'the provider'} per training token; the catalog has no price for it yet.`
        : '';
    lines.push(
      selfServed
        ? `Today: serving ${plainModelName(teacher ?? 'the model')} costs ${bill(today)}; ${after}.`
        : `Today: ${plainModelName(teacher ?? 'API')} calls cost ${bill(today)}; ${after}.${inflated}${providerJob}`,
    );
    // ("Does it fit under our budget?": the bill after the move against it, said first.)
    const afterBill = movedToApi ? options.planModelMonthlyUSD : tier ? tier.monthlyUSD : undefined;
    if (options.budgetAsked === true && options.monthlyBudgetUSD !== undefined && afterBill !== undefined)
      budgetVerdict = afterBill <= options.monthlyBudgetUSD;
  }
  // A tuned model is served like the base model (an adapter adds next to nothing): the base model's running bill.
  const sameModel = !planModel.switched && !planModel.proposed;
  const weightsOpen = !entryOf(recommendation, 'full-fine-tuning')?.blockers.some(
    (blocker) => blocker.ruleId === 'weights-needed-for-self-run-tuning',
  );
  const running =
    estimates?.monthlyUSD ??
    (sameModel && weightsOpen && trainsWeights(method, knowledge)
      ? entryOf(recommendation, 'prompt-engineering')?.estimates?.monthlyUSD
      : !sameModel && method === recommendation.destination.method
        ? options.planModelMonthlyUSD
        : undefined);
  // (The base model on the team's own GPUs: "no rent" says nothing a training question asked about.) After a
  // "Today … after …" line for a cost cut, the serving bill is said: the base model's bill would contradict it.
  const saidTodayAndAfter = lines.length > monthlyFrom;
  // A search: embedding each query is what retrieval costs; a generated answer per search is the optional extra.
  const retrievalOnly = estimates?.retrievalOnlyMonthlyUSD;
  if (retrievalOnly !== undefined && !saidTodayAndAfter) {
    const budget = options.monthlyBudgetUSD;
    // ("Does it fit our monthly budget?": the yes or no, on what the search costs.)
    if (options.budgetAsked === true && budget !== undefined) budgetVerdict = retrievalOnly <= budget;
    lines.push(
      `Running it: retrieval alone costs ${smallDollars(retrievalOnly) === 'under $0.01' ? 'under $0.01' : `about ${smallDollars(retrievalOnly)}`} a month to embed the searches at your volume, plus hosting the index and a reranker (your own machines or a search service); no model is called per search.${running === undefined || running === 0 ? '' : ` A generated answer per search${planModel.name === null ? '' : ` with ${plainModelName(planModel.name)}`} would add about $${count.format(running)} a month${budget === undefined ? '' : running > budget ? `, over your $${count.format(budget)} monthly budget` : `, within your $${count.format(budget)} monthly budget`}.`}`,
    );
  } else if (
    running !== undefined &&
    !saidTodayAndAfter &&
    // (GPUs rented for a training job say nothing of serving, unless the month's bill is asked.)
    !(options.rentedForJob !== undefined && !options.monthlyFirst) &&
    !(estimates?.monthlyUSD === undefined && running === 0 && !options.monthlyFirst)
  ) {
    // A provider's job or an API model is billed per call, not per GPU-hour.
    // (So is the plan's model when it moved to an API model: its bill is its calls.)
    const planModelAccess = planModel.name === null ? undefined : knowledge.findModel(planModel.name)?.access;
    const api =
      (estimates?.monthlyUSD !== undefined &&
        (estimates.memoryGB === undefined ||
          method === 'managed-fine-tuning' ||
          recommendation.destination.channel === 'managed')) ||
      (!sameModel && planModelAccess !== undefined && planModelAccess !== 'open-weights');
    const stated = options.statedBill && options.currentMonthlySpendUSD !== undefined && !api;
    // ("Does it still fit our $310 a month?": the yes or no is said first, below, and not again in the bill's sentence.)
    const verdictFirst = options.budgetAsked === true && options.monthlyBudgetUSD !== undefined;
    if (verdictFirst && !(api && options.statedBill && sameModel) && !(!api && running === 0))
      budgetVerdict = running <= (options.monthlyBudgetUSD ?? 0);
    lines.push(
      api
        ? `${
            options.statedBill && sameModel
              ? `Running it: $${count.format(running)} a month of API calls (your figure).`
              : `Running it${!sameModel && planModel.name !== null ? ` on ${plainModelName(planModel.name)}` : ''}: about $${count.format(running)} a month of API calls at your volume (${apiRequestSize(options)}).${apiBudgetWords(
                  running,
                  options.monthlyBudgetUSD,
                  recommendation.plan.some((step) => step.methods.includes('rag')),
                  verdictFirst,
                )}`
          }${
            // A provider's job on the model the plan moved to: who bills the training, which the catalog has no price for.
            !sameModel && method === 'managed-fine-tuning' && !training
              ? ` The tuning job itself is billed by ${recommendation.destination.providers?.[0]?.name ?? 'the provider'} per training token; the catalog has no price for it yet.`
              : ''
          }${
            // The plan moved off the API model the team pays for today ("what does our Claude usage cost?"): that
            // model's bill too, for comparison.
            !sameModel &&
            method === recommendation.destination.method &&
            today !== undefined &&
            namedApiModel(options.namedModel, knowledge)
              ? ` Today's ${plainModelName(options.namedModel ?? '')} calls cost ${bill(today)}${listPriceBeside(today, listPriceMonthly(knowledge.findModel(options.namedModel ?? ''), options), options)}.`
              : ''
          }`
        : running === 0
          ? 'Serving it on GPUs you own costs no rent.'
          : encoderOnCpu(recommendation, knowledge)
            ? `Serving it: an encoder this size runs on a CPU server, so no GPU rent; it reads each input once and writes no tokens, so time it per input there (a rented GPU instead costs about $${count.format(running)} a month).`
            : `Serving it around the clock: about $${count.format(running)} a month of GPU time at the catalog's rental price${stated ? `, against the $${count.format(options.currentMonthlySpendUSD ?? 0)} a month you pay today` : ''}${options.gpusRented === true ? ' (your contract may price your rented GPUs differently)' : options.noOwnGpus === true ? '' : ' (no rent if the GPU is yours)'}.${overBudget(
                running,
                options,
                recommendation.assumptions.some((assumption) => assumption.field === 'estimates.cpuServing'),
                verdictFirst,
              )}${(options.requestsPerDay ?? 0) >= THROUGHPUT_CAVEAT_REQUESTS_PER_DAY && !planIsEncoder(recommendation, knowledge) ? ` That is one copy of the model, sized for memory, not for ${count.format(options.requestsPerDay ?? 0)} requests a day: serving that volume takes several GPUs, and the throughput they need is not estimated here.` : ''}`,
    );
  }
  // Served with no GPU at all: from the team's own CPU servers (no bill, and what CPUs can carry), or on the devices
  // themselves (no serving bill to estimate, and no volume to ask for).
  const servedWithoutGpu = recommendation.assumptions.find(
    (assumption) => assumption.field === 'estimates.servingGpus' && assumption.value === 0,
  )?.why;
  const onOwnCpus = servedWithoutGpu !== undefined && /CPU servers/.test(servedWithoutGpu);
  if (
    servedWithoutGpu !== undefined &&
    /on the device/.test(servedWithoutGpu) &&
    lines.length === monthlyFrom &&
    !apiModelMethod(recommendation, method, knowledge)
  )
    lines.push(
      'It runs on the devices themselves, so there is no serving bill: no GPU to rent and no API calls to pay for.',
    );
  if (onOwnCpus && lines.length === monthlyFrom && !apiModelMethod(recommendation, method, knowledge)) {
    const busy =
      (options.requestsPerDay ?? 0) >= THROUGHPUT_CAVEAT_REQUESTS_PER_DAY || options.latencyTargetMs !== undefined;
    lines.push(
      `Serving it on your own CPU servers costs no monthly bill.${busy ? ` Whether CPUs carry ${options.requestsPerDay !== undefined ? `${count.format(options.requestsPerDay)} requests a day` : 'your load'}${options.latencyTargetMs !== undefined ? ` within ${count.format(options.latencyTargetMs)} ms` : ''} is not estimated here: measure it on one server before you commit, or plan a GPU for serving.` : ''}`,
    );
  }
  // Asked what it costs a month, with no running figure to give: say what the bill is made of and what it needs.
  if (options.monthlyFirst && lines.length === monthlyFrom && !apiModelMethod(recommendation, method, knowledge)) {
    const model = recommendation.destination.model.name;
    // An open model served on the team's own machines (no GPU rented): no API bill and no rent, only the machines'
    // upkeep, and the named API model's list-price bill beside it for the comparison people ask for.
    const named = options.namedModel === undefined ? undefined : knowledge.findModel(options.namedModel);
    const namedBill =
      named?.apiPrice !== undefined && options.requestsPerDay !== undefined
        ? listPriceMonthly(named, options)
        : undefined;
    const onOwnMachines =
      model !== null &&
      knowledge.findModel(model)?.access === 'open-weights' &&
      options.gpusRented !== true &&
      options.requestsPerDay !== undefined;
    // No model yet, prompt-side work, no GPUs of the team's own and the volume known: the small current API tiers'
    // bills at that volume. (A team with GPUs of its own serves an open model on them: no API bill to quote.)
    const tiers =
      model === null &&
      options.requestsPerDay !== undefined &&
      recommendation.destination.objective === 'none' &&
      !options.ownGpuCount
        ? apiModelSuggestion(knowledge, options.requestsPerDay, requestSize(options))
        : undefined;
    lines.push(
      tiers !== undefined
        ? `No model is chosen yet, so the bill is the API calls of the one you pick. ${tiers}`
        : model === null
          ? "Each month you pay for the model's API calls, or for the GPUs that serve an open model: tell me the model and how many requests a day, and I'll estimate it."
          : onOwnMachines
            ? `Served on your own machines, ${plainModelName(model)} has no API bill and no rent: each month costs those machines' power and upkeep, which the catalog does not price.${namedBill === undefined || named === undefined ? '' : ` For comparison, ${plainModelName(named.name)} at your ${count.format(options.requestsPerDay ?? 0)} requests a day comes to about $${count.format(Math.round(namedBill))} a month at list price (${apiRequestSize(options)}), so running it yourselves is about where your data may go, not about money.`}`
            : `Each month you pay for serving ${plainModelName(model)}: tell me how many requests a day, and I'll estimate it.`,
    );
  }
  if (lines.length === 0 && apiModelMethod(recommendation, method, knowledge)) {
    // An API model's plan has no GPU bill to estimate: say what it does cost and what the estimate needs.
    const model = recommendation.destination.model.name ?? 'the model';
    const calls = `${model} API calls${method === 'rag' ? ' (the retrieved passages make every prompt longer) and the search index' : ''}`;
    const hosting = trainsWeights(method, knowledge) ? hourlyHosting(recommendation, knowledge) : undefined;
    const what = trainsWeights(method, knowledge)
      ? `${label} on ${model} is a job the provider runs, billed by training tokens (the catalog has no price for it yet); after it, what it costs each month is the ${calls}${hosting ? `, plus ${hosting}` : ''}.`
      : `${label} on ${model} trains nothing, so there is no GPU bill: what it costs each month is the ${calls}.`;
    // The volume is known when the prompt baseline has a bill: that bill is the number to give.
    const monthly = entryOf(recommendation, 'prompt-engineering')?.estimates?.monthlyUSD;
    if (monthly !== undefined)
      return `${what} The API calls come to ${bill(monthly)}${options.statedBill ? '' : ` (${apiRequestSize(options)})`}${trainsWeights(method, knowledge) ? " for the base model; a tuned copy is billed at the provider's higher rate" : ''}.`;
    // The volume is known but the catalog has no price for this model: say so rather than ask for the volume again.
    if (options.requestsPerDay !== undefined)
      return `${what} The catalog has no list price for ${model}, so I can't put a number on the ${count.format(options.requestsPerDay)} requests a day: multiply them by the tokens per request and the provider's price per token.`;
    return `${what} Tell me how many requests a day and I'll estimate the monthly API bill.`;
  }
  // An image generator: the token-based compute formula gives no time for it, and the answer says so.
  // (Its adapter runs are timed: only a method with no hours is untimed.)
  const untimed =
    estimates?.trainingGpuHours === undefined &&
    (recommendation.assumptions.some((assumption) => assumption.field === 'estimates.trainingHours') ||
      (estimates?.memoryGB !== undefined && estimates.oneTimeUSD === 0));
  if (lines.length === 0 && untimed && trainsWeights(method, knowledge)) {
    const own = estimates?.oneTimeUSD === 0 ? `${name} on your own GPUs costs no rent. ` : '';
    return `${own}${IMAGE_TRAINING_UNTIMED}`;
  }
  if (lines.length === 0) {
    // Known, but it does not fit and nothing can be rented: the reason, not a list of facts the team already gave.
    const memory = estimates?.memoryGB;
    if (memory && memory.fits === false && memory.available !== null && memory.available > 0) {
      const lighter = method === 'full-fine-tuning' ? 'lora' : method === 'lora' ? 'qlora' : undefined;
      const lighterFits = lighter === undefined ? false : entryOf(recommendation, lighter)?.estimates?.memoryGB?.fits;
      return `${name} does not fit your GPUs: it needs about ${gigabytes(memory.needed)} GB and you have ${gigabytes(memory.available)} GB, and ${options.noOwnGpus ? 'no GPUs of your own' : 'renting more is ruled out by your data or budget'}, so I don't time it.${lighter !== undefined && lighterFits === true ? ` ${shortMethodName(knowledge, lighter)} fits them: ask what it costs.` : ''}`;
    }
    // What is still unknown, when the engine says; the general list otherwise.
    if (entry?.decidedBy?.length)
      return `I can't put a number on ${name} yet: it depends on ${joinWords(entry.decidedBy.map(fieldLabel))}, which I don't know.`;
    return `I can't put a number on ${name} yet: I need the model's size and, for training, your GPUs or a budget and the number of examples.`;
  }
  // The same figures the estimate used: tokens per example (each answer of a pair for preference tuning) and epochs.
  const tokens = count.format(options.exampleTokens ?? DEFAULT_TOKENS_PER_EXAMPLE);
  const per =
    timed === 'preference-tuning' ? 'answer in each pair (a frozen reference model reads them too)' : 'example';
  // Trained on a corpus (no examples): the estimate reads the corpus once.
  const corpusTokens =
    /one epoch over your corpus of ([\d,]+) tokens/.exec(
      recommendation.assumptions.find((assumption) => assumption.field === 'estimates.trainingTokens')?.why ?? '',
    )?.[1] ??
    (timed === recommendation.destination.method &&
    recommendation.destination.objective === 'continued-pretraining' &&
    options.corpusTokens !== undefined
      ? count.format(options.corpusTokens)
      : undefined);
  // An image generator's adapter is timed by its runs, not by tokens (the engine says how, in its assumption).
  const imageRuns = (timed === undefined ? undefined : planEstimates(recommendation, timed))?.assumptions.find((line) =>
    line.startsWith('For an image generator'),
  );
  const basis = !training
    ? ''
    : imageRuns !== undefined
      ? ` ${imageRuns.replace(/^For an image generator the compute formula \(text tokens\) does not apply: an/, 'An')} Three runs, at the catalog's dated prices.`
      : corpusTokens !== undefined
        ? ` Training figures assume one pass over your corpus of ${corpusTokens} tokens (continued pre-training), three runs and the catalog's dated prices.`
        : ` Training figures assume about ${tokens} tokens per ${per} and ${DEFAULT_EPOCHS} epochs, three runs and the catalog's dated prices.${recommendation.assumptions.some((assumption) => assumption.field === 'estimates.examplesAsText') ? ' Speech and image examples take more compute than that many text tokens, so treat the hours as a floor.' : ''}`;
  const ordered =
    options.monthlyFirst && monthlyFrom > 0 && monthlyFrom < lines.length
      ? [...lines.slice(monthlyFrom), ...lines.slice(0, monthlyFrom)]
      : lines;
  const text = `${ordered.join(' ')}${basis}`;
  if (budgetVerdict === undefined) return text;
  return `${budgetVerdictWords(budgetVerdict, options.monthlyBudgetUSD ?? 0)} ${text}`;
}

/** True when the named model is API-only (its weights cannot be trained here) and `method` needs no weights. */
function apiModelMethod(recommendation: Recommendation, method: MethodId, knowledge: Knowledge): boolean {
  // (A plan moved off the named API model onto an open one the team serves has no API calls to bill.)
  const planModel = recommendation.destination.model;
  if (planModel.switched && planModel.name !== null && knowledge.findModel(planModel.name)?.access === 'open-weights')
    return false;
  const full = entryOf(recommendation, 'full-fine-tuning');
  const apiModel = full?.blockers.some((blocker) => blocker.ruleId === 'weights-needed-for-self-run-tuning') ?? false;
  return apiModel && knowledge.methodById.get(method)?.needsWeightAccess === false;
}

/** What a fit question adds: serving or training, on how many of the team's GPUs, at what sequence length. */
export interface FitDetails {
  for?: 'serving' | 'training';
  gpus?: number;
  sequenceTokens?: number;
  /** Requests a day a serving question asks about. */
  perDay?: number;
  /** The model a serving question sizes when it is not the plan's (the team's own, which the plan moved from). */
  model?: string;
  /** People a serving question asks to serve at once (true when their number is not said). */
  users?: number | true;
}

/**
 * "How many techs could use it at once? We have around 60": what decides it (how many ask at the same moment), and how
 * to find it, since throughput is not estimated.
 */
function servingUsers(users: number | true | undefined): string {
  if (users === undefined) return '';
  const who = users === true ? 'your users' : `${count.format(users)} people`;
  return ` For ${who}, what matters is how many ask at the same moment, usually a small share of them: one copy answers several requests at once (the serving engine batches them), and the rate falls as more arrive together. I don't estimate throughput: load-test one copy with your longest questions at the number of simultaneous requests you expect at your busiest hour, then add copies until the answers come in time.`;
}

/**
 * " 6,000 a day is about 4 a minute …": the average rate a daily volume means. Throughput is not estimated (no sourced
 * figures), so the reply says how to find it rather than guessing it.
 */
function servingRate(perDay: number | undefined): string {
  if (perDay === undefined) return '';
  const perSecond = perDay / 86_400;
  const rate =
    perSecond >= 1
      ? ` That is about ${count.format(Math.round(perSecond))} requests a second (${count.format(perDay)} a day)`
      : ` ${count.format(perDay)} a day is about ${count.format(Math.round(perDay / 1440))} a minute (${perSecond.toFixed(2)} a second)`;
  return `${rate} on average, more at your busiest hour. I don't estimate throughput: load-test one copy with your longest inputs at your peak rate, then add copies until the answers come in time.`;
}

/** The training sequence length the memory estimates assume (engine: TRAINING_SEQUENCE_LENGTH). */
const ESTIMATED_SEQUENCE_TOKENS = 2048;

export function fitReply(
  recommendation: Recommendation,
  asked: MethodId | true,
  knowledge: Knowledge,
  profile: Partial<Profile> = {},
  details: FitDetails = {},
): string {
  // The estimates train at the stated example length when there is one, else at the default sequence.
  const estimated = Math.max(ESTIMATED_SEQUENCE_TOKENS, profile.exampleTokens ?? 0);
  const sequence =
    details.sequenceTokens !== undefined && details.sequenceTokens > estimated
      ? ` The estimate assumes ${count.format(estimated)}-token sequences; at ${count.format(details.sequenceTokens)} tokens training activations grow with the length: tell me how long one example is ("about 6,000 tokens each") and I'll size it again.`
      : '';
  const device = deviceFit(recommendation, profile, knowledge);
  // On a device, "will it fit?" is about the device (serving there); training is sized only when asked about.
  if (device !== undefined && details.for !== 'training') return device;
  // Prompting and retrieval train nothing: their fit is the model served (at the stated request size, which the
  // inference estimate already uses), and the training sequence note does not apply.
  const servedOnly = asked === 'prompt-engineering' || asked === 'in-context-learning' || asked === 'rag';
  if (details.for === 'serving' || (servedOnly && details.for !== 'training'))
    return `${servingFit(recommendation, profile, details.gpus, knowledge, details.model)}${servingRate(details.perDay)}${servingUsers(details.users)}`;
  if (device === undefined) return `${trainingFit(recommendation, asked, knowledge, profile, details.gpus)}${sequence}`;
  return `${device} ${trainingFit(recommendation, asked, knowledge, profile)}`;
}

/** Bytes per parameter of 16-bit weights. */
const FP16_BYTES_PER_PARAM = 2;

/**
 * On a device, "will it fit?" is first about the device: the model at 4 bits against the memory the device gives it
 * (rule model-does-not-fit-the-device; a proposed model was chosen to fit). Undefined when that is not known.
 */
function deviceFit(
  recommendation: Recommendation,
  profile: Partial<Profile>,
  knowledge: Knowledge,
): string | undefined {
  const memory = profile.deviceMemoryGB;
  if (memory === undefined) return undefined;
  const { model } = recommendation.destination;
  const sized = profile.modelParamsB !== undefined && model.name === null;
  const name =
    model.name === null
      ? sized
        ? `a ${decimalB(profile.modelParamsB ?? 0)}B model`
        : 'the model'
      : plainModelName(model.name);
  // The 4-bit weights alone, as the device rule sizes them (a device format quantizes the embeddings too), to check
  // against: the KV cache and the runtime come on top.
  const catalogued = knowledge.models.find((entry) => entry.name === model.name);
  const params = catalogued?.paramsB ?? profile.modelParamsB;
  // Sized as the device rule sizes it: the device format's weights, one request's context cache and the runtime.
  const need =
    params === undefined ? undefined : deviceNeed({ paramsB: params, architecture: catalogued?.architecture }, profile);
  const weights = need === undefined ? '' : ` (${deviceNeedWords(need, memory)})`;
  // Over the memory by the same sum the engine uses: no, whatever else says yes.
  const overTheDevice = need !== undefined && need.totalGB > memory;
  // The plan moved off the model the team named (or asks about) because it does not fit: that model is the answer's
  // subject, then the one the plan moves to.
  const named = profile.modelName === undefined ? undefined : knowledge.findModel(profile.modelName);
  if (
    model.switched &&
    named !== undefined &&
    named.name !== model.name &&
    named.access === 'open-weights' &&
    named.paramsB !== undefined &&
    need !== undefined &&
    !overTheDevice
  ) {
    const namedNeed = deviceNeed({ paramsB: named.paramsB, architecture: named.architecture }, profile);
    if (namedNeed.totalGB > memory)
      return `On the device: no, ${plainModelName(named.name)} at 4 bits does not fit the ${gigabytes(memory)} GB it may use (${deviceNeedWords(namedNeed, memory)}). The plan moves to ${name}, which does${weights}.`;
  }
  const rule = recommendation.trace.find((entry) => entry.ruleId === 'model-does-not-fit-the-device');
  // A vision or speech encoder keeps no context cache and is usually run in 16 bits (TensorRT, ONNX): sized that way
  // when its 16-bit weights and a 1 GiB runtime fit.
  // An API model has no weights to put on a device, whatever its size: the plan's student (or another model) goes there.
  if (catalogued !== undefined && catalogued.access !== 'open-weights') {
    const student = recommendation.destination.student;
    return `On the device: no, ${name} runs only on its vendor's servers; its weights are not published, so nothing of it can run on a phone or an edge box.${student ? ` The plan puts ${plainModelName(student)} there, trained on ${name}'s outputs.` : ''}`;
  }
  const kind = catalogued?.architecture?.kind;
  if (
    params !== undefined &&
    (kind === 'encoder' || kind === 'encoder-decoder') &&
    params * FP16_BYTES_PER_PARAM + DEVICE_RUNTIME_GB <= memory
  )
    return `On the device: yes, ${name} fits the ${gigabytes(memory)} GB it may use in 16 bits, no quantizing needed (its weights take about ${gigabytes(params * FP16_BYTES_PER_PARAM)} GB; an encoder keeps no context cache, so activations and the runtime come on top; measure its latency on the device).`;
  if (overTheDevice || (rule?.outcome === 'fired' && !model.switched && !model.proposed))
    return `On the device: no, ${name} at 4 bits does not fit the ${gigabytes(memory)} GB it may use${weights}.`;
  if (
    model.proposed ||
    model.switched ||
    (rule?.outcome === 'not-fired' && (profile.modelName !== undefined || profile.modelParamsB !== undefined))
  )
    return `On the device: yes, ${name} at 4 bits fits the ${gigabytes(memory)} GB it may use${weights}.`;
  return undefined;
}

/** Above this share of the device's memory, a fit is tight: a longer context would not fit. */
const TIGHT_DEVICE_SHARE = 0.9;

/** "its 4-bit weights take about 0.8 GB, its context cache about 0.1 GB and the runtime about 0.5 GB: about 1.4 of the 1.5 GB". */
function deviceNeedWords(need: DeviceNeed, memoryGB: number): string {
  const total =
    need.totalGB > memoryGB
      ? `about ${gigabytes(need.totalGB)} GB, over the ${gigabytes(memoryGB)} GB`
      : `about ${gigabytes(need.totalGB)} of the ${gigabytes(memoryGB)} GB`;
  return `its 4-bit weights take about ${gigabytes(need.weightsGB)} GB, the context cache of one request about ${gigabytes(need.kvCacheGB)} GB and the runtime about ${gigabytes(need.runtimeGB)} GB: ${total}`;
}

/** Bytes per parameter of 4-bit weights with their quantization scales (the estimator's NF4 figure). */
const INT4_BYTES_PER_PARAM = BYTES_PER_WEIGHT.int4;

/** A parameter count in billions as people say it ("2", "1.5"). */
function decimalB(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
}

/** The memory of `gpus` of the team's GPUs, from the estimate's total over all of them; undefined when unknown. */
function memoryOfGpus(available: number | null | undefined, profile: Partial<Profile>, gpus: number | undefined) {
  if (gpus === undefined || available === null || available === undefined || !profile.gpuCount) return undefined;
  return (available / profile.gpuCount) * gpus;
}

/**
 * "Will the 70B fit for serving on 4 of those cards?": the model run in 16-bit (the inference estimate, with its KV
 * cache) against those GPUs; over it, 8-bit or 4-bit weights are the way.
 */
function servingFit(
  recommendation: Recommendation,
  profile: Partial<Profile>,
  gpus: number | undefined,
  knowledge: Knowledge,
  /** Size this model (the team's own) rather than the plan's: the named model's entries carry its figures. */
  sizedModel?: string,
): string {
  const inference = entryOf(recommendation, 'prompt-engineering')?.estimates?.memoryGB;
  const name = sizedModel ?? recommendation.destination.model.name;
  const model = name === null ? 'the model' : plainModelName(name);
  // A vendor's API model runs only at its vendor: on the team's own machines, an open model at 4 bits is the way.
  const entry = name === null ? undefined : knowledge.findModel(name);
  if (entry !== undefined && entry.access !== 'open-weights')
    return `${model} runs only on ${entry.vendor}'s servers, so it cannot run on your own machines. To keep everything in, the plan moves to an open model you run yourselves: a 7–8B model at 4 bits takes about ${gigabytes(7.6 * INT4_BYTES_PER_PARAM)}–${gigabytes(8 * INT4_BYTES_PER_PARAM)} GB of weights and runs on a laptop or an office PC's CPU (llama.cpp: a few tokens a second, enough for light traffic), or fast on a GPU with 8 GB or more. Say the data must stay in, and I'll replan on one.`;
  if (!inference)
    return name === null
      ? 'Whether it fits depends on the model, which you have not picked yet.'
      : `I can't size serving ${model} yet: I need the model's size.`;
  const available = memoryOfGpus(inference.available, profile, gpus) ?? inference.available;
  const needed = `about ${gigabytes(inference.needed)} GB`;
  const serving = `serving ${model} in 16-bit, with its KV cache,`;
  const on = gpus === undefined ? 'your GPUs' : `${gpus === 1 ? 'one GPU' : `${gpus} GPUs`}`;
  // No GPUs at all: a small model (an encoder classifier, a 1–3B model) is served from a CPU server's RAM.
  const params = knowledge.models.find((model) => model.name === name)?.paramsB ?? profile.modelParamsB;
  // (Not on a device: the users' hardware runs it there.)
  if (
    profile.gpuCount === 0 &&
    params !== undefined &&
    inSmallModelClass(params) &&
    profile.deployment !== 'edge' &&
    profile.deployment !== 'mobile'
  )
    return `With no GPUs, ${model} is served from your CPU server: in 16-bit it needs ${needed} of RAM, which an ordinary server has to spare. ${entry?.architecture?.kind === 'encoder' ? 'An encoder reads each input once and writes nothing, so it runs well on CPU cores' : entry === undefined || entry.modality === 'text' || entry.modality === 'code' ? 'It writes a few tokens a second on CPU cores' : 'It runs on CPU cores, slowly'}; measure the time per request on the server before you rely on it.`;
  if (available === null || available === 0)
    return `Serving ${model} in 16-bit needs ${needed}; tell me the GPUs it would run on and I'll say whether it fits.`;
  // (Fits with GPUs to spare: how many of them one copy takes, as the estimate sized it, not the total over all.)
  const servingGpus = recommendation.assumptions.find((entry) => entry.field === 'estimates.servingGpus')?.value;
  const owned = gpus ?? profile.gpuCount;
  if (
    inference.needed <= available * SERVING_HEADROOM &&
    typeof servingGpus === 'number' &&
    owned !== undefined &&
    servingGpus < owned
  )
    return `Yes: one copy of ${model} in 16-bit, with its KV cache, runs on ${servingGpus === 1 ? 'one' : servingGpus} of your ${owned} GPUs; more copies serve more requests at once.`;
  if (inference.needed <= available * SERVING_HEADROOM)
    return `Yes: ${serving} needs ${needed}, and ${on} ${gpus === 1 ? 'gives' : 'give'} ${gigabytes(available)} GB.`;
  if (inference.needed <= available)
    return `Barely: ${serving} needs ${needed} of the ${gigabytes(available)} GB on ${on}, leaving little room for requests at once; 8-bit weights would leave headroom.`;
  const notIn16 = `Not in 16-bit: ${serving} needs ${needed}, more than the ${gigabytes(available)} GB on ${on}`;
  // At 4 bits the weights shrink to about a quarter (the KV cache and the runtime stay): said as a yes or a no.
  if (params === undefined)
    return `${notIn16}; 8-bit or 4-bit weights take about a half or a quarter of the weights' share.`;
  const at4 = inference.needed - params * (FP16_BYTES_PER_PARAM - INT4_BYTES_PER_PARAM);
  const quantized = `about ${gigabytes(at4)} GB (its 4-bit weights take about ${gigabytes(params * INT4_BYTES_PER_PARAM)} GB)`;
  const split = (gpus ?? profile.gpuCount ?? 1) > 1 ? ', split over the GPUs with tensor parallelism' : '';
  if (at4 <= available * SERVING_HEADROOM)
    return `${notIn16}. At 4 bits, yes: ${quantized}${split}; check its quality at 4 bits on your evaluation set.`;
  if (at4 <= available)
    return `${notIn16}. At 4 bits, barely: ${quantized} of the ${gigabytes(available)} GB, leaving little room for long prompts or requests at once.`;
  return `${notIn16}, and not at 4 bits either: ${quantized}.`;
}

/** Serving fits comfortably under this share of the memory; above it, a busy server runs short of KV cache. */
const SERVING_HEADROOM = 0.9;

function trainingFit(
  recommendation: Recommendation,
  asked: MethodId | true,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  gpus?: number,
  /** Size the named model's entry, not the destination's (which carries the model the plan moved to). */
  namedModel = false,
): string {
  const method = asked === true ? recommendation.destination.method : asked;
  const { destination } = recommendation;
  // The plan moved off the model the team named (too big for its GPUs, say): the fit asked is first the named
  // model's, then the fit on the model the plan moves to ("would QLoRA of the 70B fit?" is about the 70B).
  if (
    destination.model.switched &&
    method === destination.method &&
    destination.estimates?.memoryGB !== undefined &&
    entryOf(recommendation, method)?.estimates?.memoryGB !== undefined &&
    profile.modelName !== undefined &&
    destination.model.name !== null
  ) {
    const onNamed = trainingFit(
      { ...recommendation, destination: { ...destination, model: { ...destination.model, switched: false } } },
      method,
      knowledge,
      { ...profile, modelName: undefined },
      gpus,
      true,
    );
    const onPlan = trainingFit(recommendation, method, knowledge, { ...profile, modelName: undefined }, gpus);
    return `On ${plainModelName(profile.modelName)}: ${onNamed} On ${plainModelName(destination.model.name)}, where the plan moves: ${onPlan}`;
  }
  const estimated =
    method === destination.method && destination.estimates && !namedModel
      ? destination.estimates.memoryGB
      : entryOf(recommendation, method)?.estimates?.memoryGB;
  // Asked about some of the GPUs ("on one A10G"): the same need against those GPUs' memory.
  const subset = estimated ? memoryOfGpus(estimated.available, profile, gpus) : undefined;
  const memory =
    estimated && subset !== undefined
      ? {
          ...estimated,
          available: subset,
          fit: estimated.needed <= subset * SERVING_HEADROOM ? 'fits' : estimated.needed <= subset ? 'tight' : 'no',
        }
      : estimated;
  // ("will it fit?" on a plan whose model the advice chose: which model the figure is for.)
  const sizedOn =
    method === destination.method &&
    !namedModel &&
    destination.model.name !== null &&
    (destination.model.proposed === true || destination.model.switched) &&
    profile.modelName === undefined
      ? ` on ${plainModelName(destination.model.name)}`
      : '';
  const name = `${shortMethodName(knowledge, method)}${sizedOn}`;
  if (!memory) return `${name} does not depend on your GPU memory (or the model's size is not known yet).`;
  const needed = `about ${gigabytes(memory.needed)} GB`;
  // Training happens on a GPU; the device only runs the result (quantised).
  const onDevice =
    profile.deployment === 'mobile' || profile.deployment === 'edge' || profile.deviceMemoryGB !== undefined;
  const where = onDevice && trainsWeights(method, knowledge) ? ' (training runs on a GPU, not on the device)' : '';
  if (memory.available === null)
    return `${name} needs ${needed} of GPU memory${where}; tell me your GPUs and I'll say whether it fits.`;
  if (memory.available === 0 && profile.dataMustStayOnPrem === true) {
    // No GPUs and no renting: the model runs on the team's own machines, a CPU server at 4 bits if small enough.
    const noRent = `You have no GPUs, and your data may not leave your premises, so no rented GPU either`;
    if (trainsWeights(method, knowledge))
      return `${noRent}: ${name} needs ${needed} of GPU memory${where}, on a GPU in your own server room.`;
    const model = recommendation.destination.model.name;
    const params = knowledge.models.find((entry) => entry.name === model)?.paramsB ?? profile.modelParamsB;
    if (params === undefined) return `${noRent}: the model runs on your own machines; name it and I'll size it.`;
    const weights = params * INT4_BYTES_PER_PARAM;
    return weights <= CPU_SERVING_MAX_WEIGHTS_GB
      ? `${noRent}: ${name} runs the model on your own machines. At 4 bits its weights take about ${gigabytes(weights)} GB, which a CPU server can serve with llama.cpp, slowly (a few tokens a second: a handful of users, not a busy service); a GPU in your server room is the faster way.`
      : `${noRent}: ${name} runs the model on your own machines, and at 4 bits its weights take about ${gigabytes(weights)} GB, too much for a CPU server to serve usefully: a GPU in your server room, or a smaller model.`;
  }
  if (memory.available === 0)
    return `You have no GPUs of your own: ${name} needs ${needed} of GPU memory${where}, so it runs on a rented GPU.${rentLine(recommendation, method)}`;
  // Spread over several GPUs, the busiest one decides (activations are not shared): say it per GPU.
  const spread =
    subset === undefined && memory.perGpu !== undefined && memory.gpuCount !== undefined && memory.gpuCount > 1;
  const have = spread
    ? `${gigabytes(memory.available / (memory.gpuCount ?? 1))} GB on each of your ${memory.gpuCount} GPUs`
    : `${gigabytes(memory.available)} GB`;
  const neededText = spread
    ? `about ${gigabytes(memory.perGpu ?? 0)} GB on each GPU (${gigabytes(memory.needed)} GB in all)`
    : needed;
  // Per GPU only because the weights are sharded (FSDP, DeepSpeed ZeRO-3): plain data parallelism keeps the whole
  // model on every GPU, which is what "plain DDP?" teams run out of memory with.
  const params = knowledge.findModel(recommendation.destination.model.name ?? '')?.paramsB ?? profile.modelParamsB;
  const wholeGB =
    params === undefined ? undefined : params * (method === 'qlora' ? BYTES_PER_WEIGHT.int4 : BYTES_PER_WEIGHT.bf16);
  const perGpuMemory = memory.available / (memory.gpuCount ?? 1);
  const sharded =
    spread && trainsWeights(method, knowledge) && wholeGB !== undefined && wholeGB > perGpuMemory
      ? ` That is with the weights sharded across the GPUs (FSDP or DeepSpeed ZeRO-3); plain data parallelism keeps the whole ${gigabytes(wholeGB)} GB of weights on every GPU and does not fit.`
      : '';
  switch (memory.fit) {
    case 'fits':
      return `Yes: ${name} needs ${neededText} and you have ${have}${where}.${sharded}`;
    case 'tight':
      return `Barely: ${name} needs ${neededText} and you have ${have}${where}, with little headroom.${sharded}`;
    case 'fits-if':
      return `Only if you ${joinWords([...(memory.adjustments ?? [])])}: ${name} needs ${neededText} at the defaults${memory.adjustedPerGpu === undefined ? '' : `, about ${gigabytes(memory.adjustedPerGpu)} GB${spread ? ' on each GPU' : ''} with ${(memory.adjustments ?? []).length > 1 ? 'those changes' : 'that change'},`} and you have ${have}${where}.${sharded}`;
    default: {
      // A method that only runs the model, and is still possible: it is served quantized (4-bit) on these GPUs.
      const possible = entryOf(recommendation, method)?.verdict !== 'not-viable';
      if (!trainsWeights(method, knowledge) && possible)
        return `Yes, at 4 bits: ${name} needs ${needed} in 16-bit and you have ${have}, so the model is served quantized (4-bit).`;
      // The lighter sibling may fit the same GPUs: QLoRA where LoRA does not, LoRA where every weight does not.
      const lighter: MethodId | undefined =
        method === 'lora' ? 'qlora' : method === 'full-fine-tuning' ? 'lora' : undefined;
      // (Asked the same way, so the figures match what "would QLoRA fit?" answers.)
      const lighterAnswer =
        lighter === undefined || entryOf(recommendation, lighter)?.estimates?.memoryGB === undefined
          ? undefined
          : trainingFit(recommendation, lighter, knowledge, profile, gpus);
      const instead =
        lighter !== undefined && lighterAnswer?.startsWith('Yes: ')
          ? ` ${shortMethodName(knowledge, lighter)} fits them instead: ${lowerFirst(lighterAnswer.slice('Yes: '.length).replace(`${shortMethodName(knowledge, lighter)} `, 'it '))}`
          : '';
      // With a lighter method that fits the GPUs asked about, renting more is not the next step.
      return `No: ${name} needs ${neededText} and you have ${have}${where}.${instead || rentLine(recommendation, method)}`;
    }
  }
}

/** Gigabytes as people say them: whole numbers from 10 up, one decimal below. */
export function gigabytes(value: number): string {
  return value >= 10 ? count.format(Math.round(value)) : (Math.round(value * 10) / 10).toString();
}

/** A method that trains weights (on a GPU), as opposed to prompting and retrieval, which only run the model. */
function trainsWeights(method: MethodId, knowledge: Knowledge): boolean {
  return knowledge.methodById.get(method)?.changesWeights === true;
}

/** The short answer to "what is X?" from the methods table, with its sources as numbered footnotes. */
export function definitionReply(method: MethodId, knowledge: Knowledge): InfoAnswer {
  const entry = knowledge.methodById.get(method);
  if (!entry) return { text: `I don't know ${method}.` };
  const cited = entry.sources.slice(0, DEFINITION_FOOTNOTES);
  const marks = cited.map((_id, index) => `[${index + 1}]`).join('');
  const text = [
    `${entry.name}: ${stripPeriod(entry.whatChanges)}.`,
    `Data: ${stripPeriod(entry.dataNeeded.summary)}.`,
    `Good at: ${stripPeriod(entry.strengths[0] ?? '')}.`,
    `Watch out: ${stripPeriod(entry.limitations[0] ?? '')}.${marks ? ` ${marks}` : ''}`,
  ].join(' ');
  return citedAnswer(text, cited, knowledge);
}

/**
 * "Is this safe enough for clinical use?": no method certifies that, and the advisor says so; then what the plan does
 * where mistakes are costly (the cited rules that test `safetyCritical`) and where it starts (an evaluation set).
 * Without the stakes stated, what saying them would change.
 */
export function safetyReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  privacy = false,
  highStakes = false,
): InfoAnswer {
  // Memorising personal data from training pairs: the knowledge base holds no source on it, and the answer says so.
  const personal = privacy
    ? " On memorisation: my knowledge base has no sourced figures on it, so I can't size the risk; removing names and identifiers from the training pairs before tuning is the conservative choice, and it does not change the method."
    : '';
  // A question that says a regulator or nobody checking is involved has said the stakes.
  const critical = profile.safetyCritical === true || highStakes;
  if (!critical && privacy) return { text: `${personal.trim()} ${firstStepReply(recommendation, knowledge)}` };
  if (!critical)
    return {
      text: "I can't judge that from what I know. If a wrong answer could harm someone (medical, legal, financial or safety decisions), say so: the plan then keeps a person reviewing outputs and prefers grounded answers that cite their source.",
    };
  const rules = knowledge.rules.filter((rule) => testsFact(rule.when, 'safetyCritical'));
  const cited = [...new Set(rules.flatMap((rule) => rule.sources))];
  const marks = cited.map((_id, index) => `[${index + 1}]`).join('');
  const text = [
    ...(privacy ? [personal.trim()] : []),
    'No method makes a model safe for this by itself, and I cannot certify it; what makes it defensible is how it is checked and used.',
    ...rules.map((rule) => stripPeriod(rule.text).concat('.')),
    `${firstStepReply(recommendation, knowledge)}${marks ? ` ${marks}` : ''}`,
  ].join(' ');
  return citedAnswer(text, cited, knowledge);
}

/** Sources of the hallucination answer: retrieval grounds answers; training new facts in raises hallucination. */
const HALLUCINATION_SOURCES = ['rag', 'ovadia', 'gekhman'] as const;

/**
 * "How do we stop it from making stuff up?": ground answers in retrieved passages with citations, let it decline when
 * nothing relevant is found, do not train facts in, and measure how often answers are supported.
 */
export function hallucinationReply(recommendation: Recommendation, knowledge: Knowledge): InfoAnswer {
  const retrieval = recommendation.plan.some((step) => step.methods.includes('rag'));
  // The source is already in the prompt (a note to summarise, a document to extract from): no retrieval to add.
  const knowledgeGap = recommendation.diagnosis.some((entry) =>
    ['knowledge', 'freshness', 'citations'].includes(entry.need),
  );
  // Only the sources the text marks are listed, numbered in the order they appear.
  const cited = HALLUCINATION_SOURCES.filter(
    (id) => (knowledgeGap || id !== 'rag') && knowledge.sources.some((source) => source.id === id),
  );
  const mark = (id: (typeof HALLUCINATION_SOURCES)[number]) => {
    const index = cited.indexOf(id);
    return index === -1 ? '' : ` [${index + 1}]`;
  };
  const grounding = knowledgeGap
    ? [
        `Ground it: retrieve the passages that answer the question, put them in the prompt, and have it answer only from them and cite the one it used${mark('rag')}${retrieval ? ' (your plan already includes retrieval)' : ''}.`,
        'When retrieval finds nothing relevant, have it say so or hand over to a person rather than guess.',
      ]
    : [
        'Keep it to its source: instruct it to use only what the input says, and check every stated fact (a name, a number, a drug or a dose) against the input automatically before anyone sees it.',
        'When a fact cannot be found in the input, flag the output for a person rather than show it.',
      ];
  const measure = knowledgeGap
    ? 'Then measure it: on your evaluation set, count the answers the cited passage actually supports, before and after each change.'
    : 'Then measure it: on your evaluation set, count the stated facts the input does not support, before and after each change.';
  const text = [
    ...grounding,
    `Do not try to train the facts in: retrieval beats fine-tuning for knowledge${mark('ovadia')}, and fine-tuning on facts the model did not know makes it hallucinate more${mark('gekhman')}.`,
    measure,
  ].join(' ');
  return cited.length === 0 ? { text } : { text, ...footnotesFor([...cited], undefined, knowledge) };
}

/**
 * "Does few-shot fit in the context window with files this long?": the model's published window against the prompt
 * asked about (the tokens the message says, else two examples and the input at the stated example length), and the
 * KV cache that many tokens take on top of the weights (16-bit weights and cache, as the serving estimate assumes).
 */
export function contextFitReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Profile,
  askedTokens: number,
): string {
  const name = recommendation.destination.model.name ?? profile.modelName;
  const model = name === undefined ? undefined : knowledge.findModel(name);
  const architecture = model?.architecture;
  const window = architecture?.contextLength;
  if (model === undefined || window === undefined)
    return `I can't say: the catalog has no context length for ${name === undefined ? 'a model you have not named' : plainModelName(name)}. Check its model card (max_position_embeddings in config.json) against the longest prompt you will send.`;
  const tokens = askedTokens > 0 ? askedTokens : profile.exampleTokens !== undefined ? profile.exampleTokens * 3 : 0;
  const said =
    askedTokens > 0
      ? `${count.format(tokens)} tokens`
      : `two examples and the input (about ${count.format(tokens)} tokens)`;
  const head = `${plainModelName(model.name)} reads up to ${count.format(window)} tokens (its published config; a server such as vLLM may be set to less).`;
  if (tokens === 0)
    return `${head} Add up the longest prompt you will send (instructions, examples, the input) and the answer, and keep it under that, with room to spare.`;
  const fits = tokens <= window;
  const perGpuGB =
    profile.gpuMemoryGB ?? (profile.gpuName === undefined ? undefined : knowledge.findGpu(profile.gpuName)?.memoryGB);
  const gpus = profile.gpuCount !== undefined && profile.gpuCount > 0 ? profile.gpuCount : undefined;
  const ownGB = gpus !== undefined && perGpuGB !== undefined ? gpus * perGpuGB : undefined;
  // The same inference sum the plan's serving figures use, at this prompt's length: the two answers cannot disagree.
  const served = servingMemory(model, tokens, gpus);
  const memory =
    served === undefined
      ? ''
      : ` One such request holds about ${gigabytes(served.kvCacheGB)} GB of KV cache; with the 16-bit weights, the prompt's working set and the runtime, serving it takes about ${gigabytes(served.totalGB)} GB${ownGB === undefined ? '' : `, against your ${gigabytes(ownGB)} GB: ${served.totalGB <= ownGB * SERVING_HEADROOM ? 'it fits, for one request at a time at that length' : served.totalGB <= ownGB ? 'barely, with no room for a second request at that length; 8-bit weights leave headroom' : 'too much, so serve 8-bit or 4-bit weights, or send less'}`}.`;
  return fits
    ? `${head} ${said.charAt(0).toUpperCase()}${said.slice(1)} fit the window.${memory} Long prompts are slow and costly per request: one worked example, or retrieved excerpts of the file, usually does as well as two whole ones.`
    : `${head} ${said.charAt(0).toUpperCase()}${said.slice(1)} do not fit: use one example, shorter excerpts of the examples, or split the input and summarise it in parts.${memory}`;
}

/**
 * "Is an instruct model better than our base checkpoint?": for a team that wants answers, the vendor's instruct
 * checkpoint already follows instructions; a base checkpoint continues text and needs instruction tuning first. The
 * base one is the right start only to continue pre-training on a large corpus, then instruction-tune.
 */
export function instructVsBaseReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Profile,
): InfoAnswer {
  const model = recommendation.destination.model.name;
  const cited = ['lima', 'flan'].filter((id) => knowledge.sources.some((source) => source.id === id));
  const mark = (id: string) => (cited.includes(id) ? ` [${cited.indexOf(id) + 1}]` : '');
  const corpusForPretraining = (profile.corpusTokens ?? 0) >= CONTINUED_PRETRAINING_MIN_TOKENS;
  const pairs = profile.labeledExamples ?? 0;
  const text = [
    `For answering questions or following instructions, yes: start from the instruct version${model ? ` of ${plainModelName(model)}` : ''}. A base checkpoint only continues text; it follows instructions after instruction tuning on pairs (about a thousand good ones can do it${mark('lima')}; broad instruction data generalises to unseen tasks${mark('flan')}), which the vendor has already done for its instruct version.`,
    corpusForPretraining
      ? 'Keep the base checkpoint only for continued pre-training on your corpus; the trained model then needs instruction tuning too (or bring the corpus in by retrieval on the instruct version instead, which is cheaper to try first).'
      : pairs >= 1000
        ? `With your ${pairs.toLocaleString('en-US')} examples, tune the instruct version on them rather than instruction-tuning the base yourself.`
        : 'Run your evaluation set on the instruct version first: if it does the task, there is nothing to instruction-tune.',
  ].join(' ');
  return citedAnswer(text, cited, knowledge);
}

/**
 * "How do we guarantee valid JSON that matches our schema?": constrain the decoding to the schema (a grammar the
 * server enforces token by token), which tuning cannot guarantee; tuning improves what goes in the fields.
 */
export function formatGuaranteeReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Profile,
  /** The output must be one of a closed set of labels or codes. */
  labels = false,
): InfoAnswer {
  const { listed, cite } = sourceMarks(knowledge);
  const selfServed = recommendation.destination.channel === 'self-run' || profile.modelAccess === 'open-weights';
  const tuned = recommendation.destination.objective !== 'none';
  const how = selfServed
    ? `Constrain the decoding: give the server your JSON schema and it only lets the model emit tokens that keep the output valid against it, so every answer parses and has the schema's fields (vLLM's guided_json or a llama.cpp grammar; the Outlines method${cite('guided-generation')}${cite('vllm-structured-outputs')}).`
    : `Constrain the decoding where you can: a provider's JSON-schema output mode, or on an open model you serve, a server that only lets the model emit tokens that keep the output valid against your schema${cite('guided-generation')}${cite('vllm-structured-outputs')}. Where neither is available, validate every answer against the schema and retry or flag the ones that fail.`;
  const text = [
    how,
    labels || profile.taskType === 'classify'
      ? `For a fixed set of labels or codes, the constraint is a choice among them: the server lets the model emit only one of your listed codes and nothing else (vLLM's guided_choice, or a grammar listing them${cite('vllm-structured-outputs')}).`
      : 'For a text template (a greeting, numbered steps, a link, a sign-off), constrain its parts as schema fields and put them into the template in code.',
    tuned
      ? `${shortMethodName(knowledge, recommendation.destination.method)} alone does not guarantee it: tuning makes the model fill the fields right (the category, the amount), while the constraint makes the output valid; use both.`
      : 'Tuning cannot guarantee it either: it makes the model fill the fields right, while the constraint makes the output valid.',
    'Count on your evaluation set how often a field value is wrong, since a valid answer can still be a wrong one.',
  ].join(' ');
  return listed.length === 0 ? { text } : { text, ...footnotesFor(listed, undefined, knowledge) };
}

/**
 * Below this many examples per class on average, a total that looks plenty is thin where it matters (a working
 * threshold, not a published one: the reply says what to measure).
 */
const THIN_PER_CLASS = 20;

/** Share of the examples held out to measure the tuned model against the prompt baseline. */
export const HELD_OUT_SHARE = 0.2;

/** How many of `examples` to hold out as the evaluation set: the share, and at least 20. */
export function heldOutCount(examples: number): number {
  return Math.max(20, Math.round(examples * HELD_OUT_SHARE));
}

/**
 * "Is 150 examples really enough to fine-tune?": the team's count against the thresholds the data stage uses, what to
 * hold out for evaluation, and the count at which the advice would change (from `sensitivity`).
 */
export function enoughDataReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Profile,
  askedCount?: number,
  /** "…for 40 intents?": the classes the examples are spread over. */
  classes?: number,
  /** "…rare ones only have around 30 each": the examples of the smallest classes. */
  rarest?: number,
): InfoAnswer {
  const { listed, cite } = sourceMarks(knowledge);
  const number = new Intl.NumberFormat('en-US');
  const destination = recommendation.destination.method;
  const parts: string[] = [];
  if (destination === 'preference-tuning' || profile.preferencePairs !== undefined) {
    const pairs = profile.preferencePairs;
    parts.push(
      pairs === undefined
        ? `Preference tuning (DPO) trains on chosen/rejected pairs${cite('dpo')}; no vendor or paper publishes a minimum count, so I plan on at least ${number.format(PREFERENCE_MIN_PAIRS)} as a working assumption (more do better); how many do you have?`
        : pairs < PREFERENCE_MIN_PAIRS
          ? `${number.format(pairs)} preference pairs is thin: no published minimum exists for DPO${cite('dpo')}, and I plan on at least ${number.format(PREFERENCE_MIN_PAIRS)} as a working assumption.`
          : `${number.format(pairs)} preference pairs is enough to start, by my working assumption of at least ${number.format(PREFERENCE_MIN_PAIRS)} (no published minimum exists for DPO${cite('dpo')}); hold out about ${number.format(Math.max(50, Math.round(pairs * 0.05)))} to measure the win rate against the model you start from.`,
    );
  }
  // "is 2000 letters enough?" from a team holding 6,000: the subset asked about is what is judged.
  const subset =
    askedCount !== undefined && profile.labeledExamples !== undefined && askedCount < profile.labeledExamples
      ? askedCount
      : undefined;
  const examples = subset ?? profile.labeledExamples ?? askedCount;
  const instruction = destination === 'instruction-tuning';
  const minimum = instruction ? INSTRUCTION_MIN_EXAMPLES : SFT_MIN_EXAMPLES;
  if (examples === undefined) {
    if (parts.length === 0)
      parts.push(
        `Supervised tuning starts to pay from about ${number.format(SFT_MIN_EXAMPLES)} good examples (providers see gains from 50-100${cite('oai-sft')}${cite('gcp-sft-data')}), and about ${number.format(SFT_AMPLE_EXAMPLES)} curated ones taught a model a whole style of answering${cite('lima')}; how many do you have?`,
      );
  } else {
    const heldOut = heldOutCount(examples);
    const train = Math.max(0, examples - heldOut);
    // "is 40k enough for ~6,000 codes?": the total is no answer when each class gets a handful.
    const perClass = classes !== undefined && classes > 1 ? examples / classes : undefined;
    const thinPerClass = perClass !== undefined && perClass < THIN_PER_CLASS && examples >= minimum;
    const verdict = thinPerClass
      ? `Not for ${number.format(classes ?? 0)} classes: ${number.format(examples)} examples is about ${number.format(Math.round(perClass ?? 0))} per class on average, ${examples >= SFT_AMPLE_EXAMPLES ? 'plenty in total but ' : ''}thin per class, so a tune learns the frequent classes and misses the long tail`
      : examples < minimum
        ? `${number.format(examples)} examples is below what ${instruction ? 'instruction tuning' : 'a supervised tune'} learns well from (about ${number.format(minimum)}): use them as worked examples in the prompt and as the evaluation set, and collect more before tuning`
        : examples < SFT_AMPLE_EXAMPLES
          ? `${number.format(examples)} examples is enough to start a supervised tune (providers see gains from 50-100${cite('oai-sft')}${cite('gcp-sft-data')}), not yet plenty: in LIMA, ${number.format(SFT_AMPLE_EXAMPLES)} carefully curated ones were enough to teach a 65B model a whole style of answering${cite('lima')}`
          : `${number.format(examples)} examples is plenty for a supervised tune (in LIMA, ${number.format(SFT_AMPLE_EXAMPLES)} curated ones taught a 65B model a whole style of answering${cite('lima')}); quality and coverage matter more than more of the same`;
    parts.push(
      thinPerClass
        ? `${verdict}. Hold out examples per class rather than a random ${Math.round(HELD_OUT_SHARE * 100)}% (which would take the rare classes' only examples out of training), and for the tail put the closest past examples into the prompt at answer time (dynamic few-shot${cite('oai-acc')}) or narrow the candidates first (retrieve the likely classes, then let the model pick among them); tune on the frequent classes, where the examples are.`
        : examples < minimum
          ? `${verdict}.`
          : subset !== undefined
            ? `${verdict}. Hold out about ${number.format(heldOut)} of those ${number.format(subset)} (or new ones like them) as the evaluation set, never trained on: it must come from the same languages or cases it measures, not from the other ${number.format((profile.labeledExamples ?? subset) - subset)}; training time scales with the examples, so it takes about ${Math.round((subset / (profile.labeledExamples ?? subset)) * 100)}% of the hours for all ${number.format(profile.labeledExamples ?? subset)}.`
            : `${verdict}. Hold out about ${number.format(heldOut)} to measure it against the prompt baseline, which leaves ${number.format(train)} to train on.`,
    );
  }
  // Spread over classes, the total hides the small ones: the average per class, and per-class measurement.
  // (Said in the verdict already when the classes are thin.)
  const thinClasses = classes !== undefined && examples !== undefined && examples / classes < THIN_PER_CLASS;
  if (classes !== undefined && classes > 1 && examples !== undefined && !thinClasses)
    parts.push(
      `Over ${number.format(classes)} classes that is about ${number.format(Math.round(examples / classes))} per class on average; the rarest classes decide it, so count the examples per class, score each class on the held-out set, and add examples where a class scores low.`,
    );
  // The smallest classes against the same threshold: held out per class, weighted up or added to.
  // (No source gives a per-class minimum: the rare classes are judged against the others, and measured.)
  if (rarest !== undefined && classes !== undefined && examples !== undefined && rarest < examples / classes)
    parts.push(
      `The rare classes with about ${number.format(rarest)} examples each have ${rarest * 4 <= examples / classes ? 'far ' : ''}fewer than the average class, so the model will be weakest there: hold out a few of each rare class for the evaluation set, weight them up or oversample them in training, write more examples for them (or let the prompt describe them), and score every class separately.`,
    );
  else if (rarest !== undefined)
    parts.push(
      `The rare classes have about ${number.format(rarest)} examples each: hold out a few of each for the evaluation set and score every class separately, since an average over all classes hides the small ones.`,
    );
  const turn = recommendation.sensitivity.find(
    (entry) =>
      entry.field ===
      (examples === undefined && profile.preferencePairs !== undefined ? 'preferencePairs' : 'labeledExamples'),
  );
  if (turn !== undefined && turn.becomes !== destination) {
    const below = turn.value < (examples ?? profile.preferencePairs ?? 0);
    parts.push(
      `${below ? 'Below' : 'From'} about ${number.format(turn.value)} the advice would move to ${shortMethodName(knowledge, turn.becomes)}${onModelWords(turn)}.`,
    );
  }
  const text = parts.join(' ');
  return listed.length === 0 ? { text } : { text, ...footnotesFor(listed, undefined, knowledge) };
}

/** Apple silicon training (mlx-lm): its guide's measured speed, a 7B with LoRA on 4 layers at batch 1 on an M1 Max. */
const MAC_SOURCE = 'mlx-lm-lora';
const MAC_MEASURED_TOKENS_PER_SECOND = 250;
const MAC_MEASURED_PARAMS_B = 7.24;

/**
 * "Can I fine-tune on the Mac?": a Mac is no GPU in the catalog, but Apple silicon trains with mlx-lm (LoRA, or QLoRA
 * on a 4-bit model). The memory the estimate needs against the Mac's, and a time from the guide's measured speed
 * scaled by model size, labelled as such. An API model's weights train nowhere but at its provider.
 */
/**
 * "Is Qwen2.5 14B's licence ok for commercial use?": the licence the catalog records for the model asked about (or
 * the plan's model), with its source; whether a given use is allowed is for the team's lawyers, on the licence text.
 */
export function licenceReply(recommendation: Recommendation, knowledge: Knowledge, asked: string | true): InfoAnswer {
  const name = asked === true ? (recommendation.destination.model.name ?? undefined) : asked;
  const model = name === undefined ? undefined : knowledge.findModel(name);
  if (model === undefined)
    return {
      text: "Tell me which model, and I'll give the licence the catalog records for it; whether your use is allowed is for your legal team to confirm against the licence text on the model card.",
    };
  const plain = plainModelName(model.name);
  if (model.access !== 'open-weights')
    return {
      text: `${plain} has no weights to license: it is used through its provider's API under the provider's terms of service, which your legal team should read for commercial use and for what happens to the data you send.`,
    };
  if (model.license === undefined)
    return {
      text: `The catalog records no licence for ${plain}: read the licence file on its model card before you build on it, and have your legal team confirm your use.`,
    };
  const unconfirmed = /unconfirmed/i.test(model.license);
  const licence = model.license.replace(/\s*\((?:licence|license)?\s*name\s+unconfirmed\)|\s*\(unconfirmed\)/i, '');
  const cited = model.sources.filter((id) => knowledge.sourceById.has(id)).slice(0, 1);
  const text = `${plain} is released under ${/^not\b/i.test(licence) ? `a licence that is ${licence}` : /licen[cs]e|terms/i.test(licence) ? `the ${licence}` : licence}${unconfirmed ? ' (the catalog could not confirm the exact licence name)' : ''}${cited.length > 0 ? ' [1]' : ''}. Whether your use (commercial, internal, redistribution of a tuned copy) is allowed is for your legal team to confirm against the licence text on the model card.`;
  return citedAnswer(text, cited, knowledge);
}

export function macTrainingReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  const name = recommendation.destination.model.name;
  const model = name === null ? 'the model' : plainModelName(name);
  const qlora = entryOf(recommendation, 'qlora');
  const cited = knowledge.sources.some((source) => source.id === MAC_SOURCE) ? [MAC_SOURCE] : [];
  const mark = cited.length > 0 ? ' [1]' : '';
  const answer = (text: string): InfoAnswer => citedAnswer(text, cited, knowledge);
  if (qlora?.blockers.some((blocker) => blocker.ruleId === 'weights-needed-for-self-run-tuning'))
    return answer(
      `Not ${model}: its weights are not published, so only its provider can tune it. An open-weight model can be tuned on an Apple silicon Mac with mlx-lm (LoRA, or QLoRA on a 4-bit copy)${mark}.`,
    );
  const parts = [
    `Yes, on Apple silicon: mlx-lm trains LoRA, or QLoRA when the model is 4-bit, and runs DPO too${mark}.`,
  ];
  const needed = qlora?.estimates?.memoryGB?.needed;
  const memory = profile.deviceMemoryGB ?? (profile.gpuCount === undefined ? undefined : profile.gpuMemoryGB);
  if (needed !== undefined) {
    const against =
      memory === undefined
        ? ' Tell me how much memory the Mac has.'
        : needed <= memory * MAC_USABLE_SHARE
          ? ` Your ${gigabytes(memory)} GB holds that, shared with everything else running.`
          : ` That is more than your ${gigabytes(memory)} GB comfortably gives: use batch size 1, fewer trained layers and gradient checkpointing${mark}, or a smaller model.`;
    parts.push(`QLoRA on ${model} needs about ${gigabytes(needed)} GB at 2,048-token sequences.${against}`);
  }
  const params = knowledge.models.find((entry) => entry.name === name)?.paramsB;
  const examples = profile.labeledExamples;
  if (params !== undefined && examples !== undefined && examples > 0) {
    const tokens = estimateTrainingTokens(examples, profile.exampleTokens ?? DEFAULT_TOKENS_PER_EXAMPLE);
    const speed = (MAC_MEASURED_TOKENS_PER_SECOND * MAC_MEASURED_PARAMS_B) / params;
    const hours = tokens / speed / 3600;
    parts.push(
      `Time: the guide measured about ${MAC_MEASURED_TOKENS_PER_SECOND} tokens a second for a 7B on an M1 Max (batch 1, 4 layers)${mark}; at that pace, scaled to ${model}, one run over your ${count.format(examples)} examples (${count.format(tokens)} tokens) takes about ${money.format(hours)} h, a rough figure.`,
    );
  }
  return answer(parts.join(' '));
}

/**
 * "How fast will it generate on a GTX 1660?": GPU speed is not estimated here; llama.cpp's own measured table gives the
 * scale (Llama 3.1 8B at Q4_K_M: about 72 tokens a second written, about 822 read), and the team's card is measured
 * with the same tool. On the team's own CPU servers, the engine's speed scaled from llama.cpp's CPU measurements (with
 * the time to the first word against a latency target); with no model to scale it to, the measured 7B itself.
 */
export function speedReply(
  knowledge: Knowledge,
  profile: Partial<Profile>,
  recommendation?: Recommendation,
): InfoAnswer {
  const cited = knowledge.sources.some((source) => source.id === 'llamacpp-quantize') ? ['llamacpp-quantize'] : [];
  const mark = cited.length > 0 ? ' [1]' : '';
  // Labels or fields are used whole (a panel cannot act on half an intent): the target covers every output token.
  const usedWhole =
    profile.taskType === 'classify' || profile.taskType === 'extract' || (profile.goals ?? []).includes('format');
  const outputTokens = profile.outputTokensPerRequest;
  const perToken =
    outputTokens === undefined || profile.latencyTargetMs === undefined
      ? ''
      : `: at about ${count.format(outputTokens)} output tokens that is about ${money.format(profile.latencyTargetMs / outputTokens)} ms a token, or ${count.format(Math.ceil((outputTokens * 1000) / profile.latencyTargetMs))} tokens a second`;
  const target =
    profile.latencyTargetMs === undefined
      ? ''
      : usedWhole
        ? ` Against your ${count.format(profile.latencyTargetMs)} ms: the output is used whole, so the target must cover reading the input and writing every output token${perToken}; measure the whole answer's time on the target hardware, not the first token.${profile.taskType === 'classify' ? ' A small encoder classifier reads the input in one pass and gives its labels with no token-by-token writing, so it meets tight targets far more easily than a generative model.' : ''}`
        : ` Against your ${count.format(profile.latencyTargetMs)} ms: that bounds the time to the first words (reading the prompt plus one token), so keep the prompt short and measure that figure, not the average.`;
  // An API model runs at its provider: its speed is the provider's, measured through its endpoint, not a GPU's.
  // (A distillation serves its student, not the teacher the plan is named on.)
  const servedName =
    recommendation?.destination.student ??
    (recommendation?.destination.method === 'distillation' ? undefined : recommendation?.destination.model.name);
  const planModel = servedName ?? profile.modelName;
  const apiModel = planModel === undefined || planModel === null ? undefined : knowledge.findModel(planModel);
  // (An open model called through a host's API, "Llama 3.1 70B on Bedrock", runs at the host too.)
  const hosted = apiModel?.access === 'open-weights' && profile.deployment === 'cloud-api' && servedName !== undefined;
  if (apiModel !== undefined && (apiModel.access !== 'open-weights' || hosted))
    return {
      text: `${plainModelName(apiModel.name)} runs at ${hosted ? "the provider's" : `${apiModel.vendor}'s`} servers, so its speed is theirs: I have no measured throughput for it, and a tuned endpoint can differ from the base one.${target.replace('on the target hardware', "through the provider's endpoint, at your real prompt length")} Time the p95 of whole answers on your evaluation set before you commit; if it misses, shorten the output (fewer or terser fields), the prompt, or move to a faster tier.`,
    };
  // A team with no GPUs serves from CPUs: the measured figures are of llama.cpp's test machine, not of its servers.
  const cpuOnly = profile.gpuCount === 0;
  // The engine scaled llama.cpp's CPU measurements to the model it serves from the team's CPU servers.
  const cpuServing = recommendation?.assumptions.find((assumption) => assumption.field === 'estimates.cpuServing');
  if (cpuOnly && cpuServing !== undefined && /prompt tokens a second/.test(cpuServing.why)) {
    const cpuSources = ['llamacpp-cpu-xeon'].filter((id) => knowledge.sources.some((source) => source.id === id));
    return citedAnswer(
      `${cpuServing.why
        .replace(
          /^No GPUs: the model is served from a CPU server at 4 bits \(llama\.cpp\)\. Scaled/,
          'On your CPU servers at 4 bits (llama.cpp), scaled',
        )
        .replace(/\), it reads/, '), the model reads')
        .replace(
          /\.$/,
          '',
        )}${cpuSources.length > 0 ? ' [1]' : ''}.${/shorten the prompt/.test(cpuServing.why) ? '' : ' On CPUs the slow part is reading a long prompt, so keep retrieved passages and examples short.'}${/ ms target/.test(cpuServing.why) ? '' : target}`,
      cpuSources,
      knowledge,
    );
  }
  // No model served from the team's CPUs to scale to: the measured CPU figures themselves.
  const cpuCited = knowledge.sources.some((source) => source.id === 'llamacpp-cpu-xeon') ? ['llamacpp-cpu-xeon'] : [];
  // ("Will Qwen2.5 14B on our CPUs answer within 10 seconds?" with 2,000-token prompts): the team's or the plan's model,
  // scaled from the measured 7B, with the prompt and answer lengths said.
  const served = knowledge.findModel(profile.modelName ?? recommendation?.destination.model.name ?? '');
  if (cpuOnly && served?.paramsB !== undefined && served.paramsB > 0 && served.architecture?.kind !== 'encoder') {
    const weightsGB = served.paramsB * Q4_GB_PER_BILLION_PARAMS;
    const { promptTokensPerSecond, tokensPerSecond } = cpuMeasuredSpeed(served.paramsB, weightsGB);
    const promptTokens = profile.inputTokensPerRequest ?? CPU_EXAMPLE_PROMPT_TOKENS;
    const readSeconds = promptTokens / promptTokensPerSecond;
    const outputTokens = profile.outputTokensPerRequest;
    const writeSeconds = outputTokens === undefined ? undefined : outputTokens / tokensPerSecond;
    const secondsText = (seconds: number) => (seconds >= 10 ? `${Math.round(seconds)} s` : `${seconds.toFixed(1)} s`);
    const whole = writeSeconds === undefined ? undefined : readSeconds + writeSeconds;
    const limit = profile.latencyTargetMs === undefined ? undefined : profile.latencyTargetMs / 1000;
    const judged =
      limit === undefined
        ? ''
        : (usedWhole ? (whole ?? readSeconds) : readSeconds) > limit
          ? ` That misses your ${count.format(profile.latencyTargetMs as number)} ms target about ${Math.max(2, Math.round((usedWhole ? (whole ?? readSeconds) : readSeconds) / limit))} times over at this scale: take a smaller model (a 3B–7B reads two to five times faster), retrieve fewer and shorter passages, or serve it from a GPU.`
          : ` That is within your ${count.format(profile.latencyTargetMs as number)} ms target at this scale, for one request at a time.`;
    return citedAnswer(
      `Scaled from llama.cpp's measured 7B at 4 bits on a workstation CPU (about 84 prompt tokens a second read, 12 written)${cpuCited.length > 0 ? ' [1]' : ''}, ${plainModelName(served.name)} at 4 bits reads about ${count.format(Math.round(promptTokensPerSecond))} prompt tokens a second and writes about ${count.format(Math.round(tokensPerSecond * 10) / 10)} a second: a ${count.format(promptTokens)}-token prompt takes about ${secondsText(readSeconds)} before the first word${writeSeconds === undefined || outputTokens === undefined ? '' : `, and ${count.format(outputTokens)} tokens of answer about ${secondsText(writeSeconds)} more (about ${secondsText(whole as number)} in all)`}.${judged} Measure it on one of your servers with llama-bench at your real prompt length before you commit.`,
      cpuCited,
      knowledge,
    );
  }
  if (cpuOnly)
    return citedAnswer(
      `On CPUs with no GPU, llama.cpp measured a 7B at 4 bits on a workstation CPU reading about 84 prompt tokens a second (16 threads) and writing about 12 a second (8 threads)${cpuCited.length > 0 ? ' [1]' : ''}; a larger model is slower in proportion to its size, a smaller one faster. So a 500-token prompt takes several seconds before the first word: reading a long prompt is the slow part, so keep retrieved passages short, and run llama.cpp's benchmark tool (llama-bench) on one of your servers with your real prompt length before you commit.${target}`,
      cpuCited,
      knowledge,
    );
  return citedAnswer(
    `I don't estimate tokens per second: it depends on the card, the runtime, the quantization and the prompt length. For scale, llama.cpp's own measurements of Llama 3.1 8B at Q4_K_M show about 72 tokens a second written and about 822 a second read from the prompt, on its test machine${mark}; a smaller model runs faster and an older card slower. Measure on the target hardware with llama.cpp's benchmark tool (llama-bench) before you commit.${target}`,
    cited,
    knowledge,
  );
}

/** What a plan's evaluation measures, by the kind of task (the standard scores for each). */
const EVALUATION_METRIC: Partial<Record<NonNullable<Profile['taskType']>, string>> = {
  classify: 'accuracy per class, and which classes it confuses (a confusion table), not one overall figure',
  extract: 'exact match per field, and the share of outputs that parse against your schema',
  code: 'whether the code compiles and passes tests you wrote for each case',
  transcribe: 'word error rate on recordings like yours (accents, noise, jargon), against human transcripts',
  search: 'whether the right document comes back in the first few results for each question',
};

/**
 * "How do we evaluate it before we roll it out?": an evaluation set first (20+ real cases with known answers, or a
 * held-out share of the team's examples), the score that fits the task, retrieval scored apart from the answers, each
 * failure sorted into missing information or inconsistent behaviour, and a bar set by what errors cost. Cited.
 */
export function evaluationReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  raters?: { points?: number; unit?: 'marks' },
): InfoAnswer {
  const { listed, cite } = sourceMarks(knowledge);
  const number = new Intl.NumberFormat('en-US');
  const examples = profile.labeledExamples;
  const heldOut = examples === undefined ? undefined : heldOutCount(examples);
  // (An API model's weights are never quantized by the team: 4-bit weights are no change to measure there.)
  const planModel = recommendation.destination.model.name;
  const onApi =
    (planModel === null ? undefined : knowledge.findModel(planModel))?.access === 'api-only' ||
    (planModel === profile.modelName && profile.modelAccess === 'api-only');
  const parts = [
    `Build the evaluation set before changing anything: at least 20 real cases with known right answers, the baseline OpenAI takes a prompt into retrieval or tuning with${cite('oai-acc')}${heldOut !== undefined && examples !== undefined && examples >= 40 ? `; from your ${number.format(examples)} examples, hold out about ${number.format(heldOut)} and never train on them` : ''}. Score the current prompt on it first, then every change (${onApi ? 'a tune, a new model, a new prompt' : 'a tune, a new model, 4-bit weights'}) on the same set: without a baseline, regressions go unseen${cite('az-custom')}.`,
  ];
  const metric = profile.taskType === undefined ? undefined : EVALUATION_METRIC[profile.taskType];
  // "Our correctors disagree by up to 40 points": a score is measured by its distance to the human one, and the people
  // grading set the ceiling (no model is judged against one grader more strictly than the graders agree).
  // (A tolerance inside the spread they stated: "within 40 points" of graders 40 points apart at most is always met.)
  const unit = raters?.unit ?? 'points';
  const tolerance = raters?.points === undefined ? undefined : Math.max(1, Math.round(raters.points / 4));
  const within =
    tolerance === undefined
      ? ''
      : ` within ${number.format(tolerance)} ${tolerance === 1 ? unit.replace(/s$/, '') : unit}`;
  parts.push(
    raters !== undefined
      ? `Your graders disagree with each other${raters.points === undefined ? '' : ` by up to ${number.format(raters.points)} ${unit}`}, and that is the ceiling: have two of them grade the same sample of a few hundred, measure how often they give the same grade, how often they land${within || ' one grade step'} of each other, and the average gap, then measure the model against each of them the same way. A model that agrees with your graders about as often as they agree with one another grades like one of them; asking for more measures noise.${raters.points === undefined ? '' : ' Measure the gap per score, and per part where the score has parts, not one overall accuracy: a near miss and a far one are not the same error.'}`
      : metric !== undefined
        ? `Measure ${metric}.`
        : 'For free text, have reviewers score a sample against a short rubric (correct, complete, in the required form), the same reviewers before and after.',
  );
  const retrieves = [
    recommendation.destination.method,
    ...recommendation.plan.flatMap((step) => step.methods),
  ].includes('rag');
  if (retrieves)
    parts.push(
      `With retrieval, score the search and the answer apart: whether the passage that holds the answer was retrieved, and whether the answer used it; retrieval adds that second axis${cite('oai-acc')}.`,
    );
  parts.push(
    `Sort each failure: information the model lacked (fix it in the prompt or the retrieval) or behaviour it does not keep (fix it by tuning)${cite('oai-acc')}. Set the bar from what answers are worth: in OpenAI's example, +$20 per success, −$40 per escalation and −$1,000 per lost customer make 81.5% accuracy the break-even${cite('oai-acc')}${profile.safetyCritical === true ? '; where a wrong answer can hurt someone, keep a person reviewing every output' : ''}.`,
  );
  return citedAnswer(parts.join(' '), listed, knowledge);
}

/** Sources of the on-device answer: the adapter merge, the GGUF conversion and quantizer, the two phone runtimes. */
const ON_DEVICE_SOURCES = ['lora', 'llamacpp-quantize', 'llamacpp-readme', 'mlc-llm-site'] as const;
/** The adapter methods whose weights are merged into the base before export. */
const MERGED_ADAPTERS: ReadonlySet<MethodId> = new Set(['lora', 'qlora']);

/**
 * "How do we quantize it and run it on Android?": the path from the tuned checkpoint to a phone (merge the adapter,
 * convert to GGUF, quantize to about 4.9 bits a weight, run it with llama.cpp on the CPU or MLC LLM on the phone's
 * GPU), the model's size in that format against the device's memory, and a measurement after quantizing. An API
 * model has no weights to put there: an open model (or a student of it) goes instead.
 */
export function onDeviceRuntimeReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  const known = (ids: readonly string[]) => ids.filter((id) => knowledge.sources.some((source) => source.id === id));
  let cited = known(ON_DEVICE_SOURCES);
  const mark = (id: string) => {
    const at = cited.indexOf(id);
    return at < 0 ? '' : ` [${at + 1}]`;
  };
  const { destination } = recommendation;
  const student = destination.student;
  const planModel = student ?? destination.model.name;
  const catalogued = planModel === null ? undefined : knowledge.models.find((model) => model.name === planModel);
  const named = profile.modelName === undefined ? undefined : knowledge.findModel(profile.modelName);
  const memory = profile.deviceMemoryGB;
  // An API model, named and kept by the plan: nothing of it can be downloaded, so nothing of it runs on a device.
  if (catalogued !== undefined && catalogued.access !== 'open-weights') {
    const instead = deviceModel(knowledge, profile);
    cited = known(['llamacpp-readme', 'mlc-llm-site']);
    return citedAnswer(
      `Not ${plainModelName(catalogued.name)}: its weights are not published, so it cannot be quantized or run on a phone; it runs only on its vendor's servers. On a device it has to be an open-weight model${instead === undefined ? ' small enough for the phone (tell me its memory and I will size one)' : `: ${lowerFirst(instead)}`}, tuned on your examples or distilled from ${plainModelName(catalogued.name)}'s answers, then quantized to about 4 bits and run with llama.cpp on the phone's CPU${mark('llamacpp-readme')} or MLC LLM on its GPU${mark('mlc-llm-site')}.`,
      cited,
      knowledge,
    );
  }
  const name = catalogued === undefined ? (named?.access === 'open-weights' ? named.name : undefined) : catalogued.name;
  const params =
    (name === undefined ? undefined : knowledge.models.find((m) => m.name === name)?.paramsB) ??
    (name === undefined ? profile.modelParamsB : undefined);
  const model = name === undefined ? 'the model' : plainModelName(name);
  const steps: string[] = [];
  const phone = profile.deployment === 'mobile';
  if (MERGED_ADAPTERS.has(destination.method) && student === undefined)
    steps.push(
      `after ${shortMethodName(knowledge, destination.method)}, merge the adapter into the weights (W + BA), so ${phone ? 'the phone' : 'the device'} runs one ordinary model at the base model's speed${mark('lora')}`,
    );
  steps.push(
    `convert the checkpoint to GGUF with llama.cpp's convert_hf_to_gguf.py and quantize it with llama-quantize to Q4_K_M, about ${DEVICE_BITS_PER_WEIGHT} bits a weight (Llama 3.1 8B: about 4.6 GiB, against about 15 GiB at 16 bits); an importance matrix computed on your own text (--imatrix) reduces what quantizing loses${mark('llamacpp-quantize')}`,
    `run it with llama.cpp, which runs on ordinary x86 and ARM CPUs (and GPUs) with 1.5- to 8-bit integer weights, a C/C++ program with no dependencies that installs offline${mark('llamacpp-readme')}, or with MLC LLM, which compiles the model to run on the device's own GPU and has Android and iOS apps${mark('mlc-llm-site')}`,
  );
  const parts = [
    `To get ${model} onto ${phone ? 'a phone' : 'the device'}: ${steps.map((step, i) => `(${i + 1}) ${step}`).join('; ')}.`,
  ];
  if (params !== undefined) {
    const architecture = knowledge.models.find((m) => m.name === name)?.architecture;
    const need = deviceNeed({ paramsB: params, architecture }, profile);
    const size = `At Q4_K_M ${model}'s weights take about ${gigabytes(need.weightsGB)} GB, and the context cache and the runtime come on top`;
    if (memory === undefined)
      parts.push(
        `${size}; MLC's notes put a 7B model at about 4 GB of RAM, needing a phone with 6 GB${mark('mlc-llm-site')}. Tell me the phone's memory and I'll check it.`,
      );
    else if (need.totalGB <= memory)
      parts.push(
        `At Q4_K_M ${deviceNeedWords(need, memory)} you gave: ${model} fits${need.totalGB > memory * TIGHT_DEVICE_SHARE ? ', tightly (keep the context short)' : ''}.`,
      );
    else {
      const smaller = deviceModel(knowledge, profile);
      parts.push(
        `${size}: too much for the ${gigabytes(memory)} GB you gave.${smaller === undefined ? ' A smaller model has to go there.' : ` Instead: ${lowerFirst(smaller)}`}`,
      );
    }
  }
  parts.push(
    `Measure the quantized file on your evaluation set, not only the 16-bit checkpoint: quantizing can cost accuracy${mark('llamacpp-quantize')}.`,
  );
  return citedAnswer(parts.join(' '), cited, knowledge);
}

/** A Mac shares its memory with the system and the apps: training should leave a quarter of it free. */
const MAC_USABLE_SHARE = 0.75;

/**
 * "Each question pulls 6k tokens into the prompt: does your number include that?": the API bill again at that prompt
 * size, from the model's list price (the estimate assumes DEFAULT_INPUT_TOKENS_PER_REQUEST). Undefined without a
 * volume or a list price.
 */
export function promptSizeReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  askedInputTokens: number | undefined,
  askedOutputTokens?: number,
  budgetAsked = false,
): string | undefined {
  const inputTokens = askedInputTokens ?? profile.inputTokensPerRequest ?? DEFAULT_INPUT_TOKENS_PER_REQUEST;
  const outputTokens = askedOutputTokens ?? profile.outputTokensPerRequest ?? DEFAULT_OUTPUT_TOKENS_PER_REQUEST;
  // The bill asked about is the one the team pays: the named API model's, else the model the plan runs on.
  const priced = (modelName: string | null | undefined) =>
    knowledge.models.find((model) => model.name === modelName)?.apiPrice;
  const name = priced(profile.modelName)
    ? profile.modelName
    : (recommendation.destination.model.name ?? profile.modelName);
  const price = priced(name);
  const volume = profile.requestsPerDay;
  const assumed = `The bill assumed about ${count.format(DEFAULT_INPUT_TOKENS_PER_REQUEST)} input and ${count.format(DEFAULT_OUTPUT_TOKENS_PER_REQUEST)} output tokens a request`;
  if (price === undefined || volume === undefined || name === undefined)
    return `${assumed}; tell me the model and how many requests a day and I'll size it at ${count.format(inputTokens)} input and ${count.format(outputTokens)} output tokens.`;
  const perRequest = (inputTokens * price.usdPerMillionInput + outputTokens * price.usdPerMillionOutput) / 1e6;
  const monthly = volume * DAYS_PER_MONTH * perRequest;
  const included = inputTokens <= DEFAULT_INPUT_TOKENS_PER_REQUEST && outputTokens <= DEFAULT_OUTPUT_TOKENS_PER_REQUEST;
  // "Does that still fit $200?": the answer is about the budget, said first; "did your number include that?": about the
  // earlier assumption.
  const budget = profile.monthlyBudgetUSD;
  const opener =
    budgetAsked && budget !== undefined
      ? `${budgetVerdictWords(monthly <= budget, budget)} ${assumed}`
      : `${included ? 'Yes' : 'No'}: ${lowerFirst(assumed)}`;
  return `${opener}. At about ${count.format(inputTokens)} input and ${count.format(outputTokens)} output tokens a request, ${count.format(volume)} requests a day come to about $${count.format(monthly)} a month at ${plainModelName(name)}'s list price ($${price.usdPerMillionInput} / $${price.usdPerMillionOutput} per million input / output tokens, ${price.where}, as of ${price.asOf}), before any caching discount.${budgetAsked ? '' : budgetWords(monthly, budget)}`;
}

/**
 * " That is over your $310 monthly budget, by about $149 (48%): cache the shared prompt, send fewer retrieved passages
 * or take a cheaper tier.": an API bill against the monthly budget, with the levers when it is over.
 */
function apiBudgetWords(monthly: number, budget: number | undefined, retrieval: boolean, verdictFirst = false): string {
  if (budget === undefined) return '';
  if (monthly <= budget) return verdictFirst ? '' : budgetWords(monthly, budget);
  const over = monthly - budget;
  const share = budget > 0 ? ` (${Math.round((over / budget) * 100)}%)` : '';
  const levers = `cache the shared part of the prompt,${retrieval ? ' send fewer or shorter retrieved passages,' : ' shorten the prompt,'} or take a cheaper tier of the family`;
  return verdictFirst
    ? ` That is about $${count.format(Math.round(over))}${share} too much: ${levers}.`
    : ` That is over your $${count.format(budget)} monthly budget, by about $${count.format(Math.round(over))}${share}: ${levers}.`;
}

/** "Yes, it fits your $476 monthly budget.": the answer to "does it fit our budget?", said before the bill. */
function budgetVerdictWords(fits: boolean, budget: number): string {
  return `${fits ? 'Yes, it fits' : 'No, it is over'} your $${count.format(budget)} monthly budget.`;
}

/** " That is within your $200 monthly budget.": a monthly bill set against the budget the team gave. */
function budgetWords(monthly: number, budget: number | undefined): string {
  if (budget === undefined) return '';
  return ` That is ${monthly <= budget ? 'within' : 'over'} your $${count.format(budget)} monthly budget.`;
}

/** Requests a day from which one serving GPU, sized for memory only, is said not to be sized for the volume. */
const THROUGHPUT_CAVEAT_REQUESTS_PER_DAY = 50_000;

/**
 * The managed channel's hourly hosting of a tuned deployment, when the catalog says the provider bills it (Azure
 * OpenAI / Microsoft Foundry: a deployed fine-tuned model is billed per hour on top of tokens). No rate is in the
 * catalog, so the words say so.
 */
function hourlyHosting(recommendation: Recommendation, knowledge: Knowledge): string | undefined {
  if (recommendation.destination.channel !== 'managed') return undefined;
  const listed = (recommendation.destination.providers ?? []).find(
    (entry) => hourlyHostedOffering(knowledge, entry.name) !== undefined,
  );
  return listed === undefined
    ? undefined
    : `an hourly fee for hosting the tuned deployment on ${listed.name}, billed whether or not it is called (the catalog has no rate: take it from the provider's price page)`;
}

/**
 * "Does Azure charge monthly for hosting a fine-tuned model?": whether the provider asked about (or the plan's managed
 * channel) bills a tuned deployment by the hour, from the catalog's offerings, with their sources.
 */
export function hostingFeeReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  asked: string | true,
): InfoAnswer {
  const named = asked === true ? undefined : knowledge.providers.find((entry) => entry.id === asked);
  const planned =
    named === undefined && recommendation.destination.channel === 'managed'
      ? knowledge.providers.find((entry) => entry.name === recommendation.destination.providers?.[0]?.name)
      : undefined;
  const provider = named ?? planned;
  if (provider === undefined)
    return {
      text: 'Tell me which provider would host the tuned model (Azure OpenAI, Bedrock, Vertex AI, OpenAI) and I will say what the catalog records about its hosting.',
    };
  const offering = hourlyHostedOffering(knowledge, provider.name);
  if (offering === undefined)
    return {
      text: `The catalog records no hourly hosting fee for tuned models on ${provider.name}: what you pay is the tuned model's tokens, at the provider's rate for tuned models (check its price page).`,
    };
  const cited = offering.sources.filter((id) => knowledge.sourceById.has(id));
  const text = `Yes: ${provider.name} bills a deployed fine-tuned model by the hour of hosting, on top of the tokens it serves${cited.length > 0 ? ' [1]' : ''}, for as long as the deployment exists. The catalog has no hourly rate, so take it from the provider's price page and multiply by about 730 hours a month; a small monthly budget may not cover it, in which case a prompt on the base model (no hosting fee) is the cheaper channel.`;
  return cited.length === 0 ? { text } : { text, ...footnotesFor(cited.slice(0, 1), undefined, knowledge) };
}

/** "Is GPT-4.1 mini shutting down too?": the catalog's end of life for the model, with its source. */
export function retirementReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  asked: string | true,
): InfoAnswer {
  const today = knowledge.manifest.referenceDate;
  const name = asked === true ? (profile.modelName ?? recommendation.destination.model.name ?? undefined) : asked;
  const model = name === undefined ? undefined : knowledge.findModel(name);
  if (model === undefined)
    return { text: "Tell me which model, and I'll give the end-of-life date the catalog records for it." };
  const plain = plainModelName(model.name);
  const known = model.sources.filter((id) => knowledge.sourceById.has(id));
  // The deprecation notice when the model cites one, else its first source.
  const cited = [known.find((id) => /deprec|retire|lifecycle|eol/.test(id)) ?? known[0]].filter(
    (id): id is string => id !== undefined,
  );
  const mark = cited.length > 0 ? ' [1]' : '';
  let text: string;
  let marked = false;
  if (model.endOfLife === undefined && model.access === 'open-weights')
    text = `${plain}'s weights are open: the copy you download and run cannot be shut down by its vendor; only a provider's hosted endpoint for it can end.`;
  else if (model.endOfLife === undefined)
    text = `The catalog records no end of life for ${plain} (knowledge as of ${today}); check the vendor's deprecation page before you build on it.`;
  else if (model.endOfLife <= today) {
    text = `Yes: ${plain} was shut down by its vendor on ${model.endOfLife}${mark}; another provider may still serve it, so check there before you plan on it.`;
    marked = true;
  } else {
    text = `Yes: ${model.vendor} shuts ${plain} down on ${model.endOfLife}${mark}. A fine-tuned copy of it goes with it, so plan the move (and keep your evaluation set to re-check the replacement).`;
    marked = true;
  }
  // (No date, no mark: a source would only be decoration.)
  return citedAnswer(text, marked ? cited : [], knowledge);
}

/** Provider services that produce a tuned copy of a model. */
const TUNING_SERVICES = [
  'supervised-fine-tuning',
  'preference-tuning',
  'reinforcement-fine-tuning',
  'distillation',
] as const;

/**
 * "Can we fine-tune Gemini in AI Studio?", "where can we tune GPT-4.1 mini?": what the catalog's provider offerings
 * say about tuning this model (the one named, else the team's or the plan's), on the provider asked about and
 * elsewhere, with each offering's date, restriction and end.
 */
export function tuningChannelReply(
  recommendation: Recommendation,
  given: Knowledge,
  profile: Partial<Profile>,
  asked: { model?: string; provider?: string },
): InfoAnswer {
  // The whole catalog answers where a model is tuned; the providers the team may use are told apart from the others.
  const view = withinAllowedProviders(given, profile.allowedProviders);
  const mayUse = providerScopeOf(view) === undefined ? undefined : new Set(view.providers.map((entry) => entry.id));
  const knowledge = withinAllowedProviders(given, undefined);
  const today = knowledge.manifest.referenceDate;
  const name = asked.model ?? profile.modelName ?? recommendation.destination.model.name ?? undefined;
  const model = name === undefined ? undefined : knowledge.findModel(name);
  const provider =
    asked.provider === undefined ? undefined : knowledge.providers.find((entry) => entry.id === asked.provider);
  if (model === undefined)
    return {
      text: `Tell me which model${provider ? ` you would tune on ${provider.name}` : ''}, and I'll say where the catalog shows a tuning job for it.`,
    };
  const plain = plainModelName(model.name);
  const open = model.access === 'open-weights';
  const live = (offering: ProviderOffering) =>
    (offering.availableFrom === undefined || offering.availableFrom <= today) &&
    (offering.endsOn === undefined || offering.endsOn >= today);
  const covers = (offering: ProviderOffering) =>
    (TUNING_SERVICES as readonly string[]).includes(offering.service) &&
    (offering.models.includes(model.id) || (open && offering.openModels));
  const cited: string[] = [];
  const cite = (offering: ProviderOffering) => {
    const id = offering.sources.find((source) => knowledge.sourceById.has(source));
    if (id === undefined) return '';
    if (!cited.includes(id)) cited.push(id);
    return ` [${cited.indexOf(id) + 1}]`;
  };
  const lines: string[] = [];
  if (provider !== undefined && mayUse !== undefined && !mayUse.has(provider.id))
    lines.push(`${provider.name} is not among the providers you said you may use; for the record:`);
  if (provider !== undefined) {
    const offerings = provider.offerings.filter(covers);
    const available = offerings.find((offering) => offering.status === 'available' && live(offering));
    const restricted = offerings.find((offering) => offering.status === 'restricted' && live(offering));
    const ended = provider.offerings.find(
      (offering) =>
        offering.service === 'supervised-fine-tuning' &&
        (offering.status === 'discontinued' || offering.status === 'deprecated' || !live(offering)),
    );
    if (available)
      lines.push(
        `Yes: ${provider.name} runs ${available.service.replaceAll('-', ' ')} jobs for ${plain} (as of ${available.asOf}${available.endsOn ? `, until ${available.endsOn}` : ''})${cite(available)}.`,
      );
    else if (restricted)
      lines.push(
        `Only for some teams: ${provider.name} tunes ${plain}, but ${stripPeriod(lowerFirst(restricted.restriction ?? 'access is restricted'))}${restricted.endsOn && !(restricted.restriction ?? '').includes(restricted.endsOn) ? ` (jobs until ${restricted.endsOn})` : ''}${cite(restricted)}.`,
      );
    else if (ended)
      lines.push(
        `No: ${provider.name} offers no tuning of ${plain}; its fine-tuning is ${ended.status === 'available' ? 'over' : ended.status}${ended.endsOn ? ` (since ${ended.endsOn})` : ''}${cite(ended)}.`,
      );
    else lines.push(`No: the catalog shows no tuning job for ${plain} on ${provider.name}.`);
  }
  const offeredBy = (entries: readonly (typeof knowledge.providers)[number][]) =>
    entries.flatMap((entry) =>
      entry.offerings
        .filter((offering) => covers(offering) && offering.status === 'available' && live(offering))
        .slice(0, 1)
        .map(
          (offering) =>
            `${entry.name} (${offering.service.replaceAll('-', ' ')}, as of ${offering.asOf}${offering.endsOn ? `, until ${offering.endsOn}` : ''})${cite(offering)}`,
        ),
    );
  // Limited to some providers: which of them tunes it comes first, then the others, marked as outside the limit.
  if (mayUse !== undefined) {
    const others = knowledge.providers.filter((entry) => entry.id !== provider?.id);
    const allowed = offeredBy(others.filter((entry) => mayUse.has(entry.id)));
    const outside = offeredBy(others.filter((entry) => !mayUse.has(entry.id))).slice(0, 3);
    const askedTunes =
      provider !== undefined &&
      mayUse.has(provider.id) &&
      lines.some((line) => /^(?:Yes:|Only for some teams:)/.test(line));
    // (An offer open only to some teams, "existing customers until 2027-01-06", is said as such.)
    const restricted = others
      .filter((entry) => mayUse.has(entry.id))
      .flatMap((entry) =>
        entry.offerings
          .filter((offering) => covers(offering) && offering.status === 'restricted' && live(offering))
          .slice(0, 1)
          .map(
            (offering) =>
              `${entry.name}, only for some teams: ${stripPeriod(lowerFirst(offering.restriction ?? 'access is restricted'))}${cite(offering)}`,
          ),
      );
    if (allowed.length > 0)
      lines.push(`${askedTunes ? 'Also among' : 'Among'} the providers you may use: ${joinWords(allowed)}.`);
    else if (!askedTunes && restricted.length === 0)
      lines.push(`None of the providers you may use has a live tuning job for ${plain}.`);
    if (restricted.length > 0) lines.push(`Among the providers you may use: ${joinWords(restricted)}.`);
    if (outside.length > 0) lines.push(`Outside them: ${joinWords(outside)}.`);
  }
  const elsewhere =
    mayUse !== undefined ? [] : offeredBy(knowledge.providers.filter((entry) => entry.id !== provider?.id)).slice(0, 3);
  if (elsewhere.length > 0)
    lines.push(`${provider === undefined ? `${plain} can be tuned on` : 'Elsewhere:'} ${joinWords(elsewhere)}.`);
  // (The provider asked about already said yes: then only no other provider has one.)
  else if (mayUse !== undefined) {
    // (Said above, provider by provider.)
  } else if (!open && lines.some((line) => line.startsWith('Yes:') || line.startsWith('Only for some teams:')))
    lines.push(`No other provider in the catalog has a live tuning job for ${plain}.`);
  else if (!open) lines.push(`No provider in the catalog has a live tuning job for ${plain}.`);
  if (open)
    lines.push(
      `Its weights are open, so you can also tune it yourself with LoRA or QLoRA on your own${rentalWithinAllowedProviders(view) ? ' or rented' : ''} GPUs.`,
    );
  else if (model.endOfLife !== undefined && model.endOfLife > today)
    lines.push(
      `Mind the date: ${plain} is shut down by its vendor on ${model.endOfLife}, and a tuned copy goes with it.`,
    );
  const text = lines.join(' ');
  return citedAnswer(text, cited, knowledge);
}

/** The request size an API bill used (the team's figures, else the estimator's defaults), said with every bill from list prices. */
function apiRequestSize(
  profile: Pick<Partial<Profile>, 'inputTokensPerRequest' | 'outputTokensPerRequest' | 'exampleTokens'>,
): string {
  const size = requestSize(profile);
  const input = count.format(size.input);
  const output = count.format(size.output);
  const inputStated = profile.inputTokensPerRequest !== undefined;
  const outputStated = profile.outputTokensPerRequest !== undefined;
  if (!inputStated && size.said.includes('examples'))
    return `at about ${input} input tokens a request (your examples' length) and ${outputStated ? 'your' : 'an assumed'} ${output} output tokens`;
  if (inputStated && outputStated) return `at your ${input} input and ${output} output tokens a request`;
  if (inputStated) return `at your ${input} input tokens a request and an assumed ${output} output tokens`;
  if (outputStated) return `at an assumed ${input} input tokens and your ${output} output tokens a request`;
  return `assuming about ${input} input and ${output} output tokens a request; long prompts or retrieved passages raise it in proportion`;
}

/** The source the knowledge base holds for prompt-caching savings. */
const CACHING_SOURCE = 'ant-cache';

/**
 * "What about prompt caching or the Batch API?": levers on an API bill that change no model, tried before any
 * training. The caching figure is the one the knowledge base cites; for batch discounts it has no sourced figure and
 * says so.
 */
export function costLeversReply(recommendation: Recommendation, knowledge: Knowledge, profile: Profile): InfoAnswer {
  const today = entryOf(recommendation, 'prompt-engineering')?.estimates?.monthlyUSD;
  const cited = knowledge.sources.some((source) => source.id === CACHING_SOURCE) ? [CACHING_SOURCE] : [];
  // The sourced figure is Anthropic's, for Claude: another vendor's model gets it as Anthropic's, not as its own.
  const billed = knowledge.findModel(profile.modelName ?? recommendation.destination.model.name ?? '');
  const otherVendor = billed !== undefined && billed.access !== 'open-weights' && billed.vendor !== 'Anthropic';
  const text = [
    'Yes, try those first: they lower the bill without changing the model or your prompt.',
    `Prompt caching bills a repeated prompt prefix (your shared system prompt and examples) at a fraction of the normal input price; Anthropic cites up to 90% off the cached part${otherVendor ? ' for Claude' : ''}${cited.length > 0 ? ' [1]' : ''}${otherVendor ? `. That figure is not ${billed.vendor}'s: ${plainModelName(billed.name)}'s cached-input price is on ${billed.vendor}'s price list, and I have no sourced figure for it` : ''}.`,
    "A batch interface trades latency for price on work that can wait; I have no sourced discount figure for it, so take it from your provider's price list.",
    today === undefined
      ? ''
      : `Either one cuts part of today's bill of about $${count.format(today)} a month; the rest of the plan (${shortMethodName(knowledge, recommendation.destination.method)}) still applies if that is not enough.`,
  ]
    .filter((line) => line !== '')
    .join(' ');
  return citedAnswer(text, cited, knowledge);
}

/**
 * "Can we do DPO with the 120k thumbs up/down votes?": DPO learns from pairs (two answers to one prompt, one
 * preferred), so single votes are not pairs as they stand; where to get pairs from them, and what the votes are good
 * for meanwhile (the preferred answers as supervised examples, the order Vertex recommends). Then the plan's step.
 */
export function ratingsForPreferenceReply(recommendation: Recommendation, knowledge: Knowledge): InfoAnswer {
  const cited = ['dpo', 'gcp-pref'].filter((id) => knowledge.sourceById.has(id));
  const mark = (id: string) => (cited.includes(id) ? ` [${cited.indexOf(id) + 1}]` : '');
  const planned = recommendation.plan.flatMap((step) => step.methods);
  const plan = planned.includes('preference-tuning')
    ? ' Your plan already has preference tuning after the supervised stage.'
    : ` As things stand the plan is ${shortMethodName(knowledge, recommendation.destination.method)}; tell me how many real pairs you can build ("about 5,000 pairs") and I'll weigh preference tuning.`;
  const text = `Not as they are. DPO learns from pairs: two answers to the same prompt, one marked better${mark('dpo')}; a single thumbs-up or thumbs-down on one answer is not a pair. Pairs come from prompts (or near-identical ones) that got one answer voted up and another voted down, from answers your people rewrote (the rewrite preferred over the original), or from sampling a second answer for a voted prompt and having it judged. Meanwhile the answers voted up, and any your people rewrote by hand, are supervised examples: train on the preferred answers first, then preference tuning from that checkpoint${mark('gcp-pref')}.${plan}`;
  return citedAnswer(text, cited, knowledge);
}

/**
 * "Why would we rent an MI300X, we have two 3090s?": on the team's own GPUs the plan trains there and the rental is
 * only the alternative shown beside it (faster, or while the GPUs are busy); when they cannot hold it, why not.
 */
export function whyRentReply(recommendation: Recommendation, knowledge: Knowledge): string {
  const method = shortMethodName(knowledge, recommendation.destination.method);
  const own = recommendation.computeOptions.find((option) => option.kind === 'own');
  const rent = recommendation.computeOptions.find((option) => option.kind === 'rent');
  if (own !== undefined)
    return `You don't have to: ${method} runs on your own ${own.count !== undefined && own.count > 1 ? `${own.count} × ` : ''}${own.gpu ?? 'GPUs'}${own.hours === undefined ? '' : ` (about ${money.format(own.hours)} h)`}, at no rental cost. The rental${rent?.gpu ? ` (${rent.gpu})` : ''} is only the alternative shown beside it, for when your GPUs are busy or you want it sooner.`;
  const fit = recommendation.destination.estimates?.memoryGB;
  if (fit?.available !== undefined && fit.available !== null && fit.available > 0 && fit.fits === false)
    return `Because ${method} needs about ${gigabytes(fit.needed)} GB of GPU memory and your GPUs give ${gigabytes(fit.available)} GB; a rented GPU holds it, or a lighter method or a smaller model runs on yours.`;
  return `The plan shows a rented GPU because I know of no GPU of yours that holds the work; tell me which GPUs you have ("two RTX 3090") and I'll size it on them.`;
}

/** The source the knowledge base holds for retrieval that combines embeddings with BM25 and reranking. */
const CONTEXTUAL_RETRIEVAL_SOURCE = 'ant-cr';

/**
 * "Will embedding search even find exact codes like E-217?": embeddings match meaning and often miss exact
 * identifiers; a lexical (BM25) index beside them and a reranker on top catch them, with the cited figures.
 */
export function exactMatchRetrievalReply(knowledge: Knowledge): InfoAnswer {
  const cited = knowledge.sourceById.has(CONTEXTUAL_RETRIEVAL_SOURCE) ? [CONTEXTUAL_RETRIEVAL_SOURCE] : [];
  const mark = cited.length > 0 ? ' [1]' : '';
  const text = `Not reliably with embeddings alone: they match meaning, and exact identifiers (codes, part numbers, SKUs) often land near the wrong passages. Search a lexical (BM25) index beside the embeddings and merge the results, then rerank: in Anthropic's tests contextual embeddings cut failed retrievals by 35%, adding contextual BM25 by 49%, and reranking on top by 67%${mark}. Measure it on your own questions that contain codes, counting how often the right passage comes back, before judging the model's answers.`;
  return citedAnswer(text, cited, knowledge);
}

/**
 * "We pay $900 now and you say $342 with a longer prompt? something's off": the bill per request against what one
 * request of the stated size costs at list price, and what usually makes up the difference. Undefined without a bill,
 * a volume and a list price.
 */
export function billMismatchReply(knowledge: Knowledge, profile: Partial<Profile>): string | undefined {
  const bill = profile.currentMonthlySpendUSD;
  const volume = profile.requestsPerDay;
  const model = profile.modelName === undefined ? undefined : knowledge.findModel(profile.modelName);
  const listed = listPriceMonthly(model, profile);
  if (bill === undefined || volume === undefined || model === undefined || listed === undefined || listed <= 0)
    return undefined;
  const perRequest = bill / (volume * 30);
  const listedPerRequest = listed / (volume * 30);
  const size = requestSize(profile);
  const ratio = bill / listed;
  const at = `${count.format(size.input)} input and ${count.format(size.output)} output tokens${size.said}`;
  if (ratio < 1.3 && ratio > 1 / 1.3)
    return `They agree: your $${count.format(bill)} a month is about $${cents(perRequest)} a request at ${count.format(volume)} a day, and at list price a request of ${at} costs about $${cents(listedPerRequest)} on ${plainModelName(model.name)}.`;
  return ratio > 1
    ? `The gap is real: your $${count.format(bill)} a month is about $${cents(perRequest)} a request at ${count.format(volume)} requests a day, while a request of ${at} costs about $${cents(listedPerRequest)} at ${plainModelName(model.name)}'s list price, so your bill is about ${money.format(ratio)}× what those requests should cost. Usually the requests are longer than they look (a conversation history or pasted examples re-sent on every call), there are more of them (retries, several calls per item, tests or other apps on the same key), or part of the traffic runs on a pricier model. Check the token counts and calls in the provider's usage report; my bills scale from your figures, so give me the real request size and volume and they will match.`
    : `Your $${count.format(bill)} a month is about $${cents(perRequest)} a request, under the $${cents(listedPerRequest)} a request of ${at} costs at ${plainModelName(model.name)}'s list price: the volume or the request size I used is likely above yours, or a discount (caching, batch, a committed-use price) already applies. Tell me the real request size and volume and the figures will match.`;
}

/** Dollars per request, to the cent or finer for small amounts. */
function cents(value: number): string {
  return value >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
}

/**
 * "Could we retrieve 3-4 similar past good emails per request and put them in as examples?": dynamic few-shot, the
 * step OpenAI's accuracy guide puts after static examples and before fine-tuning; it carries a voice into a model no
 * one can tune, beside retrieval of the facts.
 */
export function retrievedExamplesReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  const cited = knowledge.sourceById.has('oai-acc') ? ['oai-acc'] : [];
  const mark = cited.length > 0 ? ' [1]' : '';
  const examples = profile.labeledExamples;
  const tunable = recommendation.recommendations.some(
    (entry) => TRAINING_METHODS.has(entry.method) && entry.verdict !== 'not-viable',
  );
  const text = [
    `Yes: that is dynamic few-shot, the step OpenAI's accuracy guide puts after a fixed set of examples and before fine-tuning${mark}. Index your good ${examples === undefined ? 'examples' : `${count.format(examples)} examples`} by their input, retrieve the few closest to each request and put them in the prompt as examples: the model picks up the voice and format from them with no training.`,
    recommendation.destination.method === 'rag'
      ? 'It stacks with the plan: retrieve the documents for the facts and the examples for the voice, in the same prompt.'
      : '',
    tunable
      ? 'If it still falls short on your evaluation set, those same examples are the training set for tuning.'
      : 'On a model that cannot be tuned it is the strongest lever for voice and format.',
    'Measure it against your fixed prompt on the same evaluation set; each retrieved example adds its length to every request, and so to the bill.',
  ]
    .filter((line) => line !== '')
    .join(' ');
  return citedAnswer(text, cited, knowledge);
}

/** True when a rule's condition tests `fact` anywhere in its tree. */
function testsFact(condition: Condition, fact: string): boolean {
  if ('fact' in condition) return condition.fact === fact;
  if ('all' in condition) return condition.all.some((child) => testsFact(child, fact));
  if ('any' in condition) return condition.any.some((child) => testsFact(child, fact));
  return testsFact(condition.not, fact);
}

/** The source the knowledge base holds for LoRA against full fine-tuning on continued pre-training. */
const LORA_LEARNS_LESS_SOURCE = 'biderman';

/**
 * "Would LoRA be enough for the CPT part?", "if CPT, LoRA or full?": on a new domain's corpus LoRA learned less than
 * full fine-tuning and forgot less (Biderman et al.), so continued pre-training is planned with every weight where
 * that fits, and LoRA keeps the instruction-tuning stage. Then whether full fine-tuning fits the team's GPUs.
 */
export function loraForPretrainingReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  const cited = knowledge.sourceById.has(LORA_LEARNS_LESS_SOURCE) ? [LORA_LEARNS_LESS_SOURCE] : [];
  const mark = cited.length > 0 ? ' [1]' : '';
  const full = entryOf(recommendation, 'full-fine-tuning');
  const fits = full?.estimates?.memoryGB?.fits;
  const fit =
    fits === undefined || fits === null
      ? 'Whether every weight fits depends on your GPUs: tell me which and how many.'
      : `${fitReply(recommendation, 'full-fine-tuning', knowledge, profile, { for: 'training' })}${fits ? '' : ' Then LoRA is the way to continue pre-training at all on these GPUs, expecting less of it.'}`;
  const text = `For continued pre-training, plan on full fine-tuning where it fits: on a new domain's corpus (code and maths, about 20B tokens) LoRA learned substantially less than full fine-tuning, though it forgot less of what the model knew before${mark}. LoRA suits the instruction-tuning stage on your pairs afterwards. ${fit}`;
  return citedAnswer(text, cited, knowledge);
}

/**
 * "Is the reviewer right that RAG beats continued pre-training for factual questions?": for facts, retrieval beat
 * unsupervised fine-tuning on the same documents, most of all for rare facts; pre-training teaches the domain's language.
 * Then where the plan stands.
 */
export function retrievalVsPretrainingReply(recommendation: Recommendation, knowledge: Knowledge): InfoAnswer {
  const cited = ['ovadia', 'soudani'].filter((id) => knowledge.sourceById.has(id));
  const mark = (id: string) => (cited.includes(id) ? ` [${cited.indexOf(id) + 1}]` : '');
  const steps = recommendation.plan.flatMap((step) => step.methods);
  const pretrains = recommendation.destination.objective === 'continued-pretraining';
  const plan = pretrains
    ? steps.includes('rag')
      ? 'Your plan keeps continued pre-training for the domain’s language and puts retrieval in front for the facts.'
      : 'Your plan pre-trains for the domain’s language; for questions about specific facts, add retrieval in front.'
    : steps.includes('rag')
      ? 'That is why your plan answers from retrieval; continued pre-training would add the domain’s language and style, at its cost in GPU-hours.'
      : 'For factual questions, put retrieval in front of whatever model you tune.';
  const text = `For factual questions, retrieval wins: on knowledge-intensive questions, retrieval consistently beat unsupervised fine-tuning on the same documents${mark('ovadia')}, and the gap is widest for rarely seen, long-tail facts${mark('soudani')}. Continued pre-training teaches the model the domain's language, terms and style, not reliable recall of specific facts, and it cannot cite. ${plan}`;
  return citedAnswer(text, cited, knowledge);
}

/** The rule that favours `preferred` over `other` the most (in its own words), if one does. */
function distinctReason(
  preferred: MethodRecommendation | undefined,
  other: MethodRecommendation | undefined,
): string | undefined {
  const otherEffect = new Map(other?.reasons.map((reason) => [reason.ruleId, Number(reason.effect) || 0]));
  const margin = (reason: { ruleId: string; effect: string }) =>
    (Number(reason.effect) || 0) - (otherEffect.get(reason.ruleId) ?? 0);
  const best = (preferred?.reasons ?? [])
    .filter((reason) => Number(reason.effect) > 0 && margin(reason) > 0)
    .sort((x, y) => margin(y) - margin(x))[0];
  return best?.text;
}

/**
 * "Why don't we just fine-tune the model on all the manuals so it knows them?" on a plan that retrieves the team's
 * documents: training is a poor way to put facts into a model (Ovadia et al.: retrieval beat unsupervised fine-tuning
 * for knowledge, seen or new; Gekhman et al.: new facts trained in raise hallucination), and what the asked method would
 * take on the team's GPUs when it does not fit them.
 */
export function factsByTuningReply(recommendation: Recommendation, asked: MethodId, knowledge: Knowledge): InfoAnswer {
  const name = shortMethodName(knowledge, asked);
  const entry = entryOf(recommendation, asked);
  const memory = entry?.estimates?.memoryGB;
  const lora = entryOf(recommendation, 'lora');
  const fit =
    entry?.verdict === 'not-viable' && memory?.available
      ? ` (${name} would not even fit here: it needs about ${gigabytes(memory.needed)} GB and your GPUs have ${gigabytes(memory.available)} GB${lora !== undefined && lora.verdict !== 'not-viable' ? '; LoRA would fit, and still would not fix the facts' : ''}.)`
      : '';
  const text = `Because training is a poor way to put facts into a model. Compared head to head, retrieval beat fine-tuning at injecting knowledge, both facts the model had seen and new ones [1]; and the more new facts a model is fine-tuned on, the more it makes things up [2]. Retrieval also shows which document and section an answer came from, and a revised document is re-indexed the same day instead of retraining the model. Tuning is for behaviour: a fixed format, your voice, a task skill; add it on top of retrieval only if the answers read wrong, not because they lack the facts.${fit}`;
  return citedAnswer(text, ['ovadia', 'gekhman'], knowledge);
}

export function comparisonReply(
  recommendation: Recommendation,
  pair: readonly [MethodId, MethodId],
  knowledge: Knowledge,
  aboutKnowledge = false,
  /** "continued pre-training or RAG over the corpus?": the tuning asked about is pre-training on the corpus. */
  pretraining = false,
): string {
  const [a, b] = pair;
  // "RAG or LoRA for the lore?": facts go in by retrieval, behaviour by tuning; trained-in facts are recalled less
  // reliably and invented more (Gekhman et al.), the more so in a small model.
  const tuning = [a, b].find((method) => method !== 'rag' && trainsWeights(method, knowledge));
  if (aboutKnowledge && (a === 'rag' || b === 'rag') && tuning !== undefined) {
    const retrieval = entryOf(recommendation, 'rag');
    const ruledOut =
      retrieval?.verdict === 'not-viable'
        ? ` (Retrieval is ruled out here as things stand: ${lowerFirst(retrieval.blockers[0]?.text ?? 'see "show details"')})`
        : '';
    // "bake it in with the fine tune": the plan's own tuning method when it trains one.
    const planTuning = trainsWeights(recommendation.destination.method, knowledge)
      ? recommendation.destination.method
      : tuning;
    if (pretraining && tuning === 'full-fine-tuning')
      return `Both can help, for different things: continued pre-training on your corpus adapts the model to the field's language and background, while the specific facts (what an answer must cite, what changes after training) are fetched by retrieval into the prompt when a question needs them. Facts trained into a model are recalled less reliably and invented more often (Gekhman et al., 2024), and a trained model cannot point to the document an answer came from; retrieval can, and takes a new document without retraining.${ruledOut}`;
    return `Both, for different things: the facts (your documents) go in by retrieval, fetched into the prompt when a question needs them, and ${shortMethodName(knowledge, planTuning)} trains the behaviour (voice, format, task). Facts trained into a model are recalled less reliably and invented more often (Gekhman et al., 2024), the more so in a small model; retrieval also takes an edit without retraining.${ruledOut}`;
  }
  const line = (method: MethodId) => {
    const entry = entryOf(recommendation, method);
    const table = knowledge.methodById.get(method);
    const verdict = entry ? verdictWords(entry) : 'not ranked';
    // Possible only on rented GPUs ("isn't 48 GB enough?"): what it needs against what the team has, and the rent.
    const memory = entry?.verdict === 'not-viable' ? undefined : entry?.estimates?.memoryGB;
    // (A method that only runs the model is served at 4 bits where 16-bit does not fit: no rental, as "will it fit?" says.)
    const quantized = memory?.fit === 'no' && memory.available && !trainsWeights(method, knowledge);
    const rentedOnly = quantized
      ? `, with the model served at 4 bits: about ${gigabytes(memory.needed)} GB in 16-bit is more than your ${gigabytes(memory.available ?? 0)} GB`
      : memory?.fit === 'no' && memory.available
        ? ` only on rented GPUs: it needs about ${gigabytes(memory.needed)} GB and your GPUs have ${gigabytes(memory.available)} GB${(memory.gpuCount ?? 1) > 1 ? ' together' : ''}${entry?.estimates?.oneTimeUSD ? `; about $${money.format(entry.estimates.oneTimeUSD)} rented for three runs` : ''}`
        : '';
    return `${shortMethodName(knowledge, method)} (${verdict} here${rentedOnly}): ${stripPeriod(table?.whatChanges ?? '')}; best when ${lowerFirst(stripPeriod(table?.whenToUse[0] ?? ''))}.`;
  };
  // The destination wins; else the one that closes a diagnosed gap (and is not ruled out); else the higher rank.
  const possible = (method: MethodId) => entryOf(recommendation, method)?.verdict !== 'not-viable';
  const needsServed = (method: MethodId) =>
    recommendation.diagnosis.filter((entry) => entry.methods.includes(method)).map((entry) => entry.need);
  const rank = (method: MethodId) => entryOf(recommendation, method)?.rank ?? 99;
  const planned = (method: MethodId) => recommendation.plan.some((step) => step.methods.includes(method));
  const score = (method: MethodId) =>
    (recommendation.destination.method === method ? 8 : 0) +
    (planned(method) ? 4 : 0) +
    (possible(method) ? 2 : 0) +
    (needsServed(method).length > 0 ? 1 : 0);
  // Supervised tuning against preference tuning is an order, not a choice: DPO starts from a supervised checkpoint.
  const supervised = [a, b].find((method) => SUPERVISED_FIRST.has(method));
  if (supervised && (a === 'preference-tuning' || b === 'preference-tuning')) {
    const planned = recommendation.plan.flatMap((step) => step.methods);
    const tuning = planned.find((method) => SUPERVISED_FIRST.has(method)) ?? supervised;
    const both = planned.includes('preference-tuning') && planned.some((method) => SUPERVISED_FIRST.has(method));
    // What each learns from: imitation of the good answers, against a push away from the worse one of each pair.
    const difference =
      'The difference in practice: supervised tuning on the chosen replies teaches the model to imitate them and never sees the rejected ones; DPO trains on each pair, raising the chosen reply against the rejected one relative to a frozen copy of the starting model, so it also moves the model away from what your raters marked worse (Rafailov et al., 2023), at the cost of reading both replies and running the frozen copy.';
    return both
      ? `Both, in this order: ${shortMethodName(knowledge, tuning)} on your examples first, then preference tuning (DPO) from that checkpoint; DPO starts from a model that already does the task and teaches which of two answers is better. ${difference}`
      : `Supervised tuning comes first and preference tuning (DPO) from its checkpoint; here the plan is ${shortMethodName(knowledge, recommendation.destination.method)}. ${recommendation.destination.why} ${difference}`;
  }
  const preferred = score(a) !== score(b) ? (score(a) > score(b) ? a : b) : rank(a) <= rank(b) ? a : b;
  const other = preferred === a ? b : a;
  const gaps = needsServed(preferred);
  const name = (method: MethodId) => shortMethodName(knowledge, method);
  // The decision first, then why, then what stands against the other; the definitions only when neither is ruled out.
  const why =
    recommendation.destination.method === preferred
      ? recommendation.destination.why
      : gaps.length > 0
        ? `It addresses what must get better (${joinWords(gaps.map((need) => GOAL_WORDS[need]))}).`
        : planned(preferred) && !planned(other)
          ? `It is a step of the plan (${recommendation.plan.map((step) => name(step.methods[0] as MethodId)).join(' → ')}).`
          : (distinctReason(entryOf(recommendation, preferred), entryOf(recommendation, other)) ??
            'It ranks higher on what you told me.');
  const otherEntry = entryOf(recommendation, other);
  const against =
    otherEntry?.verdict === 'not-viable'
      ? `${name(other)} is ruled out here: ${lowerFirst(otherEntry.blockers[0]?.text ?? 'see "show details"')}`
      : line(other);
  return `${name(preferred)}, not ${name(other)}. ${why} ${against}`;
}

export function whatWouldChangeReply(recommendation: Recommendation, knowledge: Knowledge): string {
  const parts: string[] = [];
  for (const entry of recommendation.sensitivity) {
    parts.push(
      `${fieldLabel(entry.field)} ${sensitivityValue(entry.value, entry.field)} → ${shortMethodName(knowledge, entry.becomes)}${onModelWords(entry)}`,
    );
  }
  const top = recommendation.recommendations[0];
  // In plain words, the GPU's name, count and memory said once ("which GPUs you have").
  const plain = (fields: readonly string[]) => [
    ...new Set(fields.map((field) => unknownWords(field.startsWith('gpu') ? 'gpuName' : field))),
  ];
  const conditional = top?.verdict === 'conditional' && top.decidedBy?.length ? plain(top.decidedBy) : [];
  const open = plain(recommendation.questions.map((question) => question.field)).filter(
    (words) => !conditional.includes(words),
  );
  const lines: string[] = [];
  if (parts.length > 0) lines.push(`These would change my answer: ${parts.join('; ')}.`);
  if (conditional.length > 0) lines.push(`Whether it works at all depends on ${joinWords(conditional)}.`);
  if (open.length > 0) lines.push(`Not known yet, and able to move it: ${joinWords(open)}.`);
  // What the figures cannot say: the findings on the evaluation set that would move the plan. Past a prompt
  // baseline already (the plan starts on the tuning), "stop at the prompt" is no longer one of them.
  const destination = recommendation.destination.method;
  const pastPrompt = TUNING_LEVER_METHODS.has(destination) && recommendation.firstStep.methods.includes(destination);
  const lever = pastPrompt ? PAST_PROMPT_LEVER : LEVERS[destination];
  if (lines.length === 0)
    return `None of the figures you gave is near a point where my answer would change.${lever ? ` ${lever}` : ''}`;
  return [...lines, ...(lever ? [lever] : [])].join(' ');
}

const TUNING_LEVER_METHODS: ReadonlySet<MethodId> = new Set([
  'lora',
  'qlora',
  'managed-fine-tuning',
  'full-fine-tuning',
]);
const PAST_PROMPT_LEVER =
  'What would change it: if the misses are missing or changing facts, retrieval comes first; if the tuned model still misses rare cases, more examples of those cases come before a bigger model.';

/** Per destination, what an evaluation could show that would change the plan (said with "what would change it"). */
const LEVERS: Partial<Record<MethodId, string>> = {
  rag: 'What would change it: if all your documents fit a cached prompt (under about 200,000 tokens) and rarely change, a long prompt can replace retrieval; if answers find the right passage but break the required format or citation style, tune the generator on retrieval-formatted examples.',
  'prompt-engineering':
    'What would change it: if the prompt plateaus on your evaluation set and you have labelled examples (about 1,000 or more), tuning comes next; if the misses are missing facts, retrieval does.',
  'in-context-learning':
    'What would change it: if a few examples in the prompt plateau and you have about 1,000 or more labelled ones, tuning comes next; if the misses are missing facts, retrieval does.',
  lora: 'What would change it: if a prompt baseline already meets your bar on the evaluation set, stop there; if the errors are missing or changing facts, retrieval comes first.',
  qlora:
    'What would change it: if a prompt baseline already meets your bar on the evaluation set, stop there; if the errors are missing or changing facts, retrieval comes first.',
  'managed-fine-tuning':
    'What would change it: if a prompt baseline already meets your bar on the evaluation set, stop there; if the provider stops tuning this model or your data may not go to it, an open model tuned on your own hardware takes over.',
  'full-fine-tuning':
    'What would change it: if LoRA on the same examples reaches your bar (it usually comes close at a fraction of the memory), use it.',
  distillation:
    'What would change it: at a much lower volume the large model’s bill may be acceptable as it is; without a teacher’s outputs, tune the small model on your own labels.',
  'preference-tuning':
    'What would change it: if supervised tuning on good examples already meets your bar, the preference stage can wait.',
};

export function firstStepReply(recommendation: Recommendation, knowledge: Knowledge): string {
  const { firstStep, destination } = recommendation;
  if (firstStep.methods.length === 0) return firstStep.why;
  const names = joinWords(firstStep.methods.map((method) => shortMethodName(knowledge, method)));
  const aim = firstStep.methods.includes(destination.method)
    ? ''
    : ` Then ${shortMethodName(knowledge, destination.method)}.`;
  return `First: ${names}. ${firstStep.why}${aim}`;
}

/** API models retiring within this many days of the knowledge base's date are not proposed for a new build. */
const NEW_BUILD_HORIZON_DAYS = 180;
/** Input price (US$ per million tokens) up to which an API model counts as a small tier. */
const SMALL_TIER_MAX_INPUT_USD = 0.5;

/**
 * A concrete start for prompt-side work with no model named: the small current API tiers in the catalog (not retiring
 * within NEW_BUILD_HORIZON_DAYS), with their list prices and, when the volume is known, the monthly bill; one larger
 * tier to step up to if the evaluation asks for it; and the families that retire soon, to avoid for a new build.
 */
export function apiModelSuggestion(
  knowledge: Knowledge,
  requestsPerDay: number | undefined,
  size: { input: number; output: number } = {
    input: DEFAULT_INPUT_TOKENS_PER_REQUEST,
    output: DEFAULT_OUTPUT_TOKENS_PER_REQUEST,
  },
): string | undefined {
  const today = knowledge.manifest.referenceDate;
  const horizon = new Date(Date.parse(today) + NEW_BUILD_HORIZON_DAYS * 86_400_000).toISOString().slice(0, 10);
  const priced = knowledge.models.filter(
    (model) => model.apiPrice !== undefined && model.modality === 'text' && model.family !== 'o-series',
  );
  const current = priced.filter((model) => model.endOfLife === undefined || model.endOfLife > horizon);
  const input = (model: (typeof priced)[number]) => model.apiPrice?.usdPerMillionInput ?? Number.POSITIVE_INFINITY;
  const small = current.filter((model) => input(model) <= SMALL_TIER_MAX_INPUT_USD).sort((a, b) => input(b) - input(a));
  const larger = current.filter((model) => input(model) > SMALL_TIER_MAX_INPUT_USD).sort((a, b) => input(a) - input(b));
  if (small.length === 0) return undefined;
  const price = (model: (typeof priced)[number]) => {
    const { usdPerMillionInput, usdPerMillionOutput } = model.apiPrice ?? {
      usdPerMillionInput: 0,
      usdPerMillionOutput: 0,
    };
    const monthly =
      requestsPerDay === undefined
        ? ''
        : `, about $${Math.round(((requestsPerDay * (size.input * usdPerMillionInput + size.output * usdPerMillionOutput)) / 1e6) * 30).toLocaleString('en-US')} a month at your volume`;
    return `${plainModelName(model.name)} ($${usdPerMillionInput.toFixed(2)}/$${usdPerMillionOutput.toFixed(2)} per million input/output tokens${monthly})`;
  };
  const retiring = [
    ...new Set(
      priced
        .filter((model) => model.endOfLife !== undefined && model.endOfLife >= today && model.endOfLife <= horizon)
        .map((model) => `${plainModelName(model.name)} (${model.endOfLife})`),
    ),
  ].slice(0, 3);
  const stepUp = larger[0]
    ? ` Step up to ${price(larger[0])} only if the evaluation says the small tier falls short.`
    : '';
  const avoid = retiring.length > 0 ? ` Not for a new build: ${joinWords(retiring)}, which shut down soon.` : '';
  return `Start with a small current API model and measure it on your evaluation set: ${small.slice(0, 2).map(price).join(' or ')}.${stepUp}${avoid}`;
}

/** A stated API bill this many times the list price of the stated traffic is flagged as inflated by something else. */
const BILL_CHECK_RATIO = 3;

/** Open models suggested for one machine, when nothing else sizes the pick (billions of parameters). */
const LOCAL_MODEL_MIN_PARAMS_B = 3;
const LOCAL_MODEL_MAX_PARAMS_B = 8.5;

/**
 * "Which model would you pick?": the model the plan runs on and why that one, then up to two alternatives the engine
 * judged possible. With no model named and none proposed, what decides the choice.
 */
export function modelReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile> = {},
  openWanted = false,
): string {
  const { destination, modelOptions } = recommendation;
  const method = shortMethodName(knowledge, destination.method);
  const chosen = destination.model.name === null ? undefined : plainModelName(destination.model.name);
  const others = modelOptions
    .filter((option) => option.verdict !== 'not-viable' && plainModelName(option.model) !== chosen)
    .slice(0, 2)
    .map((option) => plainModelName(option.model));
  const alternatives = others.length > 0 ? ` Also possible: ${joinWords(others)}.` : '';
  if (destination.student !== undefined)
    return `${destination.student} as the student, trained on ${chosen === undefined ? "the large model's" : `${chosen}'s`} outputs: ${method} needs a model small enough to serve where the large one is too costly or too big.${alternatives}`;
  if (chosen === undefined) {
    // Prompt-side work with no model yet and nothing keeping data in-house: a current API model from the catalog.
    const suggestion =
      destination.objective === 'none' &&
      profile.dataMustStayOnPrem !== true &&
      (profile.gpuCount ?? 0) === 0 &&
      !openWanted
        ? apiModelSuggestion(knowledge, profile.requestsPerDay, requestSize(profile))
        : undefined;
    if (suggestion) return `${suggestion}${alternatives}`;
    // Judging images: a vision model, sized for where it runs.
    const images =
      profile.taskType === 'image-understand' || profile.modality === 'image' || profile.modality === 'vision-language';
    if (images && profile.taskType !== 'image-generate') {
      const vision = knowledge.models.filter(
        (model) =>
          model.modality === 'vision-language' && model.access === 'open-weights' && model.paramsB !== undefined,
      );
      if (vision.length > 0) {
        const where =
          profile.deviceMemoryGB !== undefined ? `the ${profile.deviceMemoryGB} GB on your device` : 'your GPUs';
        const listed = vision.map((model) => `${plainModelName(model.name)} (${model.paramsB}B, open weights)`);
        return `For judging images, an image model, not a text one: ${joinWords(listed)} from the catalog, small enough for ${where}, tuned on your labelled images. Dedicated detectors and anomaly models are outside this catalog, so I can't size them.${alternatives}`;
      }
    }
    // On a device, the device's memory decides the model, not the training GPU's.
    const picked =
      profile.deviceMemoryGB === undefined ? undefined : largestDeviceModel(knowledge, profile.deviceMemoryGB, profile);
    const besides = others.filter((other) => other !== picked?.name);
    if (picked !== undefined && profile.deviceMemoryGB !== undefined)
      return `${deviceModelWords(picked, profile.deviceMemoryGB)}${besides.length > 0 ? ` Also possible: ${joinWords(besides)}.` : ''}`;
    // GPUs of the team's own: the largest open model whose weights leave room for requests on them.
    const onOwn = openModelForGpus(knowledge, profile);
    if (onOwn)
      return `${onOwn} Either serves ${method} on them; name another model and I'll check access, fit and cost.${alternatives}`;
    // Asked for a model to run and tune locally, with no GPUs or device named: the small open instruct models.
    if (openWanted) {
      const small = knowledge.models
        .filter(
          (model) =>
            model.access === 'open-weights' &&
            model.modality === 'text' &&
            (model.architecture?.kind ?? 'decoder') === 'decoder' &&
            model.supersededBy === undefined &&
            (model.paramsB ?? 0) >= LOCAL_MODEL_MIN_PARAMS_B &&
            (model.paramsB ?? Number.POSITIVE_INFINITY) <= LOCAL_MODEL_MAX_PARAMS_B,
        )
        .sort((a, b) => (b.paramsB ?? 0) - (a.paramsB ?? 0))
        .slice(0, 3)
        .map((model) => `${plainModelName(model.name)} (${model.paramsB}B)`);
      if (small.length > 0)
        return `An open-weight instruct model you download and tune yourself, about 3–8B for one machine: ${joinWords(small)} from the catalog. At 4 bits a 7–8B model's weights take about ${gigabytes(7.6 * INT4_BYTES_PER_PARAM)}–${gigabytes(8 * INT4_BYTES_PER_PARAM)} GB, so QLoRA on it wants a GPU or unified memory of about 12–16 GB; name one and your memory, and I'll size it.${alternatives}`;
    }
    return `Any capable instruct model will do for ${method}; name the one you use (or may use) and I'll check access, fit and cost.${alternatives}`;
  }
  if (destination.model.switched) {
    // Why the named model is out: its vendor retires it (a tuned copy goes with it), else the words of the rule that
    // rules the method out there.
    const retiring = knowledge.models.find((model) => model.name === profile.modelName);
    const today = knowledge.manifest.referenceDate;
    // (Only when the retirement is why the plan moved: a plan moved for data that must stay says the rule instead.)
    const retires =
      retiring?.endOfLife !== undefined &&
      retiresWithinNotice(retiring.endOfLife, today) &&
      retiring.endOfLife > today &&
      /retires within months/.test(destination.why);
    const blocker = entryOf(recommendation, destination.method)?.blockers[0]?.text;
    const because = retires
      ? ` On the model you named: ${retiring.vendor} shuts ${plainModelName(retiring.name)} down on ${retiring.endOfLife} and a tuned copy goes with it, so the tuning moves to a model that stays${profile.allowedProviders === undefined ? '' : ' (among what the providers you may use offer)'}.`
      : blocker
        ? ` On the model you named: ${lowerFirst(blocker)}`
        : '';
    return `${chosen}, which allows ${method} on what you described.${because}${alternatives}`;
  }
  if (destination.model.proposed)
    return `${chosen}: it fits what you described (hardware, data rules, access) and can take ${method}.${alternatives}`;
  // Its vendor shuts it down within months: the live models of the same vendor, nearest in price, are where to go.
  const named = knowledge.models.find((model) => model.name === destination.model.name);
  const today = knowledge.manifest.referenceDate;
  // (Already shut down by its vendor, "nano is dead": the same answer, said in the past.)
  if (named?.endOfLife !== undefined && (named.endOfLife <= today || retiresWithinNotice(named.endOfLife, today))) {
    const successors = liveSuccessors(named, knowledge, today);
    if (successors.length > 0) {
      const priced = (model: Model) =>
        `${plainModelName(model.name)} ($${model.apiPrice?.usdPerMillionInput} / $${model.apiPrice?.usdPerMillionOutput} per million input / output tokens)`;
      const listed = successors.map(priced);
      // Nearest is not near when every live model of the vendor costs several times as much per request.
      const ratio = Math.min(...successors.map((model) => requestPrice(model) / requestPrice(named)));
      const dearer =
        ratio >= DEARER_RATIO
          ? `, though at list prices they cost about ${Math.round(ratio)}× as much per request as ${plainModelName(named.name)}`
          : '';
      const cheaperModels = ratio >= DEARER_RATIO ? liveModelsPricedLike(named, knowledge, today) : [];
      const cheaper = cheaperModels.map(priced);
      const others = cheaper.length > 0 ? ` Live models of other vendors priced like it: ${cheaper.join(' or ')}.` : '';
      const tunableOthers = cheaperModels.filter((model) =>
        offersService(knowledge, model, ['supervised-fine-tuning'], today),
      );
      // A provider's tuning job carries over only where a provider offers it on the new model.
      const tuningOffered = successors.some((model) =>
        offersService(knowledge, model, ['supervised-fine-tuning'], today),
      );
      const carries =
        destination.method === 'managed-fine-tuning' && !tuningOffered
          ? tunableOthers.length > 0
            ? `no provider offers supervised tuning of ${joinWords(successors.map((model) => plainModelName(model.name)))}, while ${joinWords(tunableOthers.map((model) => plainModelName(model.name)))} ${tunableOthers.length > 1 ? 'have' : 'has'} a provider's tuning job, so a tuned model means one of ${tunableOthers.length > 1 ? 'those' : 'that'} or an open model with LoRA`
            : `no provider offers supervised tuning of ${successors.length > 1 ? 'them' : 'it'}, so keeping a tuned model means an open model with LoRA (or another vendor's tuning service)`
          : `${method} carries over to it`;
      const shutDown =
        named.endOfLife <= today
          ? `${chosen} was shut down by its vendor on ${named.endOfLife} (another provider may still serve it, with no announced end), so move`
          : `${chosen} is shut down by its vendor on ${named.endOfLife}, so move before then`;
      return `${shutDown}: ${listed.join(' or ')}, the vendor's live models nearest in price${dearer}.${others} Run your evaluation set on the new model first; ${carries}.${alternatives}`;
    }
  }
  return `Stay on ${chosen}, the model you named: ${method} works on it as described.${alternatives}`;
}

/**
 * "Why not Llama 3.2 1B?": the model weighed, judged with the plan's method on it (`onWeighed` is the engine's answer
 * with that model named), against the model the plan runs on.
 */
export function whyNotModelReply(
  plan: Recommendation,
  onWeighed: Recommendation,
  weighed: Model,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): string {
  const { destination } = plan;
  const method = shortMethodName(knowledge, destination.method);
  const name = plainModelName(weighed.name);
  const chosen = destination.model.name === null ? undefined : plainModelName(destination.model.name);
  if (chosen === name) return `${name} is the model the plan runs on already: ${method} works on it as described.`;
  // ("why not GPT-4.1 mini?" when its vendor shuts it down within weeks: what is built on it dies with it, which is why
  // the plan runs on another model.)
  const entry = onWeighed.recommendations.find((item) => item.method === destination.method);
  // (Possible on it, but shut down within months: what is built on it stops then. When the plan moved off it, that is
  // why; a method impossible on it is answered by its blocker below.)
  const today = knowledge.manifest.referenceDate;
  if (
    entry !== undefined &&
    entry.verdict !== 'not-viable' &&
    weighed.endOfLife !== undefined &&
    weighed.endOfLife > today &&
    retiresWithinNotice(weighed.endOfLife, today) &&
    chosen !== undefined
  )
    return `${name}: ${weighed.vendor} shuts it down on ${weighed.endOfLife}, and anything built or tuned on it stops with it, so ${method} on it would last only until then. ${destination.model.switched ? `That is why the plan runs on ${chosen} instead; pick` : `Stay on ${chosen}, or pick`} a model that stays available for at least the life of your project.`;
  if (entry === undefined || entry.verdict === 'not-viable') {
    const blocker = entry?.blockers[0]?.text;
    const because = blocker ? lowerFirst(blocker) : `${method} is not possible on it.`;
    // "Why Gemini 2.5 Pro rather than an open model like Qwen2.5 7B with LoRA?": the weighed model's own plan, with its
    // figures beside the plan's, not only why the plan's method does not apply to it.
    const alternative = onWeighed.destination;
    const alternativeEntry = onWeighed.recommendations.find((item) => item.method === alternative.method);
    if (
      chosen !== undefined &&
      alternative.method !== destination.method &&
      !alternative.model.switched &&
      alternativeEntry !== undefined &&
      alternativeEntry.verdict !== 'not-viable'
    ) {
      const theirs = planEstimates(onWeighed, alternative.method);
      const ours = planEstimates(plan, destination.method);
      const dollars = (value: number) => `$${money.format(Math.round(value))}`;
      const training =
        theirs?.trainingGpuHours === undefined
          ? undefined
          : `about ${money.format(theirs.trainingGpuHours)} GPU-hours to train (three runs)${theirs.oneTimeUSD === undefined ? '' : theirs.oneTimeUSD === 0 ? ' on your GPUs' : `, about ${dollars(theirs.oneTimeUSD)} rented`}`;
      const serving =
        theirs?.monthlyUSD === undefined ? undefined : `about ${dollars(theirs.monthlyUSD)} a month to serve`;
      const figures = [training, serving].filter((part) => part !== undefined);
      const against =
        ours?.monthlyUSD === undefined ? '' : `, against about ${dollars(ours.monthlyUSD)} a month for ${chosen}`;
      // (Who runs which: the weighed API model is its provider's job beside the plan's own open model, or the reverse.)
      const weighedByProvider = alternative.channel === 'managed' && destination.channel !== 'managed';
      const verdict = weighedByProvider
        ? theirs?.monthlyUSD !== undefined && ours?.monthlyUSD !== undefined
          ? ` ${name} ${theirs.monthlyUSD < ours.monthlyUSD * 0.8 ? 'is cheaper to run' : 'costs about the same or more to run'}, and its tuning is run and served by its provider; ${chosen} you train and serve yourselves (and keep the weights).`
          : ` The difference is who runs it: ${name} is tuned and served by its provider, ${chosen} you train and serve yourselves (and keep the weights).`
        : theirs?.monthlyUSD !== undefined && ours?.monthlyUSD !== undefined
          ? theirs.monthlyUSD < ours.monthlyUSD * 0.8
            ? ` ${name} is cheaper to run, at the price of training and serving it yourselves; ${chosen}'s tuning is run by its provider.`
            : ` It costs about the same or more to run, and you would train and serve it yourselves; ${chosen}'s tuning is run by its provider.`
          : ` The difference is who runs it: ${name} you train and serve yourselves (and keep the weights), ${chosen} is tuned and served by its provider.`;
      // ("why not just use GPT-4.1 mini with JSON mode and skip training?": what its calls cost prompted as it is.)
      const prompted = onWeighed.recommendations.find((item) => item.method === 'prompt-engineering')?.estimates;
      const promptedBill =
        weighedByProvider && prompted?.monthlyUSD !== undefined && prompted.memoryGB === undefined
          ? ` Prompted as it is, with no tuning, its calls would cost about ${dollars(prompted.monthlyUSD)} a month at your volume and list price${profile.taskType === 'extract' ? '; a JSON schema mode keeps the output parseable, not the right fields in it' : ''}.`
          : '';
      return `${name} can't take ${method} (${because.replace(/\.$/, '')}); on it the plan would be ${shortMethodName(knowledge, alternative.method)}${figures.length > 0 ? `: ${joinWords(figures)}` : ''}${against}.${verdict}${promptedBill} Score both on the same held-out set before you choose.`;
    }
    return `${name} does not suit this plan: ${because}${chosen === undefined ? '' : ` That is why the plan runs on ${chosen}.`}`;
  }
  const deciding = entry.verdict === 'conditional' ? (entry.decidedBy ?? []) : [];
  // ("why not the 8B with plain LoRA?": on the smaller model the plan's QLoRA is possible, but its own plan is LoRA.)
  const own = onWeighed.destination.method;
  const ownEntry = onWeighed.recommendations.find((item) => item.method === own);
  const ownHours = ownEntry?.estimates?.trainingGpuHours;
  const ownPlan =
    own !== destination.method && ownEntry !== undefined && ownEntry.verdict !== 'not-viable'
      ? `; on it I would plan ${shortMethodName(knowledge, own)} instead${ownHours === undefined ? '' : ` (about ${money.format(ownHours)} GPU-hours for three runs)`}`
      : '';
  const works = `${method} on it is possible${entry.verdict !== 'conditional' ? '' : deciding.length > 0 ? `, depending on ${joinWords(deciding.map((field) => unknownWords(field)))}` : ' under conditions'}${ownPlan}`;
  const weighedB = weighed.paramsB;
  const memory = profile.deviceMemoryGB;
  const weighedNeed =
    weighedB === undefined
      ? undefined
      : deviceNeed({ paramsB: weighedB, architecture: weighed?.architecture }, profile);
  const onDevice =
    memory !== undefined && weighedNeed !== undefined
      ? weighedNeed.totalGB <= memory
        ? ` (${deviceNeedWords(weighedNeed, memory)} on the device)`
        : ` but on the device ${deviceNeedWords(weighedNeed, memory)}: too much`
      : '';
  const chosenModel = destination.model.name === null ? undefined : knowledge.findModel(destination.model.name);
  const chosenB = chosenModel?.paramsB;
  if (chosen === undefined || chosenB === undefined || weighedB === undefined)
    return `${name}: ${works}${onDevice}. Name it as your model and I'll give the whole plan on it.`;
  if (onDevice.startsWith(' but')) return `${name}: ${works}${onDevice}. That is why the plan runs on ${chosen}.`;
  if (weighedB < chosenB) {
    const sameFamily = chosenModel?.family !== undefined && chosenModel.family === weighed.family;
    const why =
      destination.model.proposed || destination.model.switched
        ? `I picked ${chosen} because it is the larger of the current models that fit what you described${sameFamily ? ', and within a family the larger model usually does the task better' : ''}`
        : `You named ${chosen}, which fits what you described`;
    return `${name} would work too: ${works}${onDevice}. ${why}; ${name} is lighter and faster. Score both on the same held-out set and take ${name} if it meets your bar.`;
  }
  const reason =
    (memory !== undefined || profile.deployment === 'edge' || profile.deployment === 'mobile') &&
    !inSmallModelClass(weighedB)
      ? `on a device I keep to a model of about ${SMALL_MODEL_PARAMS_B}B or less, which generates fast enough there`
      : destination.model.proposed || destination.model.switched
        ? `${chosen} is the one that fits what you described (hardware, budget, volume) with room to spare`
        : `you named ${chosen}, and ${method} works on it`;
  return `${name}: ${works}${onDevice}, but it is larger, and ${reason}. If ${chosen} falls short on your evaluation set, ${name} is the next one to try.`;
}

/** A model shut down within this many days is one to move off now. */
const RETIRING_NOTICE_DAYS = 183;

/** A shutdown date within the notice: the model is one to move off now. */
function retiresWithinNotice(endOfLife: string, today: string): boolean {
  return daysBetween(today, endOfLife) <= RETIRING_NOTICE_DAYS;
}
/** A successor at this many times the price per request is said to be dearer, with cheaper models beside it. */
const DEARER_RATIO = 2;

/** List price of one request at the estimator's default request size (input and output tokens). */
function requestPrice(model: Model): number {
  const price = model.apiPrice;
  if (price === undefined) return Number.NaN;
  return (
    (DEFAULT_INPUT_TOKENS_PER_REQUEST * price.usdPerMillionInput +
      DEFAULT_OUTPUT_TOKENS_PER_REQUEST * price.usdPerMillionOutput) /
    1e6
  );
}

/** Live API models of any vendor, same modality, within 1.5× of the model's price per request (at most two, cheapest first). */
function liveModelsPricedLike(model: Model, knowledge: Knowledge, today: string): Model[] {
  const own = requestPrice(model);
  if (!Number.isFinite(own)) return [];
  return knowledge.models
    .filter(
      (other) =>
        other.vendor !== model.vendor &&
        other.modality === model.modality &&
        other.apiPrice !== undefined &&
        requestPrice(other) <= own * 1.5 &&
        reachableUnderAllowedProviders(other, knowledge) &&
        (other.endOfLife === undefined || !retiresWithinNotice(other.endOfLife, today)),
    )
    .sort((a, b) => requestPrice(a) - requestPrice(b))
    .slice(0, 2);
}

/** Live models of the same vendor and modality with a list price, nearest in price first (at most two). */
function liveSuccessors(model: Model, knowledge: Knowledge, today: string): Model[] {
  const price = model.apiPrice?.usdPerMillionInput;
  if (price === undefined) return [];
  return knowledge.models
    .filter(
      (other) =>
        other.vendor === model.vendor &&
        other.id !== model.id &&
        other.modality === model.modality &&
        other.apiPrice !== undefined &&
        reachableUnderAllowedProviders(other, knowledge) &&
        (other.endOfLife === undefined || !retiresWithinNotice(other.endOfLife, today)),
    )
    .sort(
      (a, b) =>
        Math.abs(Math.log((a.apiPrice?.usdPerMillionInput ?? 1) / price)) -
        Math.abs(Math.log((b.apiPrice?.usdPerMillionInput ?? 1) / price)),
    )
    .slice(0, 2);
}

/** Supervised methods that come before preference tuning. */
const SUPERVISED_FIRST: ReadonlySet<MethodId> = new Set([
  'lora',
  'qlora',
  'full-fine-tuning',
  'instruction-tuning',
  'managed-fine-tuning',
]);

/** Share of the GPUs' memory the weights may take, leaving the rest for the context cache of concurrent requests. */
const WEIGHTS_SHARE_OF_MEMORY = 0.8;

/**
 * The largest current open text model whose 16-bit weights (2 bytes per parameter) fit the team's GPUs with room for
 * requests, and a larger one at 4 bits if there is one. Undefined without GPUs or their memory.
 */
/** On a device with a memory budget: the largest current open text model whose 4-bit weights leave room there. */
/**
 * The largest current open text model whose 4-bit weights fit a device's memory, with room left for the context and
 * the runtime (sized as the device rule sizes it: a device format at about 4.9 bits a weight, embeddings included).
 */
export function largestDeviceModel(
  knowledge: Knowledge,
  memoryGB: number,
  profile: Partial<Profile> = {},
): { name: string; paramsB: number; weightsGB: number } | undefined {
  const deviceBytes = DEVICE_BITS_PER_WEIGHT / 8;
  const best = knowledge.models
    .filter(
      (model) =>
        model.access === 'open-weights' &&
        (model.modality === 'text' || model.modality === 'code') &&
        ['decoder', 'moe-decoder'].includes(model.architecture?.kind ?? 'decoder') &&
        model.paramsB !== undefined &&
        model.supersededBy === undefined &&
        deviceNeed({ paramsB: model.paramsB, architecture: model.architecture }, profile).totalGB <= memoryGB,
    )
    .sort((a, b) => (b.paramsB ?? 0) - (a.paramsB ?? 0))[0];
  if (best?.paramsB === undefined) return undefined;
  return { name: plainModelName(best.name), paramsB: best.paramsB, weightsGB: best.paramsB * deviceBytes };
}

function deviceModel(knowledge: Knowledge, profile: Partial<Profile>): string | undefined {
  const memory = profile.deviceMemoryGB;
  if (memory === undefined) return undefined;
  const best = largestDeviceModel(knowledge, memory, profile);
  return best === undefined ? undefined : deviceModelWords(best, memory);
}

/** The model the device holds, in words. */
function deviceModelWords(best: { name: string; weightsGB: number }, memory: number): string {
  return `${best.name} at 4 bits: its weights take about ${gigabytes(best.weightsGB)} GB of the ${memory} GB the device gives it, leaving room for the context and the runtime; it trains on your GPU and runs on the device.`;
}

function openModelForGpus(knowledge: Knowledge, profile: Partial<Profile>): string | undefined {
  // ("does it fit on one A100 80GB?": a card named without a count is one.)
  const count = profile.gpuCount ?? (profile.gpuName === undefined ? undefined : 1);
  if (count === undefined || count <= 0) return undefined;
  const gpu = knowledge.gpus.find((entry) => entry.name === profile.gpuName);
  const perGpu = profile.gpuMemoryGB ?? gpu?.memoryGB;
  if (perGpu === undefined) return undefined;
  const room = perGpu * count * WEIGHTS_SHARE_OF_MEMORY;
  const pool = knowledge.models.filter(
    (model) =>
      model.access === 'open-weights' &&
      (model.modality === 'text' || model.modality === 'code') &&
      ['decoder', 'moe-decoder'].includes(model.architecture?.kind ?? 'decoder') &&
      model.paramsB !== undefined &&
      model.supersededBy === undefined,
  );
  const largest = (bytesPerParam: number) =>
    pool
      .filter((model) => (model.paramsB ?? 0) * bytesPerParam <= room)
      .sort((a, b) => (b.paramsB ?? 0) - (a.paramsB ?? 0))[0];
  const full = largest(2);
  const quantized = largest(INT4_BYTES_PER_PARAM);
  if (full === undefined && quantized === undefined) return undefined;
  const on = `${count} × ${gpu?.name ?? 'GPU'} (${gigabytes(perGpu * count)} GB)`;
  const first = full
    ? `${plainModelName(full.name)} (its instruct version) in 16-bit: its weights take about ${gigabytes((full.paramsB ?? 0) * 2)} GB of your ${on}, leaving room for requests.`
    : '';
  const bigger =
    quantized && quantized !== full
      ? ` ${full ? 'Or' : 'At 4 bits,'} ${plainModelName(quantized.name)} at 4 bits (about ${gigabytes((quantized.paramsB ?? 0) * INT4_BYTES_PER_PARAM)} GB).`
      : '';
  return `${first}${bigger}`.trim();
}

/**
 * "One adapter per client or one model for all?": one shared base with a small adapter per unit, against one model
 * for all and one full copy each, with the sources behind it as footnotes.
 */
export function perTaskReply(unit: string, knowledge: Knowledge, profile: Partial<Profile> = {}): InfoAnswer {
  const text = `One shared base model with a small LoRA adapter per ${unit}: each adapter is megabytes rather than a full copy, is trained on that ${unit}'s data alone, and one server loads many of them and picks one per request [1][2]. A full fine-tune per ${unit} means serving that many full copies of the model. One model for all is simpler and works when they share the task and style and the prompt can say which ${unit} it is for: start there with a baseline, and add adapters for the ones it cannot match.`;
  // With the counts known: how many examples each one has on average, against where tuning starts to pay.
  const units = profile.tasksCount;
  const examples = profile.labeledExamples;
  if (units === undefined || units < 2 || examples === undefined || examples <= 0)
    return { text, ...footnotesFor(['lora', 'fireworks'], undefined, knowledge) };
  const average = examples / units;
  const share =
    average < OWN_ADAPTER_MIN_EXAMPLES
      ? ` Your ${count.format(examples)} examples over ${count.format(units)} come to about ${count.format(average)} per ${unit}, near where tuning starts to show gains (about 50 examples) [3]: train one shared adapter on all of them, with the ${unit} named in the prompt, and give a ${unit} its own adapter only where it has thousands of examples and the shared one misses it.`
      : ` Your ${count.format(examples)} examples over ${count.format(units)} come to about ${count.format(average)} per ${unit}: enough for an adapter each where the shared baseline misses.`;
  return { text: `${text}${share}`, ...footnotesFor(['lora', 'fireworks', 'oai-sft'], undefined, knowledge) };
}

/** Examples a tenant needs before its own adapter beats the shared one plus a prompt (the order of magnitude). */
const OWN_ADAPTER_MIN_EXAMPLES = 1000;

/** Where the advice stands, in one line: the destination, its model and the first step. */
export function standingReply(recommendation: Recommendation, knowledge: Knowledge): string {
  // With several jobs, where each job's advice stands (the jobs together have no plan of their own).
  if (recommendation.jobs !== undefined && recommendation.jobs.length >= 2)
    return `The advice stands, job by job: ${jobsInOneLine(recommendation.jobs, knowledge, plainModelName)}.`;
  const { destination } = recommendation;
  const on = destination.model.name === null ? '' : ` on ${plainModelName(destination.model.name)}`;
  const first = firstStepReply(recommendation, knowledge);
  return `The advice stands: ${shortMethodName(knowledge, destination.method)}${on}. ${first}`;
}

export function smallTalkReply(): string {
  return 'Glad to help. Ask "how much would it cost?", "will it fit?", "why not …?" or "what if …?" whenever you like.';
}

function rentLine(recommendation: Recommendation, method: MethodId): string {
  if (method !== recommendation.destination.method) return '';
  const rent = recommendation.computeOptions.find((option) => option.kind === 'rent');
  return rent && rent.usd !== undefined
    ? ` Renting ${rent.count} × ${rent.gpu} for about ${rent.hours} h would cost about $${money.format(rent.usd)}.`
    : '';
}

function entryOf(recommendation: Recommendation, method: MethodId): MethodRecommendation | undefined {
  return recommendation.recommendations.find((entry) => entry.method === method);
}

function verdictWords(entry: MethodRecommendation): string {
  if (entry.verdict === 'conditional') {
    const deciders = (entry.decidedBy ?? []).map(fieldLabel);
    const shown = deciders.length > 3 ? [...deciders.slice(0, 3), 'more'] : deciders;
    return `possible depending on ${joinWords(shown)}`;
  }
  if (entry.verdict === 'not-viable') return 'ruled out';
  return entry.verdict;
}

/** "Your GPUs cannot hold it (needs about 60 GB, you have 24 GB), so it is rented: " when the team has GPUs too small. */
function tooSmall(memory: { needed?: number; available?: number | null; fit?: string } | undefined): string {
  if (memory?.fit !== 'no' || memory.needed === undefined || memory.available == null) return '';
  if (memory.available === 0) return 'You have no GPUs of your own, so it is rented: ';
  return `Your GPUs cannot hold it (it needs about ${Math.round(memory.needed)} GB, you have ${Math.round(memory.available)} GB), so it is rented: `;
}

/** Bytes per parameter of a frozen 16-bit copy of the model (estimation.md, weights). */
const REFERENCE_BYTES_PER_PARAM = 2;
/** 8-bit Adam against mixed-precision AdamW: 12 instead of 18 bytes a parameter (estimation.md, EAI-blog). */
const EIGHT_BIT_ADAM_SAVING_BYTES_PER_PARAM = 6;

/**
 * "Will full-parameter DPO fit?": preference tuning of every weight needs what full fine-tuning needs, plus the frozen
 * copy of the starting model that DPO's loss compares against (Rafailov et al.), held in 16 bits. The engine costs
 * preference tuning with LoRA; this answers the full-parameter question from the full fine-tuning estimate. Undefined
 * when the model's size or the full fine-tuning estimate is unknown.
 */
export function fullPreferenceFit(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  /** Levers the team asks about: 8-bit Adam (12 instead of 18 bytes a parameter), reference log-probs precomputed. */
  levers: { eightBitAdam?: true; precomputedReference?: true } = {},
): string | undefined {
  const full = entryOf(recommendation, 'full-fine-tuning')?.estimates?.memoryGB;
  const params =
    knowledge.models.find((model) => model.name === profile.modelName)?.paramsB ?? profile.modelParamsB ?? undefined;
  if (full === undefined || params === undefined) return undefined;
  const reference = levers.precomputedReference ? 0 : params * REFERENCE_BYTES_PER_PARAM;
  const saved = levers.eightBitAdam ? params * EIGHT_BIT_ADAM_SAVING_BYTES_PER_PARAM : 0;
  const total = full.needed + reference - saved;
  const gpus = full.gpuCount ?? 1;
  const perGpu = (full.perGpu ?? full.needed) + (reference - saved) / gpus;
  const lora = entryOf(recommendation, 'preference-tuning')?.estimates?.memoryGB;
  const need =
    gpus > 1
      ? `about ${gigabytes(perGpu)} GB on each GPU (${gigabytes(total)} GB in all)`
      : `about ${gigabytes(total)} GB`;
  const leverWords = joinWords([
    ...(levers.eightBitAdam
      ? [`8-bit Adam (12 bytes a parameter instead of 18, about ${gigabytes(saved)} GB less in all)`]
      : []),
    ...(levers.precomputedReference
      ? ['the reference log-probs precomputed in one pass beforehand (no reference copy in memory)']
      : []),
  ]);
  const what =
    leverWords === ''
      ? `preference tuning of every weight (full-parameter DPO) needs what full fine-tuning needs plus a frozen 16-bit copy of the model as DPO's reference (about ${gigabytes(reference)} GB): ${need}`
      : `with ${leverWords}, preference tuning of every weight (full-parameter DPO) needs ${need}`;
  // (When 16-bit LoRA does not fit either, the entry's figure is QLoRA's: said as QLoRA, with LoRA's need beside it.)
  const onQlora = estimatedOnQlora(entryOf(recommendation, 'preference-tuning')?.estimates?.assumptions);
  const withLora =
    lora === undefined
      ? ''
      : onQlora
        ? ` With QLoRA (a 4-bit base and adapters) it needs about ${gigabytes(lora.perGpu ?? lora.needed)} GB${gpus > 1 && lora.perGpu !== undefined ? ' on each GPU' : ''}${lora.fits === true ? ', which fits' : ''}; 16-bit LoRA does not fit your GPUs.`
        : ` With LoRA it needs about ${gigabytes(lora.perGpu ?? lora.needed)} GB${gpus > 1 && lora.perGpu !== undefined ? ' on each GPU' : ''}, the usual way on GPUs like these.`;
  if (full.available === null)
    return `${what.charAt(0).toUpperCase()}${what.slice(1)}; tell me your GPUs and I'll say whether it fits.${withLora}`;
  if (full.available === 0) return `You have no GPUs of your own: ${what}, so it runs on rented GPUs.${withLora}`;
  const have =
    gpus > 1
      ? `${gigabytes(full.available / gpus)} GB on each of your ${gpus} GPUs`
      : `${gigabytes(full.available)} GB`;
  const fits = gpus > 1 ? perGpu <= full.available / gpus : total <= full.available;
  return fits ? `Yes: ${what}, and you have ${have}.` : `No: ${what}, and you have ${have}.${withLora}`;
}
