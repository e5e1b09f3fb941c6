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
    /[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0\u202f]/g,
    (character) => CHARACTER_MAP[character] ?? character,
  );
  return { original: message, lower };
}

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

const CLAUSE_BREAK = /[.!?;\n]|,\s*(?:but|and|although|though|while)\b|\bbut\b/g;

/** Offset where the clause containing `index` starts (after the last sentence break or ", but" before it). */
export function clauseStart(lower: string, index: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(lower); match && match.index < index; match = CLAUSE_BREAK.exec(lower)) {
    const end = match.index + match[0].length;
    // A dot between digits ("3.1", "1.5k") is not a sentence break.
    if (match[0] === '.' && /\d/.test(lower[match.index - 1] ?? '') && /\d/.test(lower[end] ?? '')) continue;
    if (end <= index) start = end;
  }
  return start;
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
