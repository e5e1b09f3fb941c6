/** @module Message preparation and small text helpers shared by the extractors. */
import type { Profile, ProfileField } from '../../profile/profile-schema.ts';
import type { Finding, PreparedMessage } from './types.ts';

/** Characters replaced one-for-one before matching, so offsets in the lowered text equal offsets in the message. */
const CHARACTER_MAP: Readonly<Record<string, string>> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
  // ("8× H100": the multiplication sign is the "x" of a count.)
  '\u00d7': 'x',
};

/**
 * Lowercases the message without changing its length (a character whose lowercase form is longer, such as "İ",
 * is kept as is) and maps curly quotes, dashes and non-breaking spaces to ASCII, so that every offset found in
 * `lower` slices the same words out of `original`.
 */
export function prepareMessage(message: string): PreparedMessage {
  let lower = message.toLowerCase();
  if (lower.length !== message.length) {
    lower = Array.from(message, (character) => {
      const lowered = character.toLowerCase();
      return lowered.length === character.length ? lowered : character;
    }).join('');
  }
  lower = lower.replace(
    /[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0\u202f\u00d7]/g,
    (character) => CHARACTER_MAP[character] ?? character,
  );
  // "18 000", "1 200 000": a space between groups of three digits is a thousands separator (French, Polish, Nordic
  // writing); the same length with commas, so offsets hold. Not before a unit ("2 100 gb" is two 100 GB cards).
  lower = lower.replace(SPACED_THOUSANDS, (digits) => digits.replaceAll(' ', ','));
  // "1,5k usd", "qwen2.5 1,5B", "under 0,8 sec": a comma before one or two digits and a unit is a decimal comma
  // (German, French, Polish writing); "1,200" (three digits) stays a thousands separator.
  lower = lower.replace(DECIMAL_COMMA, '$1.$2');
  return { original: message, lower };
}

const DECIMAL_COMMA =
  /(?<![\d.,])(\d{1,3}),(\d{1,2})(?=\s?(?:k|m|bn|b|sec|secs|seconds?|ms|gb|gib|tb|%|€|\$|eur|usd)(?![a-z]))/g;

const SPACED_THOUSANDS = /(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,]?\d|[a-z])(?!\s?(?:gb|gib|tb|mb|gpus?|cards?|x\b|%))/g;

/** Builds a finding; typed so that a value must suit its field. */
export function finding<F extends ProfileField>(
  field: F,
  value: NonNullable<Profile[F]>,
  start: number,
  end: number,
): Finding<F> {
  return { field, value, start, end };
}

/** Builds a finding spanning a whole regex match. */
export function findingFromMatch<F extends ProfileField>(
  field: F,
  value: NonNullable<Profile[F]>,
  match: RegExpExecArray,
): Finding<F> {
  return { field, value, start: match.index, end: match.index + match[0].length };
}

/** Abbreviations whose dot does not end a sentence: "e.g.", "approx.", "vs.", "incl.". */
const ABBREVIATION_BEFORE_DOT = /(?:^|[^a-z])(?:e\.g|i\.e|approx|appx|vs|incl|esp)\.$/;
/** "nos." / "no." as a count ("2 nos. of a100", "no. of gpus") and not the answer "no." that ends a sentence. */
const COUNT_BEFORE_DOT = /\d\s*nos?\.$/;
const COUNT_OF = /(?:^|[^a-z])nos?\.(?=\s*of\b)/;

/** True when the dot at `index` belongs to an abbreviation inside a sentence. */
function isAbbreviationDot(lower: string, index: number): boolean {
  const before = lower.slice(Math.max(0, index - 8), index + 1);
  // (The first dot of "e.g." and "i.e." too.)
  if (
    /(?:^|[^a-z])[ei]$/.test(lower.slice(Math.max(0, index - 2), index)) &&
    /^\.[gi]\./.test(lower.slice(index, index + 3))
  )
    return true;
  return (
    ABBREVIATION_BEFORE_DOT.test(before) ||
    COUNT_BEFORE_DOT.test(before) ||
    COUNT_OF.test(lower.slice(Math.max(0, index - 8), index + 6))
  );
}

const CLAUSE_BREAK = /[.!?;\n]|,\s*(?:but|and|although|though|while)\b|\bbut\b|\s-\s/g;

/** The clause starts of the last text asked about: extractors ask about the same message many times per turn. */
let clauseCache: { lower: string; starts: number[] } | undefined;

/**
 * Offsets where clauses start in `lower` (after each sentence break or ", but"), ascending. Computed once per
 * text in one pass, so that asking for the clause of every mention stays linear in the message length.
 */
function clauseStarts(lower: string): number[] {
  if (clauseCache?.lower === lower) return clauseCache.starts;
  const starts: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(lower); match; match = CLAUSE_BREAK.exec(lower)) {
    const end = match.index + match[0].length;
    // A dot between digits ("3.1", "1.5k") is not a sentence break.
    if (match[0] === '.' && /\d/.test(lower[match.index - 1] ?? '') && /\d/.test(lower[end] ?? '')) continue;
    // Nor is the dot of an abbreviation inside a sentence ("2 nos. of a100", "e.g. llama", "approx. 5k").
    if (match[0] === '.' && isAbbreviationDot(lower, match.index)) continue;
    starts.push(end);
  }
  clauseCache = { lower, starts };
  return starts;
}

/** Offset where the clause containing `index` starts (after the last sentence break or ", but" before it). */
export function clauseStart(lower: string, index: number): number {
  const starts = clauseStarts(lower);
  // Binary search for the last break that ends at or before `index`.
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] ?? 0) <= index) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : (starts[low - 1] ?? 0);
}

/**
 * The text of the clause before `index`, at most `limit` characters of it (cut at a word boundary). Patterns
 * anchored at the end (`…$`) try every offset of the text they get, so each mention must hand them a bounded
 * window, not the whole clause, or a message of many mentions costs quadratic time.
 */
export function clauseBefore(lower: string, index: number, limit = 120): string {
  const clause = clauseStart(lower, index);
  let from = Math.max(clause, index - limit);
  // Do not start inside a word ("…data a100" cut to "a a100" would read a count); give up after a few characters.
  for (let step = 0; from > clause && from < index && step < 24 && isWordCharacter(lower, from - 1); step++) from++;
  return lower.slice(from, index);
}

function isWordCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (
    (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code > 127
  );
}

const NEGATION_BEFORE =
  /\b(?:no|not|never|without|nor|zero|none|don't|dont|doesn't|doesnt|isn't|isnt|aren't|arent|won't|wont|can't|cant|cannot|didn't|haven't|hasn't|shouldn't|needn't|lack|lacking)\b[^,;]*$/;

/**
 * True when a negation word ("no", "not", "don't", "without"…) appears in the same clause within `window`
 * characters before `index`: "we don't need citations" negates "citations".
 */
export function isNegatedBefore(lower: string, index: number, window = 30): boolean {
  const from = Math.max(clauseStart(lower, index), index - window);
  return NEGATION_BEFORE.test(lower.slice(from, index));
}

/** Where a sentence ends: ! ? ; a line break, or a dot before a space or the end ("3.1", "llama.cpp" go on). */
const SENTENCE_END = /[!?;\n]|\.(?=\s|$)/;

/** The sentence up to `index`, at most `limit` characters back. */
export function sentenceBefore(lower: string, index: number, limit = 200): string {
  return (
    lower
      .slice(Math.max(0, index - limit), index)
      .split(SENTENCE_END)
      .pop() ?? ''
  );
}

/** The sentence holding `index`, at most `limit` characters either side. */
export function sentenceAround(lower: string, index: number, limit = 200): string {
  return sentenceBefore(lower, index, limit) + (lower.slice(index, index + limit).split(SENTENCE_END)[0] ?? '');
}

/** Runs a global regex over the text and returns every match (the regex's lastIndex is reset). */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return matches;
}

/** True when [start, end) overlaps any of the spans. */
export function overlapsAny(start: number, end: number, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((span) => start < span.end && span.start < end);
}

/**
 * Spans sorted by start with the running maximum of their ends, for overlap questions in O(log n): checking each
 * of n matches against every earlier one (`spans.some(…)`) is quadratic on a message of many mentions.
 */
export interface SpanIndex {
  /** True when [start, end) overlaps a span of the index. */
  overlaps(start: number, end: number): boolean;
  /** True when a span of the index contains `index` (start ≤ index < end). */
  covers(index: number): boolean;
}

/** Builds a `SpanIndex` over `spans` (any order; the array is not changed). */
export function createSpanIndex(spans: readonly { start: number; end: number }[]): SpanIndex {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((span) => span.start);
  const maxEnd: number[] = [];
  let running = Number.NEGATIVE_INFINITY;
  for (const span of sorted) {
    running = Math.max(running, span.end);
    maxEnd.push(running);
  }
  /** Number of spans whose start is below `limit`. */
  const countStartingBefore = (limit: number) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((starts[middle] ?? 0) < limit) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    overlaps(start, end) {
      const count = countStartingBefore(end);
      return count > 0 && (maxEnd[count - 1] ?? 0) > start;
    },
    covers(index) {
      const count = countStartingBefore(index + 1);
      return count > 0 && (maxEnd[count - 1] ?? 0) > index;
    },
  };
}
