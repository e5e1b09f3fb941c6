/**
 * @module Size of one production request in tokens (`inputTokensPerRequest`, `outputTokensPerRequest`): what an API
 * bill is made of. "each lease is 25k tokens in and 2k out", "prompts run about 3,000 tokens", "~1,200 tokens per
 * call", "answers are ~400 tokens", "500 output tokens". A sentence about training examples ("each example is 6k
 * tokens in and 500 out") sizes a training example instead (`exampleTokens`); a corpus ("2B tokens") or a context
 * window ("a 128k context") is neither.
 */
import { APPROX_SOURCE } from '../numbers.ts';
import { allMatches, findingFromMatch, sentenceAround } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';
import { OUTPUT_NAMED, TOKEN_AMOUNT, tokenCount } from './example-tokens.ts';

const AMOUNT = TOKEN_AMOUNT;
/** What one production request is called. */
const REQUEST_WORDS_SOURCE =
  'requests?|calls?|quer(?:y|ies)|questions?|prompts?|messages?|tickets?|chats?|conversations?|turns?|invocations?|api\\s+calls?';
const REQUEST = `(?:${REQUEST_WORDS_SOURCE})`;
/** "25k tokens in and 2k out", "2k tokens of context in, 300 out", "1500 tokens in / 100 out", "~600 tokens in, replies ~250 out". */
const IN_AND_OUT = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}\\s?tokens?\\s+(?:of\\s+(?:[\\w-]+\\s+){0,2}?)?in\\b\\s*(?:[,;/]|and|plus|\\+)\\s*(?:and\\s+)?${OUTPUT_NAMED}${APPROX_SOURCE}${AMOUNT}\\s?(?:tokens?\\s+)?(?:of\\s+(?:[\\w-]+\\s+){0,2}?)?out\\b`,
  'g',
);
/** "about 3,000 input and 400 output tokens each", "2k prompt / 300 completion tokens". */
const INPUT_AND_OUTPUT = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}\\s?(?:input|prompt)(?:\\s+tokens?)?\\s*(?:and|,|\\/|\\+|plus)\\s*${APPROX_SOURCE}${AMOUNT}\\s?(?:output|completion)\\s+tokens?\\b`,
  'g',
);
/** "our prompts are about 600 tokens and answers about 250": the unit said once, for both. */
const PROMPT_THEN_ANSWER = new RegExp(
  `\\b(?:prompts?|requests?|inputs?|calls?)\\s+(?:are|is|run|average|will\\s+be|would\\s+be)\\s+(?:about\\s+|around\\s+|roughly\\s+|more\\s+like\\s+|closer\\s+to\\s+|like\\s+|~\\s*)?${AMOUNT}\\s?tokens?(?:\\s+(?:with|including|incl\\.?)\\s+[^.;!?\\n,]{1,40}?)?\\s*(?:,\\s*|\\s+)(?:and\\s+)?(?:the\\s+)?(?:answers?|outputs?|responses?|replies|completions?)\\s+(?:are\\s+|is\\s+)?(?:about\\s+|around\\s+|roughly\\s+|~\\s*)?${AMOUNT}(?:\\s?tokens?)?\\b`,
  'g',
);
/** "~1,200 tokens per call", "3k input tokens a request", "2,000 prompt tokens per query". */
const INPUT_PER_REQUEST = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}\\s?(?:input\\s+|prompt\\s+|context\\s+)?tokens?\\s+(?:(?:of\\s+(?:input|prompt|context)\\s+)?(?:per|a|each|every)\\s+${REQUEST})\\b`,
  'g',
);
/**
 * "prompts are about 3k tokens", "each request sends ~8,000 tokens", "our calls average 2k tokens", "the prompt with
 * category definitions is about 2,500 tokens". (Not a pile of them: "the 40k lines of saved queries is maybe 500k
 * tokens".)
 */
const REQUEST_IS_TOKENS = new RegExp(
  `\\b(?<!\\b(?:saved|logged|historical|past|archived|stored|collected|old|of)\\s+(?:[\\w-]+\\s+)?)(?:prompts?|requests?|calls?|quer(?:y|ies)|inputs?)\\s+(?:(?:with|including|incl\\.?|plus)\\s+(?:the\\s+|our\\s+|its\\s+|all\\s+)?(?:[\\w-]+\\s+){0,3}?)?(?:(?:are|is|will\\s+be|would\\s+be|average|comes?\\s+out\\s+(?:at|to)|averages|run|runs|send|sends|carry|carries|use|uses|take|takes)\\s+(?:(?:quite\\s+|pretty\\s+|very\\s+|really\\s+)?(?:long|short|big|large|huge|heavy)(?:\\s+too)?\\s*,?\\s*)?(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|~\\s*|maybe\\s+|more\\s+like\\s+|closer\\s+to\\s+|like\\s+)*|(?:typically\\s+|usually\\s+)?(?:roughly|about|around|~|maybe)\\s*)${AMOUNT}\\s?(?:input\\s+)?tokens?\\b`,
  'g',
);
/** "4,000 input tokens", "about 2k prompt tokens". */
const INPUT_TOKENS = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}\\s?(?:(?:input|prompt)\\s+tokens?\\b|tokens?\\s+of\\s+(?:prompt|input)\\b)`,
  'g',
);
/**
 * "each question will pull about 4,000 tokens of policy text into the prompt", "retrieval adds ~3k tokens to every
 * request": what retrieval puts into each prompt.
 */
const PUT_INTO_PROMPT = new RegExp(
  `\\b(?:pulls?|pulling|puts?|putting|adds?|adding|stuffs?|stuffing|injects?|injecting|brings?|bringing|sends?|sending|includes?|including|inserts?|inserting|feeds?|feeding)\\s+(?:in\\s+)?${APPROX_SOURCE}${AMOUNT}\\s?tokens?(?:\\s+of\\s+(?:[\\w-]+\\s+){0,3}?[\\w-]+)?\\s+(?:in)?to\\s+(?:the|each|every|our|its|a)\\s+(?:prompts?|context(?:\\s+window)?|requests?|calls?)\\b`,
  'g',
);
/** "each question will pull in maybe 4k tokens of catalogue text": what each request brings along. */
const EACH_REQUEST_PULLS = new RegExp(
  `\\b(?:each|every|per|a\\s+single)\\s+${REQUEST}\\s+(?:will\\s+|would\\s+|might\\s+|could\\s+|may\\s+)?(?:pulls?|puts?|adds?|brings?|sends?|includes?|retrieves?|fetches?|fetch|carr(?:y|ies)|uses?)\\s+(?:in\\s+|along\\s+)?${APPROX_SOURCE}${AMOUNT}\\s?tokens?\\b`,
  'g',
);
/** "the 3,000 tokens is the INPUT": a size said to be the input's. */
const TOKENS_ARE_INPUT = new RegExp(
  `${AMOUNT}\\s?tokens?\\s+(?:is|are|was|were)\\s+(?:just\\s+|only\\s+)?(?:the\\s+)?(?:input|prompt)s?\\b`,
  'g',
);
/** "the output is just a short list of codes, maybe 50 tokens": what the output is, then its size. */
const OUTPUT_IS_THEN_TOKENS = new RegExp(
  `\\b(?:the\\s+)?(?:outputs?|answers?|responses?|repl(?:y|ies))\\s+(?:is|are|will\\s+be|would\\s+be)\\s+(?:just\\s+|only\\s+)?(?:a|an)\\s+(?:(?!\\b(?:of|for|from|with|on|in)\\s+(?:a|an|the|each|every|our)\\b)[^.;!?\\n\\d]){0,40}?,?\\s*(?:maybe|about|around|roughly|~|like|at\\s+most)\\s*${AMOUNT}\\s?tokens?\\b`,
  'g',
);
/** "3k-token prompts", "8,000 token requests". */
const TOKEN_PROMPTS = new RegExp(`${AMOUNT}[\\s-]?tokens?\\s+(?:prompts?|requests?|inputs?)\\b`, 'g');
/** "500 output tokens", "~300 completion tokens per request". */
const OUTPUT_TOKENS = new RegExp(
  `${APPROX_SOURCE}${AMOUNT}\\s?(?:(?:output|completion|generated)\\s+tokens?\\b|tokens?\\s+of\\s+(?:answer|output|reply|response|completion|json|yaml|xml)s?\\b)`,
  'g',
);
/**
 * "answers are ~400 tokens", "the reply averages 250 tokens", "it writes about 1k tokens", "a sheet comes out at ~600
 * tokens", "gets roughly 80 tokens back".
 */
const ANSWER_IS_TOKENS = new RegExp(
  `\\b(?:answers?|repl(?:y|ies)|responses?|completions?|outputs?|summar(?:y|ies)|drafts?)\\s+(?:(?:are|is|average|averages|run|runs)\\s+(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|~\\s*|maybe\\s+|more\\s+like\\s+|closer\\s+to\\s+|like\\s+)*|(?:typically\\s+|usually\\s+)?(?:roughly|about|around|~|maybe)\\s*)${AMOUNT}\\s?tokens?\\b|\\b(?:answers?|repl(?:y|ies)|responses?|outputs?|sheets?|summar(?:y|ies)|drafts?|descriptions?|reports?|letters?|emails?)\\s+(?:each\\s+)?(?:comes?|came)\\s+out\\s+(?:at|to)\\s+(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|~\\s*|maybe\\s+)*${AMOUNT}\\s?tokens?\\b|\\b(?:writes?|generates?|produces?|returns?|outputs?)\\s+(?:typically\\s+|usually\\s+|roughly\\s+|about\\s+|around\\s+|~\\s*|maybe\\s+)*${AMOUNT}\\s?tokens?\\b|\\b(?:gets?|got|receives?|returns?)\\s(?:typically\\s|usually\\s|roughly\\s|about\\s|around\\s|~\\s?|maybe\\s)*${AMOUNT}\\s?tokens?\\s(?:back|in\\sreturn|out)\\b`,
  'g',
);
/** "reports about 600 tokens out", "answers ~50 tokens out": what comes out of one request. */
const ANSWER_TOKENS_OUT = new RegExp(
  `\\b(?:answers?|repl(?:y|ies)|responses?|outputs?|reports?|summar(?:y|ies)|drafts?|letters?|emails?)\\s+(?:are\\s+|is\\s+)?(?:~\\s*|about\\s+|around\\s+|roughly\\s+)?${AMOUNT}\\s?tokens?\\s+out\\b`,
  'g',
);
/** "queries are ~60 tokens, prompt maybe 300": after a query's size, the whole prompt's. */
const PROMPT_TOTAL_AFTER_QUERY = new RegExp(
  `\\b(?:quer(?:y|ies)|questions?|inputs?)\\s+(?:are|is)\\s+(?:~\\s*|about\\s+|around\\s+|roughly\\s+)?\\d[\\d,.]*\\s?k?\\s?tokens?\\s*[,;]\\s*(?:and\\s+|but\\s+|with\\s+)?(?:the\\s+(?:whole\\s+|full\\s+)?)?prompts?\\s+(?:is\\s+|are\\s+)?(?:maybe\\s+|about\\s+|around\\s+|roughly\\s+|~\\s*)*${AMOUNT}(?:\\s?tokens?)?\\b`,
);
/** "How long will the LoRA training take?": the message is about training, so a size in it is an example's. */
const TRAINING_ASKED =
  /\bhow\s+(?:long|many\s+hours|much)\b[^.?!]{0,60}\b(?:training|train|fine[\s-]?tun\w*|lora|qlora|epochs?)\b|\b(?:training|fine[\s-]?tuning)\s+(?:time|take|takes|cost|run)\b/;
const REQUEST_WORDS = new RegExp(`\\b(?:${REQUEST_WORDS_SOURCE}|api|per\\s+day|a\\s+day|daily|bill)\\b`);
/** A sentence about training data sizes a training example, not a request. */
const ABOUT_TRAINING =
  /\b(?:examples?|training|train|trained|fine[\s-]?tun\w*|finetun\w*|dataset|data\s*set|labell?ed|pairs?|epochs?|corpus)\b/;
/** Examples put into the prompt (few-shot), not a training set. */
const PROMPT_EXAMPLES =
  /\b(?:paste|pasted|pasting|put|include|includes|included|add|adds|stuff|stuffs)\b[^.;!?\n]{0,50}\bexamples?\b|\bprompts?\b[^.;!?\n]{0,30}\bwith\s+(?:the\s+|our\s+|its\s+|some\s+|a\s+few\s+)?(?:few[\s-]shot\s+)?examples\b|\bexamples?\s(?:in|into)\s(?:the|each|every|our)\sprompts?\b|\bfew[\s-]?shot\b/;
/** A context window or a limit is not the size of an average request. */
const WINDOW_AFTER = /^\s*(?:context|window|limit|max(?:imum)?)\b/;
const MAX_INPUT_TOKENS = 2_000_000;
const MAX_OUTPUT_TOKENS = 200_000;

export const extractRequestTokens: Extractor = (message) => {
  const { lower } = message;
  if (!lower.includes('token')) return [];
  const findings: Finding[] = [];
  // (A message asking how long training takes sizes its examples, unless the sentence says requests or calls.)
  const trainingMessage = TRAINING_ASKED.test(lower);
  const aboutTraining = (index: number) => {
    const said = sentenceAround(lower, index, 160);
    // ("each prompt is about 2,000 tokens because we paste the definitions and some examples": examples in the prompt.)
    const sentence = PROMPT_EXAMPLES.test(said) ? said.replace(/\bexamples?\b/g, '') : said;
    return ABOUT_TRAINING.test(sentence) || (trainingMessage && !REQUEST_WORDS.test(sentence));
  };
  for (const match of [
    ...allMatches(IN_AND_OUT, lower),
    ...allMatches(INPUT_AND_OUTPUT, lower),
    ...allMatches(PROMPT_THEN_ANSWER, lower),
  ]) {
    if (aboutTraining(match.index)) continue;
    const input = tokenCount(match[1], match[2], MAX_INPUT_TOKENS);
    const output = tokenCount(match[3], match[4], MAX_OUTPUT_TOKENS);
    if (input !== undefined) findings.push(findingFromMatch('inputTokensPerRequest', input, match));
    if (output !== undefined) findings.push(findingFromMatch('outputTokensPerRequest', output, match));
  }
  if (findings.length > 0) return findings;
  for (const pattern of [
    INPUT_PER_REQUEST,
    REQUEST_IS_TOKENS,
    TOKEN_PROMPTS,
    TOKENS_ARE_INPUT,
    INPUT_TOKENS,
    PUT_INTO_PROMPT,
    EACH_REQUEST_PULLS,
  ]) {
    for (const match of allMatches(pattern, lower)) {
      if (findings.some((finding) => finding.start === match.index)) continue;
      const end = match.index + match[0].length;
      if (WINDOW_AFTER.test(lower.slice(end, end + 12)) || aboutTraining(match.index)) continue;
      const value = tokenCount(match[1], match[2], MAX_INPUT_TOKENS);
      if (value !== undefined) findings.push(findingFromMatch('inputTokensPerRequest', value, match));
    }
  }
  // "queries are ~60 tokens, prompt maybe 300": the whole prompt (instructions and query) is what each request sends.
  const whole = PROMPT_TOTAL_AFTER_QUERY.exec(lower);
  if (whole) {
    const value = tokenCount(whole[1], whole[2], MAX_INPUT_TOKENS);
    if (value !== undefined) {
      for (let index = findings.length - 1; index >= 0; index--)
        if (findings[index]?.field === 'inputTokensPerRequest') findings.splice(index, 1);
      findings.push(findingFromMatch('inputTokensPerRequest', value, whole));
    }
  }
  for (const pattern of [OUTPUT_TOKENS, ANSWER_IS_TOKENS, ANSWER_TOKENS_OUT, OUTPUT_IS_THEN_TOKENS]) {
    for (const match of allMatches(pattern, lower)) {
      if (aboutTraining(match.index)) continue;
      // (Each alternative of the pattern has its own pair of groups: the amount and its "k".)
      const pair = [1, 3, 5, 7].find((group) => match[group] !== undefined) ?? 1;
      const value = tokenCount(match[pair], match[pair + 1], MAX_OUTPUT_TOKENS);
      if (value !== undefined) findings.push(findingFromMatch('outputTokensPerRequest', value, match));
    }
  }
  return findings;
};
