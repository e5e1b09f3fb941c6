/**
 * @module chat/reply-words: the short texts around an answer, in plain words and Markdown. What was understood
 * ("Noted: Llama 3.1 8B as the model, one NVIDIA GeForce RTX 4090 and 2,000 labeled examples."), the question asked
 * (bold, with one sentence of why), and the tails of a recommendation: what was assumed and what is still unknown,
 * kept to what bears on the user's own plan (no rented-GPU assumptions for a team whose plan runs on an API model).
 * Pure.
 */
import { PROPER_NAME_FIRST } from '../engine/method-name.ts';
import type { Question, Recommendation } from '../engine/recommendation-schema.ts';
import { fieldLabel } from '../profile/field-labels.ts';
import { PROFILE_FIELDS, type Profile } from '../profile/profile-schema.ts';
import { isLifecycleNotice, plainModelName } from './compact-answer.ts';
import { describeField, joinWords } from './describe-field.ts';
import { MONEY_FIELDS } from './extract/exchange-rate.ts';

/** One understood value (the shape of run-turn's `UnderstoodField`). */
interface Understood {
  field: string;
  value: unknown;
  corrected: boolean;
  /** The words the value came from, when known. */
  text?: string;
  /** The one job of several the value was said of (a residency, a model, a traffic figure kept off the team). */
  job?: string;
}

const words = (table: Record<string, string>) => (value: unknown) => table[String(value)];

/**
 * Values said back in plain words where the generic description reads like a form ("modality: text"); every other
 * field uses `describeField`. (Candidates for the field registry's `describe`.)
 */
const PLAIN_VALUES: Record<string, (value: unknown) => string | undefined> = {
  modelName: (value) => `${String(value)} as the model`,
  goals: (value) => {
    const described = describeField('goals', value);
    const match = /^(goals?):\s*(.+)$/.exec(described);
    return match ? `${match[2]} as the ${match[1]}` : described;
  },
  teacherModel: (value) => `${String(value)} as the teacher model`,
  task: (value) => {
    const text = String(value)
      .trim()
      .replace(/[.!?]+$/, '');
    // ("… (in Dutch)": the languages a later message added stay in sight when the task is cut short.)
    const languages = / \(in [^()]+\)$/.exec(text)?.[0] ?? '';
    const core = text.slice(0, text.length - languages.length);
    return text.length > 70
      ? `the task “${core.slice(0, 67 - Math.min(languages.length, 30)).trimEnd()}…”${languages}`
      : `the task “${text}”`;
  },
  modality: words({
    text: 'text in and out',
    code: 'code',
    image: 'images',
    audio: 'audio',
    'vision-language': 'images with text',
  }),
  modelAccess: words({
    'open-weights': 'open weights you can train',
    'api-only': 'an API-only model',
    'api-with-finetuning': 'an API model its provider can fine-tune',
  }),
  unlabeledCorpus: words({
    none: 'no domain documents',
    small: 'a few domain documents',
    large: 'a large set of domain documents',
  }),
  mlExpertise: words({
    none: 'no ML experience on the team',
    basic: 'basic ML experience',
    intermediate: 'some ML engineering experience',
    expert: 'experienced ML engineers',
  }),
  deployment: words({
    'cloud-api': 'used through a cloud API',
    'cloud-self-hosted': 'self-hosted in the cloud',
    'on-prem': 'run on your own servers',
    edge: 'run on edge devices',
    mobile: 'run on phones',
  }),
};

/** A value in plain words. */
export function plainValue(field: string, value: unknown): string {
  return PLAIN_VALUES[field]?.(value) ?? describeField(field, value);
}

/** The understood values in plain words; a GPU count and name said together ("2 × NVIDIA A100 80GB"). */
export function plainValues(all: readonly Understood[]): string[] {
  // Plain text is what nearly every message is about: said back only when it is all that was understood. A format or
  // citation need that the goals already name is said once, as the goal.
  const goals = new Set((all.find((item) => item.field === 'goals')?.value as string[] | undefined) ?? []);
  const saidByGoals = (item: Understood) =>
    item.value === true &&
    ((item.field === 'needsStyleOrFormat' && (goals.has('format') || goals.has('style'))) ||
      (item.field === 'needsCitations' && goals.has('citations')));
  const understood = all.filter(
    (item) => !saidByGoals(item) && !(all.length > 1 && item.field === 'modality' && item.value === 'text'),
  );
  const count = understood.find((item) => item.field === 'gpuCount');
  const name = understood.find((item) => item.field === 'gpuName');
  const together = count !== undefined && name !== undefined && Number(count.value) > 0;
  return understood.flatMap((item) => {
    if (together && item === name) return [];
    if (together && item === count) {
      const many = Number(count.value);
      return [`${many === 1 ? 'one' : `${many} ×`} ${String(name.value)}`];
    }
    if (item.field === 'gpuName') return [String(item.value)];
    // "€20,000", "£15k": the amount is kept as said and read as US dollars; the reply says so.
    const currency = MONEY_FIELDS.has(item.field) ? FOREIGN_CURRENCY.exec(item.text ?? '') : null;
    // Converted at the rate the team gave ("a pound is about 1.27 dollars"): said with that rate.
    const rate = MONEY_FIELDS.has(item.field) ? /\[at (\$[\d.]+ per .)\]/.exec(item.text ?? '') : null;
    if (rate) return [`${plainValue(item.field, item.value)} (converted at ${rate[1]})`];
    if (currency) return [`${plainValue(item.field, item.value)} (${currency[0]} read 1:1 as US dollars)`];
    return [plainValue(item.field, item.value)];
  });
}

/** Another currency in the words an amount came from. */
const FOREIGN_CURRENCY = /€|£|¥|\b(?:euros?|eur|pounds?|quid|gbp|chf|francs?|yen|jpy|rupees?|inr|cad|aud)\b/i;

/** "Noted: …." (or "Noted the correction: …."), or "" when nothing was understood. */
export function acknowledgementText(understood: readonly Understood[]): string {
  if (understood.length === 0) return '';
  // ("Noted: extracting fields; for the marketing drafts: data may leave your premises.")
  const team = understood.filter((item) => item.job === undefined);
  const jobs = [...new Set(understood.flatMap((item) => (item.job === undefined ? [] : [item.job])))];
  const said = [
    ...(team.length === 0 ? [] : [joinWords(plainValues(team))]),
    ...jobs.map((job) => `for ${job}: ${joinWords(plainValues(understood.filter((item) => item.job === job)))}`),
  ].join('; ');
  return understood.some((item) => item.corrected) ? `Noted the correction: ${said}.` : `Noted: ${said}.`;
}

/** The question in bold and the first sentence of why it matters. */
export function questionText(question: Pick<Question, 'question' | 'why'>): string {
  const why = firstSentence(question.why);
  return why === '' ? `**${question.question}**` : `**${question.question}**\n${why}`;
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/.exec(text.trim());
  const sentence = (match?.[0] ?? text).trim();
  return sentence === '' ? '' : sentence[0]!.toUpperCase() + sentence.slice(1);
}

/** What the plan runs on GPUs (the user's or rented): training, serving, or neither (an API model's plan). */
function planGpuUse(recommendation: Recommendation): { trains: boolean; serves: boolean } {
  // A switch to an open model trains and serves it on GPUs; a switch to another vendor's model for a job that vendor
  // runs (managed channel) uses none of the team's GPUs nor a rental.
  if (recommendation.destination.model.switched) {
    const onGpus = recommendation.destination.channel !== 'managed';
    return { trains: onGpus, serves: onGpus };
  }
  // What the team does now and aims for: a later step of the plan (a student after a provider's job) is an option
  // whose costs are given when it is asked about, not an assumption of the answer.
  const planned = new Set([recommendation.destination.method, ...recommendation.firstStep.methods]);
  // A job the provider runs uses no GPU of the team's or a rental.
  const managed = recommendation.destination.channel === 'managed' ? recommendation.destination.method : undefined;
  const entries = recommendation.recommendations.filter(
    (entry) => planned.has(entry.method) && entry.verdict !== 'not-viable' && entry.method !== managed,
  );
  return {
    trains: entries.some((entry) => entry.estimates?.trainingGpuHours !== undefined),
    serves: entries.some((entry) => entry.estimates?.memoryGB !== undefined),
  };
}

/** Estimator settings that only matter when the plan serves a model on GPUs; the other settings are about training. */
const SERVING_SETTINGS: ReadonlySet<string> = new Set(['estimates.servingGpus']);

/** Settings too technical for the note (they stay in "show details" and in the recommendation's assumptions). */
// (The serving bill over the monthly budget is said on the cost line itself.)
const DETAIL_SETTINGS: ReadonlySet<string> = new Set([
  'estimates.inferenceContextTokens',
  'estimates.utilisation',
  'estimates.servingOverBudget',
]);

/** The estimator's settings, in the order a reader cares about them (what the costs rest on first). */
const ESTIMATE_ORDER: readonly string[] = [
  'estimates.pricingGpu',
  'estimates.trainingTokens',
  'estimates.servingGpus',
  'estimates.precision',
];

/**
 * "Assumed: …" for a provisional answer: at most two defaults that bear on this plan, in plain words, or "".
 * Whether data may leave is said about where it would go (the model's API, or a rented GPU); training settings only
 * when the plan trains, serving settings only when it serves a model on GPUs.
 */
export function assumedNote(recommendation: Recommendation, profile: Partial<Profile>): string {
  const gpus = planGpuUse(recommendation);
  const onGpus = gpus.trains || gpus.serves;
  const ownsGpus = profile.gpuName !== undefined || (profile.gpuCount ?? 0) > 0;
  const planned = new Set([recommendation.destination.method, ...recommendation.plan.flatMap((step) => step.methods)]);
  const phrases: { order: number; text: string }[] = [];
  for (const assumption of recommendation.assumptions) {
    if (assumption.value === null || assumption.value === undefined) continue;
    // The end-of-life notice has its own line next to the answer.
    if (isLifecycleNotice(assumption)) continue;
    const { field } = assumption;
    if (field === 'dataMustStayOnPrem') {
      if (assumption.value !== false) continue;
      // On the users' devices or the team's own machines nothing goes to a vendor: no residency to assume.
      const onOwnSide =
        profile.deployment === 'mobile' ||
        profile.deployment === 'edge' ||
        profile.deployment === 'on-prem' ||
        profile.deviceMemoryGB !== undefined ||
        (profile.goals ?? []).includes('on-device');
      if (onOwnSide) continue;
      if (!onGpus) {
        const model = recommendation.destination.model.name;
        // A proposed or open model is served on someone's GPUs, not called as a vendor's API (unless the proposal is a
        // provider's model, tuned and served by its provider).
        const open =
          (recommendation.destination.model.proposed === true && recommendation.destination.channel !== 'managed') ||
          profile.modelAccess === 'open-weights';
        const api = !model
          ? 'a vendor API or a rented cloud GPU (no model is named yet)'
          : open
            ? `a rented cloud GPU serving ${model}`
            : `the ${plainModelName(model)} API`;
        phrases.push({ order: -1, text: `your data may be sent to ${api}` });
      } else if (!ownsGpus) phrases.push({ order: -1, text: 'your data may go to a rented cloud GPU' });
      continue;
    }
    if (field.startsWith('estimates.')) {
      if (DETAIL_SETTINGS.has(field) || !(SERVING_SETTINGS.has(field) ? gpus.serves : gpus.trains)) continue;
      // Data that may not leave the premises is never trained on a rented GPU: no rental price to assume.
      if (field === 'estimates.pricingGpu' && profile.dataMustStayOnPrem === true) continue;
      if (field === 'estimates.distillationStudentParamsB' && !planned.has('distillation')) continue;
      if (field === 'estimates.loraRank' && !planned.has('lora') && !planned.has('qlora')) continue;
      const index = ESTIMATE_ORDER.indexOf(field);
      // The cost line quotes the rental of the compute options (the GPU that holds the job): the assumption names it
      // too, not the catalog's reference GPU the per-method estimates were priced on.
      const rent = recommendation.computeOptions.find((option) => option.kind === 'rent');
      // The plan's training does not fit the team's own GPUs and is priced on a rental: "for your 4090" would name the
      // wrong GPU and say it costs nothing.
      const destinationEstimates =
        recommendation.destination.estimates ??
        recommendation.recommendations.find((entry) => entry.method === recommendation.destination.method)?.estimates;
      if (
        field === 'estimates.pricingGpu' &&
        rent?.gpu !== undefined &&
        assumption.why.startsWith('Training time is for your ') &&
        (destinationEstimates?.oneTimeUSD ?? 0) > 0
      ) {
        phrases.push({
          order: index === -1 ? ESTIMATE_ORDER.length : index,
          text: `training does not fit your GPUs, so it is priced on renting ${rent.count ?? 1} × ${rent.gpu} at its dated price`,
        });
        continue;
      }
      if (
        field === 'estimates.pricingGpu' &&
        rent?.gpu !== undefined &&
        assumption.why.startsWith('Training time and cost assume renting') &&
        !assumption.why.includes(rent.gpu)
      ) {
        phrases.push({
          order: index === -1 ? ESTIMATE_ORDER.length : index,
          text: `training is priced on renting ${rent.count ?? 1} × ${rent.gpu}, the catalog rental that holds the job, at its dated price`,
        });
        continue;
      }
      phrases.push({
        order: index === -1 ? ESTIMATE_ORDER.length : index,
        text: lowerFirst(compact(assumption.why)),
      });
      continue;
    }
    phrases.push({ order: -1, text: lowerFirst(compact(assumption.why)) });
  }
  const chosen = phrases
    .sort((a, b) => a.order - b.order)
    .slice(0, 2)
    .map((phrase) => phrase.text);
  if (chosen.length === 0) return '';
  return `**Assumed:** ${upperFirst(chosen.join('; '))}. Tell me if that is wrong.`;
}

/** What an unknown fact would tell, in plain words (falls back to the field's label). */
const UNKNOWN_WORDS: Record<string, string> = {
  canSwitchModel: 'whether you may switch to another model',
  mlExpertise: "your team's ML experience",
  latencyTargetMs: 'your latency target',
  multilingual: 'whether you need several languages',
  deployment: 'where it will run',
  timelineWeeks: 'your deadline',
  requestsPerDay: 'how many requests a day',
  safetyCritical: 'whether mistakes are costly',
  needsCitations: 'whether answers must cite sources',
  needsStyleOrFormat: 'whether the output must follow a strict format',
  unlabeledCorpus: 'which documents you have',
  knowledgeChanges: 'how often the knowledge changes',
  tasksCount: 'how many distinct tasks',
  preferencePairs: 'whether you have preference pairs',
  labeledExamples: 'how many labeled examples you have',
  monthlyBudgetUSD: 'your monthly budget',
  oneTimeBudgetUSD: 'your one-time budget',
  gpuCount: 'how many GPUs you have',
  gpuName: 'which GPUs you have',
  task: 'what the model should do',
  goals: 'what must get better',
  dataMustStayOnPrem: 'whether data must stay on your premises',
  tried: 'what you have already tried',
  taskType: 'what shape the task has',
  modality: 'whether the inputs are all text (or images or audio)',
  deviceMemoryGB: 'how much memory the device gives the model',
  corpusTokens: 'how large your documents are',
  currentMonthlySpendUSD: 'what you pay per month today',
  exampleTokens: 'how long one training example is',
  modelName: 'which model you use',
  modelAccess: 'which model you use',
  modelParamsB: 'which model you use',
};

/** An unknown field in plain words: "how often the knowledge changes", "what you have already tried". */
export function unknownWords(field: string): string {
  return UNKNOWN_WORDS[field] ?? fieldLabel(field);
}

/** Rules an unknown fact left undecided, from the engine's wording ("so 3 rules …", "so one rule …"). */
function undecidedRules(why: string): number {
  const match = /\bso (one|\d+) rules?\b/.exec(why);
  if (match === null) return 0;
  return match[1] === 'one' ? 1 : Number(match[1]);
}

const INPUT_BOUND_TASKS: ReadonlySet<string> = new Set([
  'extract',
  'classify',
  'transcribe',
  'image-generate',
  'image-understand',
]);
const KNOWLEDGE_FIELDS: ReadonlySet<string> = new Set(['unlabeledCorpus', 'knowledgeChanges', 'needsCitations']);

/**
 * "Still unknown: …" for a provisional answer: up to three facts nobody gave that decide the most rules, not the
 * question already asked, in plain words; or "".
 */
export function unknownNote(recommendation: Recommendation, profile: Partial<Profile> = {}): string {
  const asked = new Set<string>(recommendation.questions.map((question) => question.field));
  // Documents to answer from, their churn and citations matter to a task that answers questions, not to one that
  // reads the input it is given (extraction, classification, transcription, images), unless knowledge is a goal.
  const readsItsInput =
    profile.taskType !== undefined &&
    INPUT_BOUND_TASKS.has(profile.taskType) &&
    !(profile.goals ?? []).some((goal) => goal === 'knowledge' || goal === 'freshness' || goal === 'citations');
  const unknown = recommendation.assumptions
    .filter(
      (assumption) =>
        assumption.value === null &&
        (PROFILE_FIELDS as readonly string[]).includes(assumption.field) &&
        !asked.has(assumption.field) &&
        !(readsItsInput && KNOWLEDGE_FIELDS.has(assumption.field)),
    )
    .map((assumption, index) => ({ field: assumption.field, rules: undecidedRules(assumption.why), index }))
    .sort((a, b) => b.rules - a.rules || a.index - b.index)
    .slice(0, 3)
    .map((item) => unknownWords(item.field));
  return unknown.length === 0 ? '' : `**Still unknown:** ${joinWords(unknown)}.`;
}

/** The engine's sentence without its asides in parentheses and its closing period: the note stays one short line. */
function compact(text: string): string {
  return stripPeriod(text.replace(/\s*\([^()]*\)/g, ''));
}

function stripPeriod(text: string): string {
  return text.trim().replace(/\.$/, '');
}

/** The first letter lower-cased, unless the text opens with a name or an acronym ("NVIDIA …", "LoRA …"). */
export function lowerFirst(text: string): string {
  // Keep proper names and acronyms ("NVIDIA …", "LoRA …") as written.
  return /^[A-Z][a-z]*(?=[\s,.;:()-]|$)/.test(text) && !PROPER_NAME_FIRST.test(text)
    ? text[0]!.toLowerCase() + text.slice(1)
    : text;
}

function upperFirst(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** "at 999" for counts, "under 1B" for a large count just below a round threshold (999,999,999 tokens). */
export function sensitivityValue(value: number, field?: string): string {
  // Money in dollars: "one-time budget at $1", not "at 1".
  const unit = field !== undefined && /USD$/.test(field) ? '$' : '';
  if (value >= 1e6 && (value + 1) % 1e6 === 0)
    return `under ${unit}${new Intl.NumberFormat('en-US', { notation: 'compact' }).format(value + 1)}`;
  return `at ${unit}${new Intl.NumberFormat('en-US', { notation: value >= 1e6 ? 'compact' : 'standard' }).format(value)}`;
}
