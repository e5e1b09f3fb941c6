/**
 * @module Two questions every buyer asks about a plan, answered from the recommendation the engine already holds:
 * how long it takes ("how many weeks until production?") and what could go wrong ("what are the risks?"). The
 * compute time and the risks come from the plan's own figures, the team's profile and the catalog's dates; what no
 * published source measures (the engineering weeks around the compute) is said to be unmeasured, never invented.
 */
import {
  PREFERENCE_MIN_PAIRS,
  SFT_AFTER_PLATEAU_MIN_EXAMPLES,
  SFT_AMPLE_EXAMPLES,
  SFT_MIN_EXAMPLES,
} from '../engine/data-sufficiency.ts';
import { HOURS_PER_WEEK } from '../engine/derive-facts.ts';
import { CPU_TRAINING_NOTE } from '../engine/method-estimates.ts';
import { SFT_SIBLINGS } from '../engine/method-groups.ts';
import { shortMethodName } from '../engine/method-name.ts';
import type { Recommendation } from '../engine/recommendation-schema.ts';
import { PROJECT_RUNS } from '../engine/training-compute.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { fieldLabel } from '../profile/field-labels.ts';
import { EXPERTISE_LEVELS, type MethodId, type Profile } from '../profile/profile-schema.ts';
import {
  isLifecycleNotice,
  onModelWords,
  ownTrainingGpus,
  plainModelName,
  planEstimates,
  timedOnOwnGpu,
} from './compact-answer.ts';
import { joinWords } from './describe-field.ts';
import {
  citedAnswer,
  heldOutCount,
  type InfoAnswer,
  inDaysOrWeeks,
  LONG_ELAPSED_HOURS,
  referenceGpuWords,
  sourceMarks,
} from './info-replies.ts';
import { lowerFirst, sensitivityValue } from './reply-words.ts';

const hours = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Methods that change no weights: their step has no training run. */
const PROMPT_SIDE: ReadonlySet<MethodId> = new Set(['prompt-engineering', 'in-context-learning']);

/** Round-the-clock hours of a training project (three runs) and of one run, on the GPUs it runs on. */
interface TrainingTime {
  projectHours: number;
  runHours: number;
  where: string;
  /** The hours are for the reference GPU, not the team's own (whose speed the catalog lacks). */
  reference: boolean;
}

function trainingTime(
  recommendation: Recommendation,
  method: MethodId,
  profile: Partial<Profile>,
): TrainingTime | undefined {
  const estimates = planEstimates(recommendation, method);
  const gpuHours = estimates?.trainingGpuHours;
  if (gpuHours === undefined || gpuHours <= 0) return undefined;
  if (estimates?.oneTimeUSD === 0) {
    const own = ownTrainingGpus(recommendation, profile.gpuCount);
    const projectHours = gpuHours / Math.max(1, own);
    return {
      projectHours,
      runHours: projectHours / PROJECT_RUNS,
      where: own > 1 ? `on your ${own} GPUs` : 'on your GPU',
      reference: !timedOnOwnGpu(recommendation),
    };
  }
  const rented =
    method === recommendation.destination.method
      ? recommendation.computeOptions.find((option) => option.kind === 'rent' && option.hours !== undefined)
      : undefined;
  if (rented?.hours !== undefined)
    return {
      projectHours: rented.hours,
      runHours: rented.hours / PROJECT_RUNS,
      where: `on ${rented.count ?? 1} rented ${rented.gpu ?? 'GPU'}${(rented.count ?? 1) > 1 ? 's' : ''}`,
      reference: false,
    };
  return { projectHours: gpuHours, runHours: gpuHours / PROJECT_RUNS, where: 'on one GPU', reference: false };
}

/** "about 3 h" or, when that long, "about 5 days". */
function elapsed(value: number): string {
  return value >= LONG_ELAPSED_HOURS ? inDaysOrWeeks(value) : `about ${hours.format(Math.max(0.1, value))} h`;
}

/** The methods of the plan in order (the destination when the plan lists none). */
function planMethods(recommendation: Recommendation): MethodId[] {
  const methods = recommendation.plan.flatMap((step) => step.methods);
  const all = methods.length > 0 ? methods : [recommendation.destination.method];
  return [...new Set(all)];
}

/**
 * "How many weeks until this is in production?": each step of the plan with what its compute takes (none for prompt
 * work and retrieval; the training runs' round-the-clock hours on the team's or rented GPUs; a provider's job), set
 * against the team's timeline and any end date the plan depends on. The engineering time around the compute (the
 * evaluation set, the data, reviews, integration) has no published figure: said so, not guessed.
 */
/** A stated figure within this factor of the value that changes the advice is a risk worth naming. */
const NEAR_EDGE_FACTOR = 2;

export function timelineReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  const { listed, cite } = sourceMarks(knowledge);
  const lines: string[] = [];
  const longest: number[] = [];
  // A training step whose length is not known (on CPUs, or the model's size unknown): no verdict against the deadline.
  let untimed = false;
  for (const [index, method] of planMethods(recommendation).entries()) {
    const name = shortMethodName(knowledge, method);
    const at = `${index + 1}. ${name}:`;
    if (PROMPT_SIDE.has(method)) {
      lines.push(
        `${at} no training; each change is tried and scored in minutes, where a training run takes hours or days${cite('ant-pe')}. Its length is building the evaluation set (20 or more real cases with known answers${cite('oai-acc')}) and reading the outputs.`,
      );
      continue;
    }
    if (method === 'rag') {
      lines.push(
        `${at} no training run; the time goes into preparing, splitting and indexing the documents and scoring whether the right passage comes back${cite('oai-acc')}.`,
      );
      continue;
    }
    const managed =
      method === 'managed-fine-tuning' ||
      (method === recommendation.destination.method && recommendation.destination.channel === 'managed');
    if (managed) {
      const provider = recommendation.destination.providers?.[0]?.name;
      lines.push(
        `${at} the provider${provider ? ` (${provider})` : ''} runs the job; its queue and run time are not in my catalog (training jobs take hours or days${cite('ant-pe')}). The time around it is preparing the examples and scoring each tuned model on your evaluation set.`,
      );
      continue;
    }
    const time = trainingTime(recommendation, method, profile);
    const onCpu = planEstimates(recommendation, method)?.assumptions.some((line) => line.startsWith(CPU_TRAINING_NOTE));
    if (onCpu) {
      lines.push(
        `${at} trains on your CPU server; the catalog has no CPU speeds, so time one epoch on a sample of your examples before you plan the runs.`,
      );
      untimed = true;
      continue;
    }
    if (time === undefined) {
      lines.push(`${at} a training run whose length I cannot estimate without the model's size.`);
      untimed = true;
      continue;
    }
    longest.push(time.runHours);
    const reference = time.reference
      ? ` (timed on ${referenceGpuWords(knowledge)}: your cards' speed is not in the catalog, so longer on them)`
      : '';
    const data =
      method === 'distillation'
        ? ' plus generating the teacher\u2019s answers first'
        : profile.labeledExamples !== undefined && method !== 'full-fine-tuning'
          ? `; the time around it is cleaning the ${count.format(profile.labeledExamples)} examples and scoring each run on held-out ones`
          : '';
    lines.push(
      `${at} ${elapsed(time.runHours)} of training per run ${time.where}, ${elapsed(time.projectHours)} for the ${PROJECT_RUNS} runs a project usually needs${reference}${data}.`,
    );
  }
  const parts = [
    `Compute is the part I can time; the calendar is mostly the work around it (the evaluation set, the data, reviews, putting it into your product), and no published source measures that, so I won't invent weeks for it.`,
    lines.join('\n'),
  ];
  const timeline = profile.timelineWeeks;
  const slowest = longest.length > 0 ? Math.max(...longest) : undefined;
  if (timeline !== undefined) {
    const budget = timeline * HOURS_PER_WEEK;
    parts.push(
      untimed
        ? `Against your ${timeline}-week timeline: the training time is not known yet, so time one run first and plan the weeks from it.`
        : slowest === undefined
          ? `Against your ${timeline}-week timeline: no step needs a long training run, so the weeks go to the evaluation set and the integration.`
          : slowest * PROJECT_RUNS <= budget / 4
            ? `Against your ${timeline}-week timeline: the training takes a small share of it, so the weeks go to the data and the evaluation.`
            : slowest * PROJECT_RUNS <= budget
              ? `Against your ${timeline}-week timeline: the training alone takes a large share of it; start the first run as soon as the evaluation set exists.`
              : slowest <= budget
                ? `Against your ${timeline}-week timeline: one run fits, the ${PROJECT_RUNS} a project usually needs do not; plan fewer runs, more or faster GPUs, or a smaller model.`
                : `Against your ${timeline}-week timeline: one training run alone is longer than that, so it does not fit without more or faster GPUs or a smaller model.`,
    );
  } else parts.push('Tell me your deadline and I will set the training runs against it.');
  const lifecycle = recommendation.assumptions.find(isLifecycleNotice);
  if (lifecycle) parts.push(`A hard date: ${lifecycle.why}`);
  const ending = recommendation.destination.providers?.find((provider) => provider.endsOn !== undefined);
  if (ending?.endsOn) parts.push(`A hard date: ${ending.name}'s offer for this ends on ${ending.endsOn}.`);
  return citedAnswer(parts.join('\n'), listed, knowledge);
}

/** Training that takes more than this share of the team's timeline leaves no room for a failed run. */
const TIGHT_TIMELINE_SHARE = 0.5;

/** At most this many risks, the hardest first. */
const MAX_RISKS = 5;

/**
 * "What could go wrong?": the risks of this plan for this team, hardest first — a date the plan depends on (the
 * model's end of life, a provider's offer ending), memory that only just fits, a bill over the budget, a training run
 * longer than the timeline, thin data, facts taught through the weights, what the destination method is known to do
 * badly, a method beyond the team's stated expertise, and the figure near which the answer changes. Cited.
 */
export function risksReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  // Marks are placeholders until the risks shown are chosen, then numbered in the order they appear.
  const cite = (id: string) => `{{${id}}}`;
  const { destination } = recommendation;
  const method = destination.method;
  const name = shortMethodName(knowledge, method);
  const model = destination.model.name === null ? undefined : plainModelName(destination.model.name);
  const risks: string[] = [];
  // Methods that write new weights: their risks include what the examples teach (methods.json changesWeights).
  const trains = knowledge.methods.find((entry) => entry.id === method)?.changesWeights === true;
  const lifecycle = recommendation.assumptions.find(isLifecycleNotice);
  if (lifecycle)
    risks.push(
      `**An end date.** ${lifecycle.why}${trains && destination.channel === 'managed' ? ` A tuned copy retires with its base model${cite('az-retire')}.` : ''}`,
    );
  const ending = destination.providers?.find((provider) => provider.endsOn !== undefined);
  if (ending?.endsOn)
    risks.push(
      `**An offer that ends.** ${ending.name}'s offer for this ends on ${ending.endsOn}; tuning offers change fast (OpenAI closed self-serve tuning to new organisations in 2026${cite('oai-ft-banner')}), so keep your examples and evaluation set ready to move.`,
    );
  else if (destination.channel === 'managed')
    risks.push(
      `**The provider's channel.** Tuning offers change fast (OpenAI closed self-serve tuning to new organisations in 2026${cite('oai-ft-banner')}), and a tuned copy retires with its base model${cite('az-retire')}: keep your examples and evaluation set so you can tune again elsewhere.`,
    );
  const estimates = planEstimates(recommendation, method);
  const memory = estimates?.memoryGB;
  if (memory?.fit === 'tight')
    risks.push(
      `**Memory only just fits.** ${name} needs about ${count.format(memory.needed)} GB of your ${count.format(memory.available ?? 0)} GB; longer examples or a bigger batch than assumed can run out of memory, so test the longest examples first.`,
    );
  else if (memory?.fit === 'fits-if' && memory.adjustments?.length)
    risks.push(
      `**It fits only with changes.** ${name} fits your GPUs only if you ${joinWords([...memory.adjustments])}; without that it runs out of memory.`,
    );
  const overBudget = recommendation.assumptions.find(
    (assumption) => assumption.field === 'estimates.servingOverBudget',
  );
  const monthly = estimates?.monthlyUSD;
  if (overBudget) risks.push(`**The bill.** ${overBudget.why}`);
  else if (monthly !== undefined && profile.monthlyBudgetUSD !== undefined && monthly > profile.monthlyBudgetUSD) {
    // An API bill over the monthly budget: how far over, and what makes each request cheaper.
    const times = monthly / profile.monthlyBudgetUSD;
    risks.push(
      `**The bill.** At your volume the bill comes to about $${count.format(monthly)} a month, ${times >= 1.5 ? `${times.toFixed(1)}×` : 'over'} your $${count.format(profile.monthlyBudgetUSD)} budget${method === 'rag' ? ': fewer or shorter retrieved passages' : ': shorter prompts'}${profile.canSwitchModel === false ? ' or' : ','} prompt caching of the shared prefix${cite('ant-cache')}${profile.canSwitchModel === false ? '' : ', or a cheaper model'} bring each request down; price them before you build.`,
    );
  } else if (
    profile.oneTimeBudgetUSD !== undefined &&
    estimates?.oneTimeUSD !== undefined &&
    estimates.oneTimeUSD > 0.8 * profile.oneTimeBudgetUSD
  )
    risks.push(
      estimates.oneTimeUSD > profile.oneTimeBudgetUSD
        ? `**The training budget.** The ${PROJECT_RUNS} rented runs cost about $${count.format(estimates.oneTimeUSD)}, more than your $${count.format(profile.oneTimeBudgetUSD)}.`
        : `**The training budget.** The ${PROJECT_RUNS} rented runs cost about $${count.format(estimates.oneTimeUSD)} of your $${count.format(profile.oneTimeBudgetUSD)}; another run or a longer one takes you over it.`,
    );
  const time = trains ? trainingTime(recommendation, method, profile) : undefined;
  if (
    time &&
    profile.timelineWeeks !== undefined &&
    time.projectHours > TIGHT_TIMELINE_SHARE * profile.timelineWeeks * HOURS_PER_WEEK
  )
    risks.push(
      time.projectHours > profile.timelineWeeks * HOURS_PER_WEEK
        ? `**The timeline.** The training runs alone take ${elapsed(time.projectHours)} ${time.where}, more than your ${weeksWords(profile.timelineWeeks)}.`
        : `**The timeline.** The ${PROJECT_RUNS} training runs take ${elapsed(time.projectHours)} ${time.where} of your ${weeksWords(profile.timelineWeeks)}; one failed run or a wait for GPUs pushes you past it.`,
    );
  // (Only when the GPUs are known and too small: a count without a type is priced on a rental for lack of memory.)
  const ownTooSmall =
    estimates?.memoryGB?.available !== null &&
    (estimates?.memoryGB?.available ?? 0) > 0 &&
    estimates?.memoryGB?.fits === false;
  if (ownTooSmall && trains && estimates?.oneTimeUSD !== undefined && estimates.oneTimeUSD > 0 && time)
    risks.push(
      `**Renting.** Your GPUs cannot hold ${lowerFirst(name)}${model ? ` of ${model}` : ''}, so the plan rents: about $${count.format(estimates.oneTimeUSD)} for the ${PROJECT_RUNS} runs ${time.where}${profile.oneTimeBudgetUSD === undefined ? ', against a budget you have not told me' : ''}.`,
    );
  const examples = profile.labeledExamples;
  if (trains && method !== 'preference-tuning' && method !== 'distillation' && examples !== undefined) {
    if (examples < SFT_AFTER_PLATEAU_MIN_EXAMPLES)
      risks.push(
        `**Too few examples.** ${count.format(examples)} is below the 50 to 100 where providers start to see gains${cite('oai-sft')}; a tune on so few learns the examples, not the task. Collect more before you train.`,
      );
    else if (examples < SFT_MIN_EXAMPLES)
      risks.push(
        `**Few examples.** ${count.format(examples)} is at the low end of the 50 to 100 where providers start to see gains${cite('oai-sft')}: hold some out, judge every run on them, and add examples as you go.`,
      );
    else if (examples < SFT_AMPLE_EXAMPLES)
      risks.push(
        `**Thin data.** With ${count.format(examples)} examples, rare cases may appear only a few times; hold some out, judge every run on them rather than on the training loss, and add examples of the cases it misses${cite('oai-acc')}.`,
      );
    // (Thousands of examples made by hand carry typos and disagreements, which the tune learns as faithfully as the
    // rest: quality beat size in QLoRA's own runs.)
    else
      risks.push(
        `**Label errors.** Among ${count.format(examples)} examples some will be wrong (typos, or people who labelled alike cases differently), and the tune learns those too; quality mattered more than size in the QLoRA authors' runs${cite('qlora')}. Check a random sample by hand, fix or drop what is wrong, and keep a hand-checked evaluation set apart.`,
      );
  }
  const pairs = profile.preferencePairs;
  if (method === 'preference-tuning')
    risks.push(
      `**The comparison data.** Preference tuning is only as good as the chosen/rejected judgements: it needs reliable comparisons or graders who agree${cite('oai-rft')}${pairs !== undefined && pairs < PREFERENCE_MIN_PAIRS ? `, and ${count.format(pairs)} pairs is below the ${count.format(PREFERENCE_MIN_PAIRS)} I plan on` : ''}. Tune on good examples first; vendors put supervised tuning before it${cite('gcp-pref')}.`,
    );
  const goals = profile.goals ?? [];
  if (
    trains &&
    (goals.includes('format') ||
      profile.taskType === 'extract' ||
      (profile.needsStyleOrFormat === true && !goals.includes('style')))
  )
    risks.push(
      `**A format that is likely, not guaranteed.** Tuning makes the model fill the fields right but cannot promise every output parses; constrain the decoding to your schema where you serve it${cite('guided-generation')}${cite('vllm-structured-outputs')}, or validate and retry.`,
    );
  const wantsFacts = goals.includes('knowledge') || goals.includes('freshness');
  if (wantsFacts && trains && !planMethods(recommendation).includes('rag'))
    risks.push(
      `**Facts through the weights.** Teaching new facts by tuning is slow, and once learned they raise hallucination${cite('gekhman')}; keep facts in retrieval and tune for behaviour.`,
    );
  if (method === 'rag' || planMethods(recommendation).includes('rag'))
    risks.push(
      `**Retrieval misses.** Retrieval fails when it brings the wrong passage or too much irrelevant text, or when the model misuses the right one${cite('oai-acc')}; score the search apart from the answers${goals.includes('freshness') ? ', and re-index whenever the documents change' : ''}.`,
    );
  const encoder = knowledge.findModel(destination.model.name ?? '')?.architecture?.kind === 'encoder';
  if (estimates?.assumptions.some((line) => line.startsWith(CPU_TRAINING_NOTE)))
    risks.push(
      `**CPU time.** Training and serving run on CPUs, whose speed I cannot estimate: time one epoch on a sample${profile.latencyTargetMs === undefined ? '' : `, and measure the time per input against your ${count.format(profile.latencyTargetMs)} ms`} before you commit.`,
    );
  // (A classifier has no general ability to forget that matters: only its labels are used.)
  if (method === 'full-fine-tuning' && !encoder)
    risks.push(
      `**Forgetting.** Full fine-tuning forgets more outside the target domain than LoRA${cite('biderman')}; check general ability on a few tasks it must keep, not only the new one.`,
    );
  if (method === 'distillation')
    risks.push(
      `**The student's ceiling.** A small student copies the teacher on a narrow task and loses breadth; it needs a teacher that already works and an evaluation proving the student matches it${cite('az-ft-cons')}. Check that the teacher's terms allow training on its outputs.`,
    );
  // (Serving at 4 bits on a device: llama.cpp's own tables show each format's loss. QLoRA trains at 4 bits and has no
  // 16-bit model to compare with.)
  if (profile.deployment === 'mobile' || profile.deployment === 'edge')
    risks.push(
      `**Quantization.** A 4-bit device format loses some quality against 16-bit weights; score the quantized model on the same evaluation set, not only the 16-bit one${cite('llamacpp-quantize')}.`,
    );
  const methodEntry = knowledge.methods.find((entry) => entry.id === method);
  const team = profile.mlExpertise;
  if (
    methodEntry !== undefined &&
    team !== undefined &&
    EXPERTISE_LEVELS.indexOf(team) <
      EXPERTISE_LEVELS.indexOf(methodEntry.expertise as (typeof EXPERTISE_LEVELS)[number])
  )
    risks.push(
      `**Skills.** ${name} asks for ${methodEntry.expertise} ML experience and your team says ${team}; budget time to learn it or bring someone in for the first run.`,
    );
  if (profile.safetyCritical === true)
    risks.push(
      '**Harm from a wrong answer.** Keep a person reviewing every output until the evaluation shows where it fails.',
    );
  // (A figure far from the edge is no risk: 8,000 pairs against a change at 499.)
  const change = recommendation.sensitivity[0];
  const current = change === undefined ? undefined : (profile as Record<string, unknown>)[change.field];
  const nearTheEdge =
    change !== undefined &&
    (typeof current !== 'number' ||
      typeof change.value !== 'number' ||
      (current > 0 &&
        change.value > 0 &&
        Math.max(current, change.value) / Math.min(current, change.value) <= NEAR_EDGE_FACTOR));
  if (change && nearTheEdge)
    risks.push(
      `**A figure near the edge.** My answer turns on ${fieldLabel(change.field)}: ${sensitivityValue(change.value, change.field)} → ${lowerFirst(shortMethodName(knowledge, change.becomes))}${onModelWords(change)}.`,
    );
  if (trains && method !== 'full-fine-tuning')
    risks.push(
      `**Regressions.** A tune can get worse at what the model did well outside your examples; keep the prompt baseline's scores and compare every run on the same evaluation set, or regressions go unseen${cite('az-custom')}.`,
    );
  const shown = risks.slice(0, MAX_RISKS);
  const on = model ? ` on ${model}` : '';
  const draft =
    shown.length === 0
      ? `For ${name}${on} I see no risk specific to your situation in what you told me; the usual one is that results on your evaluation set fall short, so build it first${cite('oai-acc')}.`
      : `The risks I see for ${lowerFirst(name)}${on}, most serious first:\n${shown.map((risk, index) => `${index + 1}. ${risk}`).join('\n')}`;
  const marks = sourceMarks(knowledge);
  const text = draft
    .replace(/\{\{([a-z0-9.-]+)\}\}/g, (_whole, id: string) => marks.cite(id))
    .replace(/\] \[(?=\d)/g, '][');
  return citedAnswer(text, marks.listed, knowledge);
}

/**
 * "Do we need the SFT step first or can we go straight to DPO?": supervised tuning on the preferred answers first,
 * then preference tuning from that checkpoint, as the vendors advise; the team's own counts said with it.
 */
export function sftBeforePreferenceReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  const { listed, cite } = sourceMarks(knowledge);
  const examples = profile.labeledExamples;
  const pairs = profile.preferencePairs;
  const instructStart = profile.modelStage === 'instruct' || profile.modelStage === 'fine-tuned';
  const yours =
    examples !== undefined && examples > 0
      ? ` Tune on your ${count.format(examples)} examples first${pairs !== undefined ? `, then the ${count.format(pairs)} pairs from that checkpoint` : ''}.`
      : pairs !== undefined
        ? ` With no separate examples, the chosen answers of your ${count.format(pairs)} pairs are the supervised set.`
        : '';
  // ("That is the order of the plan" only when the plan tunes supervised before the preference step.)
  const at = (found: (method: MethodId) => boolean) =>
    recommendation.plan.findIndex((step) => step.methods.some(found));
  const preferenceAt = at((method) => method === 'preference-tuning');
  const supervisedAt = at((method) => SFT_SIBLINGS.includes(method) || method === 'instruction-tuning');
  const planned = preferenceAt >= 0 && supervisedAt >= 0 && supervisedAt < preferenceAt;
  const text = `Do the supervised step first: Vertex AI strongly recommends supervised tuning on the preferred responses, then preference tuning from that checkpoint${cite('gcp-pref')}, and Azure stacks supervised tuning before DPO the same way${cite('az-ft-cons')}.${yours}${instructStart ? ' Starting from an instruct checkpoint, which has had supervised tuning already, DPO straight away can work; measure both on your held-out pairs.' : ''}${planned ? ' That is the order of the plan.' : ''}`;
  return citedAnswer(text, listed, knowledge);
}

/** "1 week", "3 weeks". */
function weeksWords(value: number): string {
  return `${value} ${value === 1 ? 'week' : 'weeks'}`;
}

/**
 * "Give me the whole plan again, step by step, including what we do with the 3,000 answers": each step of the plan
 * with why it is there, then what the team's own examples are for: the held-out evaluation set first, a few in the
 * prompt, and (when no step trains on them yet but a tuning method is open) the tuning they would feed if the answers
 * come out right but not in the form or tone the examples show.
 */
export function stepsReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  /** The costs follow in the same reply: no pointer to ask for them. */
  costsFollow = false,
): InfoAnswer {
  const { listed, cite } = sourceMarks(knowledge);
  const name = (method: MethodId) => shortMethodName(knowledge, method);
  const steps = recommendation.plan.map(
    (step) => `${step.step}. ${step.methods.map(name).join(' + ')}: ${step.why.replace(/\s*\.?$/, '.')}`,
  );
  const parts = [`Step by step:\n${steps.join('\n')}`];
  const examples = profile.labeledExamples;
  if (examples !== undefined && examples >= 40) {
    const heldOut = heldOutCount(examples);
    const rest = examples - heldOut;
    const planned = new Set(recommendation.plan.flatMap((step) => step.methods));
    const tuningStep = SFT_SIBLINGS.find((method) => planned.has(method));
    const prompting = planned.has('prompt-engineering') || planned.has('in-context-learning');
    const open = recommendation.recommendations.find(
      (entry) => SFT_SIBLINGS.includes(entry.method) && entry.verdict === 'viable',
    );
    const model = recommendation.destination.model.name;
    const data = [
      `Your ${count.format(examples)} examples: hold out about ${count.format(heldOut)} as the evaluation set and never train on them; every step is scored on it${cite('oai-acc')}.`,
    ];
    if (prompting) data.push('A handful of the rest go into the prompt as examples of good answers.');
    if (tuningStep !== undefined) data.push(`The other ${count.format(rest)} train the ${name(tuningStep)} step.`);
    else if (open !== undefined && rest >= SFT_MIN_EXAMPLES)
      data.push(
        `No step trains on them yet: if, once ${name(recommendation.destination.method)} works, the answers are right but not in the form or tone your examples show, tune on the other ${count.format(rest)} with ${name(open.method)}${model ? ` on ${plainModelName(model)}` : ''}; that becomes the next step. Facts stay in ${planned.has('rag') ? 'retrieval' : 'the prompt'}, not in the weights.`,
      );
    parts.push(data.join(' '));
  }
  if (!costsFollow) parts.push('Ask "how long?" or "what would it cost?" for the figures of each step.');
  return citedAnswer(parts.join('\n\n'), listed, knowledge);
}
