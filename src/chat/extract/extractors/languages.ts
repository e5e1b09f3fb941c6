/** @module Languages: "Spanish and German", "multilingual", "in 5 languages" → true; "English only" → false. */
import { CODE_MIXED_SOURCE, LANGUAGE_SOURCE } from '../../../profile/languages.ts';
import { COUNT_SOURCE, parseCount } from '../numbers.ts';
import { allMatches, createSpanIndex, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

export const LANGUAGE = LANGUAGE_SOURCE;
const LANGUAGE_LIST = new RegExp(
  `\\b${LANGUAGE}\\b(?:\\s*\\([^()]{0,40}\\))?(?:\\s*(?:,|/|&|\\+|-|–|and|or|plus|as\\s+well\\s+as|aur|und|et|y|dan)\\s*(?:and\\s+)?(?:(?:some|a\\s+bit\\s+of|a\\s+little|occasional|a\\s+few\\s+calls\\s+in|also)\\s+)?\\b${LANGUAGE}\\b)+`,
  'g',
);
const MULTILINGUAL = new RegExp(
  [
    String.raw`\bmulti[\s-]?lingual\b`,
    String.raw`\b(?:multiple|several|many|various|different|a\s+few|a\s+dozen|dozens\s+of|lots\s+of)\s+(?:human\s+|spoken\s+|natural\s+)?languages\b`,
    String.raw`\bcross[\s-]?lingual\b`,
    // "summarise doctor notes from Arabic to English".
    `\\bfrom\\s+${LANGUAGE}\\s+(?:in)?to\\s+${LANGUAGE}\\b`,
    String.raw`\bin\s+(?:the\s+)?(?:customer|user|caller|patient|reader|visitor|client)'?s'?\s+(?:own\s+)?language\b`,
    String.raw`\b(?:users|customers|clients|visitors|staff|employees|offices)\s+in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|many|several|multiple)\s+countries\b`,
    String.raw`\bnon[\s-]english\b`,
    // "half the questions come in French, the rest English": a share in one language, the rest in another.
    `\\b(?!english\\b)${LANGUAGE}\\b[^.;!?\\n]{0,40}?\\b(?:the\\s+rest|the\\s+others?|the\\s+remainder)\\b[^.;!?\\n]{0,20}?\\b${LANGUAGE}\\b`,
    // "hindi english mixed", "mixed hindi english": two languages said to be mixed, with no word between them.
    `\\b${LANGUAGE}\\s+${LANGUAGE}\\s+(?:mixed|mix|code[\\s-]?mixed)\\b|\\bmixed\\s+${LANGUAGE}\\s+${LANGUAGE}\\b`,
    // Code-mixed languages are two languages in one sentence: Taglish (Tagalog-English), Hinglish, Spanglish…
    `\\b(?<!\\bno\\s)${CODE_MIXED_SOURCE}\\b`,
    // Code-switching between languages (not between programming languages or configs).
    `\\bcode[\\s-]?(?:mixed|mixing|switched|switching)\\b(?=[^.;!?\\n]{0,40}\\b(?:${LANGUAGE}|languages?|speakers?|spoken|tweets?|messages|chats?|texts?)\\b)`,
    // Translating code between programming languages is not multilingual text.
    String.raw`\btranslat(?:e|es|ion|ing)\b(?![^.;!?\n]{0,40}\b(?:into|to)\s+(?:java|python|c#|go|rust|typescript|javascript|kotlin|scala|c\+\+|sql|cobol)\b)`,
  ].join('|'),
  'g',
);
const COUNTED_LANGUAGES = new RegExp(
  `(${COUNT_SOURCE})\\+?\\s+(?:more\\s+|other\\s+|new\\s+|additional\\s+|extra\\s+)?(?:human\\s+|spoken\\s+|different\\s+|european\\s+|asian\\s+)?languages\\b`,
  'g',
);
const MONOLINGUAL = new RegExp(
  [
    // ("polish only the final drafts" is the verb; "eng-only" an abbreviation of many things.)
    `\\b(?!eng\\b)${LANGUAGE}[\\s-]only\\b(?!\\s+(?:the|a|an|our|their|what|when|if|those|these)\\b)`,
    `\\b(?:only|just|purely|entirely|solely)\\s+in\\s+${LANGUAGE}\\b(?!\\s*(?:,|/|&|\\+|and|or|plus)\\s*${LANGUAGE})`,
    String.raw`\b(?:only|just|purely|entirely|solely)\s+(?:english|spanish|german|french|japanese|chinese)\b`,
    String.raw`\b(?:all|everything)\s+(?:is\s+)?in\s+english\b`,
    String.raw`\bmono[\s-]?lingual\b`,
    String.raw`\b(?:one|a\s+single|single)\s+language\b`,
    String.raw`\b(?:not|isn't|no\s+need\s+to\s+be|don't\s+need\s+to\s+be|doesn't\s+need\s+to\s+be)\s+(?:multi[\s-]?lingual)\b`,
    String.raw`\bno\s+(?:other\s+)?languages\s+(?:other\s+than|besides)\s+english\b`,
  ].join('|'),
  'g',
);

/** Nouns after nationality adjectives that make them places or companies, not languages. */
const NOT_A_LANGUAGE_AFTER =
  /^\s*(?:data\s?cent(?:re|er)s?|clouds?|regions?|servers?|hosting|compan(?:y|ies)|banks?|market|law|laws|government|regulators?|cuisine|food)\b/;

/** "mostly English but like 20% Spanish", "English with about 10% French": a share of another language. */
const LANGUAGE_SHARE = new RegExp(
  `\\b${LANGUAGE}\\b[^.;!?\\n]{0,30}?\\b(?:but|with|and|plus)\\s(?:like\\s|about\\s|around\\s|roughly\\s|maybe\\s|~\\s?)?\\d{1,2}\\s?%\\s(?:(?:is|are|in)\\s)?${LANGUAGE}\\b`,
  'g',
);

/** Finds `multilingual`: two or more languages named or counted, or the word itself; false for one language only. */
export const extractLanguages: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const negative = allMatches(MONOLINGUAL, lower);
  for (const match of negative) findings.push(findingFromMatch('multilingual', false, match));
  const negativeSpans = createSpanIndex(
    negative.map((other) => ({ start: other.index, end: other.index + other[0].length })),
  );
  const overlapsNegative = (match: RegExpExecArray) =>
    negativeSpans.overlaps(match.index, match.index + match[0].length);
  for (const match of allMatches(LANGUAGE_LIST, lower)) {
    const names = new Set(match[0].match(new RegExp(LANGUAGE, 'g')));
    // ("a Norwegian or Swedish data centre": countries' adjectives, not languages.)
    const after = lower.slice(match.index + match[0].length, match.index + match[0].length + 24);
    if (NOT_A_LANGUAGE_AFTER.test(after)) continue;
    if (names.size >= 2 && !overlapsNegative(match)) findings.push(findingFromMatch('multilingual', true, match));
  }
  // "mostly english but like 20% spanish": a share of a second language.
  for (const match of allMatches(LANGUAGE_SHARE, lower)) {
    // ("English … 30% English-speaking": the same language twice is one language.)
    const named = new Set(match[0].match(new RegExp(LANGUAGE, 'g')));
    // ("…with about 5% in French that we simply drop": a share left out is not served.)
    const after = lower.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (
      named.size >= 2 &&
      !overlapsNegative(match) &&
      !/\b(?:drop|drops|ignore|ignores|filter(?:ed)?\s+out|discard\w*|skip)\b/.test(after)
    )
      findings.push(findingFromMatch('multilingual', true, match));
  }
  for (const match of allMatches(MULTILINGUAL, lower)) {
    if (overlapsNegative(match) || isNegatedBefore(lower, match.index, 20)) continue;
    // "translation" means several languages only when it is the task, not "translation memory" in passing.
    if (
      /^translat/.test(match[0]) &&
      /\b(?:code|sql|style|into\s+(?:sql|code|json))\b/.test(lower.slice(match.index, match.index + 40))
    )
      continue;
    findings.push(findingFromMatch('multilingual', true, match));
  }
  for (const match of allMatches(COUNTED_LANGUAGES, lower)) {
    const count = parseCount(match[1] ?? '');
    if (count === undefined || overlapsNegative(match)) continue;
    findings.push(findingFromMatch('multilingual', count >= 2, match));
  }
  return findings;
};
