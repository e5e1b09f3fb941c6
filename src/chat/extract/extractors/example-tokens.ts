/**
 * @module Length of one training example in tokens (`exampleTokens`): "our examples are ~5,000 tokens each",
 * "about 2k tokens per document", "800 tokens per side" (of a preference pair), "5,000 tokens of input plus ~600 tokens of JSON output" (the two added). A corpus
 * size ("350M tokens") or a context window is not an example's length.
 */
import { APPROX_SOURCE, TOKENS_PER_PAGE, TOKENS_PER_WORD } from '../numbers.ts';
import { allMatches, findingFromMatch, sentenceAround } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** A token count and its scale: "5,000", "2k", "3 thousand" (groups: digits, scale). */
export const TOKEN_AMOUNT = String.raw`((?<![\d.,])\d{1,3}(?:,\d{3})+|(?<![\d.,])\d+(?:\.\d+)?)\s?(k|thousand)?`;
const AMOUNT = TOKEN_AMOUNT;
/** The things one training example is made of. */
const ITEM =
  '(?:examples?|documents?|docs|inputs?|samples?|records?|pairs?|letters?|tickets?|transcripts?|contracts?|notes?|applications?|conversations?|calls?|emails?|reports?|files?|pages?|trajector(?:y|ies)|traces?|episodes?|admissions?|stays?|visits?|encounters?|charts?|histor(?:y|ies)|logs)';
/** "N tokens each", "N tokens per document", "N tokens long", "N tokens on average". */
const TOKENS_PER_ITEM = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}\\s?tokens?\\s+(?:(?:each|apiece|long|on\\s+average|(?:on\\s+)?(?:each|a|per)\\s+side)\\b|per\\s+(?:${ITEM}|responses?|completions?)\\b)`,
  'g',
);
/**
 * "each example is about 2k tokens", "our documents are ~5,000 tokens", "a document averages 3k tokens", "each training
 * example (notes + letter) is around 15k tokens".
 */
const ITEM_IS_TOKENS = new RegExp(
  `\\b${ITEM}(?:\\s+(?:plus|and|\\+|with)\\s+(?:the\\s+|its\\s+|their\\s+)?(?:summary|summaries|answers?|outputs?|responses?|reply|replies|labels?|letters?))?(?:\\s*\\([^()\\n]{1,40}\\))?\\s+(?:are|is|average|averages|run|runs|can\\s+be|can\\s+run|get)\\s+(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|~\\s*|maybe\\s+|(?:really\\s+|very\\s+)?long(?:\\s+though)?,?\\s+|like\\s+|more\\s+like\\s+|closer\\s+to\\s+|avg\\.?\\s+|on\\s+average\\s+)*${AMOUNT}\\s?tokens?\\b`,
  'g',
);
/**
 * "the 50k tokens is the length of EACH contract", "each training example is the full contract, so ~50k tokens": one
 * example's length said of it in other words.
 */
const LENGTH_OF_EACH = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}\\s?tokens?\\s+(?:is|are)\\s+(?:the\\s+)?(?:length|size)\\s+of\\s+(?:each|every|one|a\\s+single)\\s+${ITEM}\\b|\\b(?:each|every|one)\\s+(?:training\\s+)?example\\s+is\\s+(?:the\\s+)?(?:full|whole|entire)\\s+${ITEM},?\\s+(?:so\\s+)?${APPROX_SOURCE}${AMOUNT}\\s?tokens?\\b`,
  'g',
);
/** "800 hand-labelled contracts, each ~15k tokens", "…, each contract ~15k tokens": each item's length, after the count. */
const ITEMS_EACH_TOKENS = new RegExp(
  `\\b${ITEM},?\\s+(?:each(?:\\s+one|\\s+of\\s+them)?|every\\s+one)(?:\\s+${ITEM})?\\s+(?:is\\s+|being\\s+|of\\s+|running\\s+)?(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|approx\\.?\\s+|~\\s*|maybe\\s+)?${AMOUNT}\\s?tokens?\\b`,
  'g',
);
/**
 * "split each contract into ~8k-token sections for training", "train on 4k-token chunks": the length the examples are
 * cut to. (Chunks for retrieval are not training examples: training must be said.)
 */
/** A question that weighs a length ("… instead of the 1k ones, what's the training time now?"). */
const ASKED_LENGTH = /\b(?:instead|what|what's|how|if|would)\b/;
/** "6k-token examples", "with 4,000-token pairs": the length written before what is counted. */
const TOKEN_ITEMS = new RegExp(
  `(?<![\\d.,])${AMOUNT}[\\s-]tokens?\\s+(?:training\\s+)?(?:examples?|pairs?|samples?|documents?|letters?|records?|transcripts?|contracts?|reports?)\\b`,
  'g',
);
const TRAINING_SECTIONS = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}[\\s-]?tokens?\\s+(?:sections?|chunks?|pieces?|segments?|parts?|windows?|slices?)\\b(?=[^.;!?\\n]{0,40}\\b(?:for\\s+(?:the\\s+)?training|to\\s+train(?:\\s+on)?|as\\s+(?:training\\s+)?examples)\\b)(?![^.;!?\\n]{0,40}\\btrain(?:ing)?\\s+(?:the\\s+|our\\s+|a\\s+)?(?:retriever|embedd\\w*|reranker|index|search))|\\btrain(?:ing)?\\s+on\\s+${APPROX_SOURCE}${AMOUNT}[\\s-]?tokens?\\s+(?:sections?|chunks?|pieces?|segments?|parts?|windows?|slices?)\\b`,
  'g',
);
/**
 * "a 25 page letter is like 12-15k tokens", "our documents are 3 to 5 thousand tokens": one example's length as a range,
 * "a letter is typically 1,500 to 3,000 tokens", read at its middle (groups: low, scale, high, scale).
 */
const ITEM_IS_TOKEN_RANGE = new RegExp(
  `\\b${ITEM}\\s+(?:are|is|average|averages|run|runs|can\\s+be|can\\s+run)\\s+(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|~\\s*|maybe\\s+|long,?\\s+|like\\s+|more\\s+like\\s+|between\\s+|anywhere\\s+from\\s+)*(\\d{1,3}(?:,\\d{3}|\\.\\d+)?)\\s?(k|thousand)?\\s*(?:-|–|to|and)\\s*(\\d{1,3}(?:,\\d{3}|\\.\\d+)?)\\s?(k|thousand)?\\s?tokens?\\b`,
  'g',
);
/** ", the summary maybe 500": the output's length said after the input's. */
const OUTPUT_AFTER = new RegExp(
  `^\\s*[,;]?\\s*(?:and\\s+|plus\\s+)?(?:the|a|its|each|one)\\s+(?:summary|output|answer|reply|response|label|letter|report)\\s+(?:is\\s+|are\\s+)?(?:maybe\\s+|about\\s+|around\\s+|roughly\\s+|like\\s+|~\\s*)*${AMOUNT}(?!\\s*(?:pages?|words?|lines?|paragraphs?|sentences?|characters?|chars)\\b)(?:\\s?tokens?)?\\b`,
);
/** A sentence about serving before a length: "for serving:", "at inference,", "in production the prompts". */
const SERVING_BEFORE =
  /\b(?:for|at|in|when)\s+(?:serving|inference|production|runtime|run\s+time|serving\s+time|inference\s+time)\b[^.;!?\n]{0,50}$/;
/** Unless the same words are about examples: "labelled examples collected in production, each about 800 tokens …". */
const EXAMPLES_BEFORE = /\b(?:examples?|training|label(?:l)?ed|pairs?|demos?)\b[^.;!?\n]{0,60}$/;
/** A length said of what is served, not of an example to train on. */
function saidOfServing(lower: string, index: number): boolean {
  const before = lower.slice(Math.max(0, index - 60), index);
  return SERVING_BEFORE.test(before) && !EXAMPLES_BEFORE.test(lower.slice(Math.max(0, index - 90), index));
}

/** "… plus ~600 tokens of JSON output": the output added to the input's length. */
const PLUS_OUTPUT = new RegExp(
  `^[^.;!?\\n]{0,40}?\\b(?:plus|\\+|and)\\s+${APPROX_SOURCE}${AMOUNT}(?:\\s?tokens?\\s+(?:of\\s+)?|\\s+of\\s+)(?:\\w+\\s+)?(?:output|answers?|responses?|completions?|reports?|summar(?:y|ies)|json|repl(?:y|ies))\\b`,
);
/** What the output is called before its length: "2k tokens in, replies ~300 out". */
export const OUTPUT_NAMED = String.raw`(?:(?:the\s+)?(?:replies|answers|responses|outputs?|completions?|summaries|drafts)\s+(?:are\s+)?)?`;
/** "6k tokens of OCR text in and 500 tokens of JSON out", "2k tokens in, 300 out": one example's input and output. */
const IN_AND_OUT = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}\\s?tokens?\\s+(?:of\\s+(?:[\\w-]+\\s+){0,2}?)?in\\b[,;]?\\s*(?:and|plus|\\+)?\\s*${OUTPUT_NAMED}${APPROX_SOURCE}${AMOUNT}\\s?(?:tokens?\\s+)?(?:of\\s+(?:[\\w-]+\\s+){0,2}?)?out\\b`,
  'g',
);
const MAX_EXAMPLE_TOKENS = 1_000_000;
/** The things one request works on whole (not documents a bot answers from, which are its corpus). */
const WORK_ITEM =
  '(?:contracts?|leases?|reports?|applications?|claims?|filings?|case\\s+files?|transcripts?|letters?|agreements?|invoices?|statements?|submissions?|theses|essays?|papers?|briefs?|proposals?|policies\\s+to\\s+review)';
/** A bot that answers from documents: their pages are its corpus ("answers employee questions from our policies"). */
const ANSWERS_FROM_DOCUMENTS =
  /\b(?:(?:chat\s?bot|bot|assistant)\s+(?:that\s+|which\s+)?(?:answers|responds|replies)|answer\w*\s+(?:[\w-]+\s+){0,3}?questions|q\s?&\s?a|search\s+(?:over|across|through)\s+(?:our|the))\b/;
/**
 * "each contract is 20-40 pages", "every report runs about 12 pages", "our contracts are 30 pages each": one example's
 * length in pages (a range read at its middle), at TOKENS_PER_PAGE tokens a page.
 */
/** Texts said in words are read from this many words on: long inputs, whose length decides memory and windows. */
const MIN_WORDS_READ = 400;
/** "letters are ~1,500 words", "each report is about 800 words (~1,100 tokens)" (groups: words, scale, tokens, scale). */
const ITEM_IS_WORDS = new RegExp(
  `\\b${ITEM}\\s+(?:are|is|average|averages|run|runs)\\s+(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|~\\s*|maybe\\s+|like\\s+|avg\\.?\\s+|on\\s+average\\s+)*${AMOUNT}\\s+words\\b(?:\\s*\\(\\s*(?:about\\s+|~\\s*)?${AMOUNT}\\s?tokens?\\s*\\))?`,
  'g',
);
const ITEM_IS_PAGES = new RegExp(
  `\\b(?:(?:each|every|one|a|an|the\\s+average|an\\s+average)\\s+(?:[\\w-]+\\s+)?${WORK_ITEM}\\s+(?:is|runs?|averages?|has)|(?:our|the)\\s+(?:[\\w-]+\\s+)?${WORK_ITEM}\\s+(?:are|run|average)(?=[^.;!?\\n]{0,40}\\bpages?\\s+(?:each|long|on\\s+average|apiece)\\b))\\s+(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|~\\s*|maybe\\s+|like\\s+|long,?\\s+|often\\s+)*(\\d{1,3})(?:\\s*(?:-|–|to)\\s*(\\d{1,3}))?\\s+pages?\\b`,
  'g',
);
/** Pages past this are no one example's length. */
const MAX_EXAMPLE_PAGES = 500;
/** "one example = ~150 tokens of notes + ~400 tokens of report, so ~550 total": one example's parts, added up. */
const ITEM_MADE_OF = new RegExp(`\\b(?:one|each|every|an?)\\s+${ITEM}\\s*(?:=|:|≈|is|has)\\s*([^.;!?\\n]{0,160})`, 'g');
const PART_TOKENS = new RegExp(`${APPROX_SOURCE}${AMOUNT}\\s?tokens?\\b`, 'g');
const SAID_TOTAL = new RegExp(
  `\\b(?:so|=|that's|thats|i\\.e\\.)\\s*${APPROX_SOURCE}${AMOUNT}\\s?(?:tokens?\\s+)?(?:total|in\\s+total|altogether|overall)\\b`,
);

/** The count a TOKEN_AMOUNT match read, within 1..max; undefined otherwise. */
export function tokenCount(digits: string | undefined, scale: string | undefined, max: number): number | undefined {
  if (digits === undefined) return undefined;
  const value = Number(digits.replaceAll(',', '')) * (scale ? 1000 : 1);
  return Number.isFinite(value) && value >= 1 && value <= max ? Math.round(value) : undefined;
}

function tokens(digits: string | undefined, scale: string | undefined): number | undefined {
  return tokenCount(digits, scale, MAX_EXAMPLE_TOKENS);
}

/** A body of documents as the subject of a token count: "our policy docs are …", "the documentation is …". */
const COLLECTION_SUBJECT =
  /^\s*(?:our\s+|the\s+)?(?:[\w-]+\s+)?(?:docs|documents|documentation|polic(?:y|ies)|manuals|handbook|wiki|kb|knowledge\s+base|faqs)\b/;
/** From this many tokens, a collection's size is a corpus, not an example's length. */
const COLLECTION_MIN_TOKENS = 50_000;

/** The clause before a token count is about production requests: "prompts are long, about …". */
const REQUEST_SUBJECT_BEFORE =
  /\b(?:prompts?|requests?|calls?|queries)\b(?![^.;!?\n]*\b(?:examples?|pairs?|training)\b)[^.;!?\n]{0,30}$/;

/** "the 25k isn't a corpus, it's the length of ONE example's input": a figure said to be one example's length. */
const FIGURE_IS_ONE_EXAMPLES_LENGTH = new RegExp(
  `\\b(?:the|that)\\s+${AMOUNT}(?:\\s?tokens?)?\\s+(?:isn't|is\\s+not|wasn't|was\\s+not)\\s+(?:a|the|our)\\s+corpus\\b[^.;!?\\n]{0,30}?\\b(?:it's|it\\s+is|its|that's)\\s+(?:the\\s+)?(?:length|size)\\s+of\\s+(?:one|a\\s+single|each|an?)\\s+(?:example|document|record|input|admission|note|transcript)`,
  'g',
);

export const extractExampleTokens: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(FIGURE_IS_ONE_EXAMPLES_LENGTH, lower)) {
    const value = tokens(match[1], match[2]);
    if (value !== undefined) findings.push(findingFromMatch('exampleTokens', value, match));
  }
  for (const match of allMatches(IN_AND_OUT, lower)) {
    // ("prompts are ~30,000 tokens in and 1,500 out": a production request, request-tokens.ts.)
    if (REQUEST_SUBJECT_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
    if (saidOfServing(lower, match.index)) continue;
    const input = tokens(match[1], match[2]);
    const output = tokens(match[3], match[4]);
    if (input !== undefined && output !== undefined)
      findings.push(findingFromMatch('exampleTokens', input + output, match));
  }
  if (findings.length > 0) return findings;
  for (const match of allMatches(ITEM_MADE_OF, lower)) {
    const parts = allMatches(PART_TOKENS, match[1] ?? '');
    if (parts.length < 2) continue;
    const total = SAID_TOTAL.exec(match[1] ?? '');
    const sum = parts.reduce((acc, part) => acc + (tokens(part[1], part[2]) ?? 0), 0);
    const value = total ? tokens(total[1], total[2]) : sum;
    if (value !== undefined && value > 0) findings.push(findingFromMatch('exampleTokens', value, match));
  }
  if (findings.length > 0) return findings;
  for (const match of allMatches(ITEM_IS_TOKEN_RANGE, lower)) {
    // ("12-15k": the low end takes the high end's scale; "800 and 1.2k": a low end larger than the high one does not.)
    const highScale = match[4] === undefined ? 1 : 1000;
    const high = Number(match[3]?.replaceAll(',', '')) * highScale;
    const lowSaid = Number(match[1]?.replaceAll(',', ''));
    const low = match[2] !== undefined ? lowSaid * 1000 : lowSaid * highScale <= high ? lowSaid * highScale : lowSaid;
    if (!(low >= 1 && high >= low && high <= MAX_EXAMPLE_TOKENS)) continue;
    const end = match.index + match[0].length;
    const output = OUTPUT_AFTER.exec(lower.slice(end, end + 60));
    const extra = output ? (tokens(output[1], output[2]) ?? 0) : 0;
    findings.push(findingFromMatch('exampleTokens', Math.round((low + high) / 2) + extra, match));
  }
  if (findings.length > 0) return findings;
  // (The output added to a length is no example of its own: "~20k tokens … plus ~800 tokens report".)
  const addedOutputs: number[] = [];
  for (const pattern of [
    TOKENS_PER_ITEM,
    ITEM_IS_TOKENS,
    ITEMS_EACH_TOKENS,
    LENGTH_OF_EACH,
    TRAINING_SECTIONS,
    TOKEN_ITEMS,
  ]) {
    for (const match of allMatches(pattern, lower)) {
      // ("with 250-token examples instead of the 1k ones, what's the training time now?": a length asked about.)
      if (
        pattern === TOKEN_ITEMS &&
        /^[^.!?\n]*\?/.test(lower.slice(match.index)) &&
        ASKED_LENGTH.test(sentenceAround(lower, match.index, 160))
      )
        continue;
      // (TRAINING_SECTIONS' second form reads its amount in groups 3 and 4.)
      const value = match[1] !== undefined ? tokens(match[1], match[2]) : tokens(match[3], match[4]);
      if (value === undefined) continue;
      // "Prompts are long, about 4,000 tokens each": the size of a production request (request-tokens.ts), not of an
      // example to train on.
      if (REQUEST_SUBJECT_BEFORE.test(lower.slice(Math.max(0, match.index - 40), match.index))) continue;
      // ("for serving: a typical diff is ~3k tokens in and ~400 out": what is served, not what is trained on.)
      if (saidOfServing(lower, match.index)) continue;
      // "our policy docs are about 60k tokens": a collection that large is the corpus (corpus-tokens.ts), not one
      // example's length.
      if (value >= COLLECTION_MIN_TOKENS && COLLECTION_SUBJECT.test(match[0])) continue;
      if (addedOutputs.some((at) => at >= match.index && at < match.index + match[0].length)) continue;
      const end = match.index + match[0].length;
      const output = PLUS_OUTPUT.exec(lower.slice(end, end + 80));
      const extra = output ? (tokens(output[1], output[2]) ?? 0) : 0;
      // (The added amount's own digits: "(7 days of logs) plus ~800 tokens report" adds the 800.)
      if (output) {
        const joined = output[0].search(/\bplus\b|\band\b|\+/);
        addedOutputs.push(end + joined + output[0].slice(joined).search(/\d/));
      }
      findings.push(findingFromMatch('exampleTokens', value + extra, match));
    }
  }
  // (A token count said wins over pages, an estimate; documents a bot answers from are its corpus, not its input.)
  if (findings.length > 0 || ANSWERS_FROM_DOCUMENTS.test(lower)) return findings;
  // "letters are ~1,500 words (~2,500 tokens)": the tokens when said, else the words at about 4/3 tokens each.
  for (const match of allMatches(ITEM_IS_WORDS, lower)) {
    const said = tokens(match[3], match[4]);
    const words = tokens(match[1], match[2]);
    const value = said ?? (words === undefined ? undefined : Math.round(words * TOKENS_PER_WORD));
    // ("our policy docs are about 45k words": a collection that large is the corpus, as in tokens.)
    if (value !== undefined && value >= COLLECTION_MIN_TOKENS && COLLECTION_SUBJECT.test(match[0])) continue;
    // (A short text in words, "the average ticket is 200 words", sizes nothing the default length does not.)
    if (value !== undefined && value >= MIN_WORDS_READ * TOKENS_PER_WORD && value <= MAX_EXAMPLE_TOKENS)
      findings.push(findingFromMatch('exampleTokens', value, match));
  }
  if (findings.length > 0) return findings;
  for (const match of allMatches(ITEM_IS_PAGES, lower)) {
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (!(low >= 1 && high >= low && high <= MAX_EXAMPLE_PAGES)) continue;
    findings.push(findingFromMatch('exampleTokens', Math.round(((low + high) / 2) * TOKENS_PER_PAGE), match));
  }
  return findings;
};
