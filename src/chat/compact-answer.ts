/**
 * @module The recommendation as a chat reader wants it: one line that answers, then short sections (why, plan,
 * costs, what is ruled out, what would change the answer) in plain words, with sources as numbered footnotes. No
 * scores, rule ids or traces; "show details" gives the full template explanation. Built only from the engine's data.
 */

import { smallDollars } from '../engine/estimate-feasibility.ts';
import { CPU_TRAINING_NOTE } from '../engine/method-estimates.ts';
import { shortMethodName } from '../engine/method-name.ts';
import { promptMeetsBar } from '../engine/prompt-meets-bar.ts';
import type { MethodEstimates, Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { ProviderOffering } from '../knowledge/schemas.ts';
import { fieldLabel } from '../profile/field-labels.ts';
import type { MethodId, Profile } from '../profile/profile-schema.ts';
import { joinWords } from './describe-field.ts';
import { fallbackWhenLeverFails } from './fallback-words.ts';
import { sensitivityValue, unknownWords } from './reply-words.ts';

/** One numbered footnote: the source a mark [n] in the answer points to. */
export interface FootnoteSource {
  n: number;
  id: string;
  title: string;
  year?: number;
  url?: string;
}

/** Footnotes at most (the destination's strongest reasons). */
const MAX_FOOTNOTES = 4;
/** The rule that says the model cannot be served on the team's GPUs even at 4 bits. */
const UNSERVABLE_RULE = 'model-too-large-to-serve-on-your-gpus';
/** Served from the team's CPUs, slower than its latency target at the measured speed (not ruled out by it). */
const CPU_SLOW_RULE = 'cpu-measured-speed-misses-latency-target';
/** Methods that leave a trained model to serve. */
const TRAINS_WEIGHTS: ReadonlySet<MethodId> = new Set([
  'lora',
  'qlora',
  'full-fine-tuning',
  'instruction-tuning',
  'preference-tuning',
]);
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** The compact answer and its numbered footnotes ("Sources:" and one line each), as one text. */
export function compactAnswer(recommendation: Recommendation, knowledge: Knowledge): string {
  const { text, footnotes } = compactAnswerParts(recommendation, knowledge);
  return footnotes === undefined ? text : `${text}\n\n${footnotes}`;
}

/**
 * The compact answer (at most 1,200 characters, footnote marks [1]… in it) and, apart, its footnotes block, so a
 * reply can put the sources last, after its notes.
 */
export function compactAnswerParts(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile?: Profile,
  /**
   * One job's part of an answer about several: its footnotes go on from the ones before (`footnotes`, shared and
   * grown, up to `maxFootnotes`), and for a job with a plan the ruled-out methods and what would change the answer are
   * left out.
   */
  part?: { footnotes: string[]; maxFootnotes: number },
): { text: string; footnotes?: string; sources?: FootnoteSource[] } {
  const name = (method: MethodId) => shortMethodName(knowledge, method);
  const { destination, firstStep } = recommendation;
  const top = recommendation.recommendations[0];
  const footnotes: string[] = part?.footnotes ?? [];
  const maxFootnotes = part?.maxFootnotes ?? MAX_FOOTNOTES;
  const cite = (sources: readonly string[]) => {
    const marks: string[] = [];
    for (const id of sources) {
      let index = footnotes.indexOf(id);
      if (index === -1 && footnotes.length < maxFootnotes) index = footnotes.push(id) - 1;
      if (index !== -1 && !marks.includes(`[${index + 1}]`)) marks.push(`[${index + 1}]`);
    }
    return marks.length > 0 ? ` ${marks.join('')}` : '';
  };
  const lines: string[] = [];

  const on = destination.student
    ? ` into ${destination.student}${destination.student === destination.model.name ? '' : ` (a smaller model trained on ${destination.model.name === null ? "the large model's" : `${plainModelName(destination.model.name)}'s`} outputs)`}`
    : destination.model.switched && destination.model.proposed !== true
      ? ` on ${destination.model.name} (instead of the model you named)`
      : destination.model.proposed
        ? destination.channel === 'managed'
          ? ` on ${destination.model.name} (the cheapest live model a provider tunes; name yours if you have one)`
          : ` on ${destination.model.name} (a model that fits what you described)`
        : '';
  // A job bought from a provider: say where (the first live offer; the data part lists them all).
  const at = destination.providers?.[0] ? ` through ${destination.providers[0].name}` : '';
  const first = firstStep.methods.filter((method) => method !== destination.method);
  const promptOnly = first.every((method) => method === 'prompt-engineering' || method === 'in-context-learning');
  // A prompt already good enough is no baseline to build: its bill is what comes first.
  const promptGood = profile !== undefined && promptMeetsBar(profile);
  const start =
    first.length === 0
      ? ''
      : promptOnly && promptGood
        ? "; first cut your current prompt's bill (cache what every request shares, batch what can wait) and keep its answers as the bar"
        : promptOnly
          ? '; start with a prompt baseline and an evaluation set'
          : `; start with ${joinWords(first.map(name))}`;
  // On a substitute model the verdicts (about the named model) do not apply to the destination.
  const nothing = !destination.model.switched && (!top || top.verdict === 'not-viable');
  if (nothing || !top) {
    lines.push(`**Nothing can be built as described.** ${destination.why}`);
  } else {
    // What it depends on, in plain words; the model's name, access and size read as one thing: which model.
    const modelFields = new Set(['modelName', 'modelAccess', 'modelParamsB']);
    // A model the advice proposed is not an open question about "which model you use".
    const modelUndecided = !destination.model.proposed && (top.decidedBy ?? []).some((field) => modelFields.has(field));
    // On a proposed model, what its own method there still depends on (it fits the team's card: no budget to ask).
    const undecided = destination.model.dependsOn ?? top.decidedBy ?? [];
    const deciders = [
      ...(modelUndecided ? ['which model you use'] : []),
      // In plain words, the GPU's name, count and memory said once ("which GPUs you have").
      ...new Set(
        undecided
          .filter((field) => !modelFields.has(field))
          .map((field) => unknownWords(field.startsWith('gpu') ? 'gpuName' : field)),
      ),
    ];
    const depends =
      !destination.model.switched && top.verdict === 'conditional' && deciders.length > 0
        ? `, depending on ${joinWords(deciders)}`
        : '';
    lines.push(`**Aim for ${name(destination.method)}${on}${at}${depends}${start}.**`);
    const reasons = top.reasons.filter((reason) => reason.effect.startsWith('+')).slice(0, 2);
    lines.push(`Why: ${destination.why}${cite(reasons.flatMap((reason) => reason.sources))}`);
  }
  // The model's end of life bears on everything built on it: said next to the answer, not among the defaults.
  const lifecycle = recommendation.assumptions.find(isLifecycleNotice);
  if (lifecycle) lines.push(`**Heads-up:** ${lifecycle.why}`);
  // A model trained on the team's GPUs (or a rental) that those GPUs cannot then serve: said next to the answer.
  const unservable = top?.reasons.find((reason) => reason.ruleId === UNSERVABLE_RULE);
  // (Not when the plan moved to another model: the named one's serving is then no part of it.)
  if (unservable && TRAINS_WEIGHTS.has(destination.method) && destination.model.switched !== true)
    lines.push(`**Heads-up:** ${unservable.text}`);
  // Slower than the target on the team's CPUs at the measured speed: the engine's figures for the team's prompt.
  const slowOnCpu = top?.reasons.find((reason) => reason.ruleId === CPU_SLOW_RULE);
  const cpuTimed = recommendation.assumptions.find((assumption) => assumption.field === 'estimates.cpuServing');
  // (The rule is the named model's: not when the plan moved to another, whose own serving the assumptions time.)
  if (slowOnCpu && cpuTimed && destination.model.switched !== true)
    lines.push(`**Heads-up:** ${cpuTimed.why}${cite(slowOnCpu.sources)}`);
  if (recommendation.plan.length > 1) {
    lines.push(
      `Plan: ${recommendation.plan.map((step) => `${step.step}. ${step.methods.map(name).join(' + ')}`).join(' → ')}.`,
    );
  }
  const cost = costLine(recommendation, name, knowledge);
  if (cost) lines.push(cost);
  // (One job of several with a plan: its reasons, plan and costs; a job that cannot be built also says what rules it
  // out and what would change that.)
  if (part !== undefined && !nothing) return { text: lines.join('\n') };
  // The methods a reader weighs; the niche parameterisations (adapter layers, prefix and prompt tuning) are in
  // "show details".
  const ruledOut = recommendation.recommendations
    .filter(
      (entry) =>
        entry.verdict === 'not-viable' && entry.method !== destination.method && !NICHE_METHODS.has(entry.method),
    )
    .slice(0, 2)
    .map((entry) => {
      const memory = entry.estimates?.memoryGB;
      const figure =
        memory && memory.fits === false && memory.available
          ? ` (needs ~${Math.round(memory.needed)} GB, you have ${memory.available} GB)`
          : '';
      return `${name(entry.method)}${figure}${cite(entry.blockers[0]?.sources ?? [])}`;
    });
  const where = destination.model.switched
    ? destination.model.proposed === true
      ? ' on a general LLM'
      : ' on the model you named'
    : '';
  if (ruledOut.length > 0) lines.push(`Ruled out${where}: ${ruledOut.join('; ')}.`);
  if (recommendation.sensitivity.length > 0) {
    const changes = recommendation.sensitivity
      .slice(0, 2)
      .map(
        (entry) =>
          `${fieldLabel(entry.field)} ${sensitivityValue(entry.value, entry.field)} → ${name(entry.becomes)}${onModelWords(entry)}`,
      );
    lines.push(`Would change my answer: ${changes.join('; ')}.`);
  }
  const body = lines.join('\n');
  if (footnotes.length === 0) return { text: body };
  return { text: body, ...footnotesFor(footnotes, recommendation, knowledge) };
}

/** The numbered footnotes ("Sources:" and one line each) for source ids in mark order, and the same as data. */
export function footnotesFor(
  ids: readonly string[],
  recommendation: Recommendation | undefined,
  knowledge: Knowledge,
): { footnotes: string; sources: FootnoteSource[] } {
  const sources = ids.map((id, index): FootnoteSource => {
    const source = recommendation?.sources.find((entry) => entry.id === id) ?? knowledge.sourceById.get(id);
    return source
      ? { n: index + 1, id, title: source.title, year: source.year, url: source.url }
      : { n: index + 1, id, title: id };
  });
  const footnoteLines = sources.map((source) =>
    source.url === undefined
      ? `[${source.n}] ${source.title}`
      : `[${source.n}] ${source.title} (${source.year}) ${source.url}`,
  );
  return { footnotes: `Sources:\n${footnoteLines.join('\n')}`, sources };
}

/** The figures the plan holds for one of its methods: on a substituted or proposed model, the destination's own. */
export function planEstimates(recommendation: Recommendation, method: MethodId): MethodEstimates | undefined {
  return method === recommendation.destination.method && recommendation.destination.estimates
    ? recommendation.destination.estimates
    : recommendation.recommendations.find((entry) => entry.method === method)?.estimates;
}

/** How many of the team's own GPUs its training runs on (the plan's own compute option, else what the team said). */
export function ownTrainingGpus(recommendation: Recommendation, stated: number | undefined): number {
  return recommendation.computeOptions.find((option) => option.kind === 'own')?.count ?? stated ?? 1;
}

function costLine(
  recommendation: Recommendation,
  name: (method: MethodId) => string,
  knowledge: Knowledge,
): string | undefined {
  const method = recommendation.destination.method;
  const parts: string[] = [];
  if (recommendation.destination.model.switched) {
    // The per-method estimates are for the named model; the compute options are for the substitute.
    for (const option of recommendation.computeOptions) {
      if (option.kind === 'own' && option.hours !== undefined)
        parts.push(`${name(method)} on your GPUs ≈ ${money.format(option.hours)} h for three runs, no rental`);
      if (option.kind === 'rent' && option.usd !== undefined)
        parts.push(`renting ${option.count} × ${option.gpu} ≈ $${money.format(option.usd)}`);
    }
    // Another API model (the family's cheaper tier): its bill at the team's volume is the figure.
    const switchedEstimates = recommendation.destination.estimates;
    if (switchedEstimates?.monthlyUSD !== undefined && switchedEstimates.memoryGB === undefined)
      parts.push(
        `≈ $${Math.round(switchedEstimates.monthlyUSD).toLocaleString('en-US')} a month of API calls on ${plainModelName(recommendation.destination.model.name ?? 'that model')}`,
      );
    return parts.length > 0 ? `Cost: ${parts.join('; ')}.` : undefined;
  }
  const estimates = planEstimates(recommendation, method);
  // A job the provider runs is billed by the provider (the catalog has no price); the GPU figures are for training
  // an open student yourself instead.
  const provider =
    recommendation.destination.channel === 'managed' ? recommendation.destination.providers?.[0] : undefined;
  if (provider) {
    const hourly = hourlyHostedOffering(knowledge, provider.name) !== undefined;
    parts.push(
      `${name(method)} through ${provider.name} is billed by the provider (no catalog price yet)${hourly ? ', and the tuned deployment by the hour of hosting' : ''}`,
    );
  }
  if (estimates?.trainingGpuHours !== undefined && provider) {
    parts.push(
      `training an open student yourself instead ≈ ${money.format(estimates.trainingGpuHours)} GPU-hours for three runs${estimates.oneTimeUSD ? `, ≈ $${money.format(estimates.oneTimeUSD)} rented` : ''}`,
    );
  } else if (estimates?.trainingGpuHours !== undefined) {
    // Fits the team's GPUs only with an adjustment (shorter sequences): said with the figure, not left for later.
    const condition =
      estimates.oneTimeUSD === 0 && estimates.memoryGB?.fit === 'fits-if' && estimates.memoryGB.adjustments?.length
        ? ` only if you ${joinWords([...estimates.memoryGB.adjustments])}`
        : '';
    parts.push(
      estimates.oneTimeUSD === 0 && condition
        ? `${name(method)} on your GPUs${condition}, ≈ ${money.format(estimates.trainingGpuHours)} GPU-hours for three runs, no rental; otherwise ${fallbackWhenLeverFails(recommendation, method)}`
        : estimates.oneTimeUSD === 0
          ? timedOnOwnGpu(recommendation)
            ? `${name(method)} on your GPUs ≈ ${money.format(estimates.trainingGpuHours)} GPU-hours for three runs, no rental`
            : `${name(method)} on your GPUs, no rental (their speed is not in the catalog: ≈ ${money.format(estimates.trainingGpuHours)} GPU-hours on a datacenter GPU, longer on yours)`
          : `${name(method)} ≈ ${money.format(estimates.trainingGpuHours)} GPU-hours for three runs${estimates.oneTimeUSD === undefined ? '' : `, ≈ $${money.format(estimates.oneTimeUSD)}`}`,
    );
  } else if (estimates?.assumptions.some((line) => line.startsWith(CPU_TRAINING_NOTE))) {
    // A small encoder trained on the team's CPU server: its RAM, no rent, and no time (no CPU speeds in the catalog).
    parts.push(
      `${name(method)} on your CPU server (about ${money.format(Math.round(estimates.memoryGB?.needed ?? 0))} GB of RAM), no rental; its time is not estimated`,
    );
  } else if (estimates?.oneTimeUSD === 0 && estimates.memoryGB !== undefined && !provider) {
    // An image generator on the team's GPUs: no rent, and no time from a formula that counts text tokens.
    parts.push(`${name(method)} on your GPUs, no rental (its training time is not estimated for image models)`);
  }
  const rent = recommendation.computeOptions.find((option) => option.kind === 'rent');
  if (rent && rent.usd !== undefined && estimates?.oneTimeUSD === 0) {
    parts.push(`renting ${rent.count} × ${rent.gpu} ≈ $${money.format(rent.usd)}`);
  }
  if (estimates?.retrievalOnlyMonthlyUSD !== undefined) {
    // A search: embedding the queries is the bill; a generated answer per search is the option that costs.
    parts.push(
      `retrieval alone ≈ ${smallDollars(estimates.retrievalOnlyMonthlyUSD)} a month to embed the queries (plus hosting the index and a reranker)${estimates.monthlyUSD === undefined || estimates.monthlyUSD === 0 ? '' : `; a generated answer per search would add ≈ $${Math.round(estimates.monthlyUSD).toLocaleString('en-US')} a month`}`,
    );
  } else if (estimates?.monthlyUSD !== undefined) {
    const monthly = Math.round(estimates.monthlyUSD).toLocaleString('en-US');
    parts.push(
      estimates.memoryGB === undefined
        ? `≈ $${monthly} a month of API calls`
        : estimates.monthlyUSD === 0
          ? 'serving it on your own GPUs costs no rent'
          : servedOnRentedGpus(recommendation)
            ? `≈ $${monthly} a month to keep your rented GPUs serving it, at the catalog's rental price`
            : `≈ $${monthly} a month of GPU time to serve it at the rental price${overMonthlyBudget(recommendation) ?? ' (no rent on your own GPU)'}`,
    );
  }
  // Rented training costed for an assumed number of examples: the figure says so, or it reads as the team's.
  const assumedExamples = recommendation.assumptions.find(
    (assumption) => assumption.field === 'estimates.rentalExamples',
  );
  const forExamples =
    typeof assumedExamples?.value === 'number' &&
    estimates?.trainingGpuHours !== undefined &&
    // (Preference tuning is costed on the pairs, not on labelled examples.)
    method !== 'preference-tuning'
      ? ` (for ${money.format(assumedExamples.value)} examples, until you say how many you have)`
      : '';
  return parts.length > 0 ? `Cost: ${parts.join('; ')}${forExamples}.` : undefined;
}

/** The engine served the model on the team's rented GPUs (`gpusRented`): its serving assumption says so. */
function servedOnRentedGpus(recommendation: Recommendation): boolean {
  return recommendation.assumptions.some(
    (assumption) => assumption.field === 'estimates.servingGpus' && /\bof your rented\b/.test(assumption.why),
  );
}

/** Parameter-efficient variants few teams weigh first: left out of the short "Ruled out" line. */
const NICHE_METHODS: ReadonlySet<MethodId> = new Set(['adapters', 'prefix-tuning', 'prompt-tuning']);

/** ", over your $50 monthly budget" when the engine found the rented serving bill over it; undefined otherwise. */
function overMonthlyBudget(recommendation: Recommendation): string | undefined {
  const over = recommendation.assumptions.find((assumption) => assumption.field === 'estimates.servingOverBudget');
  const budget = (over?.value as { monthlyBudgetUSD?: unknown } | undefined)?.monthlyBudgetUSD;
  return typeof budget === 'number' ? `, over your $${budget.toLocaleString('en-US')} monthly budget` : undefined;
}

/** The model's end-of-life notice among the assumptions (shown as a heads-up, not among the defaults). */
export function isLifecycleNotice(assumption: { field: string; why: string }): boolean {
  return assumption.field === 'modelName' && /\bshuts? \S.* down on \d{4}-\d{2}-\d{2}/.test(assumption.why);
}

/** A catalog name without its parenthesised versions, for prose: "Claude Sonnet (3.5, 3.7, 4 and later)" → "Claude Sonnet". */
/** The provider's offering whose tuned deployments are billed by the hour of hosting (providers.json), if any. */
export function hourlyHostedOffering(knowledge: Knowledge, providerName: string): ProviderOffering | undefined {
  return knowledge.providers
    .find((entry) => entry.name === providerName)
    ?.offerings.find((entry) => entry.hostingBilledHourly === true);
}

/** " on Gemini 2.5 Pro" after a sensitivity entry's method, when it moves to another model; empty otherwise. */
export function onModelWords(entry: { readonly on?: string }): string {
  return entry.on === undefined ? '' : ` on ${plainModelName(entry.on)}`;
}

export function plainModelName(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, '');
}

/** The training hours were computed on the team's own GPU (the catalog knows its throughput), not on a reference GPU. */
export function timedOnOwnGpu(recommendation: Recommendation): boolean {
  return recommendation.assumptions.some((assumption) => assumption.why.startsWith('Training time is for your '));
}

/** Footnotes at most in an answer about several jobs, and the fewest new ones each job may add. */
const MAX_JOB_FOOTNOTES = 6;
const MIN_FOOTNOTES_PER_JOB = 2;

/**
 * The answer about two or more jobs: for each, in the order the team listed them, its destination and first step,
 * why, its plan and its costs, headed by the job's name; one numbered list of sources for all.
 */
export function jobsAnswerParts(
  jobs: readonly { name: string; recommendation: Recommendation; profile: Profile }[],
  knowledge: Knowledge,
): { text: string; footnotes?: string; sources?: FootnoteSource[] } {
  const footnotes: string[] = [];
  // Each job cites its own reasons: a share of the footnotes is kept for every job.
  const perJob = Math.max(MIN_FOOTNOTES_PER_JOB, Math.floor(MAX_JOB_FOOTNOTES / Math.max(jobs.length, 1)));
  // A notice about the team's model is said once, in the first section it appears in.
  const said = new Set<string>();
  const sections = jobs.map(({ name, recommendation, profile }, index) => {
    const { text } = compactAnswerParts(recommendation, knowledge, profile, {
      footnotes,
      maxFootnotes: footnotes.length + perJob,
    });
    const [headline = '', ...rest] = text.split('\n');
    const lines = rest.filter((line) => {
      if (!line.startsWith('**Heads-up:**')) return true;
      if (said.has(line)) return false;
      said.add(line);
      return true;
    });
    // "**Aim for RAG; start with …**" becomes "**1. Coverage questions:** aim for RAG; start with …", and
    // "**Nothing can be built as described.** …" becomes "**2. Product photos:** nothing can be built as described. …".
    const heading = `**${index + 1}. ${name.charAt(0).toUpperCase()}${name.slice(1)}:**`;
    const aim = headline.replace(/^\*\*(.*?)\*\*/, '$1');
    return [`${heading} ${aim.charAt(0).toLowerCase()}${aim.slice(1)}`, ...lines].join('\n');
  });
  const planned = jobs.filter(({ recommendation }) => hasPlan(recommendation)).length;
  const heading =
    planned === jobs.length
      ? `**${jobs.length} jobs, each with its own plan:**`
      : planned === 0
        ? `**None of the ${jobs.length} jobs can be built as described:**`
        : `**${jobs.length} jobs: ${planned} with a plan, ${jobs.length - planned} that cannot be built as described:**`;
  const text = [heading, ...sections].join('\n\n');
  if (footnotes.length === 0) return { text };
  // (The sources are looked up in the knowledge: each job's recommendation lists its own.)
  return { text, ...footnotesFor(footnotes, undefined, knowledge) };
}

/** The recommendation has a method to aim for (on the named model, or on the one the plan moved to). */
export function hasPlan(recommendation: Recommendation): boolean {
  const top = recommendation.recommendations[0];
  return top !== undefined && (recommendation.destination.model.switched || top.verdict !== 'not-viable');
}
