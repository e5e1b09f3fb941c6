/**
 * @module Rule-based understanding of chat messages: free text → profile fields, with the words each value came
 * from, the fields the user corrected, and what the user asked for. No LLM; pure and synchronous.
 */

import { GPU_FACTS } from '../../profile/job-schema.ts';
import { CODE_MIXED_SOURCE, LANGUAGE_SOURCE, languagesNamed } from '../../profile/languages.ts';
import { type Goal, type MethodId, Profile, type ProfileField } from '../../profile/profile-schema.ts';
import { LIST_FIELDS } from '../fields/merge-profile.ts';
import { EXTRACTORS, FIELD_REGISTRY, fieldEntry } from '../fields/registry.ts';
import { catalogScanner } from './catalog-matcher.ts';
import { longContextQuestion } from './corpus-questions.ts';
import { findCorrections } from './corrections.ts';
import { convertStatedCurrencies, type StatedRate } from './exchange-rate.ts';
import { PROVIDERS_LIFTED } from './extractors/allowed-providers.ts';
import { goalsNamedIn, REMOVED_GOAL } from './extractors/goals.ts';
import { GONE_GPU_FIELD, namesUnlistedGpu } from './extractors/gpus.ts';
import { PER_UNIT_FIELD } from './extractors/labeled-data.ts';
import { NOT_OURS_AFTER, ONLY_THE_PILOT_AFTER } from './extractors/model.ts';
import { NOT_THE_FORMAT } from './extractors/style-format.ts';
import { statedTaskLanguages } from './extractors/task.ts';
import { SPEECH_ALREADY_TEXT } from './extractors/task-type.ts';
import { DISTIL_RIGHT_BEFORE, DISTILLED_INTO_AFTER } from './extractors/teacher-model.ts';
import { asksAQuestion, BILL_COMPARISON, extractIntents, questionClauses } from './intents.ts';
import {
  ANOTHER_JOB,
  ANOTHER_JOB_SAID,
  droppedJob,
  findJobs,
  headerJob,
  jobFactsIn,
  jobFields,
  jobNamedIn,
  type KnownJob,
  ownOfAJob,
} from './jobs.ts';
import { otherLanguageOf } from './message-language.ts';
import { METHOD_SOURCE, methodFromPhrase } from './method-names.ts';
import { COUNT_SOURCE, parseCount } from './numbers.ts';
import { allMatches, prepareMessage, sentenceAround, sentenceBefore } from './prepare-message.ts';
import { readShortAnswer } from './short-answer.ts';
import { textEncoders } from './text-encoders.ts';
import type {
  Extraction,
  ExtractionCatalog,
  ExtractionIntents,
  ExtractorContext,
  Finding,
  Implied,
  PreparedMessage,
} from './types.ts';
import {
  findUnassertedSpans,
  isNegatedValue,
  PAST_KEEPS_FIELDS,
  PAST_KEEPS_UNLESS_PRESENT,
  unassertedIndex,
} from './unasserted.ts';
import { withoutFields } from './without-fields.ts';

export { createExtractionCatalog } from './catalog-matcher.ts';
export type { Extraction, ExtractionCatalog, ExtractionIntents } from './types.ts';

/** Only the first this-many characters of a message are read (keeps each turn's cost bounded). */
export const MAX_EXTRACTION_CHARS = 4000;

/**
 * Understands one chat message without an LLM.
 *
 * Every value comes from words in the message (`evidence` holds them); nothing is guessed from unrelated numbers.
 * When a field is stated more than once, the last statement wins ("2 GPUs… actually 3"), and overlapping phrases
 * for one field keep the longer one. When `requestedField` is given and the free text did not fill it, the whole
 * message is read as a short answer to it ("2", "yes", "about 300", "weekly"); a bare number with no
 * `requestedField` fills nothing.
 *
 * @param message what the user typed
 * @param context.requestedField the field the advisor asked about last turn, if any
 * @param context.today today's date (`YYYY-MM-DD`): deadlines given as dates ("by March 15") become weeks from it
 * @param context.knowledge the model and GPU catalogs (a `Knowledge`, or `createExtractionCatalog(...)`); pass
 *   the same object every turn, the alias index is cached per object
 * @example
 * extractProfile('We have two A100s and ~5k labeled tickets', { knowledge })
 * // → { fields: { gpuName: 'A100 80GB', gpuCount: 2, labeledExamples: 5000 }, evidence: { gpuCount: 'two A100s', … }, … }
 */
/** The words of a hallucination question that the goals extractor reads as the knowledge goal. */
const HALLUCINATION_WORDS =
  /hallucinat|mak(?:e|es|ing)\s+(?:stuff|things|facts|\w+\s+details)\s+up|mak(?:e|es|ing)\s+up|invent/;

/** "for both", "all of them", "each job": a message about every job of the conversation. */
const BOTH_JOBS = /\b(?:for\s+both|both\s+(?:jobs|of\s+them|parts)|(?:all|each)\s+of\s+them|each\s+job|every\s+job)\b/;

/** "nervous about it making things up", "worried the model will hallucinate doses": a worry, not a stated gap. */
const WORRIED_ABOUT_INVENTING =
  /\b(?:nervous|worried|afraid|scared|concerned|anxious|wary)\s+(?:about\s+|that\s+)?(?:it|the\s+(?:model|bot|ai|assistant|llm))?\s{0,2}(?:will\s+|would\s+|might\s+|could\s+)?(?:mak(?:e|es|ing)\s+(?:stuff|things|facts|\w+\s+details)\s+up|hallucinat\w*|invent\w*)/;

/** "we have not tried retrieval", "we haven't tried RAG yet", "never tried few-shot": a method not tried. */
const NOT_TRIED = new RegExp(
  `\\b(?:have\\s+not|haven't|havent|did\\s+not|didn't|didnt|never|not)\\s+(?:yet\\s+|actually\\s+|even\\s+)?(?:tried|used|tested|done)\\s+(?:any\\s+)?(?:a\\s+|an\\s+|the\\s+)?(${METHOD_SOURCE})\\b`,
  'g',
);

/** The team has no model yet ("no model picked yet", "we haven't chosen a model"). */
const NO_MODEL_YET =
  /\b(?:considering|deciding\s+between|choosing\s+between|torn\s+between|evaluating|comparing)\s+(?:either\s+)?(?:[\w.-]+\s+){1,4}?(?:or|vs\.?|versus|and)\s+(?:[\w.-]+\s+){0,3}?[\w.-]*\d[\w.-]*\b|\bno\s+(?:model|llm)\s+(?:picked|chosen|selected|decided(?:\s+on)?|settled(?:\s+on)?)\s+yet\b|\b(?:haven't|have\s+not|havent)\s+(?:yet\s+)?(?:picked|chosen|selected|decided\s+on|settled\s+on)\s+(?:a|the|any)\s+(?:model|llm)\b|\b(?:we|i)\s+(?:don't|do\s+not|dont)\s+(?:really\s+)?have\s+(?:a|an|any)\s+(?:model|llm)\s+yet\b/;

/**
 * Budgets replaced by the next budget of the other period after a correction word ("10k a month, no wait, … 10k
 * total"). Each budget is checked against the budget after it only, so a message of many amounts stays linear.
 */
function budgetsCorrectedToTheOtherPeriod(lower: string, findings: readonly Finding[]): Set<Finding> {
  const budgets = findings
    .filter((item) => item.field === 'oneTimeBudgetUSD' || item.field === 'monthlyBudgetUSD')
    .sort((a, b) => a.start - b.start);
  const corrected = new Set<Finding>();
  for (const [index, item] of budgets.entries()) {
    let next: Finding | undefined;
    for (let later = index + 1; later < budgets.length && next === undefined; later++)
      if ((budgets[later] as Finding).start >= item.end) next = budgets[later];
    if (
      next !== undefined &&
      next.field !== item.field &&
      next.start - item.end <= 80 &&
      (next.value === item.value || WHOLE_THING.test(lower.slice(item.end, next.end + 20))) &&
      BUDGET_PERIOD_CORRECTED.test(lower.slice(Math.max(item.end, next.start - 30), next.start))
    )
      corrected.add(item);
  }
  return corrected;
}

/**
 * Drops the model findings of a question's sentence: the models it asks about are not the team's ("is Llama 3.1 8B any
 * good in Swahili?"), unless the team owns them in it ("is our Llama 3.1 8B good in Swahili?").
 */
function dropModelsAskedIn(lower: string, sentence: string, findings: Finding[]): void {
  const from = lower.indexOf(sentence);
  if (from >= 0) dropModelFindingsWithin(findings, from, from + sentence.length, lower);
}

/** "2,000 contracts of about 12 pages each": documents counted with the pages of each one. */
const DOCUMENTS_OF_PAGES_EACH = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?(?:contracts|documents|docs|pdfs|files|reports|manuals|papers|articles|policies|filings|cases|books|handbooks|guides)\\s*,?\\s+(?:of|with|at)?\\s*(?:about\\s+|around\\s+|roughly\\s+|~\\s*)?(\\d{1,4})[\\s-]pages?\\s+(?:each|apiece|a\\s+piece|on\\s+average)\\b`,
);
/** "2,500 pdfs x ~30 pages": documents times the pages of each. */
const DOCUMENTS_TIMES_PAGES = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?(?:contracts|documents|docs|pdfs|files|reports|manuals|papers|articles|policies|filings|cases|books|handbooks|guides|labels)\\s*(?:x|×|\\*)\\s*(?:about\\s+|around\\s+|roughly\\s+|~\\s*)?(\\d{1,4})[\\s-]pages?\\b`,
);
/** "75k pages total", "75,000 pages in total": the whole collection's pages, said as the total. */
const PAGES_TOTAL_SAID = new RegExp(
  `(${COUNT_SOURCE})[\\s-]pages?\\s+(?:in\\s+total|total|in\\s+all|overall|altogether|combined)\\b`,
);
/** "about 900 pages of PDFs", "the 1,200-page manual": the pages of the whole collection. */
const PAGES_IN_ALL = new RegExp(
  `(${COUNT_SOURCE})[\\s-]pages?\\b(?!\\s+(?:each|apiece|a\\s+piece|on\\s+average|per\\s+\\w+|a\\s+(?:day|week|month|year)|every\\s+\\w+)\\b)`,
);

/**
 * The pages of the team's documents in all, when the message gives them: documents × pages each, or a total ("about
 * 900 pages of PDFs"); a page count said of one document ("each contract is about 40 pages") gives none.
 */
function corpusPagesOf(lower: string): number | undefined {
  if (!/\bpages?\b/.test(lower)) return undefined;
  // ("2,500 pdfs x ~30 pages, so like 75k pages total": the total said as such wins.)
  const totalSaid = PAGES_TOTAL_SAID.exec(lower);
  if (totalSaid) return parseCount(totalSaid[1] ?? '');
  const each = DOCUMENTS_OF_PAGES_EACH.exec(lower) ?? DOCUMENTS_TIMES_PAGES.exec(lower);
  if (each) {
    const documents = parseCount(each[1] ?? '');
    const pages = Number(each[2]);
    return documents === undefined ? undefined : documents * pages;
  }
  const total = PAGES_IN_ALL.exec(lower);
  if (total === null) return undefined;
  // ("each contract is about 40 pages": one document's length.)
  if (
    /\b(?:each|every|one|a\s+single|per)\s+(?:[a-z-]+\s+){0,2}?(?:is|has|runs|averages)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?$/.test(
      lower.slice(Math.max(0, total.index - 60), total.index),
    )
  )
    return undefined;
  return parseCount(total[1] ?? '');
}

/** The sentence of a bill comparison that names a catalog model, if the message asks one. */
function billComparisonSpan(lower: string, catalog: ExtractionCatalog): { start: number; end: number } | undefined {
  const match = BILL_COMPARISON.exec(lower);
  if (match === null) return undefined;
  const at = match.index + Math.max(0, match[0].search(/\b(?:compare|how|what)\b/));
  const sentence = sentenceAround(lower, at);
  const start = lower.lastIndexOf(sentence, at);
  if (start < 0 || catalogScanner(catalog).findModels(sentence).length === 0) return undefined;
  return { start, end: start + sentence.length };
}

/** "on one rented GPU", "with two rented H100s": a rental weighed in a question. */
const RENTED_OPTION_ASKED =
  /\b(?:on|with|using|onto)\s(?:a|one|two|three|four|\d+)\s(?:rented|cloud|hosted)\s(?:[\w-]+\s)?(?:gpus?|cards?|[ahlt]\d{1,3}s?|l40s|a10g|rtx\s?\d{4}s?|mi300x)(?![\w-])/g;
/** The facts such a rental says (kept apart as the "what if"). */
const RENTED_OPTION_FIELDS: ReadonlySet<string> = new Set(['gpusRented', 'gpuCount', 'gpuName', 'deployment']);

/** "For the Llama 3.1 8B option you suggested, what would it cost?": the advice's own model, named back to it. */
function namedBackToTheAdvice(lower: string, item: Finding): boolean {
  return (
    (item.field === 'modelName' || item.field === 'modelParamsB') &&
    (ADVICE_MODEL_AFTER.test(lower.slice(item.end, item.end + 50)) ||
      ADVICE_MODEL_BEFORE.test(lower.slice(Math.max(0, item.start - 30), item.start))) &&
    // ("we already use the 8B you mentioned": the team's own model, which agrees with the advice.)
    !/\b(?:we|i)\s(?:already\s|now\s|actually\s)?(?:use|run|have|host|serve|went\swith|picked|chose)\s(?:the\s)?$/.test(
      lower.slice(Math.max(0, item.start - 40), item.start),
    )
  );
}

/** The clause around `at`: from the last comma, semicolon or "and" before it to the next one (or a sentence end). */
function clauseAround(text: string, at: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf(',', at), text.lastIndexOf(';', at), text.lastIndexOf(' and ', at), 0);
  const ends = [',', ';', '.', '!', '?', '\n', ' and '].map((mark) => text.indexOf(mark, at)).filter((end) => end >= 0);
  return { start, end: ends.length > 0 ? Math.min(...ends) : text.length };
}

/**
 * "Our minimum spec is a GPU with 8 GB of VRAM", "the game already uses 5 GB of the 8 GB VRAM, so the model gets 3
 * GB": the users' GPU, said with the memory the model gets on their device, is not a GPU of the team's (unless the
 * sentence is about training, a GPU is named in its own clause, "…and one RTX 4090", or the clause says it is ours).
 */
function usersGpuBesideDevice(
  lower: string,
  item: Finding,
  deviceSentences: readonly string[],
  gpuNames: readonly Finding[],
): boolean {
  if (item.field !== 'gpuCount' && item.field !== 'gpuMemoryGB') return false;
  const sentence = sentenceAround(lower, item.start);
  if (!deviceSentences.includes(sentence) || /\btrain(?:ing|s|ed)?\b/.test(sentence)) return false;
  const clause = clauseAround(lower, item.start);
  if (gpuNames.some((name) => name.start < clause.end && clause.start < name.end)) return false;
  // ("we have 4 GPUs with 80 GB, the phones have 8 GB": the team's own, said as its own.)
  const words = lower.slice(clause.start, clause.end);
  return !(
    /\b(?:we\s+have|we've\s+got|we\s+own|our)\b/.test(words) &&
    !/\b(?:minimum\s+spec|min\s+spec|players?'?|users?'|customers?')\b/.test(words)
  );
}

/** "a 200 in competency 5 only has around 150 examples", "the rarest class has 40": one class's count, not the set's. */
function oneClassCount(lower: string, item: Finding): boolean {
  return item.field === 'labeledExamples' && ONE_CLASS_COUNT_BEFORE.test(sentenceBefore(lower, item.start, 100));
}

/**
 * "was thinking Qwen2.5 1.5B or smaller but idk": a model weighed, hedged, not the team's ("We were thinking Llama 3.3
 * 70B." is the model the team means to use).
 */
function modelOnlyWeighed(lower: string, item: Finding): boolean {
  return (
    (item.field === 'modelName' || item.field === 'modelParamsB') &&
    /\b(?:was|were|are|am|i'm|we're|i|we)\s(?:(?:also|still)\s)?(?:thinking|considering|eyeing|looking\sat)(?:\s(?:of|about))?(?:\s(?:using|trying|going\swith))?\s(?:the\s|a\s)?$/.test(
      lower.slice(Math.max(0, item.start - 40), item.start),
    ) &&
    /^[^.;!?\n]{0,30}\b(?:or\s(?:smaller|bigger|something|similar|so|whatever|another)|idk|not\ssure|no\sidea|dunno|maybe)\b/.test(
      lower.slice(item.end, item.end + 40),
    )
  );
}

/** "GPT-4.1 is only the teacher", "it's just the teacher": the teacher named is not the team's model. */
const ONLY_THE_TEACHER = /\b(?:is|was|'s)\s+(?:only|just|merely|purely)\s+(?:the|a|our)\s+teacher\b/;
/** "SFT of the student on the GPT-4.1 outputs", "trained from Claude's answers": the outputs are training data. */
const DATA_OF_BEFORE = /\b(?:on|from|using|of)\s+(?:the\s+|our\s+|its\s+|all\s+the\s+)?$/;
/** "… on the GPT-4.1 outputs": the model whose outputs are data, not the team's model. */
const OUTPUTS_AFTER = /^(?:'s)?\s+(?:outputs?|answers|responses|generations|completions|traces|labels)\b/;

/** "dies in January too", "is being retired as well": a model's end of life, said as a remark. */
const LIFECYCLE_AFTER =
  /^\s+(?:dies|is\s+dying|retires|is\s+(?:being\s+)?(?:retired|shut\s+down|deprecated|sunset)|goes\s+away|gets\s+(?:shut\s+down|retired))\b/;
const ALSO_AFTER = /^[^.;!?\n]{0,40}?\b(?:too|as\s+well|also)\b/;
const REMARK_BEFORE = /(?:^|[.!?\n]\s*)(?:so|oh|wait|hmm|ah|ok(?:ay)?|right)[\s,]+(?:the\s+)?$/;

/**
 * "So GPT-4.1 mini dies in January too.": a model the advisor brought up, remarked on for its end of life, is no model
 * of the team's ("Microsoft told us gpt-4o-mini is being retired" still names theirs).
 */
function lifecycleRemark(lower: string, item: Finding): boolean {
  if (item.field !== 'modelName') return false;
  const after = lower.slice(item.end, item.end + 60);
  const lifecycle = LIFECYCLE_AFTER.exec(after);
  if (lifecycle === null) return false;
  // ("So our GPT-4o mini is being retired too", "…and that's the model our whole bot runs on": the team's own.)
  if (/\b(?:our|my)\s+$/.test(lower.slice(Math.max(0, item.start - 8), item.start))) return false;
  if (
    /\b(?:we\s+(?:use|run)\s+it|our\s+(?:whole|entire|main|production)\b|the\s+model\s+(?:we|our))/.test(
      sentenceAround(lower, item.start),
    )
  )
    return false;
  return (
    ALSO_AFTER.test(after.slice(lifecycle[0].length)) ||
    REMARK_BEFORE.test(lower.slice(Math.max(0, item.start - 20), item.start))
  );
}

/** Counts a GPU's model number may be misread as: "the tuned 70B on our 4090 to generate lines". */
const COUNT_FIELDS: ReadonlySet<string> = new Set([
  'labeledExamples',
  'preferencePairs',
  'requestsPerDay',
  'tasksCount',
]);

/** A count whose number is the model number of a GPU named in its span ("our 4090"): the GPU, not a count. */
function countIsAGpuName(lower: string, item: Finding, gpuNames: readonly Finding[]): boolean {
  return (
    COUNT_FIELDS.has(item.field) &&
    gpuNames.some(
      (gpu) =>
        item.start <= gpu.start &&
        gpu.end <= item.end &&
        [...lower.slice(gpu.start, gpu.end).matchAll(/\d+/g)].map((digits) => digits[0]).includes(String(item.value)),
    )
  );
}

/** "one A10G per region": a count per site, not the team's number of GPUs. */
function countPerSite(lower: string, item: Finding): boolean {
  return (
    item.field === 'gpuCount' &&
    /^\s?(?:[\w-]+\s)?(?:per|in\s+each|for\s+each)\s+(?:region|site|location|country|store|clinic|branch|customer|tenant|office)\b/.test(
      lower.slice(item.end, item.end + 40),
    )
  );
}

/** "which model do we move the fine-tune to?": asking where to move says the model may change. */
function movesAsked(lower: string, item: Finding): boolean {
  return (
    item.field === 'canSwitchModel' &&
    item.value === true &&
    /^(?:which|what)\b/.test(lower.slice(item.start, item.end))
  );
}

/** What comes before a count of one class's examples: a rare class, or a class, level or category that "has" them. */
const ONE_CLASS_COUNT_BEFORE =
  /\b(?:rare|rarest|smallest|least\s+common)\b[^.;!?\n]{0,60}$|\b(?:class|category|level|label|intent|queue|competency|tier|grade|code)(?:\s\d+)?\s(?:only\s|just\s)?(?:has|have|had|gets?|got)\s(?:only\s|just\s)?(?:about\s|around\s|roughly\s|~\s?)?$/;

/** "there are no images in this project", "it's not an image task", "the contracts are already text". */
const NO_IMAGES_IN_PROJECT =
  /\b(?:(?:there\s(?:are|is)\s)?no\s(?:images?|photos?|pictures?)\s(?:at\sall|involved|in\s(?:this|the|our)\s(?:project|task|use[\s-]case|pipeline))|(?:it's|it\sis|this\sis)\snot\san?\s(?:image|vision)\s(?:task|problem|project)|(?:model|it|llm|the\sllm)\s(?:doesn'?t|does\snot|never|won'?t|will\snot)\s(?:ever\s)?see\s(?:any\s)?(?:images?|photos?|pictures?)|(?:contracts?|documents?|docs|files|emails|inputs?)\s(?:are|is)\s(?:already\s)?(?:plain\s|just\s|only\s)?text(?![\w-])(?![^.;!?\n]{0,40}\b(?:photos?|images?|pictures?|scans?)\b))/;

/** "… the 8B (option) you suggested", "… the model you recommended": the model named is the advice's. */
const ADVICE_MODEL_AFTER =
  /^\s?(?:(?:option|model|one|plan|route|pick|choice|idea)\s)?(?:(?:that|which)\s)?you(?:'ve|\shave|\sjust)?\s(?:suggested|proposed|recommended|mentioned|picked|chose|named)\b/;
/** "your suggested Llama 3.1 8B", "the recommended 8B": the advice's model. */
const ADVICE_MODEL_BEFORE = /\b(?:your|the)\s(?:suggested|proposed|recommended)\s(?:model\s)?$/;

/** Words that close a conversation after thanks: "that's a plan we can take to finance", "that's all for today". */
const SIGNING_OFF =
  /\b(?:that'?s|this\s+is|it'?s)\s+(?:a\s+)?(?:plan|great|helpful|useful|very\s+helpful|perfect|enough|all(?:\s+for\s+(?:now|today))?)\b|\b(?:take|bring|show)\s+(?:it|this|that)\s+to\b|\bwe\s+can\s+take\s+to\b/;

/** A correction between two budgets: the second one replaces the first ("actually" adds as often as it corrects). */
const BUDGET_PERIOD_CORRECTED =
  /\b(?:no\s+wait|wait|sorry|i\s+mean|i\s+meant|scratch\s+that|oops|my\s+bad|make\s+that)\b/;
/** "that's the whole thing", "in total", "instead": the second budget replaces the first. */
const WHOLE_THING = /\b(?:whole\s+thing|in\s+total|total|altogether|instead|all\s+in|overall)\b/;

/** Words that make "pairs" in their sentence preference pairs. */
const PREFERENCE_WORDS = /\b(?:dpo|orpo|kto|ipo|simpo|rlhf|preference|preferences|chosen|rejected|thumbs|pairwise)\b/;
/** Words that make a count labelled examples by themselves (not records that merely come with text). */
const SAID_AS_EXAMPLES =
  /\b(?:label(?:l)?ed|annotated|examples?|pairs?|gold|tagged|graded|hand[\s-]?(?:written|labell?ed|checked)|labels?|queues?|categor(?:y|ies)|tags?|(?<!postal\s|zip\s|post\s|area\s|country\s)codes?|answers?|resolutions?|repl(?:y|ies)|summar(?:y|ies)|outcomes?|decisions?|classes|translations?|transcripts?|corrections?|verdicts?)\b/;
/** "4,000 pairs of model draft versus writer rewrite": a worse and a better answer to the same prompt. */
const DRAFT_VERSUS_REWRITE =
  /\b(?:drafts?|outputs?|answers?|responses?|replies|versions?)\s(?:vs\.?|versus|against)\s(?:the\s)?(?:[\w-]+\s)?(?:rewrites?|rewritten|corrections?|corrected|edits?|edited|fix(?:es|ed)?|improved)\b/;

export interface ExtractContext {
  requestedField?: ProfileField;
  knowledge: ExtractionCatalog;
  today?: string;
  /** Exchange rates the user stated in earlier messages (the message's own come first). */
  earlierRates?: readonly StatedRate[];
  /** The user wrote before in this conversation: a "can the model …?" question no longer states the task. */
  midConversation?: boolean;
  /** The jobs the conversation already holds (two or more): clauses naming one of them add to it. */
  jobs?: readonly KnownJob[];
}

export function extractProfile(message: string, context: ExtractContext): Extraction {
  const extraction = extractWithJobs(message, context);
  const talkedAbout = modelAskedAbout(message, extraction, context.knowledge);
  return talkedAbout === undefined ? extraction : { ...extraction, talkedAboutModel: talkedAbout };
}

/**
 * "why not Llama 3.2 3B? would that fit in the 6GB?": the last catalog model a question of the message names that is
 * not the model it states, so a later "let's go with the 3B" can name it.
 */
function modelAskedAbout(message: string, extraction: Extraction, catalog: ExtractionCatalog): string | undefined {
  const weighed = extraction.intents.asksWhyNotModel;
  if (weighed !== undefined && weighed !== extraction.fields.modelName) return weighed;
  const scanner = catalogScanner(catalog);
  const asked = questionClauses(message.slice(0, MAX_EXTRACTION_CHARS));
  const names = asked.flatMap(({ text }) => scanner.findModels(text.toLowerCase()).map((found) => found.entry?.name));
  return names.filter((name): name is string => name !== undefined && name !== extraction.fields.modelName).at(-1);
}

/** Words before a new job's shape that are a circumstance ("at the end of each shift the line lead should get"). */
const LEAD_IN_CHARS = 24;

function extractWithJobs(message: string, context: ExtractContext): Extraction {
  const extraction = readProfile(message, context);
  const prepared = prepareMessage(message.slice(0, MAX_EXTRACTION_CHARS));
  // (Each piece is read as a first message with nothing asked: its own words only.)
  const read = (text: string) =>
    readProfile(text, {
      knowledge: context.knowledge,
      ...(context.today === undefined ? {} : { today: context.today }),
    });
  const known = context.jobs ?? [];
  // (Once jobs are known, only a list said again, "actually three things: …", replaces them.)
  const listed = findJobs(prepared, known.length >= 2 ? undefined : extraction.fields.task, read);
  const jobs: readonly KnownJob[] = listed ?? known;
  // ("ok another thing, separate job: we also want a little chatbot …": a second job, paired with the task the
  // conversation had by the dialogue.)
  // (With no task read, the words after "another thing:" name it: "a second thing we want: better product search".)
  const addedTask =
    extraction.fields.task ??
    (() => {
      const said = ANOTHER_JOB_SAID.exec(prepared.lower);
      if (said?.[1] === undefined) return undefined;
      const text = prepared.original.slice(said.index + said[0].length - said[1].length, said.index + said[0].length);
      // (Only a job said there, with a shape: "another thing: our budget is $5k" adds no job.)
      const shaped = read(text);
      if (shaped.fields.taskType === undefined) return undefined;
      // ("at the end of each shift the line lead should get a short summary of …": the job is named from its shape's
      // words, not from the circumstance said before them.)
      const words = shaped.evidence.taskType;
      const at = words === undefined ? -1 : text.toLowerCase().indexOf(words.toLowerCase());
      return (at > LEAD_IN_CHARS ? text.slice(at) : text).trim();
    })();
  if (jobs.length < 2 && addedTask !== undefined && ANOTHER_JOB.test(prepared.lower)) {
    const { task: _task, ...fields } = jobFields(extraction, prepared.lower);
    return { ...extraction, jobAdded: { task: addedTask, fields } };
  }
  if (jobs.length < 2) return extraction;
  const jobFacts = jobFactsIn(prepared, jobs, read);
  const dropped = listed === undefined ? droppedJob(prepared.lower, jobs) : undefined;
  // (A question is routed by its own words: "the memos change yearly; what would the receipts cost?" asks of receipts.)
  const asked = questionClauses(prepared.original).filter(({ open }) => open);
  const header = headerJob(prepared.lower, jobs);
  const named = header ?? jobNamedIn(asked.length > 0 ? asked.map(({ text }) => text).join(' ') : prepared.lower, jobs);
  // ("for the receipts, about 3000" to the examples question: a message that names one job says its facts of it.)
  // ("we tried prompting for both and it plateaued": what the message says of all the jobs is each job's.)
  if (BOTH_JOBS.test(prepared.lower) && !prepared.lower.includes('?')) {
    // (Not what a clause says of one job: "the $14k is for BOTH jobs … For the search job: 2,000,000 examples.")
    const saidOfOne = (field: string, value: unknown) =>
      jobFacts.some((fact) => sameJson((fact.fields as Record<string, unknown>)[field], value));
    const { task: _task, ...all } = jobFields(extraction, prepared.lower);
    const fields = Object.fromEntries(Object.entries(all).filter(([field, value]) => !saidOfOne(field, value)));
    // (Attempts said of both, beside one said of one job: each job gets the shared ones, that job its own too.)
    const ownAttempts = new Set(
      jobFacts.flatMap((fact) => (fact.fields.tried ?? []).map((attempt) => attempt.method as string)),
    );
    const sharedAttempts = (fields.tried as Profile['tried'] | undefined)?.filter(
      (attempt) => !ownAttempts.has(attempt.method),
    );
    if (sharedAttempts !== undefined) fields.tried = sharedAttempts;
    if (Object.keys(fields).length > 0)
      for (const job of jobs) {
        const fact = jobFacts.find((each) => each.name === job.name);
        if (fact === undefined) jobFacts.push({ name: job.name, fields });
        else if (sharedAttempts !== undefined && sharedAttempts.length > 0 && fact.fields.tried !== undefined)
          fact.fields = { ...fact.fields, tried: [...sharedAttempts, ...fact.fields.tried] };
      }
  }
  // (Not from a message that asks something: "we picked Llama 3.1 8B. How long would training the sorter take?" says
  // the team's model and asks of the sorter.)
  if (named !== undefined && !prepared.lower.includes('?') && !jobFacts.some((fact) => fact.name === named)) {
    const { task: _task, ...fields } = jobFields(extraction, prepared.lower);
    if (Object.keys(fields).length > 0) jobFacts.push({ name: named, fields });
  } else if (header !== undefined && jobFacts.every((fact) => fact.name === header)) {
    // ("for the smart reply: why just prompt engineering on the 1B?", "for the classifier: can BERT-Base do that?": what
    // its questions say is that job's too, and what it states of the job's own, in a message that names no other job.)
    const askedWords = questionClauses(prepared.original)
      .map(({ text }) => text.toLowerCase())
      .join('\n');
    const { task: _task, ...all } = jobFields(extraction, prepared.lower);
    const inQuestion = (field: string) => {
      const words = extraction.evidence[field as ProfileField]?.toLowerCase();
      return words !== undefined && askedWords.includes(words);
    };
    const fields = Object.fromEntries(Object.entries(all).filter(([field]) => inQuestion(field) || ownOfAJob(field)));
    const elsewhere = new Set(
      jobFacts.filter((fact) => fact.name !== header).flatMap((fact) => Object.keys(fact.fields)),
    );
    const own = Object.fromEntries(Object.entries(fields).filter(([field]) => !elsewhere.has(field)));
    const fact = jobFacts.find((each) => each.name === header);
    if (fact !== undefined) fact.fields = { ...own, ...fact.fields };
    else if (Object.keys(own).length > 0) jobFacts.push({ name: header, fields: own });
  }
  // (What a question asks about hypothetically is no job's fact: "serve the 72B description model?".)
  const askedAbout = new Set(Object.keys(extraction.hypothetical ?? {}));
  for (const fact of jobFacts)
    if (Object.keys(fact.fields).some((field) => askedAbout.has(field)))
      fact.fields = Object.fromEntries(Object.entries(fact.fields).filter(([field]) => !askedAbout.has(field)));
  return {
    ...extraction,
    ...(listed === undefined ? {} : { jobs: listed }),
    ...(jobFacts.length === 0 ? {} : { jobFacts }),
    ...(named === undefined ? {} : { jobNamed: named }),
    ...(dropped === undefined ? {} : { jobDropped: dropped.name }),
    // ("drop the ticket triage": the words naming the job dropped say nothing of the team's task.)
    ...(dropped?.said === undefined ? {} : withoutWordsOf(extraction, dropped.said)),
  };
}

/** The task's shape and goals read only from the words that named a job taken back. */
function withoutWordsOf(extraction: Extraction, said: string): Pick<Extraction, 'fields' | 'evidence'> {
  const named = (['taskType', 'goals', 'task', 'needsStyleOrFormat', 'safetyCritical'] as const).filter((field) => {
    const words = extraction.evidence[field]?.toLowerCase();
    return words !== undefined && said.includes(words);
  });
  const { fields, evidence } = withoutFields(extraction, named);
  return { fields, evidence };
}

function readProfile(message: string, context: ExtractContext): Extraction {
  const prepared = prepareMessage(message.slice(0, MAX_EXTRACTION_CHARS));
  const firstMessage = context.midConversation !== true;
  const extractorContext: ExtractorContext = {
    catalog: context.knowledge,
    requestedField: context.requestedField,
    today: context.today,
  };
  const findings: Finding[] = [];
  // A per-tenant share with no tenants counted in the message, set aside (see Extraction.perUnitExamples).
  let perUnit: number | undefined;
  // A GPU said to be gone ("the lab took the 3090 back"), set aside (see Extraction.goneGpu).
  let goneGpu: string | undefined;
  for (const extractor of EXTRACTORS) {
    for (const item of extractor(prepared, extractorContext)) {
      if ((item.field as string) === PER_UNIT_FIELD) perUnit ??= item.value as number;
      else if ((item.field as string) === GONE_GPU_FIELD) goneGpu ??= item.value as string;
      else if (withinSchema(item)) findings.push(item);
    }
  }
  findings.push(...bareCorrections(prepared, findings, context.knowledge));
  // "£31k is what we PAY now, not a budget": an amount said to be the bill is no budget as well.
  for (let index = findings.length - 1; index >= 0; index--) {
    const item = findings[index] as Finding;
    if (item.field !== 'oneTimeBudgetUSD' && item.field !== 'monthlyBudgetUSD') continue;
    const billToo = findings.some(
      (other) => other.field === 'currentMonthlySpendUSD' && other.start < item.end && item.start < other.end,
    );
    const denied = /^[^.;!?\n]{0,40}?\bnot\s+(?:a|our|the)\s+budget\b/.test(
      prepared.lower.slice(item.end, item.end + 60),
    );
    if (billToo || denied) findings.splice(index, 1);
  }
  // "budget is 10k a month, no wait, that's the whole thing, 10k total": a budget corrected to the other period.
  const correctedBudgets = budgetsCorrectedToTheOtherPeriod(prepared.lower, findings);
  if (correctedBudgets.size > 0)
    findings.splice(0, findings.length, ...findings.filter((item) => !correctedBudgets.has(item)));
  // "£31k is what we pay … a pound is about 1.27 dollars": money converted at the team's own rate.
  const rated = convertStatedCurrencies(prepared, findings, context.earlierRates);
  findings.splice(0, findings.length, ...rated.findings);

  const intents = extractIntents(prepared);
  // "Compare the monthly bill for GPT-4.1 mini and Gemini 2.5 Flash": a "what if" only when a catalog model is named in
  // the sentence ("our app lets travellers compare costs of flights" states a task).
  const billComparison = billComparisonSpan(prepared.lower, context.knowledge);
  if (billComparison !== undefined) {
    intents.whatIf = true;
    intents.comparesBills = true;
    const named = catalogScanner(context.knowledge)
      .findModels(prepared.lower.slice(billComparison.start, billComparison.end))
      .flatMap((mention) => (mention.entry === undefined ? [] : [mention.entry.name]));
    if (named.length > 0) intents.billModels = [...new Set(named)];
  }
  askedOfTheCatalog(prepared.lower, findings, intents, context.knowledge);

  // A message asking several questions: each one read on its own, and those nothing answers are said to be unanswered
  // (a "what if" with nothing to vary, "can we use the 20k verified claims as the eval set?", is one of them).
  const clauses = questionClauses(prepared.original).map(({ text, open }) => ({
    text,
    open,
    alone: readProfile(text, context),
  }));
  // ("DPO or SFT? What's the difference for us in practice?": the comparison answers the difference.)
  const comparedHere = intents.asksComparison !== undefined;
  const unanswered = clauses
    .filter(
      ({ open, alone, text }) =>
        open &&
        !asksAQuestion(alone.intents) &&
        !(alone.intents.whatIf && alone.hypothetical !== undefined) &&
        !(comparedHere && /\bdifferen(?:ce|t)\b/i.test(text)) &&
        // ("it's actually 1,200 usable labeled emails, not 3,500. does that change things?": the update the facts bring
        // is the answer.)
        !(CHANGE_CHECK.test(text) && findings.length > 0) &&
        // ("The emails are German and Polish. Is there a BERT-like model for that?": answered with the languages said
        // before it, which the clause alone does not have.)
        !(intents.asksLanguage !== undefined && ENCODER_FOR_LANGUAGES.test(text.toLowerCase())),
    )
    .map(({ text }) => text);
  if (unanswered.length > 0) intents.unanswered = unanswered;
  // Each question that asks the advisor something, for the answers one reading of the whole message leaves out.
  const separately = clauses
    .filter(({ alone }) => asksAQuestion(alone.intents))
    .map(({ text, alone }) => ({
      text,
      intents: alone.intents,
      ...(alone.hypothetical === undefined ? {} : { hypothetical: alone.hypothetical }),
    }));
  if (separately.length >= 2) intents.separately = separately;
  // "What would it cost a month? Does it fit under our budget?": the cost answer says the yes or no first.
  if (intents.asksCost !== undefined && separately.some(({ intents: asked }) => asked.asksBudgetFit === true))
    intents.asksBudgetFit = true;
  // "How do we stop it from hallucinating meds that aren't in the note?" asks about a failure; it does not say the
  // gap is missing knowledge (summarising a note the model is given is no retrieval task).
  // ("the doctors are nervous about it making things up… is this safe enough?": a worry, or a safety question, about
  // inventing is no gap of knowledge either.)
  if (intents.asksHallucination || intents.asksSafety || WORRIED_ABOUT_INVENTING.test(prepared.lower)) {
    for (let index = findings.length - 1; index >= 0; index--) {
      const item = findings[index] as Finding;
      if (item.field === 'goals' && HALLUCINATION_WORDS.test(prepared.lower.slice(item.start, item.end)))
        findings.splice(index, 1);
    }
  }
  // "base or instruct?" weighs the two checkpoints: it says neither is the team's. "Two examples plus the file would be
  // 75k tokens: does that fit the context?" sizes a prompt, not a corpus or a number of examples.
  const askedAbout: ReadonlySet<string> = new Set([
    ...(intents.asksInstructVsBase ? ['modelStage'] : []),
    ...(intents.asksContextFit !== undefined ? ['corpusTokens', 'unlabeledCorpus', 'labeledExamples'] : []),
    // A model asked about for its licence is weighed, not adopted.
    ...(intents.asksLicence !== undefined ? ['modelName', 'modelAccess', 'modelParamsB'] : []),
    // "No model picked yet, we were thinking Llama 3.1 70B?": a candidate, not the team's model.
    ...(NO_MODEL_YET.test(prepared.lower) ? ['modelName', 'modelParamsB'] : []),
  ]);
  for (let index = findings.length - 1; index >= 0; index--)
    if (askedAbout.has((findings[index] as Finding).field)) findings.splice(index, 1);
  // "will the LoRA fit on a single 3090?": the number of GPUs the question tries is not how many the team has.
  if (intents.asksFitGpus !== undefined)
    for (let index = findings.length - 1; index >= 0; index--) {
      const item = findings[index] as Finding;
      if (
        item.field === 'gpuCount' &&
        item.value === intents.asksFitGpus &&
        QUESTION_ENDS_AFTER.test(prepared.lower.slice(item.end))
      )
        findings.splice(index, 1);
    }
  // "Could we just paste all 1,400 pages into the 200k window instead of RAG?": the counts in the sentence that asks
  // size the question (facts said in other sentences stay).
  const longContextSpans =
    intents.asksLongContext === undefined ? [] : (longContextQuestion(prepared.lower)?.spans ?? []);
  for (let index = findings.length - 1; index >= 0; index--) {
    const item = findings[index] as Finding;
    if (
      LONG_CONTEXT_SIZES.has(item.field) &&
      longContextSpans.some((span) => span.start <= item.start && item.end <= span.end)
    )
      findings.splice(index, 1);
  }
  const { requestedField } = context;
  // ("Which model would be the teacher?" — "gpt-4.1, it's what we already use for grading our evals": the model named
  // first answers the question; it is the teacher, not the team's model.)
  if (requestedField === 'teacherModel' && !findings.some((item) => item.field === 'teacherModel')) {
    // (In the answer's first words: "probably claude sonnet 4", not "we use llama for now, teacher would be …".)
    const first = findings.findIndex(
      (item) =>
        item.field === 'modelName' &&
        !/[,;:!?]|\.\s|\b(?:we|our|i)\b/.test(prepared.lower.slice(0, item.start)) &&
        // ("Llama 3.1 8B is the model we serve; we don't have a bigger one": the team's own model, said as such.)
        !/^\s*(?:is|'s)\s+(?:(?:the|our|what)\s+)?(?:(?:model|one)\s+)?(?:we|ours|our\s+own)\b/.test(
          prepared.lower.slice(item.end, item.end + 40),
        ),
    );
    if (first >= 0) findings[first] = { ...(findings[first] as Finding), field: 'teacherModel' };
  }
  // "what would you do first?" right after "what should the model do?" is a question to the advisor, not the answer.
  // "thanks, that's helpful" after the answer's firm-up question is small talk, not an answer to it; "just recommend"
  // declines the question.
  // ("update: the lab took the 3090 back" tells what changed: it answers no pending question.)
  if (
    requestedField &&
    goneGpu === undefined &&
    // ("we have no monthly budget of $900, drop that" takes a fact back: it answers no pending question.)
    !TAKEN_BACK.test(prepared.lower) &&
    // ("No, 129 was the exchange rate, not the corpus!": the "no" disputes a reading; it answers nothing asked.)
    !NUMBER_WAS_SOMETHING_ELSE_ONCE.test(prepared.lower) &&
    !asksAboutTheAdvice(intents) &&
    intents.smallTalk !== true &&
    // ("Cảm ơn! Thanks, that's a plan we can take to finance": a thank-you that closes, no answer to the question.)
    !(intents.thanks === true && SIGNING_OFF.test(prepared.lower)) &&
    intents.justRecommend !== true &&
    !findings.some((item) => item.field === requestedField)
  ) {
    const { answer, bounds } = fieldEntry(requestedField);
    // The coarse corpus size ("300 pages" → small) does not claim the number the corpus-size question asks for.
    const claimed = findings.filter((item) => !(requestedField === 'corpusTokens' && item.field === 'unlabeledCorpus'));
    const read = answer && readShortAnswer(prepared, requestedField, answer, claimed, context.knowledge, bounds);
    if (read && withinSchema(read)) findings.push(read);
  }

  findings.push(...specLineAnswers(prepared.lower, findings, context.knowledge));
  // "DPO on 30,000 pairs": pairs said in a sentence about preference tuning are preference pairs.
  for (const [index, item] of findings.entries()) {
    if (item.field !== 'labeledExamples' || !/\bpairs\b/.test(prepared.lower.slice(item.start, item.end))) continue;
    if (
      /\b(?:sft|supervised|instruction|input[\s/-]output|labell?ed|q\s?&\s?a|question)\b/.test(
        prepared.lower.slice(item.start, item.end),
      )
    )
      continue;
    // ("about 4,500 real pairs from lines players saw both ways. Would DPO with LoRA fit?": the next sentence, or
    // outputs seen both ways, says what the pairs are for.)
    if (
      PREFERENCE_WORDS.test(sentenceAround(prepared.lower, item.start)) ||
      PREFERENCE_WORDS.test(prepared.lower.slice(item.end, item.end + 120)) ||
      /\b(?:both\s+ways|side\s+by\s+side)\b/.test(prepared.lower.slice(item.end, item.end + 60)) ||
      DRAFT_VERSUS_REWRITE.test(prepared.lower.slice(item.start, item.end + 60))
    )
      findings[index] = { ...item, field: 'preferencePairs' };
  }
  // "1,800 agent replies rated thumbs-up and... actually they're pairs, 1,800 pairs of preferred vs not-preferred": the
  // count said first, corrected into pairs, is no count of examples.
  const pairsSaid = findings.find((item) => item.field === 'preferencePairs');
  if (pairsSaid !== undefined && THEY_ARE_PAIRS.test(prepared.lower))
    for (let index = findings.length - 1; index >= 0; index--) {
      const item = findings[index] as Finding;
      if (item.field === 'labeledExamples' && item.value === pairsSaid.value && item.start < pairsSaid.start)
        findings.splice(index, 1);
    }
  // "Each trajectory is long, like 12k tokens": the length of one example, not the size of a corpus.
  // ("docs are about 250k tokens total" is the corpus: then the example reading goes.)
  for (let index = findings.length - 1; index >= 0; index--) {
    const item = findings[index] as Finding;
    if (
      item.field === 'exampleTokens' &&
      /^\s*(?:total|in\s+total|overall|altogether|combined|all\s+together)\b/.test(
        prepared.lower.slice(item.end, item.end + 20),
      )
    )
      findings.splice(index, 1);
  }
  const exampleSpans = findings.filter((item) => item.field === 'exampleTokens');
  // "We don't have examples as such. We have … 12,000 object records with descriptions": records the team says in the
  // same message are not examples are a corpus, unless their own words call them labelled examples.
  if (findings.some((item) => item.field === 'labeledExamples' && item.value === 0)) {
    for (let index = findings.length - 1; index >= 0; index--) {
      const item = findings[index] as Finding;
      if (
        item.field === 'labeledExamples' &&
        item.value !== 0 &&
        !SAID_AS_EXAMPLES.test(prepared.lower.slice(item.start, item.end))
      )
        findings.splice(index, 1);
    }
  }
  // "1800 docs where ops verified every field": documents counted as labelled examples are no corpus.
  const labeledSpans = findings.filter((item) => item.field === 'labeledExamples');
  for (let index = findings.length - 1; index >= 0; index--) {
    const item = findings[index] as Finding;
    if (
      item.field === 'unlabeledCorpus' &&
      labeledSpans.some((labeled) => item.start < labeled.end && labeled.start < item.end)
    )
      findings.splice(index, 1);
  }
  for (let index = findings.length - 1; index >= 0; index--) {
    const item = findings[index] as Finding;
    if (
      (item.field === 'corpusTokens' || item.field === 'unlabeledCorpus') &&
      exampleSpans.some((example) => item.start < example.end && example.start < item.end)
    )
      findings.splice(index, 1);
  }
  // Findings that say nothing of the team: a model named back to the advice, the users' GPU beside their device's
  // memory, one class's count, a model only weighed, a GPU count per site.
  const deviceSentences = findings
    .filter((item) => item.field === 'deviceMemoryGB')
    .map((item) => sentenceAround(prepared.lower, item.start));
  const gpuNames = findings.filter((item) => item.field === 'gpuName');
  // ("GPT-4.1 is only the teacher — the outputs we logged are GPT-4.1 outputs": the teacher, not the team's model.)
  const teachers = new Set(
    ONLY_THE_TEACHER.test(prepared.lower)
      ? findings.filter((item) => item.field === 'teacherModel').map((item) => item.value)
      : [],
  );
  const kept = findings.filter(
    (item) =>
      !namedBackToTheAdvice(prepared.lower, item) &&
      !usersGpuBesideDevice(prepared.lower, item, deviceSentences, gpuNames) &&
      !oneClassCount(prepared.lower, item) &&
      !modelOnlyWeighed(prepared.lower, item) &&
      !countPerSite(prepared.lower, item) &&
      !countIsAGpuName(prepared.lower, item, gpuNames) &&
      !lifecycleRemark(prepared.lower, item) &&
      !(
        item.field === 'modelName' &&
        (teachers.has(item.value) ||
          // ("distill Claude Sonnet dialogues into the 3B": the model distilled from, into the team's own.)
          (DISTILLED_INTO_AFTER.test(prepared.lower.slice(item.end, item.end + 60)) &&
            DISTIL_RIGHT_BEFORE.test(prepared.lower.slice(Math.max(0, item.start - 30), item.start))) ||
          (OUTPUTS_AFTER.test(prepared.lower.slice(item.end)) &&
            DATA_OF_BEFORE.test(prepared.lower.slice(Math.max(0, item.start - 20), item.start))))
      ),
  );
  findings.splice(0, findings.length, ...kept);
  // "Together the two 3090s have 48 GB": the memory of all the cards named, not of each (the catalog knows each one's).
  const namedGpu = gpuNames.length === 1 ? context.knowledge.findGpu(String(gpuNames[0]?.value)) : undefined;
  const counted = findings.find((item) => item.field === 'gpuCount')?.value;
  if (namedGpu !== undefined && typeof counted === 'number' && counted >= 2)
    for (let index = findings.length - 1; index >= 0; index--) {
      const item = findings[index] as Finding;
      if (
        item.field === 'gpuMemoryGB' &&
        item.value === counted * namedGpu.memoryGB &&
        item.value !== namedGpu.memoryGB
      )
        findings.splice(index, 1);
    }
  // "6,000 chosen/rejected pairs" are preference pairs, not supervised examples.
  const pairSpans = findings.filter((item) => item.field === 'preferencePairs');
  for (let index = findings.length - 1; index >= 0; index--) {
    const item = findings[index] as Finding;
    if (item.field === 'labeledExamples' && pairSpans.some((pair) => item.start < pair.end && pair.start < item.end))
      findings.splice(index, 1);
  }

  // "Will LoRA on the 70B fit on our two cards?": a fit or cost question about another model than the team's is a
  // "what if" on that model (answered on it, nothing saved).
  const asksOnAModel = intents.asksFit !== undefined || intents.asksCost !== undefined;
  // "what would the same traffic cost on Claude Haiku or GPT-4o mini instead?": the model the cost is asked on.
  const askedOn = asksOnAModel
    ? findings.filter(
        (item) =>
          ((item.field === 'modelName' &&
            /\b(?:on|with|using|via|through)\s+(?:[^.!?\n]{0,30}?\s(?:or|and|vs\.?)\s+)?(?:the\s+)?$/.test(
              prepared.lower.slice(Math.max(0, item.start - 50), item.start),
            )) ||
            // "what would serving the 7B cost us?": the size of a model talked about, asked on.
            (item.field === 'modelParamsB' &&
              /^(?:the|that|this)\s/.test(prepared.lower.slice(item.start, item.end)))) &&
          QUESTION_ENDS_AFTER.test(prepared.lower.slice(item.end)),
      )
    : [];
  // "We use GPT-4o mini … What would Gemini 2.5 Flash-Lite cost us a month?", "we're on gpt-4o mini — would gpt 4.1 mini
  // give the same quality cheaper?": beside the team's model, another one named inside a question is only asked about.
  // ("Actually, scratch that — it's Claude 3.5 Sonnet, can it do JSON?" corrects the team's model inside a question.)
  const modelInQuestion = (item: Finding) => {
    if (item.field !== 'modelName' || !QUESTION_ENDS_AFTER.test(prepared.lower.slice(item.end))) return false;
    const sentence = sentenceBefore(prepared.lower, item.start);
    return (
      !/\b(?:we|we're|we've|i|i'm|our|my|us|it's|it\s+is)\b/.test(sentence.split(/\s[—–-]\s|[;,:]/).pop() ?? '') &&
      !/\b(?:actually|scratch\s+that|i\s+mean|sorry|correction|make\s+that)\b/.test(sentence)
    );
  };
  // (Later in a conversation, "gemini 2.5 pro doesn't sound cheap?" doubts a model the advisor named: a model only
  // inside a question, with nothing saying it is the team's, is asked about even with no other model beside it.)
  const questionModels = findings.filter(
    (item) =>
      modelInQuestion(item) &&
      ((!firstMessage && !asksOnAModel && !intents.whatIf && doubtedModel(prepared.lower, item)) ||
        findings.some((other) => other.field === 'modelName' && other.value !== item.value && !modelInQuestion(other))),
  );
  askedOn.push(...questionModels.filter((item) => !askedOn.includes(item)));
  if (questionModels.length > 0) intents.modelAskedAbout = true;
  // ("someone suggested distilling from gpt-4.1, but … we can't": a suggestion turned down is nobody's model.)
  const judgedModels = findings.filter(
    (item) =>
      (item.field === 'modelName' || item.field === 'teacherModel') &&
      !askedOn.includes(item) &&
      turnedDown(prepared.lower, item),
  );
  askedOn.push(...judgedModels);
  // ("ok, we'll go with Llama 3.1 8B": the model named is taken up; the dialogue keeps it even when it is the advice's.)
  if (
    /\b(?:budget|afford|cap|capped|limit|max(?:imum)?|ceiling|can\s+spend|may\s+spend|allowed\s+to\s+spend)\b/.test(
      prepared.lower,
    )
  )
    intents.saysBudget = true;
  // (In the sentence that names the model: "sounds good" elsewhere takes up nothing.)
  // ("would switching to Claude Sonnet or GPT-4.1 fix the recall problem?": a move weighed in a question is no move.)
  if (
    findings.some((item) => {
      if (item.field !== 'modelName') return false;
      const sentence = sentenceAround(prepared.lower, item.start, 200);
      return MODEL_TAKEN_UP.test(sentence) && !MOVE_WEIGHED.test(sentence);
    })
  )
    intents.adoptsModel = true;
  // "could we serve Qwen2.5 72B on our own cards?": a model weighed in a question, not adopted.
  if (
    asksOnAModel &&
    findings.some(
      (item) =>
        item.field === 'modelName' &&
        /\b(?:could|can|should|would|shall)\s(?:we|i)\s(?:just\s|also\s|instead\s)?(?:serve|run|use|host|switch\s+to|move\s+to|try|deploy|go\s+with)\s(?:the\s)?$/.test(
          prepared.lower.slice(Math.max(0, item.start - 50), item.start),
        ) &&
        QUESTION_ENDS_AFTER.test(prepared.lower.slice(item.end)),
    )
  )
    intents.modelAskedAbout = true;
  // "And the monthly cost of hosting that classifier on one rented GPU?": the rental is the option priced, not the
  // team's hardware (nothing saved).
  if (asksOnAModel && !intents.whatIf) {
    const options = allMatches(RENTED_OPTION_ASKED, prepared.lower)
      .filter((match) => /^[^.!?\n;:]*\?/.test(prepared.lower.slice(match.index + match[0].length)))
      .map((match) => sentenceAround(prepared.lower, match.index));
    const inOption = findings.filter(
      (item) =>
        RENTED_OPTION_FIELDS.has(item.field) &&
        options.includes(sentenceAround(prepared.lower, item.start)) &&
        !/\b(?:we|we're|we've|our)\s(?:already\s)?(?:rent|have|use|run)\b|\b(?:is|are)\s(?:served|hosted|running|deployed)\b/.test(
          sentenceAround(prepared.lower, item.start),
        ),
    );
    if (inOption.length > 0) {
      intents.whatIf = true;
      askedOn.push(...inOption.filter((item) => !askedOn.includes(item)));
    }
  }
  // "and the Qwen2.5 1.5B, will it fit in the 2 GB?": a model named in a fit or cost question, with nothing saying it is
  // the team's; the dialogue treats it as a "what if" when the team already has another model.
  if (
    asksOnAModel &&
    !intents.whatIf &&
    findings.some(
      (item) =>
        item.field === 'modelName' &&
        !/\b(?:we|we're|we've|i|i'm|our|my|us)\b/.test(sentenceBefore(prepared.lower, item.start)) &&
        QUESTION_ENDS_AFTER.test(prepared.lower.slice(item.end)),
    )
  )
    intents.modelAskedAbout = true;
  if (
    asksOnAModel &&
    !intents.whatIf &&
    findings.some((item) => item.field === 'modelName' || item.field === 'modelParamsB') &&
    // The model is named inside the question ("will Qwen2.5 32B fit on an A10G?"), not stated beside it.
    (/\b(?:our|my)\b/.test(prepared.lower) ||
      askedOn.length > 0 ||
      !dropUnstated(prepared, findings, false, firstMessage).some(
        (item) => item.field === 'modelName' || item.field === 'modelParamsB',
      ))
  )
    intents.whatIf = true;
  // A "what if" is read twice: as facts (what the team states beside the question: "(we have two L4s)") and as the
  // question (every value, the asked-about ones included), kept apart so that only the facts are the team's.
  const notAsked = (item: Finding) =>
    !(
      (intents.whatIf || questionModels.includes(item) || judgedModels.includes(item)) &&
      askedOn.some((asked) => item.field === asked.field && item.value === asked.value)
    );
  // ("What if we had 8 H100s instead, would you recommend full fine-tuning or a bigger model like the 70B?": all of
  // the sentence a "what if" opens is the question, past its commas.)
  const whatIfSentences = intents.whatIf
    ? [
        ...allMatches(WHAT_IF_SENTENCE, prepared.lower).map((match) => ({
          start: match.index,
          end: match.index + match[0].length,
        })),
        ...(billComparison === undefined ? [] : [billComparison]),
      ]
    : [];
  const inWhatIfSentence = (item: Finding) =>
    whatIfSentences.some((span) => span.start <= item.start && item.end <= span.end);
  const stated = chooseFindings(
    dropUnstated(prepared, findings, false, firstMessage).filter((item) => notAsked(item) && !inWhatIfSentence(item)),
  );
  // "The 8B was only the pilot, we're planning on Llama 3.1 70B": a size said of another model than the one named.
  // "the 8B was just what we tested": the size of a model only tested says nothing of the team's.
  const testedSize = stated.find(
    (item) =>
      item.field === 'modelParamsB' &&
      TESTED_ONLY_AFTER.test(prepared.lower.slice(item.end, item.end + 50)) &&
      !stated.some((other) => other.field === 'modelName'),
  );
  if (testedSize !== undefined) stated.splice(stated.indexOf(testedSize), 1);
  const namedModel = stated.find((item) => item.field === 'modelName');
  const statedSize = stated.find((item) => item.field === 'modelParamsB');
  const namedSize = namedModel ? context.knowledge.findModel(String(namedModel.value))?.paramsB : undefined;
  if (
    statedSize !== undefined &&
    namedSize !== undefined &&
    Math.abs(Number(statedSize.value) - namedSize) > namedSize * SIZE_MISMATCH_SHARE
  )
    stated.splice(stated.indexOf(statedSize), 1);
  // "How long until we can switch off GPT-4o mini?", "the pilot was a RAG prototype with Llama 3.1 8B": a model being
  // left, or one a past pilot ran on; the dialogue keeps the model the team has moved to.
  const before = namedModel ? sentenceBefore(prepared.lower, namedModel.start) : '';
  const leftBehind: {
    leftBehindModel?: string;
    deniedModel?: string;
    deniedFamily?: string;
    otherLanguage?: string;
    corpusPages?: number;
    statedLanguages?: string[];
    languagesCorrected?: boolean;
    unlistedGpu?: boolean;
  } =
    namedModel !== undefined &&
    (LEAVING_BEFORE.test(before) ||
      PILOT_RAN_ON.test(before) ||
      // ("We tested Llama 3.1 8B with LoRA; it works well and we are switching to it": tested, then adopted.)
      ((TESTED_ON_BEFORE.test(before) ||
        TESTED_ONLY_AFTER.test(prepared.lower.slice(namedModel.end, namedModel.end + 50)) ||
        ONLY_THE_PILOT_AFTER.test(prepared.lower.slice(namedModel.end, namedModel.end + 50))) &&
        !ADOPTED.test(prepared.lower)))
      ? { leftBehindModel: String(namedModel.value) }
      : {};
  // "GPT-4o is NOT our model": denied, so it leaves the profile if an earlier message put it there.
  // (Only a message that denies something is scanned for the model it denies.)
  const denies = /\b(?:not|isn't|wasn't|never)\b|n't\b/.test(prepared.lower);
  for (const mention of denies ? catalogScanner(context.knowledge).findModels(prepared.lower) : []) {
    if (!mention.entry || sentenceAround(prepared.lower, mention.start, 200).includes('?')) continue;
    // ("So Llama 3.1 8B is not the model you would keep?" asks; it denies nothing.)
    if (NOT_OURS_AFTER.test(prepared.lower.slice(mention.end, mention.end + 40)))
      leftBehind.deniedModel = mention.entry.name;
    else if (NOT_OURS_BEFORE.test(prepared.lower.slice(Math.max(0, mention.start - 60), mention.start))) {
      // ("we can't send anything to GPT-5 either": ruled out, so not read as the team's model in this message.)
      leftBehind.deniedModel = mention.entry.name;
      const name = mention.entry.name;
      for (let index = stated.length - 1; index >= 0; index--) {
        const item = stated[index] as Finding;
        if (item.field === 'modelName' && item.value === name) stated.splice(index, 1);
      }
    }
  }
  // ("we are NOT using gemma": a family named bare, denied; the dialogue drops the team's model if it is of it.)
  if (denies && leftBehind.deniedModel === undefined) {
    const family = FAMILY_DENIED.exec(prepared.lower)?.[1];
    if (family !== undefined && context.knowledge.models.some((model) => model.family?.toLowerCase() === family))
      leftBehind.deniedFamily = family;
  }
  // A message in French or German: only the names and numbers shared with English are read; the reply says so.
  const language = otherLanguageOf(prepared.original);
  if (language !== undefined) leftBehind.otherLanguage = language;
  const pages = corpusPagesOf(prepared.lower);
  if (pages !== undefined) leftBehind.corpusPages = pages;
  // ("the notes are all in Dutch": a language stated without a task, for the task an earlier message gave.)
  const statedLanguages = findings.some((item) => item.field === 'task') ? [] : statedTaskLanguages(prepared.lower);
  if (statedLanguages.length > 0) leftBehind.statedLanguages = statedLanguages;
  // ("it's an RTX 3080 not a 3090, 10GB": a card the catalog does not list replaces the one named before.)
  if (namesUnlistedGpu(prepared, context.knowledge)) leftBehind.unlistedGpu = true;
  // ("sorry, they are in French actually", "in French, not Dutch": the languages said replace the ones said before.)
  if (statedLanguages.length > 0 && LANGUAGES_CORRECTED.test(prepared.lower)) leftBehind.languagesCorrected = true;
  if (statedLanguages.length > 0 && intents.asksModel === true && intents.asksLanguage === undefined)
    intents.modelLanguages = statedLanguages;
  const evidence: Partial<Record<ProfileField, string>> = {};
  const collect = (chosen: readonly Finding[]) => {
    const fields: Partial<Record<ProfileField, unknown>> = {};
    for (const item of chosen) {
      fields[item.field] = item.value;
      const words = prepared.original.slice(item.start, item.end).trim();
      const rate = rated.notes.get(item);
      evidence[item.field] = rate === undefined ? words : `${words} [${rate}]`;
    }
    addImplied(fields as Partial<Profile>, evidence);
    return fields as Partial<Profile>;
  };
  const noLatencyTarget = saysNoLatencyTarget(prepared.lower);
  const removed = [
    ...new Set([
      // ("Don't drop cost and latency from our goals": kept.)
      ...allMatches(REMOVED_GOAL, prepared.lower)
        .filter((match) => !removalDenied(prepared.lower, match.index))
        .flatMap((match) => goalsNamedIn(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '')),
      // "there is NO device", "nothing runs on a device": running on a device is no goal.
      ...(NO_DEVICE.test(prepared.lower) ? (['on-device'] as const) : []),
      // "we're not answering questions from documents": no knowledge gap.
      ...(NO_DOCUMENT_QUESTIONS.test(prepared.lower) ? (['knowledge'] as const) : []),
      // "the problem isn't the JSON shape, it's accuracy": no format gap.
      ...(NOT_THE_FORMAT.test(prepared.lower) ? (['format'] as const) : []),
      // "forget the latency", "never mind the cost".
      ...allMatches(FORGET_GOAL, prepared.lower)
        .filter((match) => !removalDenied(prepared.lower, match.index))
        .flatMap((match) => goalsNamedIn(match[1] ?? match[2] ?? '')),
      // "latency doesn't matter at all", "there is NO latency target": speed is no goal.
      ...(noLatencyTarget ? (['latency'] as const) : []),
    ]),
  ];
  // "we have NOT tried RAG", "corrections: we have not tried retrieval": taken out of what was tried.
  const untried = [
    ...new Set(
      allMatches(NOT_TRIED, prepared.lower).flatMap((match) => {
        const method = methodFromPhrase(match[1] ?? '');
        return method === undefined ? [] : [method];
      }),
    ),
  ];
  const removedGoals: {
    removedGoals?: typeof removed;
    removedFields?: ProfileField[];
    removedTried?: MethodId[];
  } = {
    ...(removed.length > 0 ? { removedGoals: removed } : {}),
    ...(untried.length > 0 ? { removedTried: untried } : {}),
    // "no, it's NOT good enough - the voices all sound the same": the earlier "good enough" taken back.
    // (Not a complaint about money or time: "that's not good enough, we need it under $300 a month".)
    ...(NOT_GOOD_ENOUGH.test(prepared.lower) &&
    !stated.some((item) => item.field === 'tried') &&
    (QUALITY_GAP.test(prepared.lower) || !MONEY_OR_TIME.test(prepared.lower))
      ? { notGoodEnough: true as const }
      : {}),
    // "there is no 9-week deadline, forget that", "no real deadline": no timeline at all.
    ...(NO_DEADLINE.test(prepared.lower) && !stated.some((item) => item.field === 'timelineWeeks')
      ? { removedFields: ['timelineWeeks' as const] }
      : {}),
  };
  // "we're no longer limited to Azure, any cloud or vendor is fine now": the limit on providers lifted.
  if (PROVIDERS_LIFTED.test(prepared.lower) && !stated.some((item) => item.field === 'allowedProviders'))
    removedGoals.removedFields = [
      ...new Set([...(removedGoals.removedFields ?? []), 'allowedProviders' as ProfileField]),
    ];
  // "latency doesn't matter at all, it's a nightly batch": no target, and not asked for one.
  if (noLatencyTarget && !stated.some((item) => item.field === 'latencyTargetMs'))
    removedGoals.removedFields = [
      ...new Set([...(removedGoals.removedFields ?? []), 'latencyTargetMs' as ProfileField]),
    ];
  // "We don't have a monthly budget of $577, please drop that", "forget the one-time budget": a budget taken back.
  for (const match of allMatches(BUDGET_DISOWNED, prepared.lower)) {
    const field = /month/.test(match[0]) ? 'monthlyBudgetUSD' : 'oneTimeBudgetUSD';
    if (stated.some((item) => item.field === field)) continue;
    removedGoals.removedFields = [...new Set([...(removedGoals.removedFields ?? []), field as ProfileField])];
  }
  // "No, 129 was the exchange rate, not the corpus!": a number read as the wrong fact, taken back.
  for (const match of [
    ...allMatches(NUMBER_WAS_SOMETHING_ELSE, prepared.lower),
    ...allMatches(NUMBER_IS_NOT, prepared.lower),
  ]) {
    const field = DISOWNED_NOUNS.find(([pattern]) => pattern.test(match[1] ?? ''))?.[1];
    if (field === undefined || stated.some((item) => item.field === field)) continue;
    removedGoals.removedFields = [...new Set([...(removedGoals.removedFields ?? []), field])];
  }
  // "There are no images in this project", "the contracts are already text": an image task read earlier is taken back
  // (only an image task: the dialogue checks what it had).
  if (NO_IMAGES_IN_PROJECT.test(prepared.lower) && !stated.some((item) => item.field === 'taskType'))
    intents.noImages = true;
  // "the text-to-report step isn't transcription, this is text in text out": a transcription task read earlier goes.
  if (SPEECH_ALREADY_TEXT.test(prepared.lower) && !stated.some((item) => item.field === 'taskType'))
    intents.noSpeechTask = true;
  // "we are NOT using GPT-4.1 as a teacher, drop it": no teacher.
  if (TEACHER_DISOWNED.test(prepared.lower) && !stated.some((item) => item.field === 'teacherModel'))
    removedGoals.removedFields = [...new Set([...(removedGoals.removedFields ?? []), 'teacherModel' as ProfileField])];
  // "there is no end-user device", "forget the device memory": no device, so no device memory either.
  if (NO_DEVICE.test(prepared.lower) && !stated.some((item) => item.field === 'deviceMemoryGB'))
    removedGoals.removedFields = [
      ...new Set([...(removedGoals.removedFields ?? []), 'deviceMemoryGB' as ProfileField]),
    ];
  // "please forget Qwen2.5 1.5B: we have no model yet": no model, so none of its facts either.
  if (NO_MODEL.test(prepared.lower) && !stated.some((item) => item.field === 'modelName'))
    removedGoals.removedFields = [
      ...new Set([
        ...(removedGoals.removedFields ?? []),
        ...(['modelName', 'modelParamsB', 'modelAccess', 'modelStage'] as ProfileField[]),
      ]),
    ];
  // "forget the A100s, we don't actually have any GPUs": with no GPUs, no GPU name or memory applies.
  const noGpus = stated.some((item) => item.field === 'gpuCount' && item.value === 0);
  if (noGpus) {
    const gone: ProfileField[] = ['gpuName', 'gpuMemoryGB'];
    removedGoals.removedFields = [...(removedGoals.removedFields ?? []), ...gone];
    for (let index = stated.length - 1; index >= 0; index--)
      if (gone.includes((stated[index] as Finding).field)) stated.splice(index, 1);
  }
  // "₹5 lakh" with no rate stated: left out, its words kept for the reply to ask about.
  // (Only the team's own amounts: "our competitor spends ₹50 lakh" asks for nothing.)
  const unconverted = [
    ...new Set(
      dropUnstated(prepared, rated.unconverted, intents.whatIf, firstMessage)
        // ("$3k (about ₹2.5 lakh)": the dollar figure said beside it is the amount.)
        .filter((item) => !rated.findings.some((other) => other.field === item.field))
        // ("A$250,000": the letters of a dollar sign that is not the US one are part of the amount.)
        .map((item) => {
          const prefix = /\b(?:r|s|au?|ca?|hk|nz)$/i.exec(
            prepared.original.slice(Math.max(0, item.start - 2), item.start),
          );
          const start = prepared.original[item.start] === '$' && prefix ? item.start - prefix[0].length : item.start;
          return prepared.original.slice(start, item.end).trim();
        }),
    ),
  ];
  const money = {
    ...(unconverted.length > 0 ? { unconvertedMoney: unconverted } : {}),
    ...(perUnit !== undefined && !stated.some((item) => item.field === 'labeledExamples') && !intents.whatIf
      ? { perUnitExamples: perUnit }
      : {}),
  };
  if (!intents.whatIf)
    return {
      fields: withTeacherOfOwnOutputs(prepared.lower, withoutGoals(collect(stated), removed), context.knowledge),
      evidence,
      corrections: findCorrections(prepared, stated),
      intents,
      ...removedGoals,
      ...money,
      ...(goneGpu === undefined ? {} : { goneGpu }),
      ...leftBehind,
    };
  // The values only the question reading keeps are the ones asked about.
  const statedFindings = new Set(
    dropUnstated(prepared, findings, false, firstMessage).filter((item) => notAsked(item) && !inWhatIfSentence(item)),
  );
  // ("would gpt-4o mini via API be cheaper than renting the A10G?": what follows "than" is today's setup, the
  // baseline of the comparison, not the option asked about.)
  const baselines = allMatches(
    /\b(?:cheaper|dearer|pricier|faster|slower|better|worse)\s+than\b[^.;!?\n]*/g,
    prepared.lower,
  ).map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const asked = outsideUnanswered(
    prepared.original,
    chooseFindings(
      dropUnstated(prepared, findings, true, firstMessage).filter(
        (item) =>
          !statedFindings.has(item) && !baselines.some((span) => span.start <= item.start && item.end <= span.end),
      ),
    ),
    intents.unanswered,
  );
  const hypothetical = collect(asked);
  // ("What would it cost to serve the 72B description model, and would Qwen2.5 14B be good enough?": a size far from
  // the model asked about is another model's, the plan's.)
  const askedSize =
    hypothetical.modelName === undefined ? undefined : context.knowledge.findModel(hypothetical.modelName)?.paramsB;
  if (
    hypothetical.modelParamsB != null &&
    askedSize !== undefined &&
    Math.abs(hypothetical.modelParamsB - askedSize) > askedSize * SIZE_MISMATCH_SHARE
  )
    delete hypothetical.modelParamsB;
  const fields = withoutGoals(collect(stated), removed);
  for (const field of Object.keys(hypothetical) as ProfileField[])
    if (sameJson(hypothetical[field], fields[field])) delete hypothetical[field];
  // "would Gemini 2.5 Flash cut the bill? or Claude Haiku?": the other models a cost what-if asks about, priced beside it.
  const alsoAskedModels =
    intents.asksCost === undefined
      ? []
      : [
          ...new Set(
            findings
              .filter(
                (item) =>
                  item.field === 'modelName' &&
                  // ("compare the monthly bill for Gemini 2.5 Flash and GPT-4.1 mini": both models are weighed.)
                  (QUESTION_ENDS_AFTER.test(prepared.lower.slice(item.end)) ||
                    (billComparison !== undefined &&
                      billComparison.start <= item.start &&
                      item.end <= billComparison.end)),
              )
              .map((item) => String(item.value)),
          ),
        ].filter((name) => name !== hypothetical.modelName && name !== fields.modelName);
  // "The model is Llama 3.1 8B. How much would training cost?": every value is stated as a fact, so nothing is asked
  // about hypothetically; it is no "what if".
  if (Object.keys(hypothetical).length === 0 && Object.keys(fields).length > 0)
    return {
      fields,
      evidence,
      corrections: findCorrections(prepared, stated),
      intents: { ...intents, whatIf: false },
      ...money,
      ...(goneGpu === undefined ? {} : { goneGpu }),
      ...leftBehind,
      // ("We can use OpenAI. Would Claude Sonnet or GPT-4.1 fix it, and what would each cost?": the others weighed too.)
      ...(alsoAskedModels.length > 0 ? { alsoAskedModels } : {}),
    };
  return {
    fields,
    hypothetical,
    evidence,
    corrections: findCorrections(prepared, asked),
    intents,
    ...(alsoAskedModels.length > 0 ? { alsoAskedModels } : {}),
    ...money,
    ...(goneGpu === undefined ? {} : { goneGpu }),
    ...(leftBehind.deniedModel === undefined ? {} : { deniedModel: leftBehind.deniedModel }),
    ...(leftBehind.deniedFamily === undefined ? {} : { deniedFamily: leftBehind.deniedFamily }),
    ...(leftBehind.otherLanguage === undefined ? {} : { otherLanguage: leftBehind.otherLanguage }),
    ...(leftBehind.corpusPages === undefined ? {} : { corpusPages: leftBehind.corpusPages }),
  };
}

/**
 * "150k Sonnet outputs that ops spot-checked" beside Claude Sonnet: the examples are the named model's own outputs, so
 * it is their teacher (a student learns them), not a set of the team's own answers.
 */
function withTeacherOfOwnOutputs(
  lower: string,
  fields: Partial<Profile>,
  catalog: ExtractionCatalog,
): Partial<Profile> {
  if (fields.teacherModel !== undefined || fields.modelName === undefined) return fields;
  const model = catalog.findModel(String(fields.modelName));
  if (model === undefined) return fields;
  const words = [
    ...new Set(
      [model.name, ...model.aliases]
        .flatMap((name) => name.toLowerCase().split(/[^a-z]+/))
        .filter((word) => word.length >= 4 && !GENERIC_MODEL_WORDS.has(word)),
    ),
  ];
  // ("gpt-4.1": a name whose words are all short is matched whole.)
  const names = [model.name, ...model.aliases]
    .map((name) => name.toLowerCase())
    .filter((name) => /[a-z]/.test(name) && /\d/.test(name))
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?'));
  words.push(...names.map((name) => `${name}(?![\\d.])`));
  if (words.length === 0) return fields;
  // (Counted as the examples: "150k Sonnet outputs", "40k of Sonnet's answers", "answers generated by Sonnet"; not an
  // opinion of its answers, "the Claude answers are too long".)
  const family = `(?:${words.join('|')})[\\w.-]*`;
  const outputs = new RegExp(
    `\\b(?:(?<![\\d.])(?<!\\b(?:claude|gpt|llama|gemini|qwen|mistral|phi|gemma|sonnet|haiku|opus|nova|o)[\\s-]?)\\d[\\d,.]*\\s?(?:k|m|thousand|million)?|(?:(?:hundreds\\s+of\\s+)?(?:thousands|millions)|tons|lots|loads)(?=\\s+(?:of\\s+)?(?:logged|saved|stored|past|historical|archived|production)\\s))\\s+(?:of\\s+)?(?:(?:logged|saved|stored|past|historical|archived|old|existing|production|real)\\s+)?${family}(?:'s)?\\s+(?:outputs|answers|completions|generations|responses|labels)\\b|\\b${family}'s\\s+(?:outputs|answers|completions|generations|responses|labels)\\s+(?:as|for)\\s+(?:training|teacher|fine[\\s-]?tuning)|\\b(?:outputs|answers|completions|replies|responses|labels|drafts)\\s+(?:generated|produced|written|labell?ed|drafted)\\s+(?:by|with)\\s+${family}`,
  );
  return outputs.test(lower) ? { ...fields, teacherModel: model.name } : fields;
}

/** Words of a model's names that say nothing of which model it is. */
const GENERIC_MODEL_WORDS = new Set([
  'later',
  'mini',
  'base',
  'instruct',
  'chat',
  'large',
  'small',
  'preview',
  'model',
]);

/**
 * "gemini 2.5 pro doesn't sound cheap?": a model doubted in a question said as a statement, with nothing in its sentence
 * saying it is the team's ("GPT-4o mini is what we use today, does that change anything?" states it).
 */
function doubtedModel(lower: string, item: Finding): boolean {
  const sentence = sentenceAround(lower, item.start);
  // "Wait, Gemini 2.5 Pro? …": the model named alone, as a surprised question.
  if (
    /^\s*\?/.test(lower.slice(item.end, item.end + 3)) &&
    /(?:^|[.!?\n]\s*)(?:(?:wait|hold\s+on|huh|what|hmm|sorry|uh|um)\W+){1,2}(?:the\s+)?$/.test(
      lower.slice(Math.max(0, item.start - 25), item.start),
    )
  )
    return true;
  // "Gemma 2 27B? isn't its context window only 8k?": the model alone as a question, then a doubt about it.
  if (
    /^\s*\?/.test(lower.slice(item.end, item.end + 3)) &&
    /(?:^|[.!?\n])\s*(?:the\s+)?$/.test(lower.slice(Math.max(0, item.start - 6), item.start)) &&
    /^\s*\?+\s*(?:isn't|doesn't|wasn't|won't|wouldn't|can't|aren't|why|hmm|seriously|really\s*\?|(?:but|its|it's|that's)\s+(?:isn't|doesn't|too|way|only|so)\b|isn't\s+it)/.test(
      lower.slice(item.end, item.end + 30),
    )
  )
    return true;
  return (
    !/^\W*(?:(?:and|so|but|ok(?:ay)?|also)[\s,]+)?(?:would|will|could|can|should|shall|is|are|do|does|did|what|which|how|why|when|where|who)\b/.test(
      sentence,
    ) &&
    !/\b(?:we|we're|we've|i|i'm|our|us|my|runs?|running|deployed|current(?:ly)?|today|now)\b/.test(sentence) &&
    /\b(?:sounds?|seems?|looks?|isn't|doesn't|too|expensive|pricey|cheap|overkill|slow)\b/.test(sentence)
  );
}

/** "we'll go with X", "let's use X", "we picked X", "sounds good": a model named taken up. */
/** A move to a model asked about, not made: "would switching to X fix it?", "should we move to Y?". */
const MOVE_WEIGHED =
  /(?:^|[,;:]\s*)\W*(?:(?:so|and|but|given\s+that|then|ok(?:ay)?|hmm)[\s,]+)*(?:would|should|could|can|will|does|do|is|isn't|wouldn't|shouldn't)\s+(?:we\s+|it\s+|that\s+|just\s+)*(?:switch(?:ing)?|mov(?:e|ing))\s+to\b/;
const MODEL_TAKEN_UP =
  /\b(?:go(?:ing)?\s+with|going\s+to\s+(?:use|go\s+with|run|deploy)|we(?:'ll|\s+will)\s+(?:use|take|go\s+with|try|adopt|run)|let'?s\s+(?:use|go\s+with|try|do)|switch(?:ing)?\s+to|mov(?:e|ing)\s+to|we(?:'ve)?\s+(?:picked|chose|decided\s+on|settled\s+on)|(?:we|i)(?:'re|\s+are)?\s+(?:already\s+)?(?:use|using|run|running|have|deployed|serve|serving)|it\s+is\s+fine[\s-]?tuned|it\s+is\b(?=\s*[.!]?\s*$)|sounds\s+good|(?:ok|okay|fine|happy)\s+with|agreed)\b|^\W*yes\b/;

/**
 * A suggestion turned down in the same sentence: "someone suggested distilling from gpt-4.1, but that would mean
 * sending client contracts to openai, which we can't do".
 */
const SUGGESTED_BEFORE =
  /\b(?:suggested|suggests|proposed|proposes|recommended|recommends|floated|pitched|mentioned)\b[^.;!?\n]*$/;
const TURNED_DOWN_AFTER =
  /^[^.;!?\n]{0,30}?,?\s+but\b[^.;!?\n]{0,100}?\b(?:can't|cannot|can\s+not|won't|isn't\s+an\s+option|is\s+not\s+an\s+option|not\s+allowed|no\s+way|ruled\s+out|not\s+possible|out\s+of\s+the\s+question)\b/;

/** A model a suggestion named, turned down in the same sentence (see TURNED_DOWN_AFTER). */
function turnedDown(lower: string, item: Finding): boolean {
  const before =
    lower
      .slice(Math.max(0, item.start - 80), item.start)
      .split(/[.;!?\n]/)
      .at(-1) ?? '';
  return SUGGESTED_BEFORE.test(before) && TURNED_DOWN_AFTER.test(lower.slice(item.end, item.end + 140));
}

/** A message that corrects what it says: "sorry, … actually", "not Dutch", "I meant French". */
const LANGUAGES_CORRECTED = new RegExp(
  `\\b(?:actually|sorry|correction|i\\s+meant|my\\s+mistake|my\\s+bad|not\\s+(?:in\\s+)?${LANGUAGE_SOURCE})\\b`,
);

/** "does that change things?", "would this change your answer?": whether the facts just given move the advice. */
const CHANGE_CHECK =
  /\b(?:does|would|will|could|did)\s+(?:that|this|it|any\s+of\s+(?:that|this))\s+change\s+(?:things|anything|much|something|the\s+(?:plan|answer|picture|advice|recommendation)|your\s+(?:answer|plan|advice|recommendation|mind))\b/i;

/** A size this far from the catalog's size of the model named beside it belongs to another model. */
const SIZE_MISMATCH_SHARE = 0.25;
/** "switch off", "move off", "replace", "get rid of" right before a model: the one being left. */
const LEAVING_BEFORE =
  /(?<!\b(?:not|never|n't|won't|aren't)\s+)\b(?:switch(?:ing)?\s+off|turn(?:ing)?\s+off|shut(?:ting)?\s+(?:off|down)|mov(?:e|ing)\s+(?:off|away\s+from)|migrat(?:e|ing)\s+(?:off|away\s+from)|get(?:ting)?\s+(?:rid\s+of|off)|stop(?:ping)?\s+(?:using|paying\s+for)|retir(?:e|ing)|phas(?:e|ing)\s+out|replac(?:e|ing)|drop(?:ping)?)\s+(?:the\s+|our\s+)?(?:old\s+|current\s+)?$|\b(?:our|the)\s+(?:old|previous|former)\s+$/;
/**
 * A model the team only tested, named next: "we tried prompting Llama 3.1 8B with a schema", "we tested Qwen2.5 7B";
 * the dialogue keeps the model it plans on (the result is noted as measured on the tested one).
 */
const TESTED_ON_BEFORE =
  /\b(?:tried|tested|trialled|trialed|benchmarked|evaluated|experimented\s+with)\s+(?:(?:just\s+|only\s+|out\s+)?(?:prompting|few[\s-]?shot(?:\s+prompting)?|zero[\s-]?shot(?:\s+prompting)?|a\s+prompt\s+on|it\s+on|on|with)\s+)?(?:the\s+|a\s+)?$/;
/** The model just named is taken up: "we are switching to it", "going with it", "it will be our model". */
const ADOPTED =
  /\b(?:switch(?:ing)?|mov(?:e|ing)|migrat(?:e|ing))\s+(?:over\s+)?to\s+(?:it|that\s+one|this\s+one)\b|\bgo(?:ing)?\s+with\s+(?:it|that\s+one|this\s+one)\b|\b(?:is|will\s+be|becomes?)\s+our\s+(?:new\s+|main\s+|production\s+)?model\b|\bwe(?:'ll|\s+will)\s+use\s+it\b|\bwe\s+(?:picked|chose|adopted)\s+it\b/;
/** "… was just what we tested", "… was only the one we tried": said after the model. */
const TESTED_ONLY_AFTER =
  /^\s+(?:was|is)\s+(?:just|only|merely)\s+(?:what|the\s+(?:one|model))\s+(?:we|i)\s+(?:tested|tried|benchmarked|piloted)\b|^\)?\s*(?:just\s+|only\s+)?(?:as\s+a\s+(?:quick\s+|small\s+|little\s+)?(?:test|trial|try)|for\s+a\s+(?:quick\s+)?(?:test|trial)|to\s+(?:test|try)\s+(?:it|things|it\s+out))\b/;
/**
 * "we can't send anything to GPT-5 either", "we are NOT using gpt-5", "we're not allowed to use Claude": said before
 * the model, it is ruled out, not the team's.
 */
/** "actually they're pairs", "those are really pairs": a count said before, corrected into preference pairs. */
const THEY_ARE_PAIRS =
  /\b(?:actually|really|in\s+fact|wait|sorry)\W+(?:they(?:'re|\s+are)|those\s+are|these\s+are|it's|its)\s+(?:actually\s+|really\s+)?(?:preference\s+)?pairs\b/;
/** "we are NOT using gemma", "we're not going with qwen": a model family denied by its bare name (group: the name). */
const FAMILY_DENIED =
  /\b(?:we|i)(?:'re|'m|\s+are|\s+am)\s+not\s+(?:using|on|going\s+with|picking|choosing)\s+(?:the\s+|any\s+)?([a-z][a-z0-9-]{2,20})(?:\s+(?:at\s+all|anymore|any\s+more))?\s*(?:[.!;]|,\s*(?:and|but|so)\b|$)/;
const NOT_OURS_BEFORE =
  /\b(?:(?:we|i)\s+never\s+(?:chose|picked|used|ran|wanted|asked\s+for|said)|(?:we|i)(?:'re|'m|\s+are|\s+am)\s+not\s+(?:(?:going\s+to\s+be\s+)?using|on|going\s+with|allowed\s+to\s+use|allowed\s+to\s+send\s+(?:anything|data|it)\s+to)|(?:can't|cannot|can\s+not|may\s+not|must\s+not|won't|aren't\s+allowed\s+to|are\s+not\s+allowed\s+to)\s+(?:use|send\s+(?:anything|any\s+data|data|it|them|our\s+[\w-]+)\s+(?:to|into)|touch))\s+(?:the\s+)?$/;

/**
 * A pilot or prototype that ran on the model named next, in one clause with nothing of now or later in between: "the
 * pilot was a simple RAG prototype with Llama 3.1 8B" (not "the 8B was only the pilot, we're planning on the 70B").
 */
const PILOT_RAN_ON =
  /\b(?:pilot|prototype|poc|proof\s+of\s+concept|mvp|first\s+version|v1)\b(?:(?!\b(?:now|planning|plan|will|going|moving|switch\w*|instead|today|next)\b)[^,;])*\b(?:was|were|used|ran|had|built|did)\b(?:(?!\b(?:now|planning|plan|will|going|moving|switch\w*|instead|today|next)\b)[^,;])*$/;

/** A sentence a "what if" opens, to its end (a dot between digits, "3.1", ends none). */
const WHAT_IF_SENTENCE =
  /\b(?:what\s+if|(?:colleague|co-?worker|boss|manager|cto|ceo|cfo|coo|vp|director|lead|head|consultant|contractor|vendor|friend|investor|advis[eo]r|intern|partner|client|customer|someone|somebody|engineer|dev|developer|data\s+scientist|architect|team\s?mate|person|other\s+team)s?(?:'s|’s|s')\s+(?:idea|suggestion|proposal|pitch)\s*(?:(?:was|is|would\s+be)\s*(?::\s*|to\b)|:\s*)|suppose|supposing|hypothetically|imagine|let'?s\s+say|say\s+we\s+had|(?:asks?|asked|wonders?|wondered|wants\s+to\s+know)\s+(?:whether|if)\s+we\s+(?:should|could|can|might))\b(?:[^.?!\n]|\.(?=\d))*[.?!]?/g;

/**
 * "Would QLoRA of the 70B fit on ONE L40S? And would a full fine-tune of Llama 3.1 8B across the 4 cards be better?":
 * values asked in a question nothing answers (named as unanswered) are that question's own, never mixed into the
 * "what if" another question asks.
 */
function outsideUnanswered(original: string, asked: Finding[], unanswered: readonly string[] | undefined): Finding[] {
  if (unanswered === undefined || unanswered.length === 0 || asked.length === 0) return asked;
  const lower = original.toLowerCase();
  const spans = unanswered.flatMap((text) => {
    const said = text.toLowerCase().replace(/\?+$/, '');
    const at = lower.indexOf(said);
    return at < 0 ? [] : [{ start: at, end: at + said.length }];
  });
  return asked.filter((item) => !spans.some((span) => span.start <= item.start && item.end <= span.end));
}

/** The message asks the advisor something (why, what if, cost, fit, a definition, where to start, details). */
function asksAboutTheAdvice(intents: ExtractionIntents): boolean {
  return (
    intents.whyNot !== undefined ||
    intents.whyMethod !== undefined ||
    intents.asksCost !== undefined ||
    intents.asksFit !== undefined ||
    intents.asksDefinition !== undefined ||
    intents.asksComparison !== undefined ||
    intents.asksWhatWouldChange === true ||
    intents.asksFirstStep === true ||
    intents.asksSummary === true ||
    intents.asksPerTask !== undefined ||
    intents.asksModel === true ||
    intents.asksAssumptions === true ||
    intents.asksSafety === true ||
    intents.asksHallucination === true ||
    intents.asksTrainOnMac === true ||
    intents.asksOnDeviceRuntime === true ||
    intents.asksEvaluation === true ||
    intents.asksSteps === true ||
    intents.asksDataQuality !== undefined ||
    intents.asksTimeline === true ||
    intents.asksRisks === true ||
    intents.asksSftBeforePreference === true ||
    intents.asksSpeed === true ||
    intents.asksLicence !== undefined ||
    intents.asksHostingFee !== undefined ||
    intents.asksTuningChannel !== undefined ||
    intents.asksRetirement !== undefined ||
    intents.asksPromptTokens !== undefined ||
    intents.asksCostLevers === true ||
    intents.asksRetrievedExamples === true ||
    intents.asksRentMonthly !== undefined ||
    intents.asksEncoderInstead === true ||
    intents.asksEncoderLength === true ||
    intents.asksKto === true ||
    intents.asksSmallModelWorry !== undefined ||
    intents.asksBillMismatch === true ||
    intents.asksLongContext !== undefined ||
    intents.asksDataMix !== undefined ||
    intents.asksAboutTheQuestion === true ||
    intents.showDetails === true
  );
}

/**
 * A pasted spec, one fact a line or between bars: "expertise: pretty junior", "gpu = none locally", "volume | maybe 300
 * a day". A label that names a field makes its value that field's short answer (as if the advisor had asked it).
 */
const SPEC_LINE = /(?:^|\n|\s[|/]\s|;\s)[ \t]{0,8}([a-z][a-z /-]{1,24}?)[ \t]{0,4}[:=][ \t]{0,4}([^\n|;]{1,80})/g;
const SPEC_LABELS: readonly (readonly [RegExp, ProfileField])[] = [
  [/^(?:ml\s+)?(?:expertise|experience|skills?|team\s+skills?)$/, 'mlExpertise'],
  [/^(?:gpus?|gpu\s+count|hw|hardware|compute)$/, 'gpuCount'],
  [/^(?:one[\s-]?(?:time|off)|budget|training\s+budget|one[\s-]?time\s+budget)$/, 'oneTimeBudgetUSD'],
  [/^(?:monthly(?:\s+budget)?|budget\s*\/\s*mo(?:nth)?|run(?:ning)?\s+budget)$/, 'monthlyBudgetUSD'],
  [/^(?:latency|p9[05]|p99|response\s+time)$/, 'latencyTargetMs'],
  [/^(?:users|volume|traffic|requests|load|req\s*\/\s*day)$/, 'requestsPerDay'],
  [/^(?:residency|data\s+residency|data\s+location)$/, 'dataMustStayOnPrem'],
  [/^(?:timeline|deadline)$/, 'timelineWeeks'],
];

function specLineAnswers(lower: string, findings: readonly Finding[], catalog: ExtractionCatalog): Finding[] {
  const read: Finding[] = [];
  for (const match of allMatches(SPEC_LINE, lower)) {
    const field = SPEC_LABELS.find(([label]) => label.test((match[1] ?? '').trim()))?.[1];
    if (field === undefined || [...findings, ...read].some((item) => item.field === field)) continue;
    // ("Budget: 2,500$ / month for inference": the budget line was read already, as a monthly one.)
    const budget = (item: Finding) => item.field === 'oneTimeBudgetUSD' || item.field === 'monthlyBudgetUSD';
    if (field === 'oneTimeBudgetUSD' && (match[1] ?? '').trim() === 'budget' && [...findings, ...read].some(budget))
      continue;
    const { answer, bounds } = fieldEntry(field);
    const value = match[2] ?? '';
    const answered = answer && readShortAnswer(prepareMessage(value), field, answer, [], catalog, bounds);
    if (!answered || !withinSchema(answered)) continue;
    const start = match.index + match[0].length - value.length;
    read.push({ ...answered, start, end: start + value.length });
  }
  return read;
}

/**
 * A correction right after a figure: "~25 clients — no wait, 30", "budget's 2k. actually make that 3k", "~500M tokens,
 * sorry, 800M", "thirty thousand reviews, sorry, thirty-two thousand" (a figure in words: tens, or a scale). The bare figure after the correction word is read as the field's short answer, and (being later)
 * replaces the first. Numbers only: a name corrected in part ("llama 3 8b — sorry, 3.1") is not rebuilt here.
 */
const CORRECTION_AFTER =
  /^[^\d.;!?\n]{0,45}?[\s,;:.!?—–-]+(?:(?:oh|um|uh|er|erm|hmm)[\s,]+)?(?:no[\s,]+wait|wait[\s,]+no|wait|sorry|actually|make\s+(?:that|it)|i\s+mean|i\s+meant|or\s+rather|scratch\s+that|correction:?|no)\b[\s,:;—–-]*(?:(?:actually|sorry|no)[\s,]+)?(?:make\s+(?:that|it)\s+|it'?s\s+|its\s+|more\s+like\s+|closer\s+to\s+)?(?=[$€£~]?\s*\d|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|a\s+couple(?:\s+of)?|a\s+few)[\s-](?:hundred|thousand|million)\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:[,.;!?)—–-]|$))/;

/**
 * A figure said to be out of date, with the current one after it: "80 GPUs was wrong, it's 8", "5k was last quarter,
 * it's about 9k now", "the budget was $20k but finance cut it to 8k".
 */
const REPLACED_LATER =
  /^[^;!?\n]{0,90}?\b(?:says|thinks|reckons|counted|checked)\s+(?:and\s+)?(?:it'?s|its|it\s+is|there\s+are|we\s+have)\s+(?:more\s+like|closer\s+to|actually|really|only)\s+(?=(?:about\s+|around\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b))|^[^;!?\n]{0,60}?\b(?:(?:was|is)\s+(?:wrong|a\s+typo|outdated|out\s+of\s+date|old|(?:from\s+)?last\s+(?:quarter|year|month|week))[\s,;:.—–-]+(?:(?:and|but|so)\s+)?(?:it'?s|its|we'?re\s+at|now\s+(?:it'?s|we\s+have)|now)\s+|but\s+(?:[\w']+\s+){0,3}?(?:cut|lowered|reduced|dropped|raised|increased|bumped|moved|changed|capped)\s+(?:it\s+|that\s+)?(?:down\s+|up\s+)?to\s+)(?=[$€£~]?\s*(?:about\s+|around\s+)?\d)/;

/**
 * "llama 3 8b... no wait, we upgraded to 3.1", "llama 3.1 8b, wait no, 70b": a new version or size of the model just
 * named (group 1: the version; group 2: the size in billions).
 */
const VERSION_CORRECTION =
  /^[^\n]{0,30}?(?:no\s+wait|wait|sorry|actually|i\s+mean|i\s+meant|correction:?|no)\b[^\d\n]{0,40}?\b(?:v(?:ersion\s+)?)?(?:(\d{1,2}\.\d{1,2}|\d{1,2}(?=\s*(?:[.,;!?)]|$|\s+(?:not|instead|now|then|actually|i\s+mean)\b)))(?!\d|\.\d|\s*(?:b|gb|k|m|%)\b)|(\d{1,3}(?:\.\d)?)\s?b\b)/;

/**
 * The catalog model named like `name` with its version (or its size) replaced: "Llama 3 8B" at 3.1 → "Llama 3.1 8B",
 * "Llama 3.1 8B" at 70B → "Llama 3.1 70B", "qwen 2 7b" at 2.5 → "Qwen2.5 7B". Undefined when the catalog has none.
 */
function atVersion(name: string, version: string | undefined, size: string | undefined, catalog: ExtractionCatalog) {
  const current =
    size === undefined
      ? /\d{1,2}(?:\.\d{1,2})?(?![\d.]|\s*[bB]\b)/.exec(name)
      : /\d{1,3}(?:\.\d)?(?=\s*[bB]\b)/.exec(name);
  const replacement = size ?? version;
  if (current === null || replacement === undefined || current[0] === replacement) return undefined;
  const renamed = `${name.slice(0, current.index)}${replacement}${name.slice(current.index + current[0].length)}`;
  const found = catalogScanner(catalog).findModels(renamed.toLowerCase())[0];
  return found?.entry !== undefined && found.entry.name !== name ? found.entry.name : undefined;
}

function bareCorrections(
  prepared: PreparedMessage,
  findings: readonly Finding[],
  catalog: ExtractionCatalog,
): Finding[] {
  const corrections: Finding[] = [];
  const { lower } = prepared;
  for (const item of findings) {
    if (item.field === 'modelName' && typeof item.value === 'string') {
      // The name as typed when the catalog did not resolve it ("qwen 2 7b"), else the catalog name.
      const typed = prepared.original.slice(item.start, item.end);
      const version = VERSION_CORRECTION.exec(lower.slice(item.end, item.end + 90));
      const renamed =
        version === null
          ? undefined
          : (atVersion(item.value, version[1], version[2], catalog) ??
            atVersion(typed, version[1], version[2], catalog));
      if (version && renamed !== undefined) {
        const end = item.end + version.index + version[0].length;
        corrections.push({ field: 'modelName', value: renamed, start: end - 1, end });
      }
      continue;
    }
    if (typeof item.value !== 'number') continue;
    // The first marker after which another figure is read: "5k, wait no, 5k was last quarter, it's about 9k now".
    const window = lower.slice(item.end, item.end + 100);
    const { answer, bounds } = fieldEntry(item.field);
    if (answer === undefined) continue;
    for (const marker of [CORRECTION_AFTER.exec(window.slice(0, 60)), REPLACED_LATER.exec(window)]) {
      if (marker === null) continue;
      const from = item.end + marker[0].length;
      // The corrected figure and its unit, up to the next clause break.
      // ("32,000": the separators of a figure do not end it.)
      const tail = /^(?:[^,;.!?—–\n]|[.,](?=\d))*/.exec(lower.slice(from, from + 40))?.[0] ?? '';
      if (tail.trim() === '') continue;
      // ("5,000 tickets, actually a few hundred of them are duplicates": a part of them, no correction.)
      if (/\bof\s+(?:them|those|these|the\s+\w+)\b/.test(tail)) continue;
      // "300 examples and sorry, 2 GPUs": the figure after the marker is another field's.
      const tailEnd = from + tail.length;
      // ("3 GPUs — no wait, 4 — RTX A6000s": the card named after the corrected count is the same GPUs, not another field.)
      const companion = (field: string) =>
        item.field === 'gpuCount' && (field === 'gpuName' || field === 'gpuMemoryGB');
      if (
        findings.some(
          (other) => other.field !== item.field && !companion(other.field) && other.start < tailEnd && from < other.end,
        )
      )
        continue;
      const read = readShortAnswer(prepareMessage(tail), item.field, answer, [], catalog, bounds);
      if (read === undefined || typeof read.value !== 'number' || read.value === item.value) continue;
      const corrected = { ...read, start: from, end: from + tail.length } as Finding;
      if (withinSchema(corrected)) corrections.push(corrected);
      break;
    }
  }
  // "qwen 2 7b, sorry i mean 2.5": the version corrected, not the size.
  return corrections.some((item) => item.field === 'modelName')
    ? corrections.filter((item) => item.field !== 'modelParamsB')
    : corrections;
}

/**
 * Questions the catalog answers about a model: its end of life, where it can be tuned, its licence. The model named in
 * such a question is asked about, not adopted: its findings inside the question are dropped (for a licence, the
 * `askedAbout` step drops them across the message).
 */
function askedOfTheCatalog(
  lower: string,
  findings: Finding[],
  intents: ExtractionIntents,
  catalog: ExtractionCatalog,
): void {
  let named: string | undefined | null = null;
  /** The first catalog model the message names (looked up once, and only when a question needs it). */
  const firstModel = () => {
    if (named === null) named = catalogScanner(catalog).findModels(lower)[0]?.entry?.name;
    return named;
  };
  // "is gpt-4.1 mini shutting down too?", "when does gpt-4o retire?": a model's end of life.
  const retirement = RETIREMENT_QUESTION.exec(lower);
  // ("is the dashboard still available?" asks of no model: "still available" counts only with a model named.)
  if (
    retirement &&
    !(
      /\bstill\s/.test(retirement[0]) &&
      !/\b(?:shut|retir|deprecat|end[\s-]of|eol|sunset|discontinu)/.test(retirement[0]) &&
      firstModel() === undefined
    )
  ) {
    intents.asksRetirement = firstModel() ?? true;
    if (/\bstill\s/.test(retirement[0])) intents.asksStillAvailable = true;
    dropModelFindingsWithin(findings, retirement.index, retirement.index + retirement[0].length);
  }
  // "Renting one L4 around the clock — what's that per month?": a GPU kept all month, priced; not the team's GPU.
  const costFirst = RENT_MONTHLY_COST_FIRST.exec(lower);
  // ("…on 2 A100s we already own?" is no rental: only one said rented, in the cloud or round the clock is priced.)
  const rentedCostFirst =
    costFirst &&
    /\b(?:rented|renting|cloud|around\s+the\s+clock|24\s*\/\s*7)\b/.test(costFirst[0]) &&
    !/\bwe\s+(?:already\s+)?(?:own|have)\b|\bour\s+own\b/.test(costFirst[0])
      ? costFirst
      : null;
  const rent = RENT_MONTHLY_QUESTION.exec(lower) ?? rentedCostFirst;
  const rentedGpu = rent ? catalogScanner(catalog).findGpus(rent[0])[0]?.entry : undefined;
  if (rent && rentedGpu) {
    intents.asksRentMonthly = { count: parseCount(rent[1] ?? '') ?? 1, gpu: rentedGpu.name };
    for (let index = findings.length - 1; index >= 0; index--) {
      const item = findings[index] as Finding;
      if (GPU_FIELDS.has(item.field) && item.start >= rent.index && item.end <= rent.index + rent[0].length)
        findings.splice(index, 1);
    }
  }
  // "Why not just fine-tune GPT-4o mini on OpenAI with our logs?": a why-not that names where the tuning would run
  // asks about that channel too (is it open to the team?).
  const whyOnChannel =
    intents.whyNot !== undefined && intents.genericFineTuning === true ? TUNE_ON_PROVIDER.exec(lower) : null;
  if (whyOnChannel) {
    const provider = catalog.providers?.find((entry) =>
      [entry.name, ...entry.aliases].some((alias) => alias.toLowerCase() === (whyOnChannel[1] ?? '').trim()),
    );
    const model = catalogScanner(catalog).findModels(whyOnChannel[0])[0]?.entry?.name;
    if (provider !== undefined)
      intents.asksTuningChannel = { ...(model === undefined ? {} : { model }), provider: provider.id };
  }
  // "can we fine-tune gemini in AI Studio?", "where can we tune GPT-4.1 mini?": where a model can be tuned.
  const channel = TUNING_CHANNEL_QUESTION.exec(lower);
  if (channel && intents.asksHostingFee === undefined) {
    const provider = catalog.providers?.find((entry) =>
      [entry.name, ...entry.aliases].some((alias) =>
        new RegExp(`\\b${alias.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower),
      ),
    );
    if (provider !== undefined || /^\W*where\b/.test(channel[0]) || /\bwhere\s+can\b/.test(lower)) {
      const model = firstModel();
      intents.asksTuningChannel = {
        ...(model === undefined ? {} : { model }),
        ...(provider === undefined ? {} : { provider: provider.id }),
      };
      dropModelFindingsWithin(findings, channel.index, channel.index + channel[0].length);
      // ("Where would we run that fine-tuning job?" asks where, not whether it fits.)
      if (/\bwhere\s+\w+\s+\w+\s+run\b/.test(channel[0])) {
        delete intents.asksFit;
        delete intents.asksFitFor;
      }
    }
  }
  // "Why Phi-3-mini?", "why did you pick Qwen2.5 3B?": the advisor's choice of model, asked about.
  // (The model must be all the question names: "why does Llama 3.1 8B hallucinate?" asks about its behaviour.)
  const whyModel = WHY_MODEL_QUESTION.exec(lower);
  const asked = whyModel?.[1]?.trim() ?? '';
  const mentioned = whyModel ? catalogScanner(catalog).findModels(asked)[0] : undefined;
  if (mentioned && mentioned.start <= 1 && asked.length - mentioned.end <= 3) intents.asksModel = true;
  // "why not a 1B model like Llama 3.2 1B?", "why not just use Qwen2.5 3B instead?": a model weighed against the
  // plan's, when no method is what the why-not is about.
  if (intents.whyNot === undefined) {
    // ("Why Llama 3.2 3B and not something bigger like Llama 3.1 8B?": the model weighed is the one after "not".)
    const plain = WHY_NOT_MODEL_QUESTION.exec(lower);
    const thisNotThat = plain === null ? WHY_THIS_NOT_THAT_MODEL.exec(lower) : null;
    const whyNot = plain ?? thisNotThat;
    const weighedText = whyNot?.[1] ?? whyNot?.[2] ?? '';
    const found = whyNot ? catalogScanner(catalog).findModels(weighedText)[0] : undefined;
    // ("Why LoRA and not QLoRA for Llama 3.1 70B?": the model after "not" must be what the question ends on.)
    // ("Why LoRA and not QLoRA for Llama 3.1 70B?" weighs two methods, not a model.)
    // ("…rather than an open model like Qwen2.5 7B with LoRA?": the model, with the method it would take.)
    const methodAfter =
      found !== undefined &&
      /^\s*(?:with|using|via|and)\s+(?:q?lora|full\s+fine[\s-]?tuning|fine[\s-]?tuning|dpo|rag)\s*$/.test(
        weighedText.slice(found.end),
      );
    const mention =
      thisNotThat !== null &&
      found !== undefined &&
      ((weighedText.trimEnd().length - found.end > 2 && !methodAfter) || METHOD_FIRST.test(weighedText))
        ? undefined
        : found;
    // ("why not just tune our Llama 3.1 8B?" states the team's model: a why-not about tuning it.)
    const ours =
      mention !== undefined && /\b(?:our|my)\s+(?:own\s+|current\s+)?$/.test(weighedText.slice(0, mention.start));
    // ("why not have GPT-4o label more tickets?": the model as a labeller, not a swap; "why not just use GPT-4.1 mini
    // with JSON mode?" is a swap, and "use GPT-4o to label them" a labeller by what follows.)
    const labeller =
      mention !== undefined &&
      (/\b(?:have|let|get|make)\s+$/.test(weighedText.slice(0, mention.start)) ||
        /^\s+(?:to\s+)?(?:label|annotate|tag|generate|write|create|produce)\b|^\s+(?:for\s+(?:the\s+)?(?:label(?:l)?ing|annotat\w*|grading|judging|evaluat\w*|scoring)|as\s+(?:a|an|the|our)?\s*(?:judge|teacher|label(?:l)?er|grader|annotator|evaluator))\b/.test(
          weighedText.slice(mention.end),
        ));
    // ("Why not just tune GPT-4.1 mini on OpenAI's own platform?": tuning the model asked about, the provider's job for
    // an API model, the plan's tuning for an open one: a why-not about fine-tuning.)
    const tuning =
      mention !== undefined &&
      /\b(?:tune|fine[\s-]?tune|finetune|train|customi[sz]e)\s+(?:it\s+|the\s+|our\s+)?$/.test(
        weighedText.slice(0, mention.start),
      );
    if (tuning) {
      intents.whyNot = 'full-fine-tuning';
      intents.genericFineTuning = true;
    } else if (mention?.entry && !ours && !labeller) {
      intents.asksWhyNotModel = mention.entry.name;
      // ("why not XLM-RoBERTa Base?": the catalog's encoder, weighed on its own card, not encoders in general.)
      delete intents.asksEncoderInstead;
      // The models the why-question weighs are asked about, not adopted ("…not something bigger like Llama 3.1 8B?").
      dropModelsAskedIn(lower, sentenceAround(lower, whyNot?.index ?? 0), findings);
    }
  }
  // "qwen 2.5 14b license - ok for commercial internal use?": the licence of the model named (or of the plan's model).
  // ("Is the Llama 3.1 licence OK?" names a family: the licence its members share, read from the first of them.)
  // "Is Llama 3.1 8B any good in Swahili, or which model would you pick for that?": a language asked of a model.
  const language = LANGUAGE_QUESTION.exec(lower) ?? ENCODER_FOR_LANGUAGES.exec(lower);
  if (language) {
    const sentence = sentenceAround(lower, language.index);
    // ("The emails are German and Polish. Is there a BERT-like model for that?": the languages said just before.)
    const inSentence = languagesNamed(sentence);
    const languages = inSentence.length > 0 ? inSentence : languagesNamed(lower);
    // (English alone asks nothing about languages: "is our llama 3.1 8b setup good for english faq answering?")
    if (
      languages.some((name) => name !== 'english') &&
      (/^\W*(?:is|does|can|will|which|what|how)\b/.test(sentence.trim()) ||
        /^(?:[^.!\n]|\.(?=\d))*\?/.test(lower.slice(language.index, language.index + language[0].length + 120)))
    ) {
      // ("Someone prefers Llama 3.1 8B. For Vietnamese, is that better than our Qwen2.5 7B?": the model "that" points to,
      // not the team's own.)
      const notOurs = (mentions: { start: number; entry?: { name: string } }[], text: string) =>
        mentions.find((mention) => !/\b(?:our|my)\s+$/.test(text.slice(Math.max(0, mention.start - 8), mention.start)))
          ?.entry?.name;
      const scanner = catalogScanner(catalog);
      // An encoder asked for: the catalog's encoder whose pre-training covers every language asked.
      const encoder = ENCODER_ASKED.test(sentence)
        ? textEncoders(catalog.models, { multilingual: true, languages })[0]?.name
        : undefined;
      const named =
        encoder ??
        notOurs(scanner.findModels(sentence), sentence) ??
        familyMember(sentence, catalog) ??
        (/\b(?:that|it|this\s+one)\b/.test(sentence) ? notOurs(scanner.findModels(lower), lower) : undefined);
      intents.asksLanguage = { languages, ...(named === undefined ? {} : { model: named }) };
      intents.asksSomething = true;
      // The model asked about is not adopted.
      dropModelsAskedIn(lower, sentence, findings);
    }
  }
  // ("GPT-4o was only a prototype. Is the Qwen2.5 1.5B licence OK?": the model of the licence question's sentence.)
  const licence = LICENCE_QUESTION.exec(lower);
  if (licence) {
    const sentence = sentenceAround(lower, licence.index);
    intents.asksLicence =
      catalogScanner(catalog).findModels(sentence)[0]?.entry?.name ??
      familyMember(sentence, catalog) ??
      firstModel() ??
      familyMember(lower, catalog) ??
      true;
  }
}

/** A family named by its name and version ("Llama 3.1", "Qwen2.5", "Gemma 2"): the first catalog model of it. */
function familyMember(lower: string, catalog: ExtractionCatalog): string | undefined {
  const family = /\b(llama\s*\d(?:\.\d)?|qwen\s*\d(?:\.\d)?|gemma\s*\d|mistral|mixtral|phi[\s-]?\d(?:\.\d)?)\b/.exec(
    lower,
  )?.[1];
  if (family === undefined) return undefined;
  // ("Llama 3" is not "Llama 3.1": the family's name ends at a space before the size.) "qwen 2.5" is "qwen2.5".
  const words = (text: string) =>
    text
      .replace(/([a-z])\s+(\d)/g, '$1$2')
      .replace(/\s+/g, ' ')
      .trim();
  const prefix = words(family);
  const members = catalog.models.filter((model) => words(model.name.toLowerCase()).startsWith(`${prefix} `));
  // Members under different licences: which size is meant decides it, so none is picked.
  if (new Set(members.map((model) => model.license ?? '')).size > 1) return undefined;
  return members[0]?.name;
}

/** Removes the model findings (name, access, size) that lie inside [from, to): a model named inside a question. */
function dropModelFindingsWithin(findings: Finding[], from: number, to: number, ownedIn?: string): void {
  for (let index = findings.length - 1; index >= 0; index--) {
    const item = findings[index] as Finding;
    if (
      (item.field === 'modelName' || item.field === 'modelAccess' || item.field === 'modelParamsB') &&
      item.start >= from &&
      item.end <= to &&
      // (With the message given, a model the team owns in it stays: "is our Llama 3.1 8B good in Swahili?")
      !(ownedIn !== undefined && OWNED_MODEL_BEFORE.test(ownedIn.slice(Math.max(0, item.start - 24), item.start)))
    )
      findings.splice(index, 1);
  }
}
/** "our", "my", "we're on/using" right before a model: the team's own. */
const OWNED_MODEL_BEFORE = /\b(?:our|my|we(?:'re|\s+are)\s+(?:on|using))\s+(?:[\w.-]+\s+)?$/;

/** "is gpt-4.1 mini shutting down too?", "when does gpt-4o mini retire?", "is 4.1 being deprecated?" */
const RETIREMENT_QUESTION =
  /\b(?:is|are|does|do|will|isn't|isnt|aren't|won't|doesn't|when\s+(?:does|do|will|is|are))(?![a-z])(?:[^.!?\n]|\.(?=\d)){0,40}?\b(?:shut(?:ting)?\s+down|retir(?:e|es|ed|ing)|deprecat(?:ed|ing)|end[\s-]of[\s-]life|eol|sunset(?:ting|ted)?|going\s+away|discontinu(?:ed|ing)|still\s+(?:going\s+to\s+)?(?:be\s+)?(?:available|around|offered|supported|served)|still\s+exist)\b(?:[^.!?\n]|\.(?=\d)){0,30}\?/;

/** "can we fine-tune … in AI Studio?", "is it possible to tune gpt-4.1 mini on azure?", "where can we fine-tune it?" */
/** The sentence goes on to a question mark (a dot between digits, "Llama 3.1", ends no sentence). */
const QUESTION_ENDS_AFTER = /^(?:[^.!?\n]|\.(?=\d))*\?/;

/** What a long-context question's own sentence sizes: the prompt and the corpus asked about. */
const LONG_CONTEXT_SIZES: ReadonlySet<string> = new Set([
  'labeledExamples',
  'exampleTokens',
  'inputTokensPerRequest',
  'corpusTokens',
  'unlabeledCorpus',
]);

/** "Why Phi-3-mini?", "why did you pick Qwen2.5 3B?": a why-question whose object is a model, and nothing more. */
const WHY_MODEL_QUESTION =
  /\bwhy\s+(?:(?:did|do|would)\s+you\s+(?:pick|choose|suggest|recommend|go\s+with|propose)\s+|(?:a|the)\s+)?(?=\S)((?:[^?.!\n]|\.(?=\d)){2,40}?)\s{0,3}\?/;
const WHY_NOT_MODEL_QUESTION =
  /\bwhy\s+(?:not|wouldn't\s+(?:we|you)|don't\s+(?:we|you)|didn't\s+you|not\s+just)\s+(?=\S)((?:[^?.!\n,]|\.(?=\d)){2,60}?)\s{0,3}(?:\?|,\s*(?:we|i)(?:'d|\s+would)\s+(?:prefer|rather|like)\b|,\s*(?:given|since|because|as|considering|seeing\s+(?:as|that)|now\s+that|if|when)\b[^?\n]{0,80}\?)|^\s*(?:(?:and|ok(?:ay)?|so|hmm|then)[\s,]+)?(?:what|how)\s+about\s+((?:(?:the|a|using|just)\s+)?(?:[^?.!\n\s]|\.(?=\d))+(?:\s+(?:[^?.!\n\s]|\.(?=\d))+){0,3})\s*\?\s*$/;
/** "any good in Swahili", "handles Tagalog", "best at Korean", "does it speak Yoruba": a language asked about. */
const LANGUAGE_QUESTION = new RegExp(
  `\\b(?:for|in)\\s+(?:${LANGUAGE_SOURCE})\\b[^.?!\\n]{0,40}?\\b(?:better|worse|best|good|bad)\\b(?:[^.!\\n]|\\.(?=\\d)){0,60}\\?|\\b(?:good|bad|decent|ok(?:ay)?|fluent|strong|weak|better|best|reliable)\\s+(?:at|in|with|for)\\s+(?:${LANGUAGE_SOURCE}|${CODE_MIXED_SOURCE}|those|them|these|both|either|that)\\b|\\bhow\\s+(?:good|well|bad|strong|fluent|reliable)\\s+(?:is|are|does|do)\\s+(?:[\\w.-]+\\s+){0,4}?(?:at|in|with)\\s+(?:${LANGUAGE_SOURCE})\\b|\\b(?:handles?|handling|speaks?|supports?|understands?|knows?|writes?|cope\\s+with|copes\\s+with|deal\\s+with|deals\\s+with|manage)\\s+(?:${LANGUAGE_SOURCE}|${CODE_MIXED_SOURCE})\\b(?:\\s+(?:best|well|better))?[^.!?\\n]{0,50}\\?|\\b(?:which|what)\\s(?:[\\w-]+\\s){0,2}?models?\\b[^.?!\\n]{0,40}?\\b(?:for|in|with)\\s(?:${LANGUAGE_SOURCE})\\b[^.!?\\n]{0,40}\\?`,
);
/** "Is there a BERT-like model for that?", "which encoder would handle those languages?": an encoder asked for. */
const ENCODER_ASKED =
  /\b(?:bert(?:[\s-]?(?:like|style|type|base|large))?|distil-?bert|(?:xlm-)?roberta|deberta\w*|modernbert|(?:text\s)?encoders?(?![\s-]decoder))\b/;
const ENCODER_FOR_LANGUAGES =
  /\b(?:is\sthere|are\sthere|do\syou\sknow|which|what|any)\s(?:an?\s|any\s|good\s|multilingual\s){0,2}(?:bert[\s-]?(?:like|style|type)|multilingual\s(?:bert|encoder)|encoder)\b[^?\n]{0,50}\?/;
/** A method named first in the weighed words ("QLoRA for Llama 3.1 70B"). */
const METHOD_FIRST = new RegExp(`^\\s*(?:plain\\s+|just\\s+)?(?:${METHOD_SOURCE})\\b`);
/** "why Llama 3.2 3B and not Llama 3.1 8B?", "why the 3B rather than something bigger like the 8B?". */
const WHY_THIS_NOT_THAT_MODEL =
  /\bwhy\s+(?:(?:did|do|would)\s+you\s+(?:pick|choose|suggest|recommend|go\s+with)\s+)?(?:[\w.-]+\s+){1,6}?(?:and\s+not|rather\s+than|instead\s+of)\s+((?:[\w.-]+\s+){0,8}?[\w.-]+)\s{0,3}\?/;
/** "fine-tune GPT-4o mini on OpenAI", "tune it through Bedrock": the provider a tuning would run on. */
const TUNE_ON_PROVIDER =
  /\b(?:fine[\s-]?tune|finetune|tune)\s+(?:it|(?:[\w.-]+\s+){1,3}?)\s*(?:on|via|through|with|at)\s+(openai|azure\s+openai|azure|vertex(?:\s+ai)?|bedrock|aws\s+bedrock|google|anthropic|mistral)\b/;
/** "renting one L4 around the clock — what's that per month?", "what would 2 rented A10Gs cost a month, 24/7?". */
const RENT_MONTHLY_QUESTION =
  /(?<!\b(?:we|we're|we\s+are|i|i'm)\s+(?:already\s+|currently\s+)?)\brent(?:ing|ed)?\s+(?:just\s+)?(one|a|an|\d+|two|three|four|five|six|seven|eight)\s+(?:[\w-]+\s+){0,2}?(?:gpus?|cards?|[ahlt]\d{1,3}[a-z]?s?|l40s|h100s?|a100s?|rtx\s?\d{4}s?|mi300x)\b(?:[^.?!\n]|\.(?=\d)){0,40}?\b(?:around\s+the\s+clock|24\s*\/\s*7|all\s+month|full[\s-]time|permanently)\b(?:[^.?!\n]|\.(?=\d)){0,80}?\b(?:per\s+month|a\s+month|monthly|cost|costs|price)\b(?:[^.?!\n]|\.(?=\d)){0,80}\?/;
/** "the monthly cost of hosting it on one rented L4 around the clock?": the month's rent asked first. */
const RENT_MONTHLY_COST_FIRST =
  /\b(?:monthly\s+cost|cost\s+(?:per|a)\s+month|monthly\s+bill|monthly\s+price)\s+(?:of\s+|for\s+)?(?:hosting|running|serving|keeping)\s+(?:it|that|this|the\s+[\w-]+(?:\s+[\w-]+)?)\s+on\s+(one|a|an|\d+|two|three|four)\s+(?:rented\s+|cloud\s+)?(?:[\w-]+\s+)?(?:gpus?|cards?|[ahlt]\d{1,3}[a-z]?s?|l40s|h100s?|a100s?|rtx\s?\d{4}s?|mi300x)\b(?:[^.?!\n]|\.(?=\d)){0,80}\?/;
const GPU_FIELDS: ReadonlySet<string> = new Set(GPU_FACTS);
const TUNING_CHANNEL_QUESTION =
  /\b(?:can|could)\s+(?:[\w.-]+\s+){1,4}?be\s+(?:fine[\s-]?tuned|finetuned|tuned|customi[sz]ed)\b(?:[^.!\n]|\.(?=\d)){0,60}\?|\b(?:one|it|that|this|which)\s+(?:one\s+)?can\s+be\s+(?:fine[\s-]?tuned|finetuned|tuned|customi[sz]ed)\b(?:[^.!\n]|\.(?=\d)){0,60}\?|\b(?:can|could|will|does|do|would)\s+(?:openai|anthropic|google|vertex(?:\s+ai)?|azure(?:\s+openai)?|bedrock|aws|mistral|they|the\s+(?:vendor|provider))\s+(?:even\s+|still\s+|actually\s+)*(?:fine[\s-]?tune|finetune|tune|customi[sz]e)\b(?:[^.!\n]|\.(?=\d)){0,60}\?|\b(?:(?:can|could|may|can't|cannot|couldn't)\s+(?:we|i|you)\s+(?:still\s+|even\s+|actually\s+|just\s+)?|is\s+it\s+(?:still\s+)?possible\s+to\s+|are\s+we\s+able\s+to\s+|where\s+(?:can|could|do)\s+(?:we|i|you)\s+)(?:fine[\s-]?tune|finetune|tune|customi[sz]e)\b(?:[^.!\n]|\.(?=\d)){0,80}\?|\b(?:can|could)\s+(?:a|an|our|my)\s+(?:brand\s+)?(?:new\s+)?(?:\w+\s+)?(?:account|org|organi[sz]ation)\s+(?:\w+\s+){0,2}?(?:start|run|create|launch)\s+(?:a\s+)?(?:fine[\s-]?tun\w*|tuning)\s+job\b(?:[^.!\n]|\.(?=\d)){0,60}\?|\bis\s+(?:\w+\s+)?(?:fine[\s-]?tuning|tuning)\s+(?:still\s+)?(?:open|available|allowed)\s+(?:to|for)\s+(?:new\s+)?(?:accounts?|orgs?|organi[sz]ations?|customers?|users?)\b(?:[^.!\n]|\.(?=\d)){0,40}\?|\bwhere\s+(?:would|should|do|can|could|will)\s+(?:we|i|you)\s+run\s+(?:that|the|this|a|our)\s+(?:[\w-]+\s+)?(?:fine[\s-]?tuning|tuning|training)\s+job\b(?:[^.!\n]|\.(?=\d)){0,80}\?/;

/** A question about a model's licence or commercial use: "license ok for commercial use?", "what licence is Qwen under?". */
const LICENCE_QUESTION =
  /\blicen[cs](?:e|es|ed|ing)\b[^.!\n]{0,80}(?:\?|\b(?:ok|okay|allowed|fine|permit\w*|legal|commercial\w*)\b)|\b(?:can|could|may)\s+we\s+use\s+(?:it|this|that|them|[\w.\s-]{1,30}?)\s+commercially\b|\bwhat(?:'s|\s+is)?\s+(?:the\s+)?licen[cs]e\b|\bcommercial(?:ly)?\s+(?:use|usage)\b[^.!\n]{0,40}\?|\b(?:are|am|is)\s+(?:we|i)\s+(?:actually\s+|even\s+|legally\s+)?allowed\s+to\s+(?:use|ship|sell|deploy|build\s+on)\b(?![^.!?\n]{0,40}\b(?:data|logs|chats|emails|records|tickets|messages|conversations|transcripts|documents|recordings)\b)(?:[^.!\n]|\.(?=\d)){0,60}?\b(?:commercial|product|sell|customers|paid|saas|app)\w*\b[^.!\n]{0,40}\?/;

/** Values the message implies through other fields (registry `implied`): list fields gain the items. */
function addImplied(fields: Partial<Profile>, evidence: Partial<Record<ProfileField, string>>): void {
  const found = { ...fields };
  for (const entry of Object.values(FIELD_REGISTRY)) {
    const implied = (entry.implied as ((fields: Partial<Profile>) => Implied<unknown> | undefined) | undefined)?.(
      found,
    );
    if (implied === undefined) continue;
    const current = fields[entry.field];
    const merged = Array.isArray(implied.value)
      ? [...new Set([...((current as unknown[] | undefined) ?? []), ...implied.value])]
      : (current ?? implied.value);
    (fields as Record<string, unknown>)[entry.field] = merged;
    const source = implied.from.find((field) => evidence[field] !== undefined);
    if (evidence[entry.field] === undefined && source) evidence[entry.field] = evidence[source];
  }
}

/** A value the profile schema accepts for its field (integers, ranges, enums): nothing else reaches the profile. */
function withinSchema(item: Finding): boolean {
  return Profile.shape[item.field].safeParse(item.value).success;
}

/** "…, not the 80GB one", "instead of $500": the words after are what the user does NOT mean. */
const CONTRAST_BEFORE = /\b(?:not|instead\s+of|rather\s+than)\s+(?:the\s+|a\s+|an\s+)?$/;
/** A model or GPU ruled out right after it is named: "so Claude Sonnet is out", "H100s are off the table". */
const RULED_OUT_AFTER =
  /^[^.;!?\n]{0,30}?\bbut\s+(?:legal|compliance|procurement|security|management|finance|the\s+\w+\s+team)\s+(?:killed|vetoed|blocked|nixed|rejected|shot\s+down|said\s+no\s+to)\b|^(?:\s+\w+)?\s+(?:is|are|was|were)\s+(?:(?:completely|totally|definitely|basically|probably|likely|way|far|much|just)\s+)?(?:out|ruled\s+out|off\s+the\s+table|not\s+an\s+option|a\s+no[\s-]?go|too\s+(?:expensive|big|large|heavy)|not\s+allowed)\b|^(?:\s+\w+)?\s+(?:was|is)\s+(?:just|only|merely)\s+(?:an?\s+)?(?:idea|thought|question|example|suggestion|option\s+i\s+asked\s+about)\b|^(?:\s+\w+)?\s+(?:sounds?|seems?|looks?|feels?|would\s+be)\s+(?:way\s+|far\s+|much\s+|a\s+bit\s+|probably\s+)?too\s+(?:weak|small|slow|dumb|limited|underpowered|big|large|heavy|expensive)\b/;
const RULED_OUT_FIELDS: ReadonlySet<ProfileField> = new Set([
  'modelName',
  'modelParamsB',
  'gpuName',
  'gpuCount',
  'modelAccess',
  'teacherModel',
]);
/** "there is NO device", "nothing runs on a device", "no edge": the model runs on no device of the team's. */
/** The fields without the goals the same message takes back ("we're not answering questions from documents"). */
function withoutGoals(fields: Partial<Profile>, removed: readonly Goal[]): Partial<Profile> {
  if (removed.length === 0 || fields.goals === undefined) return fields;
  const goals = fields.goals.filter((goal) => !removed.includes(goal));
  const { goals: _goals, ...rest } = fields;
  return goals.length > 0 ? { ...rest, goals } : rest;
}

const NO_DOCUMENT_QUESTIONS =
  /\b(?:we're|we\s+are|it's|it\s+is|this\s+is)\s+not\s+(?:answering|about\s+answering|doing)\s+(?:questions?|q\s?&\s?a)\s+(?:from|about|over|on)\s+(?:our\s+|the\s+|any\s+)?(?:docs|documents|documentation|a\s+knowledge\s+base)\b|\b(?:the\s+model|it)\s+(?:does\s+not|doesn't|doesnt)\s+lack\s+(?:any\s+)?knowledge\b|\b(?:it's|it\s+is|this\s+is|this's)\s+not\s+a\s+knowledge\s+(?:problem|gap|issue)\b|\b(?:it|this)\s+isn't\s+a\s+knowledge\s+(?:problem|gap|issue)\b|\bwe\s+(?:don't|do\s+not)\s+answer\s+questions\s+(?:from|about|over)\s+(?:the\s+|our\s+)?(?:docs|documents)\b|\b(?:it|the\s+model|this)\s+(?:doesn't|does\s+not|doesnt|won't|will\s+not)\s+need\s+(?:any\s+)?(?:outside|external|extra|other)\s+(?:documents|docs|knowledge|information|info|sources)\b|\b(?:drop|remove|forget|skip|lose)\s+(?:the\s+)?(?:retrieval|rag|document\s+search|search)(?:\s+(?:thing|part|step|bit|idea))?\b|\ball\s+(?:the\s+)?(?:facts|information|info)\s+(?:it\s+needs\s+)?(?:are|is)\s+in\s+the\s+(?:[\w-]+\s+){0,2}?(?:note|notes|input|document|file|email|record|transcript)s?\s+itself\b/;
/** The words a message may open with before "it's not good enough": "no,", "honestly,", "tbh". */
const NOT_GOOD_ENOUGH_OPENER = String.raw`^\W*(?:(?:no|nope|nah|wait|actually|sorry|honestly|tbh|frankly|well|hmm|ok(?:ay)?|but|sadly|unfortunately)\b[\s,.!-]*)*`;
/**
 * "no, it's NOT good enough", "honestly, it's not quite good enough", "it isn't good enough": what was said to be good
 * enough, taken back (said at the start of the message, of no method named).
 */
const NOT_GOOD_ENOUGH = new RegExp(
  `${NOT_GOOD_ENOUGH_OPENER}(?:(?:it'?s|it\\s+is|its|that'?s|that\\s+is|thats|it\\s+was)\\s+(?:(?:really|actually|definitely|absolutely|just|honestly|still)\\s+)?not\\s+(?:really\\s+|quite\\s+|nearly\\s+)?(?:good\\s+enough|fine|ok|okay|enough)|(?:it\\s+|that\\s+)?(?:isn'?t|wasn'?t)\\s+(?:really\\s+|quite\\s+|nearly\\s+)?good\\s+enough)\\b`,
);
/** A shortfall of the output named: the "not good enough" is about quality. */
const QUALITY_GAP =
  /\b(?:sound\w*|voices?|tone|style|wrong|miss\w*|format\w*|json|accura\w*|quality|hallucinat\w*|answers?|outputs?|errors?|mistakes?|generic|bland|inconsistent|drops?|dropping|breaks?)\b/;
/** Money or time, the subject of a "not good enough" that is no verdict on the output. */
const MONEY_OR_TIME =
  /\$|\b(?:budget|costs?|price|bill|cheap\w*|expensive|deadline|weeks?|months?|days?|slow|latency)\b/;
/** "don't drop …", "do not remove …": a goal kept, said as a removal denied. */
const NOT_TAKEN_BACK_BEFORE = /\b(?:don'?t|do\s+not|never)\s+$/;
/** True when the removal said at `index` is denied ("Don't drop cost and latency from our goals"). */
function removalDenied(lower: string, index: number): boolean {
  return NOT_TAKEN_BACK_BEFORE.test(lower.slice(Math.max(0, index - 14), index));
}
const FORGET_GOAL =
  /\b(?:forget|ignore|never\s*mind|drop)\s+(?:about\s+)?(?:the\s+)?(latency|speed|cost|price|style|tone|format|citations)(?!\s+(?:of|for|on)\b)|\b(latency|speed)\s+(?:doesn't|doesnt|does\s+not|don't|dont)\s+(?:really\s+)?matter\b/g;
const NO_DEADLINE =
  /\b(?:there\s+is\s+no|there's\s+no|we\s+have\s+no|we\s+don't\s+have\s+(?:a|any)|no)\s+(?:real\s+|hard\s+|fixed\s+|actual\s+)?(?:[\w-]+[\s-])?(?:deadline|timeline)\b|\b(?:forget|ignore|drop|never\s*mind)\s+(?:about\s+)?(?:the\s+)?(?:[\w-]+[\s-])?(?:deadline|timeline)\b/;
/**
 * A past clause that used data the team still holds: "we fine-tuned 4o mini last month with 1,000 examples" (a use),
 * not "we used to have 10k labeled tickets; the vendor deleted them" (a possession, gone).
 */
function pastUseOfDataKept(sentence: string): boolean {
  return PAST_USE_OF_DATA.test(sentence) && !DATA_GONE.test(sentence);
}
const PAST_USE_OF_DATA =
  /\b(?:fine[\s-]?tuned|finetuned|trained|tuned|ran|evaluated|tested|labell?ed|annotated|distill?ed)\b/;
const DATA_GONE =
  /\b(?:lost|deleted|gone|wiped|purged|expired|destroyed|no\s+longer|any\s?more|used\s+to\s+have|had\s+to\s+(?:delete|destroy|give\s+back)|(?:don't|do\s+not|don't)\s+have\s+(?:them|it|those|that)\b)/;

/**
 * "latency doesn't matter at all" said of the team's own work, as a statement: not in a condition ("if we don't care
 * about speed for the digests…"), a question, someone else's words ("the vendor said latency is not an issue"), or
 * beside a target it keeps ("…, but the chat widget must answer under 500 ms") or a later one ("…today, but it will be").
 */
function saysNoLatencyTarget(lower: string): boolean {
  for (const match of allMatches(NO_LATENCY_TARGET_ALL, lower)) {
    const sentence = sentenceAround(lower, match.index, 200);
    const before = sentenceBefore(lower, match.index, 120);
    if (sentence.includes('?')) continue;
    if (/\b(?:if|unless|when|whether|once|suppose|assuming)\b/.test(before)) continue;
    if (/\b(?:said|says|claims?|claimed|told\s+us|thinks?|according\s+to)\b/.test(before)) continue;
    if (/\bbut\b[^.!?\n]*\b(?:must|needs?\s+to|has\s+to|have\s+to|will\s+be|under\s+\d|within\s+\d)/.test(sentence))
      continue;
    return true;
  }
  return false;
}

/** "latency doesn't matter (at all)", "there is NO latency target", "we don't care about speed", "no latency requirement". */
const NO_LATENCY_TARGET =
  /\b(?:latency|speed|response\s+time)\s+(?:really\s+)?(?:doesn'?t|does\s+not|don'?t|won'?t)\s+(?:really\s+)?matter\b|\b(?:latency|speed|response\s+time)\s+(?:is\s+not|isn'?t|is\s+no)\s+(?:really\s+)?(?:an?\s+)?(?:issue|concern|problem|constraint|requirement|priority|factor)\b|\b(?:there\s+is\s+no|there's\s+no|we\s+have\s+no|we\s+don'?t\s+have\s+(?:a|any)|no)\s+(?:real\s+|hard\s+|strict\s+|particular\s+)?(?:latency|speed|response[\s-]time)\s+(?:target|requirement|constraint|limit|budget|sla|goal)s?\b|\b(?:don'?t|do\s+not)\s+(?:really\s+)?care\s+(?:about|much\s+about)\s+(?:the\s+)?(?:latency|speed|response\s+time)\b/;
const NO_LATENCY_TARGET_ALL = new RegExp(NO_LATENCY_TARGET.source, 'g');
const BUDGET_DISOWNED =
  /\b(?:we\s+)?(?:(?:don't|do\s+not|dont)\s+have\s+(?:a|any)|have\s+no)\s+(?:monthly|one[\s-]?(?:time|off)|training|upfront)\s+budget(?:\s+of\b|\s+(?:limit|cap|ceiling)\b|\s+(?:set|yet|at\s+all|defined|agreed)\b|(?=\s*(?:[.!;,]|$)))|\b(?:forget|ignore|drop|remove|never\s*mind)\s+(?:about\s+)?(?:the|that|our)\s+(?:monthly|one[\s-]?(?:time|off)|training|upfront)\s+budget\b/g;
/** A fact taken back: "drop that", "forget it", "please remove that". */
const TAKEN_BACK = /\b(?:drop|forget|ignore|remove|scratch|delete)\s+(?:that|it|this)\b/;
/** "we are NOT using GPT-4.1 as a teacher", "drop the teacher", "there is no teacher model". */
/**
 * "129 was the exchange rate, not the corpus", "40 was the number of classes, not examples": a figure the advisor took
 * for a fact, said to be something else (the figure itself, not "it is the latency, not the volume").
 */
const NUMBER_WAS_SOMETHING_ELSE =
  /(?<![\d,.])\d{1,3}(?:[,.]\d+)*(?:\s?k\b)?\s+(?:was|is|were)\s+(?:just\s+)?(?:the|an?|our|my)\s+[a-z][a-z\s-]{0,30}?,?\s+not\s+(?:the|a|an|our|my|any)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)(?=\s*(?:[.!?,;)]|$))/g;
/** "the 25k isn't a corpus, it's the length of one example": the fact a figure was taken for, denied. */
const NUMBER_IS_NOT =
  /(?<![\d,.])\d{1,3}(?:[,.]\d+)*(?:\s?k\b)?\s+(?:isn't|is\s+not|wasn't|was\s+not|aren't|are\s+not)\s+(?:a|an|the|our|my|any)\s+(?!(?:lot|lots|ton|tons|bunch|huge|big|small|large|few|great|good|whole|real|full|high|low|hard)\b)((?:[a-z-]+\s+){0,2}?[a-z-]+)(?=\s*(?:[.!?,;)]|$))/g;
/** The same, tested once (not global). */
const NUMBER_WAS_SOMETHING_ELSE_ONCE = new RegExp(NUMBER_WAS_SOMETHING_ELSE.source);
/** The fields a disowned figure was taken for, by the noun that names them. */
const DISOWNED_NOUNS: readonly (readonly [RegExp, ProfileField])[] = [
  [/\bcorpus\b|\btokens?\b|\bdocuments?\s+size\b/, 'corpusTokens'],
  [/\b(?:examples?|labell?ed\s+data|training\s+data)\b/, 'labeledExamples'],
  [/\b(?:pairs?|preferences?)\b/, 'preferencePairs'],
  [/\b(?:volume|requests?|traffic)\b/, 'requestsPerDay'],
  [/\b(?:deadline|timeline)\b/, 'timelineWeeks'],
];
const TEACHER_DISOWNED =
  /\b(?:not|n't|never|no\s+longer)\s+(?:\w+\s+){0,2}?(?:using|use)\s+(?:[\w.-]+\s+){1,4}?as\s+(?:a|the|our)\s+teacher\b|\b(?:drop|forget|remove|ignore)\s+(?:the|that|our)\s+teacher(?:\s+model)?\b|\bthere(?:'s|\s+is)\s+no\s+teacher\b|\bno\s+teacher\s+model\b/;
/** "we have no model yet", "we haven't picked a model", "we have not picked Qwen": no model chosen. */
const NO_MODEL =
  /\b(?:we\s+(?:have|got)\s+no\s+model(?:\s+yet)?|no\s+model\s+(?:yet|chosen|picked|decided)|(?:haven't|have\s+not|didn't|did\s+not)\s+(?:yet\s+)?(?:picked|chosen|chose|pick|choose|decided\s+on|settled\s+on)\s+(?:a\s+|any\s+|the\s+)?(?:model|llm|[a-z][\w.-]*)\b)/;
const NO_DEVICE =
  /\b(?:there\s+is\s+no|there's\s+no|no)\s+(?:end[\s-]user\s+|target\s+|edge\s+)?(?:device|edge)s?\b(?![\s-]+(?:memory|limit|cases?|specific|in\s+scope))|\bnothing\s+runs\s+on\s+(?:(?:a|the|any)\s+)?(?:devices?|phones?|laptops?|edge)\b|\b(?:it|this|that|the\s+(?:app|product|service|system|assistant|tool))\s+(?:won't|will\s+not|doesn't|does\s+not|(?:is|are)n't\s+going\s+to|not\s+going\s+to)\s+run\s+on\s+(?:(?:the|our|their|any)\s+)?(?:devices?|phones?|laptops?|macbooks?|the\s+edge)\b|\b(?:the\s+)?(?:macbooks?|laptops?)\s+(?:was|were|is|are)\s+only\s+(?:for|used\s+for)\s+(?:training|development|dev|testing|prototyping)\b|\b(?:forget|ignore|drop|remove|never\s*mind)\s+(?:about\s+)?the\s+device(?:'s)?\s+(?:memory|ram)\b/;

/** A yes/no or how-many question ("can a 4090 run a 70B model?") asks about facts; it does not state them. */
/** Only spaces and tabs after the break: `\s*` would reread a run of newlines from each of them (quadratic). */
const QUESTION_SENTENCE =
  /(?:^|(?<=[.!?\n])(?<!\b[ei]\.|\b(?:e\.g|i\.e)\.)[^\S\n]{0,8})(?:(?![^\S\n]{0,8}(?:(?:and|but|also|ok(?:ay)?|so),?\s+)?(?:we|i)\s+(?:(?:only|do|already|also)\s+)?(?:have|'ve\s+got|got|are|'re)\b)[^.!?\n,]{0,40},[^\S\n]*(?=(?:would|could|will|does|can|is)\s+(?:it|that|this|they)\b))?(?:(?:quick\s+)?q(?:uestion)?:\s*)?(?:(?:for|on|about)\s+the\s+[^.!?\n,]{1,40}?(?:job|part|one|task|side|bit|bot|piece),[^\S\n]*)?(?:(?:ok(?:ay)?|so|and|but|hm+|wait|also|then|sorry|right|hang\s+on|hold\s+on|actually|btw|oh|ah|well|honestly)[,]?[^\S\n]+){0,3}(?:can|could|would|should|does|do|is|are|will|won't|wouldn't|isn't|aren't|doesn't|don't|can't|couldn't|shouldn't|how\s+(?:many|much|long)|which\s+(?:[\w-]+\s+)?(?:models?|ones?|llms?|options?)|what\s+(?:models?|llms?))\b(?:[^.!?\n]|\.(?=\d)|(?<=\b[ei])\.(?=[ge]\.)|(?<=\b(?:e\.g|i\.e))\.)*\?/g;

/** The last sentence of a message asked without its question mark: "also will lora even fit on one L4 24gb". */
const QUESTION_WITHOUT_MARK =
  /(?:^|(?<=[.!?\n])[^\S\n]*)(?:(?:ok(?:ay)?|so|and|but|also|then)[,]?[^\S\n]+){0,3}(?:will|would|could|can|does|do|is|should)\s+(?:it|this|that|lora|qlora|we|i|the|a|an|our|my)\b(?:[^.!?\n]|\.(?=\d))*$(?![\s\S])/g;

/**
 * "What about 70B instead?", "how about Qwen2.5 14B instead", and after a question, "like swap to 4o-mini with the
 * same prompt": another choice weighed, up to the sentence's end.
 */
const OTHER_CHOICE_SENTENCE =
  /(?:^|(?<=[.!?\n])[^\S\n]*)(?:(?:so\s+|and\s+|ok(?:ay)?,?\s+)?(?:what|how)\s+about\b|(?<=\?[^\S\n]*)(?:like|e\.g\.|say|or|maybe|i\s+mean),?\s+(?:just\s+)?(?:swap|switch|move|migrate|go\s+with|use|try)\b)(?:[^.!?\n]|\.(?=\d))*/g;

/**
 * Drops findings the user did not assert: contrasted values, a model or GPU ruled out ("… so Claude is out"),
 * values inside questions (unless "what if"), denied values ("we do NOT have 100 H100s"), and values in
 * conditional, someone else's, past, quoted, fenced or injected text (see unasserted.ts).
 */
function dropUnstated(
  message: PreparedMessage,
  findings: readonly Finding[],
  whatIf: boolean,
  firstMessage = true,
): Finding[] {
  const { lower } = message;
  const questions = whatIf
    ? []
    : [
        ...allMatches(QUESTION_SENTENCE, lower),
        ...allMatches(QUESTION_WITHOUT_MARK, lower),
        ...allMatches(OTHER_CHOICE_SENTENCE, lower),
      ]
        .map((match) => ({ start: match.index, end: match.index + match[0].length }))
        .sort((a, b) => a.start - b.start);
  const spans = findUnassertedSpans(message, { whatIf });
  const unasserted = unassertedIndex(
    spans.filter((span) => span.reason !== 'past' && span.reason !== 'third-party' && span.reason !== 'doubted'),
  );
  // ("wait, so the 32B still fits on just the one card? that seems off to me": a figure of the advice doubted is no
  // fact; read as the question, the model it asks about stays.)
  const doubted = unassertedIndex(spans.filter((span) => span.reason === 'doubted'));
  const past = unassertedIndex(spans.filter((span) => span.reason === 'past'));
  const thirdParty = unassertedIndex(spans.filter((span) => span.reason === 'third-party'));
  // The users' devices are where the model runs: "our players have 8GB of VRAM, the game needs 5GB" still says
  // what the model gets on the device (another company's cluster does not).
  const usersDevices = unassertedIndex(
    spans.filter((span) => span.reason === 'third-party' && USERS_CUE.test(lower.slice(span.start, span.start + 30))),
  );
  // Fields the message also gives outside any past clause (a past value of them then gives way).
  const presentValue = new Set(
    findings
      .filter(
        (item) =>
          !past.covers(item.start) &&
          !unasserted.covers(item.start) &&
          !doubted.covers(item.start) &&
          !thirdParty.covers(item.start),
      )
      .map((item) => item.field),
  );
  return findings.filter((item) => {
    if (thirdParty.covers(item.start) && !(USERS_DEVICE_FIELDS.has(item.field) && usersDevices.covers(item.start)))
      return false;
    if (CONTRAST_BEFORE.test(lower.slice(Math.max(0, item.start - 16), item.start)) && !complaint(lower, item))
      return false;
    if (RULED_OUT_FIELDS.has(item.field) && RULED_OUT_AFTER.test(lower.slice(item.end, item.end + 40))) return false;
    if (unasserted.covers(item.start) && !harmIfWrong(lower, item) && !allWeHave(lower, item)) return false;
    if (
      doubted.covers(item.start) &&
      !(whatIf && (item.field === 'modelName' || item.field === 'modelParamsB')) &&
      !harmIfWrong(lower, item) &&
      !allWeHave(lower, item)
    )
      return false;
    if (
      !PAST_KEEPS_FIELDS.has(item.field) &&
      past.covers(item.start) &&
      !(
        PAST_KEEPS_UNLESS_PRESENT.has(item.field) &&
        !presentValue.has(item.field) &&
        pastUseOfDataKept(sentenceAround(lower, item.start, 200))
      )
    )
      return false;
    if (isNegatedValue(lower, item.start, item.field, item.value)) return false;
    return (
      !insideSpan(questions, item.start, item.end) ||
      ownedInQuestion(lower, item) ||
      movesAsked(lower, item) ||
      wishedInQuestion(lower, item, questions, firstMessage)
    );
  });
}

/**
 * "if the model gets a dosage wrong someone could get hurt": the harm a wrong answer would do is said as a condition,
 * and still says the work is safety-critical.
 */
function harmIfWrong(lower: string, item: Finding): boolean {
  return (
    item.field === 'safetyCritical' &&
    item.value === true &&
    /\b(?:wrong|mistakes?|errors?|fails?|misses|hallucinat\w*|mix(?:es)?\s+up)\b/.test(
      sentenceAround(lower, item.start, 120),
    )
  );
}

/**
 * "Can we make it cite the exact policy paragraph?", "could it answer in Spanish too?": asking whether the model can
 * be made to do something states what the team needs.
 */
function wishedInQuestion(
  lower: string,
  item: Finding,
  questions: readonly { start: number; end: number }[],
  firstMessage = true,
): boolean {
  const question = questions.find((span) => span.start <= item.start && item.end <= span.end);
  if (question === undefined) return false;
  const text = lower.slice(question.start, question.end);
  // "can the model look at x-ray images of dogs and flag possible fractures? we have 1,100 radiographs": a message
  // that opens by asking whether a model can do the job says what the job is ("can it also read screenshots?" adds
  // nothing of the kind).
  if (
    TASK_FIELDS.has(item.field) &&
    firstMessage &&
    lower.slice(0, question.start).trim() === '' &&
    !/,?\s+or\s+(?:is|would|does|do)\s+(?:that|it|this)\b/.test(lower.slice(question.start, question.end)) &&
    TASK_WISH_QUESTION.test(text) &&
    !/\b(?:also|too|as\s+well|instead)\b/.test(text)
  )
    return true;
  return WISHED_FIELDS.has(item.field) && WISH_QUESTION.test(text);
}
/** The task itself, asked as whether a model can do it. */
const TASK_FIELDS: ReadonlySet<string> = new Set(['taskType', 'modality']);
const TASK_WISH_QUESTION =
  /^[^a-z]*(?:(?:hi|hello|hey)\W+)?(?:can|could|would|will)\s+(?:the\s+model|a\s+model|an?\s+(?:llm|ai)|ai|you|it|we)\s+(?:(?:be\s+(?:used|trained|taught)\s+to|learn\s+to|help\s+(?:us\s+)?)\s*)?(?:look|read|classify|detect|flag|extract|summari[sz]e|transcribe|tag|sort|translate|draft|caption|describe|spot|find|answer|triage|route|score|grade)\b/;
/** Needs a team states by asking whether the model can be made to meet them. */
const WISHED_FIELDS: ReadonlySet<string> = new Set([
  'needsCitations',
  'needsStyleOrFormat',
  'goals',
  'multilingual',
  'latencyTargetMs',
]);
const WISH_QUESTION =
  /^[^a-z]*(?:can|could|would|will)\s+(?:(?:we|you)\s+(?:make|get|have)\s+it|it)\s+(?:to\s+)?(?:always\s+|also\s+)?(?:cite|quote|link|answer|reply|respond|write|follow|output|return|stay|match|sound|speak|handle|work|run)\b/;

/** "Is 500 examples enough? That's all we have": the count asked about, said after to be the team's own. */
function allWeHave(lower: string, item: Finding): boolean {
  // (The count's own rule checks what follows "all we have": a finding that spans it was read that way.)
  return /\?\s*(?:that'?s|that\s+is|it'?s|it\s+is)\s+all\s+(?:we|i)\s+(?:have|'ve\s+got|got)\b/.test(
    lower.slice(item.start, item.end),
  );
}

/** "will it fit on my 3060?", "can our 2 A100s run it?": a question still says what the team's own things are. */
function ownedInQuestion(lower: string, item: Finding): boolean {
  // "We need this live in 3 weeks, is that realistic?": a fact said, then a question about it.
  const tail = lower.slice(item.end, item.end + 120);
  // (Only when the clause holding the fact states it: "How about a $20k budget, is that reasonable?" asks.)
  if (
    STATED_THEN_ASKED.test(tail) &&
    !/\?/.test(lower.slice(Math.max(0, item.start - 60), item.start)) &&
    !ASKING_OPENER.test(sentenceBefore(lower, item.start, 80))
  )
    return true;
  if (allWeHave(lower, item)) return true;
  // "can we realistically get a distilled model out in 8 weeks?": the deadline the team works to, asked about.
  if (item.field === 'timelineWeeks' && DEADLINE_ASKED.test(lower.slice(Math.max(0, item.start - 100), item.start)))
    return true;
  // "can i qlora llama 3.1 70b on that?": the model the team means to tune or run, asked about its own GPUs.
  if (item.field === 'modelName' && TUNE_IT_ON_BEFORE.test(lower.slice(Math.max(0, item.start - 40), item.start)))
    return true;
  // "could a 3B model replace Gemini 2.0 Flash?": the model to be replaced is the one the team runs.
  if (item.field === 'modelName' && REPLACED_BEFORE.test(lower.slice(Math.max(0, item.start - 30), item.start)))
    return true;
  // "is it a problem that we're on Gemma 2 9B IT?", "does it matter that we use GPT-4o?": what the team runs, asked about.
  if (
    (item.field === 'modelName' || item.field === 'gpuName' || item.field === 'gpuCount') &&
    /\b(?:that|since|because)\s+(?:we(?:'re|\s+are)\s+(?:on|using|running)|we\s+(?:use|run|have|own))\s+(?:a\s+|an\s+|the\s+|only\s+|just\s+)?(?:\d+\s*x?\s*)?$/.test(
      lower.slice(Math.max(0, item.start - 40), item.start),
    )
  )
    return true;
  return (
    OWNED_FIELDS.has(item.field) &&
    (/\b(?:my|our)\s+(?:[\w-]+\s+)?$/.test(lower.slice(Math.max(0, item.start - 24), item.start)) ||
      /^(?:my|our)\b/.test(lower.slice(item.start, item.start + 4)))
  );
}
/** "can i qlora …", "could we fine-tune …", "can we even run …": the team's own plan for the model named next. */
const TUNE_IT_ON_BEFORE =
  /\b(?:can|could)\s+(?:i|we)\s+(?:even\s+|actually\s+|realistically\s+)?(?:q?lora|fine[\s-]?tune|finetune|tune|train|run|serve|host)\s+(?:a\s+|the\s+)?$/;
/** ", is that realistic?", "— can we make that?": a question about the fact just said, in the same sentence. */
const STATED_THEN_ASKED =
  /^[^.?!\n]{0,40}?[,;:-]\s*(?:is\s+(?:that|it|this)\s+(?:even\s+)?(?:realistic|doable|feasible|possible|achievable|enough|ok(?:ay)?|reasonable)|(?:can|could)\s+(?:we|you)\s+(?:make|do|hit|meet)\s+(?:that|it|this)|(?:will|would)\s+(?:that|it|this)\s+(?:work|be\s+enough))\b(?:[^.?!\n]|\.(?=\d)){0,60}\?/;
/** A clause that opens as a question or a proposal: its figures are asked about, not stated. */
const ASKING_OPENER =
  /^\W*(?:(?:so|and|but|ok(?:ay)?|hmm)[\s,]+)?(?:would|could|should|can|is|are|does|do|will|how\s+about|what\s+about|what\s+if|suppose)\b/;
/** "can we (realistically) get … out in", "could we ship … by": a deadline asked about is the team's deadline. */
const DEADLINE_ASKED =
  /\b(?:can|could)\s+(?:we|i)\s+(?:realistically\s+|really\s+|actually\s+|even\s+)?(?:get|have|ship|launch|build|deliver|finish|make|go\s+live|be\s+live|roll\s+out)\b[^.?!\n]{0,60}?\b(?:model|bot|assistant|system|pilot|mvp|version|prototype|it|this|that|live|ready|done)\b[^.?!\n]{0,30}?(?:\b(?:in|within|by)\s+(?:about\s+|around\s+|roughly\s+)?)?$/;
/** Words before a model that make it the one being replaced: "replace", "move off", "migrate from". */
const REPLACED_BEFORE =
  /\b(?:replace|replacing|swap\s+out|move\s+(?:off|away\s+from)|moving\s+(?:off|away\s+from)|switch\s+(?:off|away\s+from)|migrat\w*\s+(?:off|away\s+from|from))\s+(?:our\s+|the\s+)?$/;
/** Facts about the users' own devices that are the team's facts too (the model runs there). */
const USERS_DEVICE_FIELDS: ReadonlySet<string> = new Set(['deviceMemoryGB', 'deployment']);
/** The third party whose devices the model runs on: the team's own users. */
const USERS_CUE = /^(?:our\s+|the\s+|typical\s+|most\s+)?(?:players|gamers|end[\s-]users)\b/;
/** Things a team owns and names with "my"/"our" inside a question (its GPUs, its data). */
const OWNED_FIELDS: ReadonlySet<string> = new Set([
  'gpuName',
  'gpuCount',
  'gpuMemoryGB',
  // "how long would it take on our 3k examples?": the team's own data named in a question.
  'labeledExamples',
  'preferencePairs',
  'corpusTokens',
  // "for our intent detection": the team's own task named in a question.
  'taskType',
  // "is our Llama 3.1 8B setup good enough?": the team's own model named in a question.
  'modelName',
]);

/** "they do not sound like our brand", "doesn't match our template": the "not" complains that the need is unmet. */
function complaint(lower: string, item: Finding): boolean {
  return item.field === 'needsStyleOrFormat' && /^(?:sound|match|fit|follow|write|talk)/.test(lower.slice(item.start));
}

/**
 * True when [start, end) lies inside one of `spans` (sorted, non-overlapping: a global regex's matches). A binary
 * search, so that many findings against many questions stay O(n log n).
 */
function insideSpan(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spans[middle]?.start ?? 0) <= start) low = middle + 1;
    else high = middle;
  }
  const span = spans[low - 1];
  return span !== undefined && end <= span.end;
}

/**
 * One finding per field: the last statement in the text, or the longer phrase when two overlap. List fields
 * (goals, tried) collect every distinct item instead, spanning from the first mention to the last.
 */
function chooseFindings(findings: readonly Finding[]): Finding[] {
  const byField = new Map<ProfileField, Finding>();
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const item of ordered) {
    if (LIST_FIELDS.has(item.field)) {
      const current = byField.get(item.field);
      const items = [...((current?.value as unknown[]) ?? []), ...(item.value as unknown[])];
      const unique = [...new Map(items.map((entry) => [JSON.stringify(entry), entry])).values()];
      byField.set(item.field, {
        field: item.field,
        value: unique as never,
        start: current?.start ?? item.start,
        end: Math.max(current?.end ?? 0, item.end),
      });
      continue;
    }
    const current = byField.get(item.field);
    if (!current) {
      byField.set(item.field, item);
      continue;
    }
    const overlaps = item.start < current.end && current.start < item.end;
    if (!overlaps || item.end - item.start > current.end - current.start) byField.set(item.field, item);
  }
  return [...byField.values()];
}

/** Two values equal as JSON (numbers, strings, lists). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
