/**
 * @module Timelines: "in 2 weeks", "by next month" (4), "within 3 months" (13), and deadlines given as dates
 * ("by March 15", "before 1 April 2027", "by the end of Q1", "by the end of the year"), counted from the context's
 * `today`.
 */
import { COUNT_SOURCE, parseCount } from '../numbers.ts';
import { allMatches, createSpanIndex, findingFromMatch, sentenceBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';
import { FUTURE_PRODUCTION_IN_SENTENCE } from './labeled-data.ts';

const UNIT = '(days?|weeks?|wks?|months?|mos?|quarters?|years?)';
/** Words after a duration that make it something other than a deadline: "3 months of logs", "5 years experience". */
const NOT_A_DEADLINE = String.raw`(?!\s+(?:of|ago|old|worth|later|experience|a\s+(?:day|week|month|year)|per|each)\b)`;
/** "in 2 weeks", "within 3 months", "over the next 6 weeks", "less than a month", "under two months". */
const BOUNDED = new RegExp(
  `\\b(?:in|within|by|over\\s+the\\s+next|in\\s+the\\s+next|(?<!\\bfor\\s)the\\s+next|(?<!\\bfor\\s+the\\s)next|under|less\\s+than|no\\s+more\\s+than|about|around|roughly|only|just)\\s+(?:about\\s+|around\\s+|roughly\\s+|like\\s+|maybe\\s+|~\\s*)?(${COUNT_SOURCE}|a|an|one|a\\s+couple\\s+of)\\s+${UNIT}\\b${NOT_A_DEADLINE}`,
  'g',
);
/** "deadline is 6 weeks", "we have 3 months", "timeline: 8 weeks", "6-week deadline". */
const CUED = new RegExp(
  `\\b(?:deadline|timeline|timline|time\\s?frame|runway|have|'ve|told|got|gave\\s+(?:us|me)|giving\\s+(?:us|me)|ship|launch|deliver|live|ready|production|done|finish(?:ed)?|due|(?:i'd|i\\s+would|we'd|we\\s+would|let's)\\s+say)\\b[^.;!?\\n]{0,25}?\\b(${COUNT_SOURCE}|(?<![a-z]s\\s|\\d(?:k|m|mm|mn)?\\s)a|one)\\s+${UNIT}\\b${NOT_A_DEADLINE}|\\b(${COUNT_SOURCE})[\\s-]${UNIT}\\s+(?:deadline|timeline|project|pilot|window|sprint)|\\b(${COUNT_SOURCE}|a|one)\\s+${UNIT}\\b[^.;!\\n]{0,40}?\\b(?:that's|that\\s+is|thats)\\s+(?:our|the)\\s+(?:hard\\s+)?deadline\\b`,
  'dg',
);
/**
 * "scratch that, it's 3 weeks not 3 months", "oops, 6 weeks not 6 months", "typo earlier, its 12 weeks not 2": the
 * duration said before the one it replaces.
 */
const SAID_NOT = new RegExp(
  `(?:\\b(?:it's|its|it\\s+is|make\\s+(?:it|that)|more\\s+like|actually|i\\s+meant|meant|sorry|oops|correction|typo|my\\s+bad|scratch\\s+that)[:,]?\\s+|^\\W*)(${COUNT_SOURCE}|a|one)\\s+${UNIT}\\s*,?\\s+not\\s+(?:${COUNT_SOURCE}|a|one)(?:\\s+(?:days?|weeks?|months?|years?)\\b|(?=\\s*(?:[.,;!?]|$)))`,
  'g',
);
/** A timeline revised in the same breath: "12 weeks was optimistic, say 16", "6 weeks is too tight, make it 8". */
const REVISED = new RegExp(
  String.raw`\b(\d{1,3})\s*${UNIT}\s+(?:was|is|seems|sounds)\s+(?:too\s+|a\s+bit\s+|way\s+|probably\s+)?(?:optimistic|tight|short|ambitious|aggressive|unrealistic|long|generous)[,;.]?\s*(?:so\s+)?(?:say|make\s+it|more\s+like|realistically|call\s+it|let'?s\s+say)\s+(\d{1,3})\b`,
  'g',
);
/**
 * "I said 2 weeks before but the PM just moved it, we now have 6": the new figure, in the unit of the one said before
 * (or its own).
 */
const SAID_BEFORE_NOW = new RegExp(
  String.raw`\b(?:i|we)\s+(?:said|told\s+you|wrote|mentioned)\s+(\d{1,3})\s*${UNIT}\s+(?:before|earlier|at\s+first)?[^.;!?\n]{0,60}?\b(?:now|actually)\s+(?:we\s+)?(?:(?:have|got|is|it's|its|it\s+is)\s+)?(\d{1,3})(?:\s*${UNIT}|(?=\s*(?:[,;!]|\.(?!\d)|$)))`,
  'g',
);
/** "by next month" (4 weeks), "before next week" (1), "until next quarter" (13), "next month is the deadline". */
const NEXT =
  /\b(?:by|before|until)\s+(?:the\s+)?next\s+(week|month|quarter)\b|\bby\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+(week|month|quarter)\b|\bnext\s+(week|month|quarter)\b(?=[^.;!?\n]{0,20}\b(?:deadline|launch|ship|live|ready|done|due)\b)|\b(?:launch|ship|live|ready|done|due|deadline\s+is)\s+next\s+(week|month|quarter)\b/g;
/**
 * "8 weeks to deliver", "twelve weeks till launch", "3 weeks, tops", "at most a month", "12 weeks for this project": the
 * time left.
 */
const TIME_TO_DELIVER = new RegExp(
  `\\b(${COUNT_SOURCE}|a|an|one|a\\s+couple\\s+of)(?:-?ish)?\\s+${UNIT}\\s+(?:left\\s+)?(?:(?:to|until\\s+we)\\s+(?:deliver|ship|launch|go\\s+live|get\\s+to\\s+production|release|finish)|(?:till|until|before|to)\\s+(?:the\\s+|a\\s+|an\\s+|our\\s+|first\\s+)?(?:(?:board|client|customer|investor|internal|exec|executive|big|first|public)\\s+)?(?:launch|go[\\s-]live|release|deadline|demo|mvp|production|prod|pilot|rollout|roll[\\s-]out|trial|board\\s+meeting|review|poc|proof\\s+of\\s+concept|prototype))\\b|(?<![$€£\\d.,]\\s?)\\b(${COUNT_SOURCE})\\s+${UNIT},?\\s+(?:tops|max(?:imum)?|at\\s+(?:the\\s+)?most)\\b|\\bat\\s+(?:the\\s+)?most\\s+(${COUNT_SOURCE})\\s+${UNIT}\\b|\\b(${COUNT_SOURCE}|a|one)\\s+${UNIT}\\s+for\\s+(?:this|the|our)\\s+(?:whole\\s+|actual\\s+|entire\\s+)?(?:project|pilot|build|poc|proof\\s+of\\s+concept|prototype|engagement)\\b(?!\\s+(?:review|meeting|kickoff|kick-off|phase|sprint|retro))`,
  'g',
);
/** "between 4 and 6 weeks", "4-6 weeks", "in 3 to 4 months": the middle of the range. */
const RANGE = new RegExp(
  `\\b(?:between\\s+|from\\s+|in\\s+|within\\s+|about\\s+|roughly\\s+)?(${COUNT_SOURCE})\\s*(?:-|–|to|and)\\s*(${COUNT_SOURCE}|\\d{1,3}(?![\\d.,]))\\s+${UNIT}\\b${NOT_A_DEADLINE}`,
  'g',
);
/** "three two-week sprints left": sprints times their length. */
const SPRINTS = new RegExp(
  `\\b(${COUNT_SOURCE})\\s+(${COUNT_SOURCE}|one|two|three|four)[\\s-]weeks?\\s+sprints?\\b|\\b(${COUNT_SOURCE})\\s+sprints?\\s+of\\s+(${COUNT_SOURCE}|one|two|three|four)\\s+weeks?(?:\\s+each)?\\b`,
  'g',
);
/** "by the next sprint … sprints are two weeks": one sprint, of the length said. */
const NEXT_SPRINT = /\b(?:(?:by|in|within|for)\s+)?(?:the\s+)?(?:next|this|one|a\s+single|the\s+current)\s+sprint\b/g;
const SPRINT_LENGTH = new RegExp(
  `\\bsprints?\\s+(?:are|is|last|lasts|run|runs|=)\\s+(?:about\\s+|usually\\s+|always\\s+)?(${COUNT_SOURCE}|one|two|three|four)\\s+weeks?\\b|\\b(${COUNT_SOURCE}|one|two|three|four)[\\s-]weeks?\\s+sprints?\\b`,
);

const FORTNIGHT =
  /\b(?:in|within|by|next|about|only)\s+(?:a|one|the\s+next)\s+fortnight\b|\bby\s+the\s+end\s+of\s+the\s+(?:next\s+)?fortnight\b|\b(?:a|one)\s+fortnight\s+(?:to|until|till|before|left)\b/g;

const IS_FINE = new RegExp(
  // (Not "$800 a month is ok": a price per month, not a time.)
  `(?<!(?:\\d|\\d\\s?k|\\d\\s?(?:usd|eur|gbp|dollars?|euros?|bucks|quid))\\s)\\b(${COUNT_SOURCE}|a|an|one|a\\s+couple\\s+of)\\s+${UNIT}\\s+(?:is|are|would\\s+be)\\s+(?:fine|ok|okay|acceptable|realistic|enough)\\b`,
  'g',
);
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/**
 * "which is like 8 weeks out", "by end of the month, so ~3 weeks", "end of next month-ish, so call it 6 weeks": the time
 * until a date named before.
 */
const WEEKS_OUT = new RegExp(
  `\\b(?:like\\s+|about\\s+|roughly\\s+|~\\s*)?(${COUNT_SOURCE}|a|one)\\s+${UNIT}\\s+out\\b|\\b(?:end\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?(?:month|quarter|year|q[1-4])|q[1-4]|next\\s+(?:month|quarter)|${MONTH.replace('(', '(?:')}(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?)(?:-?ish)?[^\\S\\n]{0,3},?[^\\S\\n]{0,3}(?:so|i\\.?e\\.?|that's|thats|which\\s+is|meaning|basically)[^\\S\\n]{1,3}(?:call\\s+it\\s+|let'?s\\s+say\\s+|say\\s+)?(?:like\\s+|about\\s+|roughly\\s+|~\\s*)?(${COUNT_SOURCE}|a|one)\\s+${UNIT}\\b${NOT_A_DEADLINE}`,
  'g',
);
/** A duration standing alone between clause marks: ", 12 weeks." (weeks or months; nothing before it in the clause). */
const BARE_DURATION = new RegExp(
  `(?:^|(?<=[.;,!?\\n])[^\\S\\n]{0,3})(?:about\\s+|~\\s*|roughly\\s+|maybe\\s+)?(${COUNT_SOURCE}|a|one)\\s+(weeks?|months?|wks?)(?=[^\\S\\n]{0,3}(?:[.;!?\\n]|$|,(?![^.;!?\\n]*\\b(?:weeks?|months?)\\b)))`,
  'g',
);
/** Words in the sentence before a bare duration that make it a cadence, an age or a span of data, not a deadline. */
const CADENCE_BEFORE =
  /\b(?:every|each|per|sprints?|cadence|cycle|retrain\w*|refresh\w*|updat\w*|chang\w*|releases?|ago|old|last|history|worth|logs?|data\s+from|took|takes|lasted|training\s+run)\b[^.;!?\n]*$/;
/** A bare duration longer than this is unlikely to be a deadline. */
const MAX_BARE_WEEKS = 104;

/** "a quarter is fine", "six months is fine": the time the team says it can take. */
const DEADLINE_CUE = String.raw`\b(?:by|before|until|till|due(?:\s+(?:on|in|by))?|deadline(?:\s+(?:is|of))?|live\s+(?:on|in|by)|(?:timeline|deadline|target\s+date|(?:ship|launch|release|go[\s-]live|delivery|due)\s+date)\s*(?:is|:)|(?:demo|launch|go[\s-]live|release|ship|deliver|present)\w*\s+(?:[\w']+\s+){0,4}?on)\s+(?:the\s+)?`;
/** "today is jan 6", "today's feb 1", "we kick off april 1": the date the message counts from. */
const STATED_TODAY = new RegExp(
  String.raw`\b(?:today(?:'s|\s+is)|it(?:'s|\s+is)\s+now|we\s+(?:kick\s*off|start)(?:\s+on)?)\s+(?:the\s+)?(?:${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH})\b`,
);
/** "by christmas", "before new year": the next such day. */
const HOLIDAY = new RegExp(String.raw`${DEADLINE_CUE}(christmas|xmas|new\s+year(?:'s)?(?:\s+day)?)\b`, 'g');
const YEAR = String.raw`(?:,?\s+(20\d\d))?`;
/** "by March 15", "by the end of March 2027", "by mid-April", "before March". */
const MONTH_FIRST = new RegExp(
  String.raw`${DEADLINE_CUE}(end\s+of\s+|mid[-\s]?|middle\s+of\s+|start\s+of\s+|beginning\s+of\s+)?${MONTH}(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?${YEAR}\b(?![-/])`,
  'g',
);
/** "end of january", "march 1st", "mid-april": a bare date, read only as the answer to the timeline question. */
const BARE_MONTH_FIRST = new RegExp(
  String.raw`^\W*(?:(?:around|about|by|maybe|probably|ideally)\s+)?(?:the\s+)?(end\s+of\s+|mid[-\s]?|middle\s+of\s+|start\s+of\s+|beginning\s+of\s+)?${MONTH}(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?${YEAR}\b(?![-/])`,
  'g',
);
/** "by 15 March", "before the 1st of April 2027". */
const DAY_FIRST = new RegExp(String.raw`${DEADLINE_CUE}(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}${YEAR}\b`, 'g');
/** "by the end of Q1", "by Q2 2027", "before the end of the year". */
const QUARTER_OR_YEAR_END = new RegExp(
  String.raw`${DEADLINE_CUE}(end\s+of\s+(?:the\s+)?)?(?:q([1-4])${YEAR}|(?:this\s+|the\s+)?year(?!s))\b`,
  'g',
);
const DAY_MS = 86_400_000;

/** The month number (0-11) of a month name or its abbreviation. */
function monthIndex(name: string): number {
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3));
}

/**
 * Whole weeks from `today` to a date (at least 1). A date without a year that has already passed this year is next
 * year's; a date more than two years out, or in the past with its year given, is not a deadline (undefined).
 */
export function weeksUntil(today: string, year: number | undefined, month: number, day: number): number | undefined {
  const start = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(start) || month < 0 || day < 1 || day > 31) return undefined;
  const thisYear = new Date(start).getUTCFullYear();
  let target = Date.UTC(year ?? thisYear, month, day);
  if (year === undefined && target < start) target = Date.UTC(thisYear + 1, month, day);
  const days = (target - start) / DAY_MS;
  if (days < 0 || days > 2 * 366) return undefined;
  return Math.max(1, Math.round(days / 7));
}

/** The last day (1-based) of a month (0-11) in a year, UTC. */
function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * The date the message counts from: "today is jan 6", "we kick off april 1" (in `today`'s year), else `today`.
 */
function referenceDate(lower: string, today: string): string {
  const stated = STATED_TODAY.exec(lower);
  if (!stated) return today;
  const month = monthIndex(stated[1] ?? stated[4] ?? '');
  const day = Number(stated[2] ?? stated[3]);
  if (month < 0 || !(day >= 1 && day <= 31)) return today;
  return `${today.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Deadlines given as dates, in weeks from `today`. */
function dateDeadlines(lower: string, today: string, bare: boolean): { weeks: number; match: RegExpExecArray }[] {
  const found: { weeks: number; match: RegExpExecArray }[] = [];
  const thisYear = Number(today.slice(0, 4));
  const push = (match: RegExpExecArray, weeks: number | undefined) => {
    if (weeks !== undefined) found.push({ weeks, match });
  };
  for (const match of [...allMatches(MONTH_FIRST, lower), ...(bare ? allMatches(BARE_MONTH_FIRST, lower) : [])]) {
    const [, part, name = '', dayText, yearText] = match;
    // "by may" alone is too often the verb; a day or year after it makes it a date.
    if (name === 'may' && dayText === undefined && yearText === undefined && part === undefined) continue;
    const month = monthIndex(name);
    const year = yearText === undefined ? undefined : Number(yearText);
    const day =
      dayText !== undefined
        ? Number(dayText)
        : /^end/.test(part ?? '')
          ? lastDayOf(year ?? thisYear, month)
          : /^mid/.test(part ?? '')
            ? 15
            : 1;
    push(match, weeksUntil(today, year, month, day));
  }
  for (const match of allMatches(DAY_FIRST, lower)) {
    const [, dayText = '', name = '', yearText] = match;
    push(
      match,
      weeksUntil(today, yearText === undefined ? undefined : Number(yearText), monthIndex(name), Number(dayText)),
    );
  }
  for (const match of allMatches(HOLIDAY, lower)) {
    const christmas = /^(?:christmas|xmas)/.test(match[1] ?? '');
    push(match, christmas ? weeksUntil(today, undefined, 11, 25) : weeksUntil(today, undefined, 0, 1));
  }
  for (const match of allMatches(QUARTER_OR_YEAR_END, lower)) {
    const [, endOf, quarter, yearText] = match;
    const year = yearText === undefined ? undefined : Number(yearText);
    if (quarter === undefined) {
      push(match, weeksUntil(today, thisYear, 11, 31));
      continue;
    }
    // "by Q2" is its start; "by the end of Q2" its last day.
    const first = (Number(quarter) - 1) * 3;
    const month = endOf === undefined ? first : first + 2;
    const day = endOf === undefined ? 1 : lastDayOf(year ?? thisYear, month);
    push(match, weeksUntil(today, year, month, day));
  }
  return found;
}

const WEEKS_PER_UNIT: Readonly<Record<string, number>> = {
  day: 1 / 7,
  week: 1,
  wk: 1,
  month: 52 / 12,
  mo: 52 / 12,
  quarter: 13,
  year: 52,
};

/** Converts an amount of a unit to weeks: months are 52/12 weeks, rounded to whole weeks (3 months → 13). */
export function toWeeks(amount: number, unit: string): number | undefined {
  const singular = unit.replace(/s$/, '');
  const factor = WEEKS_PER_UNIT[singular];
  if (factor === undefined) return undefined;
  const weeks = amount * factor;
  return singular === 'day' ? Math.round(weeks * 10) / 10 : Math.round(weeks);
}

function amountOf(phrase: string): number | undefined {
  if (/^(?:a|an|one)$/.test(phrase)) return 1;
  if (/^a\s+couple\s+of$/.test(phrase)) return 2;
  return parseCount(phrase);
}

/** A model's or offer's end said before a duration: "shuts down in", "is retired within", "sunsets in". */
const VENDOR_END_BEFORE =
  /\b(?:shuts?\s+down|shutting\s+down|retir(?:es|ed|ing)|sunsets?|sunsetting|deprecat\w+|discontinu\w+|end[\s-]of[\s-]life|goes\s+away|expires?|expiring)\s+(?:\w+\s+)?$/;

/** A duration a text must contain or state ("… must include the 14-day deadline"): part of the output. */
const CONTENT_BEFORE =
  /\b(?:contain|contains|include|includes|mention|mentions|state|states|stating|quote|quotes|print|prints|spell\s+out)\s+(?:[\w'-]+\s+){0,6}?(?:the|a|an|our|their)\s+$/;

/** "a few weeks, like three", "a couple of months, say 2": a rough span made exact right after. */
const ROUGH_THEN_FIGURE = new RegExp(
  `(?<!\\b(?:took|take|takes|spent|spend|spending|been|for|of|over|after|last|past)\\s+(?:us\\s+|me\\s+)?)\\ba\\s+(?:few|couple(?:\\s+of)?)\\s+(weeks|months),?\\s+(?:like|say|maybe|probably|about|roughly|so)\\s+(${COUNT_SOURCE})\\b(?!\\s*(?:%|percent|people|engineers|gpus?|k\\b))(?!,?\\s+(?:of|to|trying|on|ago|labell?ing|building|since)\\b)`,
  'g',
);
/** "been doing NLP for", "worked here for": the duration after it is how long something has gone on. */
const HOW_LONG_SO_FAR_BEFORE =
  /\b(?:been|worked|working|done|doing|run|running|used|using|had)\s+(?:(?!to\b)[\w-]+\s+){0,3}?for\s+(?:the\s+(?:last|past)\s+)?$/;

/** Finds `timelineWeeks` from a bounded duration, a deadline word, "a quarter is fine" or "next month" ("ASAP" is none). */
export const extractTimeline: Extractor = (message, context) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(SAID_NOT, lower)) {
    const amount = amountOf(match[1] ?? '');
    const weeks = amount === undefined ? undefined : toWeeks(amount, match[2] ?? '');
    if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  // "12 weeks was optimistic, say 16": the revised figure, in the unit of the first.
  for (const match of allMatches(SAID_BEFORE_NOW, lower)) {
    const amount = amountOf(match[3] ?? '');
    const weeks = amount === undefined ? undefined : toWeeks(amount, match[4] ?? match[2] ?? '');
    if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  for (const match of allMatches(REVISED, lower)) {
    const amount = amountOf(match[3] ?? '');
    const weeks = amount === undefined ? undefined : toWeeks(amount, match[2] ?? '');
    if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  // "three two-week sprints": the sprints' total; "between 4 and 6 weeks": the middle of the range.
  for (const match of allMatches(SPRINTS, lower)) {
    const sprints = amountOf(match[1] ?? match[3] ?? '');
    const length = amountOf(match[2] ?? match[4] ?? '');
    if (sprints !== undefined && length !== undefined && sprints * length > 0)
      findings.push(findingFromMatch('timelineWeeks', sprints * length, match));
  }
  if (findings.length === 0) {
    const length = SPRINT_LENGTH.exec(lower);
    const weeks = length === null ? undefined : amountOf(length[1] ?? length[2] ?? '');
    if (weeks !== undefined && weeks > 0)
      for (const match of allMatches(NEXT_SPRINT, lower))
        findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  const touchesSprints = touchCheck(findings);
  for (const match of allMatches(RANGE, lower)) {
    if (touchesSprints(match)) continue;
    const low = amountOf(match[1] ?? '');
    const high = amountOf(match[2] ?? '');
    if (low === undefined || high === undefined || !(high > low)) continue;
    const weeks = toWeeks((low + high) / 2, match[3] ?? '');
    if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  const touchesRange = touchCheck(findings);
  for (const match of allMatches(WEEKS_OUT, lower)) {
    if (touchesRange(match)) continue;
    const amount = amountOf(match[1] ?? match[3] ?? '');
    const weeks = amount === undefined ? undefined : toWeeks(amount, match[2] ?? match[4] ?? '');
    if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  const touchesEarlierForms = touchCheck(findings);
  for (const match of allMatches(BOUNDED, lower)) {
    if (touchesEarlierForms(match)) continue;
    const before = lower.slice(Math.max(0, match.index - 25), match.index);
    // "changes every 2 weeks" and "3 months of logs" are not deadlines.
    if (/\b(?:every|each|per|once|twice)\s*$/.test(before)) continue;
    if (/\b(?:chang|updat)\w*\s*$/.test(before) && /^in\b/.test(match[0]) === false) continue;
    const amount = amountOf(match[1] ?? '');
    const weeks = amount === undefined ? undefined : toWeeks(amount, match[2] ?? '');
    if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  const touchesEarlier = touchCheck(findings);
  for (const match of allMatches(CUED, lower)) {
    if (touchesEarlier(match)) continue;
    // "every letter must contain the appeal-rights paragraph and the 30-day deadline": what a text says, not a date.
    if (CONTENT_BEFORE.test(lower.slice(Math.max(0, match.index - 80), match.index))) continue;
    // "€800 a month", "10k requests a month": a rate, not a deadline.
    const countStart = match.indices?.[1]?.[0] ?? match.indices?.[3]?.[0] ?? match.indices?.[5]?.[0] ?? match.index;
    // "in production for 6 months": how long something has run, not the time left.
    if (
      /\bfor\s+(?:about\s+|around\s+|roughly\s+|~\s*|over\s+|almost\s+)?$/.test(
        lower.slice(Math.max(0, countStart - 16), countStart),
      )
    )
      continue;
    if (
      /(?:\d|[$€£]|\b(?:k|dollars|euros|usd|requests|calls|queries|tickets|examples))\s*$/.test(
        lower.slice(Math.max(0, countStart - 12), countStart),
      )
    )
      continue;
    const amount = amountOf(match[1] ?? match[3] ?? match[5] ?? '');
    const unit = match[2] ?? match[4] ?? match[6] ?? '';
    const weeks = amount === undefined ? undefined : toWeeks(amount, unit);
    if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  for (const match of allMatches(NEXT, lower)) {
    const unit = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const weeks = unit === 'week' ? 1 : unit === 'month' ? 4 : 13;
    findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  for (const pattern of [TIME_TO_DELIVER, IS_FINE]) {
    const touches = touchCheck(findings);
    for (const match of allMatches(pattern, lower)) {
      if (touches(match)) continue;
      // The pattern's alternatives each capture (amount, unit): take the pair that matched.
      const pair = [1, 3, 5, 7].find((group) => match[group] !== undefined) ?? 1;
      const amount = amountOf(match[pair] ?? '');
      const weeks = amount === undefined ? undefined : toWeeks(amount, match[pair + 1] ?? '');
      if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
    }
  }
  // "a few weeks, like three": a rough span, then its figure.
  for (const match of allMatches(ROUGH_THEN_FIGURE, lower)) {
    const amount = amountOf(match[2] ?? '');
    const weeks = amount === undefined ? undefined : toWeeks(amount, match[1] ?? '');
    if (weeks !== undefined && weeks > 0) findings.push(findingFromMatch('timelineWeeks', weeks, match));
  }
  // "ASAP", "we needed it yesterday": urgent, but no number of weeks (independent readers agree); nothing is read.
  // "we demo to the board in a fortnight": two weeks.
  for (const match of allMatches(FORTNIGHT, lower)) findings.push(findingFromMatch('timelineWeeks', 2, match));
  // "…$20k one-time, 12 weeks.", "…basic skills. 8 weeks.": a duration said as a clause of its own, after the facts.
  if (findings.length === 0) {
    for (const match of allMatches(BARE_DURATION, lower)) {
      // "docs change every sprint, 2 weeks": the clause before says what the duration measures, and it is no deadline.
      if (CADENCE_BEFORE.test(sentenceBefore(lower, match.index, 80))) continue;
      const amount = amountOf(match[1] ?? '');
      const weeks = amount === undefined ? undefined : toWeeks(amount, match[2] ?? '');
      if (weeks !== undefined && weeks > 0 && weeks <= MAX_BARE_WEEKS)
        findings.push(findingFromMatch('timelineWeeks', weeks, match));
    }
  }
  if (context.today !== undefined) {
    const touches = touchCheck(findings);
    const today = referenceDate(lower, context.today);
    const bare = context.requestedField === 'timelineWeeks';
    for (const { weeks, match } of dateDeadlines(lower, today, bare)) {
      if (!touches(match)) findings.push(findingFromMatch('timelineWeeks', weeks, match));
    }
  }
  // "GPT-4o shuts down in 6 weeks anyway": the vendor's date, not the team's deadline. "Caseworkers could write 300
  // summaries over the next two months": how long making data takes, not a deadline.
  // "I've been doing NLP for about ten years": how long something has gone on, not the time left.
  return findings.filter(
    (item) =>
      !HOW_LONG_SO_FAR_BEFORE.test(lower.slice(Math.max(0, item.start - 60), item.start)) &&
      !VENDOR_END_BEFORE.test(lower.slice(Math.max(0, item.start - 40), item.start)) &&
      !FUTURE_PRODUCTION_IN_SENTENCE.test(sentenceBefore(lower, item.start, 120)),
  );
};

/**
 * For one pattern's matches, in order: does a match touch or overlap a finding made before the pattern ran, or
 * one this pattern just added (`findings` grows as the caller pushes)? Matches of one pattern come left to right
 * and never overlap, so only the latest finding of the pattern can touch the next match: O(log n) per match.
 */
function touchCheck(findings: Finding[]): (match: RegExpExecArray) => boolean {
  const before = findings.length;
  const earlier = createSpanIndex(findings);
  return (match) => {
    const start = match.index;
    const end = start + match[0].length;
    const latest = findings.length > before ? findings[findings.length - 1] : undefined;
    // Touching counts ("other.end === start"): widen the half-open query by one on each side.
    return earlier.overlaps(start - 1, end + 1) || (latest !== undefined && latest.end >= start);
  };
}
