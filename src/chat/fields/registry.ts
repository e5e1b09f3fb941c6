/**
 * @module One registry entry per profile field: everything the chat knows about the field, in one place. A new
 * phrasing has an obvious home:
 * - said anywhere in free text ("we have two A100s") → the field's `extractor` (src/chat/extract/extractors/, one
 *   file per concern; a concern such as the GPUs may fill several fields);
 * - said as the answer to the advisor's own `question` ("2", "nope", "weekly") → the field's `answer`;
 * - the values a number may take → `bounds` (the profile schema's range always applies too);
 * - how the chat says the value back ("monthly budget $500") → `describe`.
 * `label` and `question` come from the profile and the engine (src/profile/field-labels.ts,
 * src/engine/field-questions.ts) and are only referenced here.
 */
import { FIELD_QUESTIONS } from '../../engine/field-questions.ts';
import { fieldLabel } from '../../profile/field-labels.ts';
import type { Goal, MethodId, Profile, ProfileField, TaskType } from '../../profile/profile-schema.ts';
import { extractAllowedProviders, PROVIDER_SHORT_NAMES } from '../extract/extractors/allowed-providers.ts';
import { extractBudget, extractCurrentSpend } from '../extract/extractors/budget.ts';
import { extractCanSwitchModel } from '../extract/extractors/can-switch-model.ts';
import { extractCitations } from '../extract/extractors/citations.ts';
import { corpusSizeFromTokens, extractCorpus } from '../extract/extractors/corpus.ts';
import { extractCorpusTokens, TOKEN_SCALE } from '../extract/extractors/corpus-tokens.ts';
import { extractDeployment } from '../extract/extractors/deployment.ts';
import { extractDeviceMemory } from '../extract/extractors/device-memory.ts';
import { extractExampleTokens } from '../extract/extractors/example-tokens.ts';
import { extractExpertise } from '../extract/extractors/expertise.ts';
import {
  extractGoals,
  goalsAnswer,
  impliedCitations,
  impliedGoals,
  impliedStyleOrFormat,
} from '../extract/extractors/goals.ts';
import { extractGpus } from '../extract/extractors/gpus.ts';
import { extractGpusRented } from '../extract/extractors/gpus-rented.ts';
import { extractKnowledgeChanges, frequencyOf } from '../extract/extractors/knowledge-changes.ts';
import { extractLabeledData } from '../extract/extractors/labeled-data.ts';
import { extractLanguages } from '../extract/extractors/languages.ts';
import { extractLatency } from '../extract/extractors/latency.ts';
import { extractModality } from '../extract/extractors/modality.ts';
import { extractModel } from '../extract/extractors/model.ts';
import { extractModelStage } from '../extract/extractors/model-stage.ts';
import { extractOnPrem } from '../extract/extractors/on-prem.ts';
import { extractPreferencePairs } from '../extract/extractors/preference-pairs.ts';
import { extractRequestTokens } from '../extract/extractors/request-tokens.ts';
import { extractSafety } from '../extract/extractors/safety.ts';
import { extractStyleOrFormat } from '../extract/extractors/style-format.ts';
import { extractTask } from '../extract/extractors/task.ts';
import { extractTaskType } from '../extract/extractors/task-type.ts';
import { extractTasksCount } from '../extract/extractors/tasks-count.ts';
import { extractTeacherModel } from '../extract/extractors/teacher-model.ts';
import { extractTimeline, toWeeks } from '../extract/extractors/timeline.ts';
import { extractTried, triedAnswer } from '../extract/extractors/tried.ts';
import { extractVolume } from '../extract/extractors/volume.ts';
import { COUNT_SOURCE, parseCount, TOKENS_PER_PAGE } from '../extract/numbers.ts';
import {
  type AnswerReader,
  COUNT_OF_SOMETHING_ELSE,
  catalogName,
  computed,
  NONE,
  type NumberBounds,
  numberAnswer,
  oneOf,
  taskAnswer,
  yesNo,
} from '../extract/short-answer.ts';
import type { Extractor, Finding, Implied } from '../extract/types.ts';
import { joinWords } from './join-words.ts';

/** A method tried, in the words people use for it ("few-shot prompting", not its id). */
const TRIED_METHOD_WORDS: Readonly<Record<MethodId, string>> = {
  'prompt-engineering': 'prompting',
  'in-context-learning': 'few-shot prompting',
  rag: 'retrieval (RAG)',
  lora: 'LoRA',
  qlora: 'QLoRA',
  adapters: 'adapter layers',
  'prefix-tuning': 'prefix tuning',
  'prompt-tuning': 'prompt tuning',
  'full-fine-tuning': 'full fine-tuning',
  'instruction-tuning': 'instruction tuning',
  'preference-tuning': 'preference tuning',
  distillation: 'distillation',
  'managed-fine-tuning': 'managed fine-tuning',
};

/** "~2000 help center articles. most are short, maybe 1 page each": documents times their pages. */
const DOCUMENTS_OF_PAGES = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?(?:articles|documents|docs|pdfs|files|manuals|reports|contracts|pages|entries|posts|scripts|records|letters|memos|chapters|guides)\\b(?:(?!\\d[\\d,.]*\\s+(?:[a-z-]+\\s+){0,2}?(?:articles|documents|docs|pdfs|files|manuals|reports|contracts|pages|entries|posts|scripts|records|letters|memos|chapters|guides)\\b)[^!?\\n]){0,60}?\\b(?:about\\s+|maybe\\s+|roughly\\s+|around\\s+|~\\s*)?(${COUNT_SOURCE}|one|a|two|three|half\\s+a)\\s+pages?\\s+(?:each|apiece|long|per\\s+(?:article|doc|document|file|pdf|report))\\b`,
);
/** "6,000 pages, plus about": a page count joined to the documents said next. */
const PAGES_PLUS_BEFORE = new RegExp(
  `(${COUNT_SOURCE})\\s+pages?\\s*(?:,\\s*)?(?:plus|and|\\+)\\s+(?:about\\s+|around\\s+|roughly\\s+|maybe\\s+|~\\s*)?$`,
);
const PAGES_WORDS: Readonly<Record<string, number>> = { one: 1, a: 1, two: 2, three: 3, 'half a': 0.5 };

/** A corpus answered as a number of documents and the pages of each: their product in tokens. */
const documentsOfPages: AnswerReader = ({ message, field, start, end }) => {
  const match = DOCUMENTS_OF_PAGES.exec(message.lower);
  if (match === null) return undefined;
  const documents = parseCount(match[1] ?? '');
  const pagesWord = (match[2] ?? '').replace(/\s+/g, ' ');
  const pages = PAGES_WORDS[pagesWord] ?? parseCount(pagesWord);
  if (documents === undefined || pages === undefined || documents <= 0 || pages <= 0) return undefined;
  // "6,000 pages, plus about 300 scripts of 2 pages each": pages said in all before, added.
  const before = PAGES_PLUS_BEFORE.exec(message.lower.slice(Math.max(0, match.index - 60), match.index));
  const more = before ? (parseCount(before[1] ?? '') ?? 0) : 0;
  return { field, value: Math.round((more + documents * pages) * TOKENS_PER_PAGE), start, end } as Finding;
};
/** The first reader that reads an answer. */
function firstAnswer(...readers: readonly AnswerReader[]): AnswerReader {
  return (context) => {
    for (const reader of readers) {
      const found = reader(context);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}

/** Everything the chat knows about one profile field. */
export interface FieldEntry<F extends ProfileField = ProfileField> {
  readonly field: F;
  /** Short human label ("GPU count"), from src/profile/field-labels.ts. */
  readonly label: string;
  /** The question the advisor asks for it, from the engine's FIELD_QUESTIONS. */
  readonly question: string;
  /** The extractor that finds the field in free text (one per concern; it may fill other fields too). */
  readonly extractor: Extractor;
  /** How a reply to `question` is read when the extractors found nothing; absent: only free text fills it. */
  readonly answer?: AnswerReader;
  /** For numbers: whether 0 and fractions are values, and the largest believable bare-number answer. */
  readonly bounds?: NumberBounds;
  /** A value other fields of the same message imply ("must cite sources" → the citations goal); merged in. */
  readonly implied?: (fields: Partial<Profile>) => Implied<NonNullable<Profile[F]>> | undefined;
  /** The value in plain words, for acknowledgements ("2 GPUs", "monthly budget $500"); `label` is the field's. */
  readonly describe: (value: NonNullable<Profile[F]>, label: string) => string;
}

type Spec<F extends ProfileField> = Omit<FieldEntry<F>, 'field' | 'label' | 'question'>;

function entry<F extends ProfileField>(field: F, spec: Spec<F>): FieldEntry<F> {
  return { field, label: fieldLabel(field), question: FIELD_QUESTIONS[field].question, ...spec };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** A number followed by a thing counted ("12 characters", "3 people") is not an amount of money. */
const COUNTED_THING =
  /^\s*(?:characters?|people|persons?|engineers?|users?|customers?|clients?|tasks?|languages?|gpus?|cards?|examples?|tickets?|documents?|docs|pages?|weeks?|months?|days?|hours?|requests?|calls?|models?|teams?|words?|tokens?|lines|rows|records?|files?|images?|pairs?|samples?|emails?|players|downloads)\b/;
/** Large counts in words: 2,000,000,000 → "2 billion". */
const compactCount = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  compactDisplay: 'long',
  maximumFractionDigits: 1,
});
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const plural = (count: number, word: string) => `${integer.format(count)} ${word}${count === 1 ? '' : 's'}`;

/** Goals in plain words, for acknowledgements (and the needs of a diagnosis, which share the vocabulary). */
export const GOAL_WORDS: Readonly<Record<Goal, string>> = {
  knowledge: 'answers from your documents',
  freshness: 'up-to-date answers',
  citations: 'citations',
  format: 'a strict format',
  style: 'your style',
  'task-skill': 'better task accuracy',
  'instruction-following': 'following instructions',
  alignment: 'answers people prefer',
  cost: 'lower cost',
  latency: 'lower latency',
  'on-device': 'running on the device',
};

/** Task shapes in plain words. */
const TASK_TYPE_WORDS: Readonly<Record<TaskType, string>> = {
  chat: 'a chat assistant',
  generate: 'writing text',
  extract: 'extracting fields',
  classify: 'classifying',
  search: 'search',
  code: 'code',
  transcribe: 'transcription',
  'image-generate': 'generating images',
  'image-understand': 'understanding images',
};

/** A size in GB: "8", "8 GB"; not "12 characters" or "800 lines" (a count of something else). */
const gigabytes = (amount: number, unit: string, after: string) =>
  unit === 'gb' || (unit === '' && !COUNTED_THING.test(after)) ? amount : undefined;

/** The registry: one entry per profile field (the mapped type makes a missing field a compile error). */
/** A bare amount per month ("about 1800", "$12k"); a yearly figure is divided by 12. */
const MONTHLY_AMOUNT_ANSWER = numberAnswer((amount, unit, after) => {
  if (/^\s*(?:\/\s?|per\s+|a\s+)?(?:year|yr)\b/.test(after)) return amount / 12;
  return unit === '' && !COUNTED_THING.test(after) ? amount : undefined;
});

export const FIELD_REGISTRY: { readonly [F in ProfileField]: FieldEntry<F> } = {
  modelName: entry('modelName', {
    extractor: extractModel,
    answer: catalogName('model'),
    describe: (value, label) => `${label} ${value}`,
  }),
  modelAccess: entry('modelAccess', {
    extractor: extractModel,
    answer: oneOf([
      // "We can't download or train anything", "through the vendor's app": the weights are out of reach.
      [
        'api-only',
        /\b(?:can't|cant|cannot|can\s+not|unable\s+to|not\s+able\s+to|not\s+allowed\s+to|no\s+way\s+to|don't|do\s+not)\s+(?:\w+\s+){0,2}?(?:download|train|touch|access|get|self[\s-]?host|host)\b|\bthrough\s+(?:the|their|a)\s+(?:vendor|provider|app)\b|^\W*(?:(?:no|nope)\W+)?only\s+(?:through\s+|via\s+)?(?:the|its|their)\s+(?:own\s+)?(?:vendor's\s+)?api\b/,
      ],
      ['open-weights', /\bopen(?:[\s-]?(?:weights?|source))?\b|\bdownload\b/],
      [
        'api-with-finetuning',
        /\b(?:can\s+fine[\s-]?tune|fine[\s-]?tuning\s+(?:is\s+)?(?:available|enabled)|offers?\s+fine[\s-]?tuning)\b|^\W*(?:(?:yes|yeah|yep|sure)\W+)?(?:(?:also|both|we\s+(?:can\s+)?use|on)\s+)?(?:google\s+)?(?:vertex(?:\s+ai)?|bedrock|azure(?:\s+openai)?|foundry)\b/,
      ],
      ['api-only', /\b(?:api|closed)\b/],
    ]),
    describe: (value, label) => `${label}: ${value}`,
  }),
  modelParamsB: entry('modelParamsB', {
    extractor: extractModel,
    answer: numberAnswer((amount, unit) => (unit === '' || unit === 'b' || unit === 'bn' ? amount : undefined)),
    bounds: { answerMax: 2000 },
    describe: (value) => `a ${decimal.format(value)}B model`,
  }),
  modality: entry('modality', {
    extractor: extractModality,
    answer: oneOf([
      ['text', /^\W*(?:text|plain\s+text|just\s+text)\b/],
      ['code', /^\W*(?:code|source\s+code)\b/],
      ['image', /^\W*(?:images?|photos?|pictures?)\W*$/],
      ['audio', /^\W*(?:audio|speech|voice)\b/],
    ]),
    describe: (value, label) => `${label}: ${value}`,
  }),
  task: entry('task', {
    extractor: extractTask,
    answer: taskAnswer,
    describe: (value, label) => `${label}: ${value}`,
  }),
  labeledExamples: entry('labeledExamples', {
    extractor: extractLabeledData,
    answer: numberAnswer(),
    bounds: { zeroAllowed: true, integer: true },
    describe: (value) => (value === 0 ? 'no labeled examples' : plural(value, 'labeled example')),
  }),
  unlabeledCorpus: entry('unlabeledCorpus', {
    extractor: extractCorpus,
    implied: corpusSizeFromTokens,
    answer: oneOf([
      ['large', /\b(?:lots|a\s+lot|tons|loads|large|big|huge|many|thousands|millions|massive)\b/],
      ['small', /\b(?:a\s+few|some|small|a\s+handful|not\s+many|a\s+couple|little|tiny)\b/],
      ['none', NONE],
    ]),
    describe: (value, label) => `${label}: ${value}`,
  }),
  knowledgeChanges: entry('knowledgeChanges', {
    extractor: extractKnowledgeChanges,
    answer: computed(frequencyOf),
    describe: (value) => `knowledge changes ${value}`,
  }),
  needsCitations: entry('needsCitations', {
    extractor: extractCitations,
    answer: yesNo,
    implied: impliedCitations,
    describe: (value) => (value ? 'answers must cite sources' : 'no citations needed'),
  }),
  needsStyleOrFormat: entry('needsStyleOrFormat', {
    extractor: extractStyleOrFormat,
    answer: yesNo,
    implied: impliedStyleOrFormat,
    describe: (value) => (value ? 'a strict style or format' : 'no strict style or format'),
  }),
  gpuName: entry('gpuName', {
    extractor: extractGpus,
    answer: catalogName('gpu'),
    describe: (value, label) => `${label} ${value}`,
  }),
  gpuCount: entry('gpuCount', {
    extractor: extractGpus,
    answer: numberAnswer(),
    bounds: { zeroAllowed: true, integer: true, answerMax: 512 },
    describe: (value) => (value === 0 ? 'no GPUs' : plural(value, 'GPU')),
  }),
  gpuMemoryGB: entry('gpuMemoryGB', {
    extractor: extractGpus,
    answer: numberAnswer(gigabytes),
    bounds: { answerMax: 1024 },
    describe: (value) => `${decimal.format(value)} GB per GPU`,
  }),
  oneTimeBudgetUSD: entry('oneTimeBudgetUSD', {
    extractor: extractBudget,
    answer: numberAnswer((amount, unit, after) => (unit === '' && !COUNTED_THING.test(after) ? amount : undefined)),
    bounds: { zeroAllowed: true },
    describe: (value, label) => `${label} $${integer.format(value)}`,
  }),
  monthlyBudgetUSD: entry('monthlyBudgetUSD', {
    extractor: extractBudget,
    answer: MONTHLY_AMOUNT_ANSWER,
    bounds: { zeroAllowed: true },
    describe: (value, label) => `${label} $${integer.format(value)}`,
  }),
  mlExpertise: entry('mlExpertise', {
    extractor: extractExpertise,
    answer: oneOf([
      ['none', NONE],
      // ("some categories only have ~30 emails each": "some" of something else, not some experience.)
      [
        'basic',
        /^\W*(?:(?:pretty|fairly|quite|very|rather|mostly|all)\s+)?(?:basic|(?:some|a\s+little|a\s+bit)(?=\W*$|\s*[,;.]|\s+(?:bit|of|experience|ml|knowledge|skills?|background|python|people|engineers?|folks|exposure|familiarity|prompt|prompting|coding|programming|scripting|data|ai)\b)|beginners?|junior|limited|not\s+much)\b/,
      ],
      // ("ok then use GPT-4.1 mini as our model": an acknowledgement, not a level; "ok." alone can be one.)
      ['intermediate', /^\W*(?:(?:intermediate|decent|moderate|medium|good|solid)\b|(?:okay|ok)\W*$)/],
      ['expert', /^\W*(?:expert|experts|advanced|strong|senior|lots|very\s+experienced|high)\b/],
    ]),
    describe: (value, label) => `${label}: ${value}`,
  }),
  latencyTargetMs: entry('latencyTargetMs', {
    extractor: extractLatency,
    answer: numberAnswer((amount, unit, after) => {
      if (unit.startsWith('m')) return amount;
      if (unit.startsWith('s')) return amount * 1000;
      // "about 6k drug names", "the 8,000 rewrites": a count of things (any plural noun after it), not milliseconds.
      if (COUNTED_THINGS_AFTER.test(after) || PLURAL_NOUN_AFTER.test(after)) return undefined;
      // "it needs 147 GB", "a 70B": a size in memory or parameters, not milliseconds.
      if (/^[gtkb]/.test(unit) || /^\s*(?:gb|gib|gigs?|tb|mb|b|bn|billion|bits?|%|percent|x)\b/.test(after))
        return undefined;
      return amount >= 50 ? amount : undefined;
    }),
    bounds: { answerMax: 600_000 },
    describe: (value) => `latency target ${integer.format(value)} ms`,
  }),
  requestsPerDay: entry('requestsPerDay', {
    extractor: extractVolume,
    answer: numberAnswer((amount, unit, after) => {
      if (/^\s*(?:\w+\s+)?(?:\/\s?|per\s+|a\s+)?(?:month|mo)\b/.test(after) || /^\s*(?:\w+\s+)?monthly\b/.test(after))
        return Math.round(amount / 30);
      if (/^\s*(?:\w+\s+)?(?:\/\s?|per\s+|an?\s+)?(?:hour|hr)\b/.test(after)) return amount * 24;
      // "each doc is around 4000 tokens": the size of an item, not a volume.
      // ("auf 4 Bit quantisieren": a precision.)
      if (/^\s*(?:tokens?|words?|characters?|chars|pages?|lines?|kb|mb|gb|ms|seconds?|%|bits?|-bit)\b/.test(after))
        return undefined;
      // "5 example files pasted in the context", "300 engineers": a count of something else.
      if (COUNT_OF_SOMETHING_ELSE.test(after) && !/^\s*(?:\w+\s+)?(?:a|per|each)\s+day\b/.test(after)) return undefined;
      // "8k recruiter scores", "2,000 labelled tickets": a dataset, not a daily volume.
      if (
        /^\s*(?:[a-z-]+\s+)?(?:scores|ratings|labels|label(?:l)?ed|annotations|examples|pairs|rows|records|samples)\b/.test(
          after,
        ) &&
        !/^\s*(?:[a-z-]+\s+){0,2}(?:a|per|each)\s+day\b/.test(after)
      )
        return undefined;
      return unit === '' ? amount : undefined;
    }),
    // No traffic is no volume to plan for: a bare "no" or "none" to "how many requests a day" is not an answer.
    bounds: {},
    describe: (value) => `${integer.format(value)} requests per day`,
  }),
  deployment: entry('deployment', {
    extractor: extractDeployment,
    answer: oneOf([
      ['mobile', /\b(?:phones?|mobile|iphone|android)\b/],
      ['edge', /\b(?:edge|device|jetson|embedded)\b/],
      ['on-prem', /\b(?:on[\s-]?prem(?:ise|ises)?|our\s+(?:own\s+)?servers|in[\s-]house|our\s+data\s?cent(?:er|re))\b/],
      [
        'cloud-self-hosted',
        /\b(?:self[\s-]?host(?:ed)?\s+(?:in|on)\s+(?:the\s+)?cloud|cloud\s+(?:gpus?|vms?)|aws|gcp|azure\s+vms?)\b/,
      ],
      ['cloud-api', /\b(?:api|apis|hosted\s+api|cloud\s+api)\b/],
    ]),
    describe: (value, label) => `${label}: ${value}`,
  }),
  dataMustStayOnPrem: entry('dataMustStayOnPrem', {
    extractor: extractOnPrem,
    answer: yesNo,
    describe: (value) => (value ? 'data must stay on your premises' : 'data may leave your premises'),
  }),
  timelineWeeks: entry('timelineWeeks', {
    extractor: extractTimeline,
    answer: numberAnswer((amount, unit) => (unit === '' ? amount : toWeeks(amount, unit))),
    bounds: { answerMax: 520 },
    describe: (value) => `timeline ${decimal.format(value)} week${value === 1 ? '' : 's'}`,
  }),
  multilingual: entry('multilingual', {
    extractor: extractLanguages,
    // ("Must it work in several languages?" — "both", "all three of them": the languages the user has in mind.)
    answer: (input) =>
      yesNo(input) ??
      oneOf([
        [true, /^\W*(?:both(?:\s+of\s+them)?|all\s+(?:of\s+)?(?:them|those|three|four|five)(?:\s+of\s+them)?)\W*$/],
      ])(input),
    describe: (value) => (value ? 'several languages' : 'one language'),
  }),
  safetyCritical: entry('safetyCritical', {
    extractor: extractSafety,
    answer: yesNo,
    describe: (value) => (value ? 'safety-critical' : 'not safety-critical'),
  }),
  tasksCount: entry('tasksCount', {
    extractor: extractTasksCount,
    answer: numberAnswer(),
    bounds: { integer: true, answerMax: 100_000 },
    describe: (value) => plural(value, 'distinct task'),
  }),
  goals: entry('goals', {
    extractor: extractGoals,
    answer: goalsAnswer,
    implied: impliedGoals,
    describe: (value) =>
      `goal${value.length > 1 ? 's' : ''}: ${joinWords(value.map((goal) => GOAL_WORDS[goal] ?? goal))}`,
  }),
  taskType: entry('taskType', {
    extractor: extractTaskType,
    // "whisper large v3, we need it better on dutch phone calls": a speech-to-text model named is a transcription task.
    implied: (fields) =>
      fields.modelName !== undefined && /^whisper\b/i.test(fields.modelName)
        ? { value: 'transcribe', from: ['modelName'] }
        : undefined,
    answer: oneOf<TaskType>([
      ['image-generate', /\b(?:generat\w*|creat\w*|mak\w*)\s+images?\b|\bimage\s+generation\b/],
      ['image-understand', /\b(?:image|photo|vision|visual)\b/],
      ['transcribe', /\b(?:transcri\w*|speech|asr)\b/],
      ['code', /\b(?:code|coding|sql|programming)\b/],
      ['extract', /\b(?:extract\w*|pars\w*|structured\s+data)\b/],
      ['classify', /\b(?:classif\w*|categori[sz]\w*|routing|triage|tagging|labell?ing)\b/],
      ['search', /\b(?:search|retrieval|ranking|lookup)\b/],
      ['chat', /\b(?:chat\w*|conversation\w*|q\s?&\s?a|assistant|bot|answering\s+questions)\b/],
      ['generate', /\b(?:generat\w*|writ\w*|draft\w*|summar\w*|translat\w*|rewrit\w*)\b/],
    ]),
    describe: (value) => TASK_TYPE_WORDS[value] ?? `task type ${value}`,
  }),
  preferencePairs: entry('preferencePairs', {
    extractor: extractPreferencePairs,
    answer: numberAnswer(),
    bounds: { zeroAllowed: true, integer: true },
    describe: (value) => (value === 0 ? 'no preference pairs' : plural(value, 'preference pair')),
  }),
  modelStage: entry('modelStage', {
    extractor: extractModelStage,
    answer: oneOf([
      ['fine-tuned', /\b(?:fine[\s-]?tuned|already\s+tuned|our\s+own\s+tune)\b/],
      ['base', /\b(?:base|pre[\s-]?trained(?:\s+only)?|raw)\b/],
      ['instruct', /\b(?:instruct\w*|chat|it)\b/],
    ]),
    describe: (value) => `${value === 'instruct' ? 'an instruct' : `a ${value}`} model`,
  }),
  tried: entry('tried', {
    extractor: extractTried,
    answer: triedAnswer,
    describe: (value) =>
      value.length === 0
        ? 'nothing tried yet'
        : `already tried ${joinWords(value.map((item) => `${TRIED_METHOD_WORDS[item.method]} (${item.result === 'good-enough' ? 'good enough' : item.result})`))}`,
  }),
  teacherModel: entry('teacherModel', {
    extractor: extractTeacherModel,
    answer: catalogName('model'),
    describe: (value, label) => `${label}: ${value}`,
  }),
  deviceMemoryGB: entry('deviceMemoryGB', {
    extractor: extractDeviceMemory,
    answer: numberAnswer(gigabytes),
    bounds: { answerMax: 512 },
    describe: (value) => `${decimal.format(value)} GB on the device`,
  }),
  corpusTokens: entry('corpusTokens', {
    extractor: extractCorpusTokens,
    answer: firstAnswer(
      documentsOfPages,
      numberAnswer((amount, unit, after) => {
        // The question allows pages: about 400 tokens a page (Anthropic's "200,000 tokens, about 500 pages").
        if (unit === '' && /^\s*(?:pages?|pp)\b/.test(after)) return amount * TOKENS_PER_PAGE;
        const scale = /^\s*(billion|million|thousand|trillion)\b/.exec(after)?.[1] ?? unit;
        // "2 engineers", "3 languages": a count of something else answers no corpus size.
        if (scale === '' && COUNT_OF_SOMETHING_ELSE.test(after) && !/^\s*tokens?\b/.test(after)) return undefined;
        if (scale === '') return amount;
        const factor = TOKEN_SCALE[scale];
        return factor === undefined ? undefined : amount * factor;
      }),
    ),
    bounds: { zeroAllowed: true },
    describe: (value) => `a corpus of ${value >= 1e6 ? compactCount.format(value) : integer.format(value)} tokens`,
  }),
  canSwitchModel: entry('canSwitchModel', {
    extractor: extractCanSwitchModel,
    answer: yesNo,
    describe: (value) => (value ? 'another model is allowed' : 'the model may not change'),
  }),
  exampleTokens: entry('exampleTokens', {
    extractor: extractExampleTokens,
    answer: numberAnswer((amount, unit) => (unit === 'k' || unit === 'thousand' ? amount * 1000 : amount)),
    bounds: { answerMax: 1_000_000 },
    describe: (value) => `about ${integer.format(value)} tokens per example`,
  }),
  allowedProviders: entry('allowedProviders', {
    extractor: extractAllowedProviders,
    describe: (value) => `only ${joinWords(value.map((id) => PROVIDER_SHORT_NAMES[id] ?? id))} may be used`,
  }),
  gpusRented: entry('gpusRented', {
    extractor: extractGpusRented,
    answer: yesNo,
    describe: (value) => (value ? 'the GPUs are rented' : 'the GPUs are your own'),
  }),
  inputTokensPerRequest: entry('inputTokensPerRequest', {
    extractor: extractRequestTokens,
    answer: numberAnswer((amount, unit) => (unit === 'k' || unit === 'thousand' ? amount * 1000 : amount)),
    bounds: { answerMax: 2_000_000 },
    describe: (value) => `about ${integer.format(value)} input tokens a request`,
  }),
  outputTokensPerRequest: entry('outputTokensPerRequest', {
    extractor: extractRequestTokens,
    answer: numberAnswer((amount, unit) => (unit === 'k' || unit === 'thousand' ? amount * 1000 : amount)),
    bounds: { answerMax: 200_000 },
    describe: (value) => `about ${integer.format(value)} output tokens a request`,
  }),
  currentMonthlySpendUSD: entry('currentMonthlySpendUSD', {
    extractor: extractCurrentSpend,
    answer: MONTHLY_AMOUNT_ANSWER,
    bounds: { zeroAllowed: true },
    describe: (value, label) => `${label} $${integer.format(value)}`,
  }),
};

/** Things a bare number may count, said right after it ("6k drug names", "300 users"): no latency, no GPU count. */
/** A plural noun right after a number ("8,000 rewrites"), other than a unit of time or a filler word ("800 tops"). */
const PLURAL_NOUN_AFTER =
  /^\s*(?!(?:ms|secs|seconds|millis|milliseconds|tops|thanks|plus|less|was|this|has|is|its|does|as)\b)[a-z]{3,}s\b/;
const COUNTED_THINGS_AFTER =
  /^\s*(?:[a-z-]+\s+)?(?:names?|terms?|words?|items?|entries|codes?|products?|drugs?|documents?|docs|pages?|users?|examples?|records?|rows?|tokens?|requests?|files?|people|patients?|classes|categories|labels?|tickets?|emails?|calls?|questions?|ones)\b/;

/** The entry of one field. */
export function fieldEntry<F extends ProfileField>(field: F): FieldEntry<F> {
  return FIELD_REGISTRY[field] as FieldEntry<F>;
}

/** Every distinct extractor, in the order of the profile's fields. */
export const EXTRACTORS: readonly Extractor[] = [
  ...new Set(Object.values(FIELD_REGISTRY).map((item) => item.extractor as Extractor)),
];
