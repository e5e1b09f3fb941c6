/**
 * @module Short answers to the question just asked: requestedField gpuCount + "2" → 2; needsCitations + "nope" →
 * false; labeledExamples + "about 300" → 300; knowledgeChanges + "weekly"; oneTimeBudgetUSD + "5k".
 */
import type { ProfileField } from '../../profile/profile-schema.ts';
import { frequencyOf } from './extractors/knowledge-changes.ts';
import { toWeeks } from './extractors/timeline.ts';
import { COUNT_SOURCE, parseCount } from './numbers.ts';
import { finding, overlapsAny } from './prepare-message.ts';
import type { ExtractorContext, Finding, PreparedMessage } from './types.ts';

const YES =
  /^\W*(?:yes|yeah|yep|yup|ya|yea|sure|correct|right|true|definitely|absolutely|of\s+course|certainly|indeed|affirmative|y|ok(?:ay)?\s+yes|it\s+does|we\s+do|they\s+do|it\s+is|it\s+must|must|required|needed|100%)\b/;
const NO =
  /^\W*(?:no(?!\s+(?!(?:it|we|they|that|this|not|need|thanks|thank|problem|way|idea)\b)[a-z])|nope|nah|not\s+really|not\s+at\s+all|n|false|negative|never|none|no\s+need|not\s+needed|not\s+required|it\s+doesn't|we\s+don't|they\s+don't|it\s+isn't|not)\b/;
/** One `\W*` per run of separators: `\W*(…)?\W*$` splits a run of spaces every possible way (quadratic). */
const NONE =
  /^\W*(?:(?:we|i)\s+(?:have|'ve\s+got|got)\s+|there\s+(?:are|is)\s+)?(?:none|zero|0|no|nope|nothing|nada|not\s+any|n\/a|(?:we|i)\s+(?:don't|do\s+not)\s+have\s+any)\W*(?:(?:yet|at\s+all|right\s+now|so\s+far)\W*)?$/;
const NUMBER = new RegExp(
  `(?:[$€£]\\s?)?(${COUNT_SOURCE})(?:\\s?(gb|b|bn|ms|s|sec|seconds?|milliseconds?|days?|weeks?|months?|years?))?\\b`,
  'g',
);
const MAX_WORDS = 12;

const BOOLEAN_FIELDS = new Set<ProfileField>([
  'needsCitations',
  'needsStyleOrFormat',
  'dataMustStayOnPrem',
  'multilingual',
  'safetyCritical',
]);
const NUMBER_FIELDS = new Set<ProfileField>([
  'gpuCount',
  'labeledExamples',
  'tasksCount',
  'gpuMemoryGB',
  'modelParamsB',
  'oneTimeBudgetUSD',
  'monthlyBudgetUSD',
  'requestsPerDay',
  'latencyTargetMs',
  'timelineWeeks',
]);
const ZERO_ALLOWED = new Set<ProfileField>([
  'gpuCount',
  'labeledExamples',
  'oneTimeBudgetUSD',
  'monthlyBudgetUSD',
  'requestsPerDay',
]);
const INTEGER_FIELDS = new Set<ProfileField>(['gpuCount', 'labeledExamples', 'tasksCount']);
/**
 * Largest believable short answer per field: above it a bare number is more likely a year ("maybe 2024?") or a
 * typo than an answer, and nothing is filled.
 */
const PLAUSIBLE_MAXIMUM: Partial<Record<ProfileField, number>> = {
  gpuCount: 512,
  gpuMemoryGB: 1024,
  modelParamsB: 2000,
  timelineWeeks: 520,
  latencyTargetMs: 600_000,
  tasksCount: 100_000,
};

/**
 * Reads the whole message as an answer to `field` when the free-text extractors did not fill it. Numbers inside
 * another finding's words ("Llama 3") are ignored; exactly one remaining number is required, and the message must
 * be short. Returns undefined when the message does not answer the field.
 */
export function readShortAnswer(
  message: PreparedMessage,
  field: ProfileField,
  others: readonly Finding[],
  context: ExtractorContext,
): Finding | undefined {
  const text = message.lower.trim();
  const start = message.lower.indexOf(text);
  const end = start + text.length;
  if (text === '') return undefined;
  // The task is a sentence of its own: an answer to "what should it do?" may be long and mention other facts too.
  if (field === 'task') return readTask(message, text, others, start, end);
  if (text.split(/\s+/).length > MAX_WORDS) return undefined;

  if (BOOLEAN_FIELDS.has(field)) {
    const yes = YES.exec(message.lower);
    if (yes) return { field, value: true, start, end: yes.index + yes[0].length };
    const no = NO.exec(message.lower);
    if (no) return { field, value: false, start, end: no.index + no[0].length };
    return undefined;
  }
  if (NUMBER_FIELDS.has(field)) return readNumber(message, field, others, start, end);
  switch (field) {
    case 'knowledgeChanges': {
      const frequency = frequencyOf(text);
      return frequency ? finding('knowledgeChanges', frequency, start, end) : undefined;
    }
    case 'unlabeledCorpus': {
      const size = /\b(?:lots|a\s+lot|tons|loads|large|big|huge|many|thousands|millions|massive)\b/.test(text)
        ? 'large'
        : /\b(?:a\s+few|some|small|a\s+handful|not\s+many|a\s+couple|little|tiny)\b/.test(text)
          ? 'small'
          : NONE.test(text)
            ? 'none'
            : undefined;
      return size ? finding('unlabeledCorpus', size, start, end) : undefined;
    }
    case 'mlExpertise': {
      const level = NONE.test(text)
        ? 'none'
        : /^\W*(?:basic|some|a\s+little|a\s+bit|beginners?|junior|limited|not\s+much)\b/.test(text)
          ? 'basic'
          : /^\W*(?:intermediate|decent|moderate|medium|good|okay|ok|solid)\b/.test(text)
            ? 'intermediate'
            : /^\W*(?:expert|experts|advanced|strong|senior|lots|very\s+experienced|high)\b/.test(text)
              ? 'expert'
              : undefined;
      return level ? finding('mlExpertise', level, start, end) : undefined;
    }
    case 'deployment': {
      const deployment = /\b(?:phones?|mobile|iphone|android)\b/.test(text)
        ? 'mobile'
        : /\b(?:edge|device|jetson|embedded)\b/.test(text)
          ? 'edge'
          : /\b(?:on[\s-]?prem(?:ise|ises)?|our\s+(?:own\s+)?servers|in[\s-]house|our\s+data\s?cent(?:er|re))\b/.test(
                text,
              )
            ? 'on-prem'
            : /\b(?:self[\s-]?host(?:ed)?\s+(?:in|on)\s+(?:the\s+)?cloud|cloud\s+(?:gpus?|vms?)|aws|gcp|azure\s+vms?)\b/.test(
                  text,
                )
              ? 'cloud-self-hosted'
              : /\b(?:api|apis|hosted\s+api|cloud\s+api)\b/.test(text)
                ? 'cloud-api'
                : undefined;
      return deployment ? finding('deployment', deployment, start, end) : undefined;
    }
    case 'modality': {
      const modality = /^\W*(?:text|plain\s+text|just\s+text)\b/.test(text)
        ? 'text'
        : /^\W*(?:code|source\s+code)\b/.test(text)
          ? 'code'
          : /^\W*(?:images?|photos?|pictures?)\W*$/.test(text)
            ? 'image'
            : /^\W*(?:audio|speech|voice)\b/.test(text)
              ? 'audio'
              : undefined;
      return modality ? finding('modality', modality, start, end) : undefined;
    }
    case 'modelAccess': {
      const access = /\bopen(?:[\s-]?(?:weights?|source))?\b/.test(text)
        ? 'open-weights'
        : /\b(?:can\s+fine[\s-]?tune|fine[\s-]?tuning\s+(?:is\s+)?(?:available|enabled))\b/.test(text)
          ? 'api-with-finetuning'
          : /\b(?:api|closed)\b/.test(text)
            ? 'api-only'
            : undefined;
      return access ? finding('modelAccess', access, start, end) : undefined;
    }
    case 'modelName': {
      const model = context.catalog.findModel(message.original.trim());
      return model ? finding('modelName', model.name, start, end) : undefined;
    }
    case 'gpuName': {
      const gpu = context.catalog.findGpu(message.original.trim());
      return gpu ? finding('gpuName', gpu.name, start, end) : undefined;
    }
    default:
      return undefined;
  }
}

/** Fields a description of the task implies by itself ("answer questions from our docs" → chat, knowledge). */
const DESCRIBES_THE_TASK: ReadonlySet<string> = new Set(['modality', 'goals', 'taskType']);

/** Words an answer to "what should it do?" may have, at most (a paragraph, not a pasted document). */
const MAX_TASK_WORDS = 60;

function readTask(
  message: PreparedMessage,
  text: string,
  others: readonly Finding[],
  start: number,
  end: number,
): Finding | undefined {
  // A message that states other facts ("actually 3 GPUs") is not a description of the task.
  if (others.some((other) => !DESCRIBES_THE_TASK.has(other.field))) return undefined;
  if (YES.test(text) || NO.test(text) || /\b(?:idk|not\s+sure|don't\s+know|no\s+idea)\b/.test(text)) return undefined;
  if (text.split(/\s+/).length > MAX_TASK_WORDS) return undefined;
  const words = message.original.trim().replace(/[.!?]+$/, '');
  return words.length >= 3 ? finding('task', words, start, end) : undefined;
}

function readNumber(
  message: PreparedMessage,
  field: ProfileField,
  others: readonly Finding[],
  start: number,
  end: number,
): Finding | undefined {
  const text = message.lower.slice(start, end);
  if (NONE.test(text)) return ZERO_ALLOWED.has(field) ? { field, value: 0, start, end } : undefined;
  const candidates: RegExpExecArray[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(message.lower); match; match = NUMBER.exec(message.lower)) {
    if (!overlapsAny(match.index, match.index + match[0].length, others)) candidates.push(match);
  }
  if (candidates.length !== 1) return undefined;
  const match = candidates[0]!;
  const amount = parseCount(match[1] ?? '');
  if (amount === undefined) return undefined;
  const unit = match[2] ?? '';
  const value = convert(field, amount, unit, message.lower.slice(match.index + match[0].length));
  if (value === undefined || (value === 0 && !ZERO_ALLOWED.has(field))) return undefined;
  if (INTEGER_FIELDS.has(field) && !Number.isInteger(value)) return undefined;
  if (value > (PLAUSIBLE_MAXIMUM[field] ?? Number.POSITIVE_INFINITY)) return undefined;
  return { field, value, start, end };
}

function convert(field: ProfileField, amount: number, unit: string, after: string): number | undefined {
  switch (field) {
    case 'latencyTargetMs':
      if (unit.startsWith('m')) return amount;
      if (unit.startsWith('s')) return amount * 1000;
      return amount >= 50 ? amount : undefined;
    case 'timelineWeeks':
      return unit === '' ? amount : toWeeks(amount, unit);
    case 'modelParamsB':
      return unit === '' || unit === 'b' || unit === 'bn' ? amount : undefined;
    case 'gpuMemoryGB':
      return unit === '' || unit === 'gb' ? amount : undefined;
    case 'monthlyBudgetUSD':
      if (/^\s*(?:\/\s?|per\s+|a\s+)?(?:year|yr)\b/.test(after)) return amount / 12;
      return unit === '' ? amount : undefined;
    case 'requestsPerDay':
      if (/^\s*(?:\w+\s+)?(?:\/\s?|per\s+|a\s+)?(?:month|mo)\b/.test(after) || /^\s*(?:\w+\s+)?monthly\b/.test(after))
        return Math.round(amount / 30);
      if (/^\s*(?:\w+\s+)?(?:\/\s?|per\s+|an?\s+)?(?:hour|hr)\b/.test(after)) return amount * 24;
      return unit === '' ? amount : undefined;
    default:
      return unit === '' ? amount : undefined;
  }
}
