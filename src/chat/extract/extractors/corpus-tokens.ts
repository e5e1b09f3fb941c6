/**
 * @module Size of the domain corpus in tokens (`corpusTokens`): "about 2B tokens of code" → 2,000,000,000; context
 * windows and per-request token counts are not a corpus.
 */
import { APPROX_SOURCE, COUNT_SOURCE, parseCount, TOKENS_PER_WORD } from '../numbers.ts';
import { allMatches, findingFromMatch, sentenceAround, sentenceBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const TOKENS = new RegExp(
  `${APPROX_SOURCE}((?<![\\d.,])\\d+(?:\\.\\d+)?|${COUNT_SOURCE})\\s?(b|bn|billion|m|mn|million|k|thousand|t|trillion)?\\s+tokens?\\b`,
  'g',
);

/** "a 150k-token lore bible", "our 2B-token code corpus": a hyphenated size before a word for a body of text. */
const HYPHENATED_CORPUS =
  /((?<![\d.,])\d+(?:\.\d+)?)\s?(b|bn|m|mn|k|t)?-tokens?\s+(?:[\w-]+\s+){0,2}?(?:corpus|bible|knowledge\s+base|kb|wiki|dataset|archive|collection|codebase|repo|repository|library|documentation|docs|manuals?|handbook)\b/g;

export const TOKEN_SCALE: Readonly<Record<string, number>> = {
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  k: 1e3,
  thousand: 1e3,
  t: 1e12,
  trillion: 1e12,
};

/** Token counts that are not the corpus: context windows, prompt lengths, per-request usage, training budgets. */
const NOT_CORPUS_AFTER =
  /^\s*(?:of\s+)?(?:context|window|prompt|per\s+(?:request|call|query|message|example|day|month|answer|response|(?:patient\s+)?stay|note|document|doc|record|file|page|transcript|contract|case|item|conversation|chat|ticket|email|report|visit|sample|pair)|each|a\s+(?:day|month|request)|output|input|limit|max|maximum)\b|^\s*(?:long\s+)?(?:notes?|documents?|docs|records?|files?|transcripts?|contracts?|examples?|conversations?|chats?|tickets?|emails?|reports?|sequences?|samples?|pairs?|inputs?|prompts?)\s*(?:[.,;?!)]|$|each|apiece|on\s+average|with|and|of|from|in|per|are|is|that|which)/;

const NOT_CORPUS_BEFORE =
  /\b(?:context(?:\s+window)?|prompts?|requests?|calls?|queries|window|limit|max(?:imum)?|up\s+to|per\s+\w+|each|output|input|(?:fit|fits|train|trained|run|runs|work|works|sequences?|examples?)\s+(?:at|with|on)|at\s+(?:a\s+)?(?:sequence|context)\s+(?:length\s+)?(?:of)?)(?:\s+(?:is|are|of|=|run|runs|average|averages)|:)?\s+(?:(?:quite\s+|very\s+|really\s+)?(?:long|short|big|large)(?:\s+too)?\s*,?\s*)?(?:about\s+|around\s+|roughly\s+|~\s*)?$/;

/**
 * Tokens the model was already pretrained on ("we pretrained our 7B on 1.2T tokens"), or taken back ("forget the
 * 1.2T tokens, that was pretraining data"): no corpus the team still has to use.
 */
const PRETRAINED_ON_BEFORE =
  /\b(?<!\bcontinu(?:e|ed|ing)\s)(?:pre-?trained|pre-?training|was\s+trained|were\s+trained)\b[^.;!?\n]{0,160}$/;
const TAKEN_BACK_BEFORE =
  /\b(?:forget|ignore|disregard|drop|never\s+mind)\s+(?:about\s+)?(?:the\s+)?(?:about\s+|~\s*)?$/;
const PRETRAINING_AFTER =
  /^[^.;!?\n]{0,30}?\b(?:(?:was|is|were|are)\s+(?:the\s+|our\s+)?(?:pre-?training|what\s+we\s+(?:already\s+)?pre-?trained)|(?:already\s+)?baked\s+in)\b/;

/** The things one request or example is made of, as the subject of a length. */
const ONE_ITEM =
  '(?:letter|document|doc|example|record|file|note|transcript|contract|report|email|ticket|case|item|input|request|conversation|chat|call|page|section|chapter|paper|thesis|essay|application|claim|policy|manual|admission|stay|visit|encounter|episode|session|interview|meeting|chart|history)';
const SINGLE_ITEM_BEFORE = new RegExp(
  String.raw`\b(?:a|an|one|the\s+(?:average|typical))\s+(?:(?:\d+|\d+\s*-\s*\d+)[\s-]pages?\s+|long\s+|typical\s+|single\s+)?${ONE_ITEM}\s+(?:is|runs?|averages?|comes\s+to|has)\s+(?:(?:about|around|roughly|like|maybe|up\s+to|typically|usually)\s+|~\s*)*(?:\d+(?:\.\d+)?\s*[-–]\s*)?$`,
);
const SINGLE_ITEM_AFTER = new RegExp(
  String.raw`^\s*(?:is|are|was|=)\s+(?:just\s+|only\s+)?(?:one|a|an|each|a\s+single|per)\s+(?:[\w-]+\s+)?${ONE_ITEM}s?\b`,
);

/**
 * "the catalogue is 8,000 products, each maybe 300-400 words": items of a collection times their length in words (a
 * range read at its middle), at TOKENS_PER_WORD tokens a word (groups: count, low, high).
 */
const ITEMS_OF_WORDS_EACH = new RegExp(
  String.raw`(${COUNT_SOURCE})\s+(?:[a-z-]+\s+)?(?:products?|items?|articles?|listings?|entries|pages|documents?|docs|faqs?|recipes?|posts?|descriptions?|policies|sops|procedures|manuals?|skus?)\s*(?:[,(]?\s*(?:each|apiece|on\s+average|avg\.?|averaging|average)\s+|\s(?=of\s)|,\s*(?=(?:avg\.?\s+|average\s+)?(?:maybe\s+|about\s+|around\s+|roughly\s+|~\s*)?\d[\d,]*(?:\s*(?:-|–|to)\s*\d[\d,]*)?\s+words\s+(?:each|apiece|on\s+average)\b))(?:(?:is|are|has|have|with|of|maybe|about|around|roughly|like|approx\.?|avg\.?|average)\s+|~\s*)*(\d{1,3}(?:,\d{3})*|\d+)(?:\s*(?:-|–|to)\s*(\d{1,3}(?:,\d{3})*|\d+))?\s+words\b(?:\s+(?:each|apiece|on\s+average))?`,
  'g',
);
/** Items that are labelled examples ("2,000 labelled documents, each about 500 words, with a summary"), not a corpus. */
const LABELLED_ITEMS =
  /\b(?:labell?ed|annotated|tagged|hand[\s-]?written|with\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+)?(?:summar(?:y|ies)|labels?|repl(?:y|ies)|answers?|categor(?:y|ies)))\b/;

export const extractCorpusTokens: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(ITEMS_OF_WORDS_EACH, lower)) {
    if (LABELLED_ITEMS.test(sentenceAround(lower, match.index, 200))) continue;
    const count = parseCount(match[1] ?? '');
    const low = Number((match[2] ?? '').replaceAll(',', ''));
    const high = match[3] === undefined ? low : Number(match[3].replaceAll(',', ''));
    if (count === undefined || !(low > 0 && high >= low)) continue;
    const value = Math.round((count * ((low + high) / 2) * TOKENS_PER_WORD) / 1000) * 1000;
    if (value >= 10_000) findings.push(findingFromMatch('corpusTokens', value, match));
  }
  for (const match of allMatches(TOKENS, lower)) {
    const end = match.index + match[0].length;
    if (
      NOT_CORPUS_AFTER.test(lower.slice(end, end + 30)) ||
      NOT_CORPUS_BEFORE.test(lower.slice(Math.max(0, match.index - 30), match.index)) ||
      PRETRAINED_ON_BEFORE.test(sentenceBefore(lower, match.index, 200)) ||
      // "each one is a note (20-30k tokens)", "a 25 page letter is like 12-15k tokens": the length of one item.
      /\b(?:each|every|per|one\s+(?:note|document|doc|example|record|file|stay|transcript|contract))\b[^.;!?\n]{0,40}$/.test(
        sentenceBefore(lower, match.index, 60),
      ) ||
      SINGLE_ITEM_BEFORE.test(sentenceBefore(lower, match.index, 60)) ||
      // "the 15k tokens is ONE letter": the length of one item, said after.
      SINGLE_ITEM_AFTER.test(lower.slice(end, end + 40)) ||
      TAKEN_BACK_BEFORE.test(lower.slice(Math.max(0, match.index - 30), match.index)) ||
      PRETRAINING_AFTER.test(lower.slice(end, end + 60))
    )
      continue;
    const digits = match[1] ?? '';
    const scale = match[2] === undefined ? 1 : (TOKEN_SCALE[match[2]] ?? 1);
    const base = /^\d+(?:\.\d+)?$/.test(digits) ? Number(digits) : parseCount(digits);
    if (base === undefined) continue;
    const value = base * scale;
    // A few hundred tokens is a prompt, not a corpus.
    if (value >= 10_000) findings.push(findingFromMatch('corpusTokens', value, match));
  }
  for (const match of allMatches(HYPHENATED_CORPUS, lower)) {
    const value = Number(match[1]) * (match[2] === undefined ? 1 : (TOKEN_SCALE[match[2]] ?? 1));
    if (Number.isFinite(value) && value >= 10_000) findings.push(findingFromMatch('corpusTokens', value, match));
  }
  return findings;
};
