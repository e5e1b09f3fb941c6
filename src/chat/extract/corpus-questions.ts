/**
 * @module Two questions about the team's data, each read in the sentence that asks it: the whole corpus in a long
 * context window against retrieval ("could we just paste all the policy docs into the 200k window instead of RAG?"), and
 * teacher-written against human-written training data ("SFT on the 20k GPT-4.1 summaries, the 1.5k human ones, or
 * both?"). The spans let the extractor drop only the counts that size the question, not the facts said beside it.
 */
import { COUNT_SOURCE, parseCount, TOKENS_PER_PAGE } from './numbers.ts';
import { allMatches } from './prepare-message.ts';
import type { DataMixAsked, LongContextAsked } from './types.ts';

export interface Span {
  start: number;
  end: number;
}

/** Sentences (a dot between digits, "3.1", "1.5k", ends none), with their end punctuation. */
const SENTENCE = /(?:[^.!?\n]|\.(?=\d))+[.!?]*/g;
/** A question: it ends with "?" or opens with a question word. */
const QUESTION =
  /\?|^\W*(?:(?:also|and|so|ok(?:ay)?|but|then)[\s,]+)?(?:what|which|how|why|should|could|would|can|is|are|do|does|will)\b/;

function questionSentences(lower: string, test: (sentence: string) => boolean): Span[] {
  return allMatches(SENTENCE, lower)
    .filter((match) => QUESTION.test(match[0].trim()) && test(match[0]))
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** A body of documents (not one contract, not the prompt's own parts). */
const CORPUS_NOUN = String.raw`(?:docs|documents|documentation|polic(?:y|ies)(?:\s+docs)?|manuals|handbook|knowledge[\s-]?base|kb|wiki|corpus|pages|pdfs|contracts|files|articles|faqs|codebase|code\s+of\s+law|laws|regulations|rulings|tax\s+code|guidelines|sops|runbooks|help[\s-]?cent(?:er|re))`;
const LONG_CONTEXT = new RegExp(
  [
    // "paste all the policy docs into the 200k window", "stuff the whole handbook into the prompt".
    String.raw`\b(?:paste|put|stuff|dump|throw|load|feed|shove|cram|include|send)\w*\s+(?:it\s+|them\s+)?(?:all|every|everything|the\s+(?:whole|entire|full)|(?:our|the)\s+(?:whole|entire|full)|whole|entire)\b(?:(?!\b(?:retriev\w*|chunks?|examples?)\b)[^.?!]){0,50}?\b${CORPUS_NOUN}\b[^.?!]{0,40}?\b(?:in(?:to)?|within)\s+(?:the\s+|its\s+|a\s+|one\s+)?(?:[\w.,-]+\s+){0,3}?(?:context|prompt|window)\b`,
    // "couldn't we just paste the relevant runbook (~60 pages) into the prompt instead of chunking and searching?".
    String.raw`\b(?:paste|put|stuff|dump|feed|load|include|send)\w*\s+(?:in\s+)?(?:the\s+|our\s+|that\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:runbooks?|manuals?|handbooks?|documents?|docs?|polic(?:y|ies)|contracts?|specs?|specifications?|sops?|guides?|reports?|${CORPUS_NOUN})\b[^.?!]{0,60}?\b(?:in(?:to)?|within)\s+(?:the\s+|its\s+|a\s+)?(?:[\w.,-]+\s+){0,2}?(?:context|prompt|window)\b[^.?!]{0,40}?\b(?:instead\s+of|rather\s+than|so\s+we\s+(?:don'?t|do\s+not)\s+need)\s+(?:the\s+)?(?:chunking|searching|search\w*|retriev\w*|rag|building|a\s+vector)`,
    // "do we even need RAG with a 1M-token window?".
    String.raw`\b(?:do|would|will)\s+(?:we|i|you)\s+(?:even\s+|still\s+|really\s+)?need\s+(?:rag|retrieval)\b[^.?!]{0,60}\b(?:context|window)\b`,
    // "long context or RAG?", "a 1M context instead of retrieval?".
    String.raw`\b(?:long[\s-]context|(?:[\d,.]+\s?[km]?|million)[\s-](?:tokens?[\s-])?(?:context|window))\b(?:[^.?!]|\.(?=\d)){0,60}?\b(?:instead\s+of|rather\s+than|vs\.?|versus|or|over|beats?)\s+(?:building\s+|using\s+|doing\s+|a\s+)?(?:rag|retrieval)\b`,
    String.raw`\b(?:rag|retrieval)\s+(?:or|vs\.?|versus)\s+(?:just\s+)?(?:a\s+|the\s+)?long[\s-]context\b`,
  ].join('|'),
);
/** "the 200k context window", "a 1M-token window", "the 1,000,000 token context", "1 million token context". */
const WINDOW_SIZE =
  /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|m|million)?[\s-](?:tokens?[\s-])?(?:context(?:\s+window)?|window)\b/;
/** "1,400 pages", "1.2 million pages". */
const CORPUS_PAGES = new RegExp(String.raw`(${COUNT_SOURCE})[\s-]pages?\b`);

/** The long-context question the message asks, with the window and corpus it states, and the sentences asking it. */
export function longContextQuestion(lower: string): { asked: LongContextAsked; spans: Span[] } | undefined {
  const spans = questionSentences(lower, (sentence) => LONG_CONTEXT.test(sentence));
  if (spans.length === 0) return undefined;
  const asked: LongContextAsked = {};
  const window = WINDOW_SIZE.exec(lower);
  if (window) {
    const unit = window[2] === 'k' ? 1e3 : window[2] === undefined ? 1 : 1e6;
    const tokens = Number((window[1] ?? '').replaceAll(',', '')) * unit;
    if (tokens >= 1000) asked.windowTokens = tokens;
  }
  const pages = CORPUS_PAGES.exec(lower);
  const pageCount = pages ? parseCount(pages[1] ?? '') : undefined;
  if (pageCount !== undefined && pageCount > 0) {
    asked.corpusTokens = pageCount * TOKENS_PER_PAGE;
    asked.fromPages = true;
  }
  return { asked, spans };
}

const DATA_NOUNS =
  '(?:labels|outputs|answers|summaries|examples|data|ones|pairs|responses|translations|transcripts|extractions|annotations|completions)';
const TEACHER_WORDS = String.raw`(?:teacher|generated|synthetic|llm[\s-](?:written|generated|labell?ed)|model[\s-](?:written|generated|labell?ed)|pseudo[\s-]?labell?ed|(?:gpt|claude|gemini|llama|qwen|o\d)[\w.-]*(?:'s)?\s+(?:[\w.-]+\s+)?(?:${DATA_NOUNS}|generated|written|labell?ed))`;
/** People whose examples are the human side of a data mix ("the 1.5k lawyer ones"). */
const LABELLING_PEOPLE =
  '(?:lawyers?|experts?|doctors?|clinicians?|agents?|annotators?|editors?|caseworkers?|reviewers?|analysts?|teachers?)';
const HUMAN_WORDS = String.raw`(?:human(?:[\s-](?:written|labell?ed|annotated|made|corrected|reviewed|verified|checked))?|hand[\s-]?(?:written|labell?ed|made)|real\s+${DATA_NOUNS}|gold\s+${DATA_NOUNS}|expert[\s-]written|manually\s+(?:labell?ed|written)|(?:${LABELLING_PEOPLE}|staff)(?:'s?)?[\s-](?:written|checked|labell?ed|made|${DATA_NOUNS}))`;
const TEACHER = new RegExp(String.raw`\b${TEACHER_WORDS}\b`);
const HUMAN = new RegExp(String.raw`\b${HUMAN_WORDS}\b`);
/** Training said in the sentence: the question is what to train on. */
const TRAINING = /\b(?:sft|train\w*|fine[\s-]?tun\w*|tun(?:e|ing)|distil\w*)\b/;
const CHOICE = /\b(?:or|both|which|vs\.?|versus|mix|mixed|combine|combined|only|instead|better|worse)\b/;
/** "the 20k GPT-4.1 summaries", "20k teacher ones", "12k summaries I generated with GPT-4o". */
const TEACHER_COUNT = new RegExp(
  String.raw`(${COUNT_SOURCE})\s+(?:[\w.-]+\s+){0,2}?${TEACHER_WORDS}\b|(${COUNT_SOURCE})\s+(?:[\w-]+\s+)?${DATA_NOUNS}\s+(?:i\s+|we\s+)?(?:generated|written|labell?ed|produced)\s+(?:with|by|from|using)\b`,
);
/** "the 1.5k human ones", "800 hand-written examples": a count of data, not of people ("2 human reviewers"). */
const HUMAN_COUNT = new RegExp(
  String.raw`(${COUNT_SOURCE})\s+(?:[\w.-]+\s+){0,2}?(?:human(?:[\s-](?:written|labell?ed|annotated|made|corrected|reviewed|verified|checked))?|hand[\s-]?(?:written|labell?ed|made)|gold|real|expert[\s-]written|${LABELLING_PEOPLE})\s+(?:[\w-]+\s+)?${DATA_NOUNS}\b`,
);

/** The teacher-or-human data question the message asks, with the counts it states, and the sentences asking it. */
export function dataMixQuestion(lower: string): { asked: DataMixAsked; spans: Span[] } | undefined {
  const spans = questionSentences(
    lower,
    (sentence) => TRAINING.test(sentence) && CHOICE.test(sentence) && TEACHER.test(sentence) && HUMAN.test(sentence),
  );
  if (spans.length === 0) return undefined;
  const teacher = TEACHER_COUNT.exec(lower);
  const human = HUMAN_COUNT.exec(lower);
  const teacherCount = teacher ? parseCount(teacher[1] ?? teacher[2] ?? '') : undefined;
  const humanCount = human ? parseCount(human[1] ?? '') : undefined;
  return {
    asked: {
      ...(teacherCount === undefined ? {} : { teacherCount }),
      ...(humanCount === undefined ? {} : { humanCount }),
    },
    spans,
  };
}
