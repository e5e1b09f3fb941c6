/**
 * @module How an answer to the advisor's own question is read: the building blocks a field's registry entry
 * (src/chat/fields/registry.ts) picks from. `yesNo` reads "nope" → false, `numberAnswer` reads "about 300" or "5k",
 * `oneOf` picks the first of a field's phrasings that matches ("weekly", "on our own servers"), `catalogName` looks
 * the message up in the model or GPU catalog, `taskAnswer` keeps a description of the task at any length.
 *
 * An answer is read only when the free-text extractors did not fill the field already. It may be long ("yes, every
 * answer has to link the article it came from"): a yes or no must lead the message, and a number answer needs
 * exactly one number that no other finding claims.
 */

import type { ProfileField } from '../../profile/profile-schema.ts';
import { catalogScanner } from './catalog-matcher.ts';
import { COUNT_SOURCE, parseCount } from './numbers.ts';
import { allMatches, overlapsAny } from './prepare-message.ts';
import type { ExtractionCatalog, Finding, PreparedMessage } from './types.ts';

/** What a reader gets: the message, the field asked about, its bounds and what the extractors found. */
export interface AnswerContext {
  readonly message: PreparedMessage;
  readonly field: ProfileField;
  /** The trimmed lower-cased message, and where it starts and ends in the original. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Findings of the free-text extractors (for other fields): their words are not part of the answer. */
  readonly others: readonly Finding[];
  readonly catalog: ExtractionCatalog;
  readonly bounds?: NumberBounds | undefined;
}

/** Reads a whole message as the answer to one field's question; undefined when it does not answer it. */
export type AnswerReader = (context: AnswerContext) => Finding | undefined;

/** The range a number field's value may take. */
export interface NumberBounds {
  /** Whether 0 is a value ("none", "zero GPUs") rather than no answer. */
  readonly zeroAllowed?: boolean;
  readonly integer?: boolean;
  /**
   * Largest believable bare-number answer: above it a number is more likely a year ("maybe 2024?") or a typo than
   * an answer, and nothing is filled.
   */
  readonly answerMax?: number;
}

export const YES =
  /^\W*(?:(?:obviously|of\s+course|oh|well|um+|hmm+|so|and)[,\s]+)?(?:(?:probably|preferably|likely|most\s+likely|ideally|i\s+think|i\s+guess|i'd\s+say)[,\s]+(?!right\s+now\b)|(?:mostly|generally)[,\s]+(?=(?:yes|yeah|yep)\b))?(?:yes|yeah|yep|yup|ya|yea|sure|correct|right|true|definitely|absolutely|of\s+course|certainly|indeed|affirmative|y|ok(?:ay)?\s+yes|it\s+does|we\s+do|they\s+do|it\s+is|it\s+must|must|required|needed|100%)\b(?!\s+not\b|n't)/;
export const NO =
  /^\W*(?:(?:probably|preferably|likely|most\s+likely|ideally|i\s+think|i\s+guess|i'd\s+say)[,\s]+(?!not\s+(?:\d+\s?%\s+|a\s+hundred\s+percent\s+|entirely\s+|completely\s+|totally\s+|really\s+)?(?:sure|certain|always|positive)\b))?(?:no(?!\s+(?!(?:it|we|they|that|this|not|need|thanks|thank|problem|way|idea)\b)[a-z])|nope|nah|not\s+really|not\s+at\s+all|n|false|negative|never|none|no\s+need|not\s+needed|not\s+required|it\s+doesn't|we\s+don't|they\s+don't|it\s+isn't|(?:i'd|we'd)?\s*rather\s+not|better\s+not|not)\b/;
/**
 * "none", "zero", "basically zero", "we don't have any". One `\W*` per run of separators: `\W*(…)?\W*$` splits a run of spaces every possible way (quadratic). */
export const NONE =
  /^\W*(?:(?:basically|practically|virtually|essentially|effectively|pretty\s+much|honestly|realistically)\W+)?(?:(?:we|i)\s+(?:have|'ve\s+got|got)\s+|there\s+(?:are|is)\s+)?(?:none|zero|0|no|nope|nothing|nada|not\s+any|n\/a|(?:we|i)\s+(?:don't|do\s+not)\s+have\s+any)\W*(?:(?:yet|at\s+all|right\s+now|so\s+far|really|locally|here|in[\s-]house|of\s+our\s+own|to\s+speak\s+of)\W*)?$/;
/** Not an answer: the user does not know. */
export const UNSURE = /\b(?:idk|not\s+sure|don't\s+know|dunno|no\s+idea|unsure|no\s+clue)\b/;

const NUMBER = new RegExp(
  `(?:[$€£]\\s?)?(${COUNT_SOURCE})(?:\\s?(gb|b|bn|ms|s|sec|seconds?|milliseconds?|days?|weeks?|months?|years?))?\\b`,
  'g',
);

/** Reads the message as the answer to `field` with `reader`; undefined when it does not answer it. */
export function readShortAnswer(
  message: PreparedMessage,
  field: ProfileField,
  reader: AnswerReader,
  others: readonly Finding[],
  catalog: ExtractionCatalog,
  bounds?: NumberBounds,
): Finding | undefined {
  const text = message.lower.trim();
  if (text === '') return undefined;
  const start = message.lower.indexOf(text);
  return reader({ message, field, text, start, end: start + text.length, others, catalog, bounds });
}

/** A yes/no question: the message must lead with the yes or the no ("nope, plain text is fine"). */
export const yesNo: AnswerReader = ({ message, field, start }) => {
  // "not sure", "no idea": not an answer (it must not read as "no").
  if (UNSURE.test(message.lower)) return undefined;
  const yes = YES.exec(message.lower);
  if (yes) return { field, value: true, start, end: yes.index + yes[0].length } as Finding;
  const no = NO.exec(message.lower);
  if (no) return { field, value: false, start, end: no.index + no[0].length } as Finding;
  return undefined;
};

/** A value for each of several phrasings, tried in order against the whole message: `oneOf([['audio', /speech/]])`. */
export function oneOf<V>(table: readonly (readonly [V, RegExp])[]): AnswerReader {
  return ({ field, text, start, end }) => {
    const entry = table.find(([, pattern]) => pattern.test(text));
    return entry ? ({ field, value: entry[0], start, end } as Finding) : undefined;
  };
}

/** A value computed from the whole message (`frequencyOf("every week")` → weekly), or undefined. */
export function computed(read: (text: string) => unknown): AnswerReader {
  return ({ field, text, start, end }) => {
    const value = read(text);
    return value === undefined ? undefined : ({ field, value, start, end } as Finding);
  };
}

/** The message names a catalog model or GPU ("llama 3.1 8b", "a100s"). */
export function catalogName(kind: 'model' | 'gpu'): AnswerReader {
  return ({ message, field, catalog, start, end }) => {
    const entry =
      kind === 'model' ? catalog.findModel(message.original.trim()) : catalog.findGpu(message.original.trim());
    if (entry) return { field, value: entry.name, start, end } as Finding;
    // "Which GPUs do you have?" — "no", "none": no GPUs at all.
    if (
      kind === 'gpu' &&
      (NONE.test(firstClause(message.lower)) || NO.test(message.lower)) &&
      !UNSURE.test(message.lower)
    )
      return { field: 'gpuCount', value: 0, start, end } as Finding;
    return undefined;
  };
}

/** Words right before a number that deny it: "not 4", "instead of 3,000", "rather than 10". */
const DENIED_NUMBER = /\b(?:not|n't|instead\s+of|rather\s+than)\s+(?:about\s+|around\s+|~\s*)?$/;

/**
 * Words right before a number that replace what was said before it: "like 1.5k? actually no closer to 15k", "200,
 * sorry, 2,000", "300 - scratch that, 400".
 */
const CORRECTING_BEFORE =
  /(?:^|[\s,;:.!?—–-])(?:actually|sorry|no\s+wait|wait|i\s+mean|i\s+meant|scratch\s+that|correction:?|or\s+rather)[\s,:;—–-]*(?:(?:no|nope|nah)[\s,:;—–-]+)?(?:(?:more\s+like|closer\s+to|it'?s|its|make\s+(?:that|it))\s+)?(?:about\s+|around\s+|~\s*)?$/;

/**
 * Words right before a number that make it a peak, not the usual figure: "around 200 a day, spikes to maybe 500 on
 * mondays", "peaks at 2k". A peak is the answer only when no other figure is said ("up to 500 a day").
 */
const PEAK_BEFORE =
  /\b(?:spikes?|spiking|peaks?|peaking|bursts?|bursting|tops?\s+out)\s+(?:up\s+)?(?:to|at|of)\s+(?:maybe\s+|about\s+|around\s+|~\s*)?$|\b(?:on\s+)?(?:busy|peak)\s+days?\s+(?:maybe\s+|about\s+|around\s+|~\s*)?$/;

/**
 * A number answer: "2", "about 300", "5k", "none" (0 where the bounds allow it). `convert` turns the number and
 * its unit ("gb", "weeks", "" when none) into the field's unit, given the words after it; undefined rejects it.
 */
/**
 * A number followed by what it counts, when that is never what a bare count answers: "5 example files pasted in the
 * context" answers no question about requests or examples; "8 engineers", "3 languages" neither.
 */
export const COUNT_OF_SOMETHING_ELSE =
  /^\s*(?:(?:-|–|to)\s*\d+(?:\.\d+)?\s*)?(?:(?:[a-z-]+\s+)?(?:files?|documents?|docs|pages?|languages?|steps?|shots?|epochs?|tokens?|words?|lines?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|chunks?|passages?|snippets?|paragraphs?|articles?|results?)|(?:(?:backend|back-end|frontend|front-end|ml|data|software|senior|junior|full[\s-]?time|part[\s-]?time|in[\s-]house|python)\s+)?(?:people|persons|engineers?|engs?|developers?|devs?|users|staff|employees|folks|scientists|analysts|interns|members|mles?|pms?|teams)|(?:[a-z-]+\s+)?(?:classes|categories|labels|queues|buckets|intents|tags|topics|fields|definitions|columns|attributes|rules|properties|parameters|params))\b|^-(?:class|way|label|category|step|shot|page|word|token|layer|person|day|week|month)\b/;
/* ("2 backend engs", "20-40 pages", "a 14-class classifier": what the number counts is said right after it.) */

/** A currency right after a number: "129 shillings", "84 rupees", "1.08 dollars". */
const CURRENCY_AFTER =
  /^\s*(?:shillings?|rupees?|naira|yen|won|euros?|pounds?|dollars?|bucks|usd|eur|gbp|kes|ksh|inr|ngn|pesos?|reais|rand|baht|lira|dirhams?|riyals?|yuan|rmb|ringgit|rupiah|dong|zlotys?|francs?|cents?)\b(?!')/;

/** Fields whose question a bare "no" does not answer (a size, a volume): "No. …" then disputes what was said. */
const REFUTABLE_BY_NO: ReadonlySet<string> = new Set([
  'corpusTokens',
  'requestsPerDay',
  'exampleTokens',
  'inputTokensPerRequest',
  'outputTokensPerRequest',
  'latencyTargetMs',
  'timelineWeeks',
]);

/** "… is one-time", "… is per month", "… a month": a number said as money with its period. */
const BUDGET_PERIOD_AFTER =
  /^\s*(?:(?:is|are|was)\s+(?:(?:per|a|each|every)\s+month|monthly)|(?:(?:is|are|was)\s+)?(?:one[\s-]?(?:time|off)|upfront|up[\s-]front))\b/;

/** "its context window is only 8k", "context length of 128k", "max sequence 4096": a window's size before it. */
const CONTEXT_BEFORE =
  /\b(?:context(?:\s+(?:window|length|size))?|max(?:imum)?\s+(?:sequence|input|context)(?:\s+length)?|sequence\s+length)\s+(?:(?:is|of|was|=|:)\s+)?(?:only\s+|just\s+|about\s+|around\s+|~\s*)?$/;

/** A message this long is more than a short answer: a lone "one" in it is a determiner. */
const LONG_MESSAGE_WORDS = 8;

/** "… per robot", "… each engineer": a count per unit other than time. */
const PER_UNIT_NOT_TIME =
  /^\s*(?:[a-z-]+\s+)?(?:per|for\s+each|each)\s+(?!(?:day|days|d|month|months|mo|week|weeks|wk|hour|hours|hr|h|year|years|yr|minute|min|second|sec|s|gpu|card|node)\b)[a-z]+/;
/** "… only have like 20-30 each": a count of examples for each of several groups, not the total. */
const EACH_AT_THE_END = /^\s*each(?=\s*(?:[.,;!?)]|$))/;
/** "3 categories", "12 classes": a count of groups, not of examples. */
const GROUPS_AFTER =
  /^\s*(?:[a-z-]+\s+)?(?:categories|classes|labels|types|groups|intents|buckets|queues|codes|species)\b/;
/** A product whose name carries a number: "Microsoft 365", "Office 365", "Windows 11", "iPhone 15", "Dynamics 365". */
const PRODUCT_NAME_BEFORE =
  /\b(?:microsoft|office|windows|dynamics|iphone|ios|android|macos|galaxy\s+s|pixel|sap\s+s\/|ms|win)\s?$/;
/** "a few hundred", "a couple of thousand", "several thousand": a rough count in words. */
const ROUGH_COUNT =
  /(?<!\b(?:not|never|fewer\s+than|less\s+than|under|below)\s+(?:even\s+)?)\b(a\s+few|a\s+couple(?:\s+of)?|several)\s+(hundred(?:\s+thousand)?|thousand)\b/;
/**
 * "we add maybe 10 new products a month": a count of things per day, week or month answers no budget and no count of
 * examples (only a volume, whose own reader reads it).
 */
const THINGS_PER_PERIOD_AFTER =
  /^\s*(?:[a-z-]+\s+){0,2}?(?!(?:dollars|bucks|euros|pounds|quid|grand)\b)[a-z]+s\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b/;
/** Fields a count of things per period answers (the volumes). */
const PER_PERIOD_FIELDS: ReadonlySet<string> = new Set(['requestsPerDay']);
/** Counts of things a per-group "each" splits (memory "48 each" is per GPU, the value asked). */
const COUNTED_FIELDS: ReadonlySet<string> = new Set(['labeledExamples', 'preferencePairs']);

export function numberAnswer(
  convert: (amount: number, unit: string, after: string) => number | undefined = (amount, unit, after) =>
    // "70B at 4 bit alone": a precision, a share or a factor is no count.
    unit === '' && !/^\s*-?\s*(?:bits?|%|percent|x)\b/.test(after) && !COUNT_OF_SOMETHING_ELSE.test(after)
      ? amount
      : undefined,
): AnswerReader {
  return ({ message, field, text, start, end, others, bounds, catalog }) => {
    // "why not Qwen2.5 0.5B or Llama 3.2 1B?": the digits of a model's or a GPU's name count nothing asked.
    const scanner = catalogScanner(catalog);
    const names = [...scanner.findModels(message.lower), ...scanner.findGpus(message.lower)];
    // "none", and "none, we'd have to rent": the first clause is the answer. (Not a bare "No." before other facts:
    // "No. Fifty dollars is per MONTH." contradicts the advisor; it answers nothing asked.)
    const first = firstClause(text);
    // ("No. We'd rent on AWS" still answers the GPU question: only counts that are not yes/no questions are refuted.)
    // ("No, they can go to Anthropic": a bare "no" opening a yes-or-no fact of its own is that fact's "no".)
    const bareNo = /^\W*(?:no|nope)\W*$/.test(first);
    // ("No, and our data has to stay on-prem anyway": a "no" joined to more facts still answers what was asked.)
    const joined = /^\W*(?:no|nope)\W+(?:and|but|also|plus|though|however|anyway)\b/i.test(text);
    const refutes =
      others.length > 0 &&
      bareNo &&
      (REFUTABLE_BY_NO.has(field) ||
        (!joined && others.some((other) => typeof other.value === 'boolean' && other.start < 60)));
    if (NONE.test(text) || (NONE.test(first) && !refutes))
      return bounds?.zeroAllowed ? ({ field, value: 0, start, end } as Finding) : undefined;
    // Numbers this field cannot take ("6 months" for a count of examples) are not candidates: "6 months of
    // labels, roughly 2 million" answers 2,000,000.
    const values: number[] = [];
    // ("3 categories, about 400 each": the groups and the count in each, multiplied; neither alone is the total.)
    let perGroup: number | undefined;
    let groups: number | undefined;
    /** Values said to be the total ("~100k total across all of them"), which win over per-unit or partial ones. */
    const totals: number[] = [];
    /** Peaks ("spikes to maybe 500"): the answer only when nothing else is said. */
    const peaks: number[] = [];
    NUMBER.lastIndex = 0;
    for (let match = NUMBER.exec(message.lower); match; match = NUMBER.exec(message.lower)) {
      if (overlapsAny(match.index, match.index + match[0].length, others)) continue;
      // ("we dont have any GPUs. zero.": a number said right after another fact, with only punctuation between,
      // stresses that fact.)
      if (
        parseCount(match[1] ?? '') === 0 &&
        others.some(
          (other) => other.end <= match.index && /^[\s.,;:!-]{1,6}$/.test(message.lower.slice(other.end, match.index)),
        )
      )
        continue;
      if (names.some((name) => name.start < match.index + match[0].length && match.index < name.end)) continue;
      // "not even 300", "fewer than 50": a bound, no count.
      if (
        /\b(?:not\s+even|fewer\s+than|less\s+than)\s+$/.test(
          message.lower.slice(Math.max(0, match.index - 16), match.index),
        )
      )
        continue;
      // "we're on Microsoft 365", "Windows 11 laptops": the number of a product's name counts nothing.
      if (PRODUCT_NAME_BEFORE.test(message.lower.slice(Math.max(0, match.index - 20), match.index))) continue;
      // "1 A100, not 4": the number a correction replaces is nobody's answer.
      if (DENIED_NUMBER.test(message.lower.slice(Math.max(0, match.index - 20), match.index))) continue;
      // "one-off", "one-time": a kind of spend, not the number one.
      if (
        /^one$/.test(match[0].trim()) &&
        /^(?:[\s-]?(?:off|time|shot|liner)\b|\s+(?:per|each|for\s+each)\b)/.test(
          message.lower.slice(match.index + match[0].length),
        )
      )
        continue;
      // "The OCR text of one application is long, roughly 3k tokens…": "one" before a noun in a longer message
      // picks a thing out; it counts nothing asked.
      if (
        /^one$/.test(match[0].trim()) &&
        /^\s+(?!(?:a|an|per|each|every|or|to|thousand|million|hundred|k|gpu|card|node|request|call|query|example)s?\b)[a-z]{3,}/.test(
          message.lower.slice(match.index + match[0].length),
        ) &&
        message.lower.split(/\s+/).length >= LONG_MESSAGE_WORDS
      )
        continue;
      // "shuts down 2027-01-14", "by 14/01/2027", "in 2027": a date answers no count, latency or budget.
      if (inDate(message.lower, match.index, match.index + match[0].length)) continue;
      const after = message.lower.slice(match.index + match[0].length);
      // "got 78%": a share answers no count, latency or budget; "2,000 frames per robot per shift": a count per unit
      // (not per day or month) is not the total asked for.
      if (/^\s*(?:%|percent\b)/.test(after) || PER_UNIT_NOT_TIME.test(after)) continue;
      // "stuff them all into the 1M context": a model's window, not anything of the team's.
      if (/^\s*(?:(?:k|m|million)\s*)?(?:-?\s*tokens?\s+)?(?:context|window)\b/.test(after.slice(0, 40))) continue;
      // ("isn't its context window only 8k?": the window's size, said after it.)
      if (CONTEXT_BEFORE.test(message.lower.slice(Math.max(0, match.index - 40), match.index))) continue;
      if (!PER_PERIOD_FIELDS.has(field) && THINGS_PER_PERIOD_AFTER.test(after)) continue;
      // "maybe 2 or 3 GB of ram": the low end of a range of memory, no count.
      if (/^\s*(?:or|to|-|–)\s*\d+(?:\.\d+)?\s*(?:gb|gigs?|gigabytes|mb|tb|gib)\b/.test(after)) continue;
      // "at about 129 shillings to the dollar": an exchange rate or a price is money, no count or size.
      if (CURRENCY_AFTER.test(after)) continue;
      // "Five hundred is one-time", "50 is per month": money said with its period answers no count asked.
      if (BUDGET_PERIOD_AFTER.test(after)) continue;
      // "150-400 per tenant": the low end of a range per unit is no total either.
      const rangeEnd = /^\s*(?:-|–|to)\s*\d[\d,.]*\s*k?/.exec(after);
      const rest = rangeEnd ? after.slice(rangeEnd[0].length) : after;
      if (rangeEnd && PER_UNIT_NOT_TIME.test(rest)) continue;
      if (COUNTED_FIELDS.has(field) && EACH_AT_THE_END.test(rest)) {
        perGroup = parseCount(match[1] ?? '');
        continue;
      }
      if (COUNTED_FIELDS.has(field) && GROUPS_AFTER.test(after)) {
        groups = parseCount(match[1] ?? '');
        continue;
      }
      const amount = parseCount(match[1] ?? '');
      const value = amount === undefined ? undefined : convert(amount, match[2] ?? '', after);
      const before = message.lower.slice(Math.max(0, match.index - 40), match.index);
      if (value !== undefined && PEAK_BEFORE.test(before)) {
        peaks.push(value);
        continue;
      }
      // ("like 1.5k? actually no closer to 15k": the corrected figure replaces the ones before it.)
      if (value !== undefined && values.length > 0 && CORRECTING_BEFORE.test(before)) {
        values.splice(0);
        totals.splice(0);
      }
      if (value !== undefined) {
        values.push(value);
        if (/^\s*(?:in\s+total|total|overall|altogether|all\s+told|combined)\b/.test(after)) totals.push(value);
      }
    }
    // "a few thousand already categorised", "a couple of thousand": a rough count said in words, for a count asked (a
    // few and several as three, a couple as two); it replaces the bare "a couple" read as 2. (Not "not even a few
    // hundred": a bound, no count.) Only where no number was said but the bare "a couple" or "a few" read as 2 or 3:
    // "about 2,500, a few hundred of them checked twice" keeps the 2,500.
    const rough =
      COUNTED_FIELDS.has(field) && values.every((value) => value <= 3) ? ROUGH_COUNT.exec(message.lower) : null;
    if (rough) {
      const scale = rough[2] === 'thousand' ? 1000 : rough[2] === 'hundred' ? 100 : 100_000;
      values.splice(0, values.length, (rough[1]?.startsWith('a couple') ? 2 : 3) * scale);
    }
    if (values.length === 0 && peaks.length === 1) values.push(peaks[0] as number);
    if (perGroup !== undefined && groups !== undefined && values.length === 0 && totals.length === 0)
      values.push(perGroup * groups);
    else if (perGroup !== undefined && values.length === 0 && totals.length === 0) return undefined;
    if (values.length !== 1 && totals.length !== 1) return undefined;
    const value = (values.length === 1 ? values[0] : totals[0]) as number;
    if (value === 0 && !bounds?.zeroAllowed) return undefined;
    if (bounds?.integer && !Number.isInteger(value)) return undefined;
    if (value > (bounds?.answerMax ?? Number.POSITIVE_INFINITY)) return undefined;
    return { field, value, start, end } as Finding;
  };
}

/** A calendar date ("2027-01-14", "14/01/2027", "14.01.2027") or a year named as a time ("in 2027", "by 2026"). */
const DATE = /\b(?:19|20)\d\d-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b/g;
const YEAR_AS_TIME =
  /\b(?:in|by|since|until|till|from|before|after|of|early|late|mid|end\s+of|q[1-4])[\s-]+(?:19|20)\d\d\b/g;

/** True when [start, end) lies inside a date or a year said as a time. */
function inDate(lower: string, start: number, end: number): boolean {
  const window = lower.slice(Math.max(0, start - 20), Math.min(lower.length, end + 12));
  const offset = Math.max(0, start - 20);
  for (const pattern of [DATE, YEAR_AS_TIME])
    for (const match of allMatches(pattern, window)) {
      const from = offset + match.index;
      if (from <= start && end <= from + match[0].length) return true;
    }
  return false;
}

/** Fields a description of the task implies by itself ("answer questions from our docs" → chat, knowledge). */
const DESCRIBES_THE_TASK: ReadonlySet<string> = new Set([
  'modality',
  'goals',
  'taskType',
  'unlabeledCorpus',
  // "Answer lawyers' questions about our contracts, citing the clause", "translate into German in our house style".
  'needsCitations',
  'needsStyleOrFormat',
  'multilingual',
  'safetyCritical',
  'knowledgeChanges',
]);

/** A question to the advisor: an opening question word aimed at the team or the advisor, ending in "?". */
const QUESTION_TO_ADVISOR =
  /^\W*(?:(?:so|and|ok(?:ay)?|well|then|but)[\s,]+)?(?:what|how|why|which|when|where|who|(?:should|can|could|would|shall|do|did)\s+(?:we|i|you)|is\s+(?:it|there|that|this)\s+(?:better|worth|possible|enough|ok))\b[^?]*\?\s*$/;

const QUESTION_SENTENCE_TO_ADVISOR =
  /(?:^|[.!:]\s+)(?:(?:so|and|ok(?:ay)?|but|then)[\s,]+)?(?:should|can|could|would|shall|do|does|is|are|what|how|why|which)\s+(?:we|i|you|it|this|that|there)\b[^?]*\?\s*$/;

/** Words an answer to "what should it do?" may have, at most (a paragraph, not a pasted document). */
const MAX_TASK_WORDS = 60;

/** An answer to "what should it do?": the sentence itself, at any length up to a paragraph. */
export const taskAnswer: AnswerReader = ({ message, text, others, start, end }) => {
  // A message that states other facts ("actually 3 GPUs") is not a description of the task.
  if (others.some((other) => !DESCRIBES_THE_TASK.has(other.field))) return undefined;
  if (YES.test(text) || NO.test(text) || UNSURE.test(text)) return undefined;
  // "what should our CI pipeline look like?" asks the advisor something; it does not say what the model must do.
  if (QUESTION_TO_ADVISOR.test(text)) return undefined;
  // "Thanks. Totally different question: … should we fine-tune on those or use them for retrieval?": a question to
  // the advisor after a first sentence, not the task.
  if (QUESTION_SENTENCE_TO_ADVISOR.test(text)) return undefined;
  if (text.split(/\s+/).length > MAX_TASK_WORDS) return undefined;
  // "I just told you. Answer lawyers' questions…": the reproach is not part of the task.
  const words = message.original
    .trim()
    .replace(
      /^(?:i\s+(?:just\s+|already\s+)?(?:told|said)(?:\s+(?:you|that|it))?|as\s+i\s+said|like\s+i\s+said)\b[.,!:;]*\s*/i,
      '',
    )
    .replace(/[.!?]+$/, '');
  // "in a sentence": the first one, when the rest adds background ("Our current workflow is DeepL plus…").
  const first = /^(?:[^.!?\n]|\.(?=\d|[a-z]))+/.exec(words)?.[0] ?? words;
  const task = first.split(/\s+/).length >= 4 ? first.trim() : words;
  return task.length >= 3 ? { field: 'task', value: task, start, end } : undefined;
};

/** The words before the first comma, semicolon or full stop. */
function firstClause(text: string): string {
  const end = text.search(/[,;.]/);
  return end === -1 ? text : text.slice(0, end);
}
