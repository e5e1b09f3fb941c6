/**
 * @module Unlabeled domain documents: "thousands of documents", "a big wiki" → large; "a handful of PDFs" → small;
 * "no documents" → none; "a bot over our wiki" (documents, no size said) → small.
 */

import type { Profile } from '../../../profile/profile-schema.ts';
import { COUNT_SOURCE, parseCount } from '../numbers.ts';
import { allMatches, clauseBefore, findingFromMatch, isNegatedBefore, sentenceBefore } from '../prepare-message.ts';
import type { Extractor, Finding, Implied } from '../types.ts';

const DOCUMENT_NOUN = String.raw`(?:documents?|reviews|posts|comments|chat\s+logs|docs|documentation|pdfs?|pages|articles|files|snippets|manuals?|wiki(?:\s+pages)?|knowledge\s?bases?|kb|corpus|corpora|handbooks?|guides?|policies|policy\s+documents|sops|contracts|papers|reports|transcripts|emails|web\s?pages|faqs?|books|confluence(?:\s+pages)?|notion\s+pages|sharepoint|rulings|(?:court|legal|judicial|appellate)\s+decisions|judg(?:e)?ments|case\s+law|notes|records|meeting\s+minutes|filings|specs|specifications|standards|procedures|guidelines|tickets)`;
const DOCUMENT_QUALIFIER = String.raw`(?:(?:internal|domain|company|product|technical|support|help|kb|faq|chat|call|customer|meeting|legal|medical|scanned|unlabeled|unlabelled|unlabled|anonymi[sz]ed|raw|text|html|markdown|word|confluence|notion|research|policy|engineering|our|of|the|old|existing|historical|reference|sop|past|raw|commercial|signed|active|archived|client|vendor|supplier|employment|insurance|clinical|financial|annual|regulatory|court|case|scientific|academic|patent|licensed|licenced|purchased|public|published|short|long|brief|small|large)\s+){0,3}`;

/** Large: "thousands of documents", "millions of pages", "tons of docs", "a huge wiki", "terabytes of PDFs". */
const LARGE = new RegExp(
  [
    // "search over our 180k-SKU parts catalog", "search a catalog of 40,000 products": the items a search ranks are
    // its documents (a catalog said of nothing searched is not read as one).
    String.raw`(?<=\b(?:search\w*|retriev\w*|rank\w*|find|look\s?up)\b[^.;!?\n]{0,60}?)\b(?:\d{1,3}(?:[,.]\d{3})+|\d{5,}|\d+(?:\.\d+)?\s?k)[\s-](?:skus?|products?|items?|listings?|parts?)\s+(?:[\w-]+\s+){0,2}?catalog(?:ue)?s?\b|(?<=\b(?:search\w*|retriev\w*|rank\w*|find|look\s?up)\b[^.;!?\n]{0,60}?)\bcatalog(?:ue)?s?\s+(?:of|with)\s+(?:about\s+|around\s+|~\s*|over\s+)?(?:\d{1,3}(?:[,.]\d{3})+|\d{5,}|\d+(?:\.\d+)?\s?k)\s+(?:skus?|products?|items?|listings?|parts?)\b`,
    // "one year of chat logs not labeled, millions of messages": the logs, counted by their messages.
    String.raw`\b(?:chat\s+logs|logs|transcripts|conversations|emails|tickets|archives?)\b[^.;!?\n]{0,40}?,\s*(?:millions|hundreds\s+of\s+thousands|tens\s+of\s+thousands)\s+of\s+(?:messages|conversations|chats|lines|entries|emails)\b`,
    // "every answer has to point to the doc it came from, there's a huge pile of them".
    String.raw`\b(?:a\s+)?(?:huge|massive|enormous|giant|big|mountain(?:ous)?)\s+(?:pile|stack|heap|mountain|backlog)\s+of\s+(?:them|those|docs|documents|pdfs|files|papers|reports|records)\b`,
    String.raw`\b(?:(?:several|a\s+few|many|multiple)\s+thousand|thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands|millions|tons|lots|loads|heaps|a\s+ton|a\s+lot|terabytes|gigabytes|years)\s+(?:and\s+\w+\s+)?of\s+${DOCUMENT_QUALIFIER}${DOCUMENT_NOUN}\b`,
    String.raw`\b(?:a\s+|an\s+)?(?:big|large|huge|massive|enormous|giant|extensive|sprawling|vast)\s+(?:internal\s+|company\s+|domain\s+|document\s+|text\s+)?(?:wiki|knowledge\s?base|kb|corpus|archive|document\s+(?:collection|store|base|library)|library|collection\s+of\s+(?:documents|docs|pdfs)|confluence|sharepoint|doc(?:ument)?s?\s+(?:set|site|repository|repo)|documentation)\b`,
    String.raw`\b\d+(?:\.\d+)?\s?(?:tb|gb)\s+of\s+${DOCUMENT_QUALIFIER}(?:${DOCUMENT_NOUN}|text|domain\s+text|logs)\b`,
    String.raw`\b(?:code\s?base|monorepo|repo(?:sitory)?|archive|corpus|wiki|knowledge\s?base|sharepoint|confluence|docs|documentation|help[\s-]?cent(?:er|re))(?:,?\s+which|\s+that)?\s+(?:is|are|'s)\s+(?:(?:really|very|pretty|quite|absolutely|just)\s+)?(?:huge|large|massive|enormous|big|vast|gigantic)\b`,
    String.raw`\b(?:hundreds\s+of\s+thousands|millions|\d+(?:\.\d+)?\s?(?:m|million)|\d{3}(?:,\d{3})+|\d{3}k)\s+(?:of\s+)?lines(?:\s+of\s+(?:[a-z]+\s+)?code)?\b(?!\s+(?:a|per|each|every)\s+(?:day|week|month|hour|second))`,
    String.raw`\b(?:large|huge|big|massive|giant|enormous)\s+(?:pile|collection|set|archive|trove|library|stack|backlog)\s+of\s+${DOCUMENT_QUALIFIER}(?:[a-z]+\s+)?${DOCUMENT_NOUN}\b`,
    String.raw`\b${DOCUMENT_NOUN},?\s+(?:(?:yes|yeah|yep|sure|oh\s+yes|plenty)\s*,?\s*)?(?:tons|lots|loads|heaps|thousands|millions|hundreds\s+of\s+thousands|(?:a\s+few\s+|several\s+|some\s+|a\s+couple\s+(?:of\s+)?)?(?:hundred\s+)?(?:thousand|million))\s+of\s+(?:them|it)\b`,
    String.raw`\b(?:several|a\s+few|many|multiple)\s+(?:thousand|million)\s+${DOCUMENT_QUALIFIER}${DOCUMENT_NOUN}\b`,
  ].join('|'),
  'g',
);
/** Small: "a handful of PDFs", "a few documents", "a small wiki", "some docs", "a couple of manuals". */
const SMALL = new RegExp(
  [
    String.raw`\b(?:a\s+handful|a\s+few|a\s+couple|a\s+small\s+number|a\s+small\s+set|a\s+dozen|dozens)\s+of\s+${DOCUMENT_QUALIFIER}${DOCUMENT_NOUN}\b`,
    String.raw`\b(?:a\s+few|several|a\s+couple(?:\s+of)?|two|three)\s+dozen\s+${DOCUMENT_QUALIFIER}${DOCUMENT_NOUN}\b`,
    // "our 300 page employee handbook": one document, however long.
    String.raw`\b(?:our|the|an?|one|single)\s+\d+[\s-]?pages?\s+(?:[a-z]+\s+){0,2}?(?:handbook|playbook|manual|guide|pdf|document|policy|rulebook|book|bible|codex|compendium|wiki|reference|spec(?:ification)?|faq)\b`,
    String.raw`\b(?:a\s+few|some|several)\s+${DOCUMENT_QUALIFIER}(?:pdfs?|documents|docs|manuals|pages|wiki\s+pages|policy\s+documents|files)\b`,
    String.raw`\b(?:a\s+single|just\s+one|only\s+one|one)\s+(?:\d+[\s-]?pages?\s+)?(?:pdf|document|manual|handbook|guide|file)\b`,
    String.raw`\b(?:(?:a\s+few|several|some|a\s+couple(?:\s+of)?)\s+hundred|hundreds\s+of)\s+${DOCUMENT_QUALIFIER}${DOCUMENT_NOUN}\b`,
    String.raw`\b(?:a\s+|an\s+)?(?:small|tiny|little|short)\s+(?:internal\s+)?(?:wiki|knowledge\s?base|kb|corpus|faq|doc(?:ument)?s?\s+set|set\s+of\s+(?:documents|docs|pdfs))\b`,
    String.raw`\b(?:wiki|knowledge\s?base|kb|corpus|docs|documentation|faq|it)(?:,?\s+which|\s+that)?\s+(?:is|are|'s)\s+(?:(?:really|very|pretty|quite|super)\s+)?(?:tiny|small|little)\b`,
  ].join('|'),
  'g',
);
/** "no documents", "we don't have any docs", "no unlabeled data". */
const NONE = new RegExp(
  String.raw`\b(?:no|zero|(?:don't|dont|do\s+not|haven't)\s+have(?:\s+any)?|without(?:\s+any)?|there\s+(?:isn't|is\s+not|aren't|are\s+not)\s+(?:really\s+)?(?:a|an|any)|(?:there's|there\s+is)\s+no)\s+(?:(?:other|separate|real|actual)\s+)?(?:${DOCUMENT_QUALIFIER})(?:documents|docs|documentation|pdfs|corpus|knowledge\s?base|unlabell?ed\s+data|wiki|text\s+data|domain\s+data|document\s+collection|collection\s+of\s+documents)\b`,
  'g',
);
/** A collection counted anywhere in the message ("4,000 PDFs"), read once for the relative "no other …". */
const COUNTED_SIZE = new RegExp(
  `(${COUNT_SOURCE})\\s+(?:[a-z-]+\\s+){0,2}?(?:pdfs|documents|docs|pages|files|articles|manuals|papers)\\b(?!\\s+(?:each|per)\\b)`,
);
/**
 * "4,000 PDFs", "200 pages of docs", "40 insurance plan PDFs" (one word of the team's own before a plain document
 * noun, not "labelled" or "example"): at least 1,000 is large, fewer is small.
 */
const COUNTED = new RegExp(
  `(${COUNT_SOURCE})\\s+${DOCUMENT_QUALIFIER}(?:(?!label|annotat|tagged|graded|example|training|sample|test|eval)[a-z]+\\s+(?=(?:pdfs?|documents|docs|manuals|handbooks|policies|contracts)\\b))?(?:${DOCUMENT_NOUN}|(?:support\\s+|customer\\s+|chat\\s+|call\\s+)?(?:conversations|chat\\s+logs|tickets|call\\s+transcripts))\\b(?!(?:\\s+(?:and|or|&|\\+)\\s+[a-z-]+)?\\s+(?:per|a|an|each|every)\\s+(?:day|week|month|hour)|\\s*\\/\\s*(?:day|d|week|wk|month|mo|hour|hr|h)\\b|\\s*[x×]\\s*\\d)`,
  'g',
);

/**
 * The team's own documents as what the assistant works from: "answers from our docs", "a bot over our wiki",
 * "on top of our help center", "using our Confluence". Read as a small corpus when no size is said.
 */
const OWN_DOCUMENTS =
  /\b(?:from|over|on|using|in|across|against|on\s+top\s+of|grounded\s+in|based\s+on|knows?|understands?)\s+(?:all\s+)?(?:our|their)\s+(?:(?:own|internal|company|product|support|customer|hr|it|policy|legal|technical|api|developer|public|existing|current|latest|official|\d{4})\s+){0,2}(?:docs|documentation|wiki|knowledge[\s-]?base|kb|confluence(?:\s+(?:space|wiki|pages))?|notion|sharepoint|manuals?|handbooks?|help[\s-]?cent(?:er|re)(?:\s+articles)?|faqs?|articles|runbooks|intranet|policies|policy\s+documents|sops|guidelines|contracts|pricing\s+docs|product\s+docs)\b|\bquestions\s+about\s+our\s+(?:(?:own|internal|product|company)\s+)?(?:docs|documentation|wiki|knowledge[\s-]?base|manuals?|handbooks?|policies|catalog(?:ue)?|product\s+catalog(?:ue)?|price\s+lists?|pricing)\b/g;

/**
 * "lore (like 2M words)", "about 300k words of manuals": text measured in words. About 150,000 words (some 200,000
 * tokens, the prompt-sized corpus) and more is large.
 */
const WORDS_OF_TEXT =
  /(?<![\d.,])(\d+(?:\.\d+)?)\s?(m|million|k|thousand)?\s+words\b(?!\s+(?:per|a|an|each|every)\s+(?:day|week|month|hour|request|answer|reply|summary)\b)/g;
/** Words of text this many and more are a large corpus (about the prompt-sized 200,000 tokens). */
const LARGE_CORPUS_WORDS = 150_000;

/** "there are 2 million of them", "we have about 40k of those". */
const COUNT_OF_THEM = new RegExp(
  `\\b(?:there\\s+are|we\\s+have|we've\\s+got)\\s+(?:about\\s+|around\\s+|roughly\\s+|over\\s+|like\\s+)?(${COUNT_SOURCE})\\s+of\\s+(?:them|those)\\b`,
  'g',
);
const DOCUMENTS_BEFORE = new RegExp(`\\b${DOCUMENT_NOUN}\\b[^.;!?\\n]{0,30}$`);

/** Documents at or above this count make a large corpus. */
export const LARGE_CORPUS_DOCUMENTS = 1000;

/** "grows by a few hundred papers per month", "we add 200 pages a week": how fast the documents grow, not their size. */
const GROWTH_BEFORE =
  /\b(?:grows?|growing|grew)\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?$|\b(?:add|adds|added|adding|get|gets|receive|receives)\s+(?:about\s+|around\s+|roughly\s+|another\s+|~\s*)?$/;
const GROWTH_AFTER = /^\s*(?:new\s+)?(?:per|a|an|each|every)\s+(?:day|week|month|quarter|year)\b/;

/** Finds `unlabeledCorpus` from how people describe their documents. Labeled records never count here. */
export const extractCorpus: Extractor = (message) => {
  const findings = corpusFindings(message);
  const { lower } = message;
  return findings.filter(
    (item) =>
      !GROWTH_BEFORE.test(lower.slice(Math.max(0, item.start - 24), item.start)) &&
      !GROWTH_AFTER.test(lower.slice(item.end, item.end + 24)) &&
      // ("thousands of tickets labeled with the team that handled them": labelled examples, not a corpus.)
      !(
        /\btickets$/.test(lower.slice(item.start, item.end)) &&
        LABELLED_AFTER.test(lower.slice(item.end, item.end + 40))
      ),
  );
};

/** Records said to carry their label right after ("… labeled with the team", "… tagged by queue"). */
const LABELLED_AFTER =
  /^\s*(?:(?:that\s+were|which\s+were|all|each)\s+)?(?:labell?ed|tagged|annotated|classified|categori[sz]ed|routed|resolved|with\s+(?:the|their|a)\s+(?:label|team|category|queue|answer|resolution|department))\b/;

function corpusFindings(message: Parameters<Extractor>[0]): Finding[] {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(LARGE, lower)) {
    if (!isNegatedBefore(lower, match.index, 15)) findings.push(findingFromMatch('unlabeledCorpus', 'large', match));
  }
  for (const match of allMatches(SMALL, lower)) {
    if (!isNegatedBefore(lower, match.index, 15)) findings.push(findingFromMatch('unlabeledCorpus', 'small', match));
  }
  // ("4,000 PDFs … and there is no other documentation": "other" is relative to documents just counted; "each lease
  // comes with the request; there is no other document collection" names none.)
  const counted = findings.length > 0 || COUNTED_SIZE.test(lower);
  for (const match of allMatches(NONE, lower))
    if (!(counted && /\b(?:other|separate)\b/.test(match[0])))
      findings.push(findingFromMatch('unlabeledCorpus', 'none', match));
  // "now the problem is the docs, there are 2 million of them": the count comes after the documents.
  for (const match of allMatches(COUNT_OF_THEM, lower)) {
    const count = parseCount(match[1] ?? '');
    if (count === undefined || count === 0) continue;
    if (!DOCUMENTS_BEFORE.test(lower.slice(Math.max(0, match.index - 60), match.index))) continue;
    findings.push(findingFromMatch('unlabeledCorpus', count >= LARGE_CORPUS_DOCUMENTS ? 'large' : 'small', match));
  }
  for (const match of allMatches(COUNTED, lower)) {
    const count = parseCount(match[1] ?? '');
    if (count === undefined || count === 0) continue;
    // "our 2023 policy handbook": a year, not a count. ("~2000 articles", plural, counts them.)
    if (/^(?:19|20)\d\d$/.test(match[1] ?? '') && !/s$/.test(match[0])) continue;
    // "each contract is around 40 pages": the length of one document, not a collection.
    // ("Each lease is sent whole with the request, 20 to 40 pages": the sentence is about one document too.)
    if (
      /\b(?:each|every|per|average|avg|typical|single|one)\b/.test(clauseBefore(lower, match.index, 40)) ||
      /^\s*(?:each|every)\b/.test(sentenceBefore(lower, match.index, 120))
    )
      continue;
    // "the 5 files weren't labeled examples": files talked about before, not the corpus.
    if (/\bthe\s+$/.test(lower.slice(Math.max(0, match.index - 4), match.index))) continue;
    // "it got 9 of 10 notes right": a score on a test, not a collection.
    if (/\b\d+\s+(?:of|out\s+of)\s+$/.test(lower.slice(Math.max(0, match.index - 14), match.index))) continue;
    // "instead of reading 60 pages", "skimming 40 pages": the length someone reads, not a collection.
    if (
      /^\d/.test(match[0]) &&
      /\bpages?\b/.test(match[0]) &&
      /\b(?:reading|read|reads|skim(?:ming|s)?|going\s+through|wading\s+through)\s+(?:about\s+|around\s+|up\s+to\s+)?$/.test(
        lower.slice(Math.max(0, match.index - 30), match.index),
      )
    )
      continue;
    const rest = lower.slice(match.index + match[0].length, match.index + match[0].length + 40);
    // "5 example files pasted in the context": a prompt's worked examples, not a corpus.
    if (/^\s*(?:pasted|put|stuffed|dropped|included)\s+(?:in|into)\b/.test(rest)) continue;
    // "500 invoice PDFs to extract the totals from": the inputs the task processes, not documents to know.
    if (
      /^\s*(?:(?:that|which)\s+)?(?:we\s+)?(?:need\s+)?to\s+(?:be\s+)?(?:extract|pull|process|pars|sort|classif|tag|label|summari[sz]|translat|redact|ocr)\w*/.test(
        rest,
      )
    )
      continue;
    // "2,000 contracts of about 12 pages each": the length of each document, not a collection of pages.
    if (/\bpages?$/.test(match[0]) && /^\s*(?:each|apiece|a\s+piece|on\s+average)\b/.test(rest)) continue;
    // "5k labeled tickets" are labeled examples, not a document corpus.
    if (
      /label|annotat/.test(match[0]) ||
      /^\s+(?:with|and\s+their)\s+(?:\w+\s+)?(?:labels?|answers?|resolutions?)/.test(rest) ||
      // "600 emails, each is a client email + my reply", "300 tickets, each with the agent's reply": input/output pairs.
      /^,?\s+each\s+(?:is|with|has)\b[^.;!?\n]{0,40}\b(?:reply|replies|answer|response|summary|label|output|translation)\b/.test(
        rest,
      ) ||
      /^\s+(?:are|were|have\s+been)\s+(?:already\s+|all\s+)?(?:label|annotat|tagged|categori|classified)/.test(rest)
    )
      continue;
    findings.push(findingFromMatch('unlabeledCorpus', count >= LARGE_CORPUS_DOCUMENTS ? 'large' : 'small', match));
  }
  for (const match of allMatches(WORDS_OF_TEXT, lower)) {
    const scale = { m: 1e6, million: 1e6, k: 1e3, thousand: 1e3 }[match[2] ?? ''] ?? 1;
    const words = Number(match[1]) * scale;
    // "each answer is about 200 words": the length of one text, not a collection.
    if (
      /\b(?:each|every|per|average|avg|typical|single|one|max(?:imum)?|under|below|limit)\b/.test(
        clauseBefore(lower, match.index, 40),
      )
    )
      continue;
    if (words >= 1000)
      findings.push(findingFromMatch('unlabeledCorpus', words >= LARGE_CORPUS_WORDS ? 'large' : 'small', match));
  }
  if (findings.length > 0) return findings;
  // "a bot over our wiki" says the documents exist, not how many: the smallest claim, unless a size is said.
  for (const match of allMatches(OWN_DOCUMENTS, lower)) {
    // "so i can paste it in our notion": where a text goes, not documents the model works from.
    if (
      /\b(?:paste|put|post|save|write|copy|drop|share|send|store|dump|log)\w*\s+(?:it|this|that|them|the\s+\w+)?\s*$/.test(
        lower.slice(Math.max(0, match.index - 30), match.index),
      )
    )
      continue;
    if (!isNegatedBefore(lower, match.index, 20)) findings.push(findingFromMatch('unlabeledCorpus', 'small', match));
  }
  return findings;
}

/** Tokens below this are a corpus that fits in a long prompt: small. */
const SMALL_CORPUS_TOKENS = 200_000;
/** Tokens from this up are a large corpus (thousands of pages). */
const LARGE_CORPUS_TOKENS = 5_000_000;

/**
 * The corpus size a token count implies when no size is said: under 200k tokens (it fits in a long prompt) is
 * small, 5M tokens or more is large; in between the count alone does not decide.
 */
export function corpusSizeFromTokens(fields: Partial<Profile>): Implied<'small' | 'large'> | undefined {
  const tokens = fields.corpusTokens;
  if (tokens === undefined || tokens <= 0) return undefined;
  if (tokens < SMALL_CORPUS_TOKENS) return { value: 'small', from: ['corpusTokens'] };
  if (tokens >= LARGE_CORPUS_TOKENS) return { value: 'large', from: ['corpusTokens'] };
  return undefined;
}
