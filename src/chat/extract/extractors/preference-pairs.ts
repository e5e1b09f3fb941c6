/**
 * @module Preference data (`preferencePairs`): "6k chosen/rejected pairs", "2,000 thumbs-up/down pairs", "no
 * preference data" → 0.
 */
import { APPROX_SOURCE, COUNT_SOURCE, parseCount } from '../numbers.ts';
import { allMatches, findingFromMatch } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const PAIRS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:(?:human|labeled|labelled|rated|ranked|annotated|curated)\\s+)?(?:pref(?:erence)?\\.?\\s+(?:pairs|comparisons|examples|data\\s*points)|(?:chosen|preferred|accepted)(?:\\s*\\/\\s*|\\s+(?:vs\\.?|and|or)\\s+|-vs\\.?-|[\\s-])(?:rejected|dispreferred|not[\\s-]preferred|non[\\s-]preferred)(?:\\s+(?:pairs|examples|comparisons))?|pairs\\s+of\\s+(?:chosen|preferred|better)\\s+(?:vs\\.?|versus|and|or|\\/)\\s+(?:rejected|dispreferred|not[\\s-]preferred|non[\\s-]preferred|worse)\\b|(?:thumbs[\\s-]up(?:\\s*\\/\\s*|\\s+(?:vs\\.?|and|or)\\s+)(?:thumbs[\\s-])?down|👍\\s*\\/\\s*👎|thumbs(?:[\\s-]up(?:[\\s/-]+(?:thumbs[\\s-])?down)?)?)\\s+pairs|(?:pairwise|side[\\s-]by[\\s-]side|a\\/b)\\s+(?:comparisons|ratings|judgments|judgements)|ranked\\s+(?:outputs|responses|answers|comparisons|response\\s+sets|answer\\s+sets)|comparison\\s+pairs|(?:\\w+\\s+)?(?:pairs|examples|cases|prompts|comparisons)\\s+(?:where|in\\s+which|with)\\s+(?:\\w+\\s+){0,3}?(?:picked|chose|selected|preferred|ranked|marked|rated|voted\\s+for|compared)\\s+(?:the\\s+)?(?:better|best|preferred|winner|one|two|between|which\\s+(?:of\\s+(?:the\\s+)?(?:two|both|2)\\b|one\\b|was\\s+better|is\\s+better)))`,
  'g',
);

/** "1,500 ranked pairs from our raters"; "chosen/rejected pairs: nine hundred so far" (the count after a colon). */
const RANKED_PAIRS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:ranked|rated|preference|pref|comparison)\\s+(?:(?:output|answer|response|model)\\s+)?pairs\\b|\\b(?:chosen|preferred)\\s*(?:\\/|vs\\.?|and)\\s*rejected\\s+pairs\\s*:\\s*(?:about\\s+|around\\s+|~\\s*)?(${COUNT_SOURCE})\\b|${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:is|are|was|were)\\s+(?:the\\s+)?(?:number|count|total)\\s+of\\s+(?=chosen|preferred|preference|ranked|rated|comparison)(?:(?:chosen|preferred)\\s*(?:\\/|vs\\.?|and)\\s*rejected\\s+)?(?:(?:preference|ranked|rated|comparison)\\s+)?pairs\\b`,
  'g',
);

/**
 * Ratings turned into pairs: "thumbs up/down from users, once we paired them up it's roughly 3k pairs". The pairs
 * follow the pairing within the sentence.
 */
const PAIRED_RATINGS = new RegExp(
  `\\b(?:thumbs|ratings|votes|upvotes|likes)\\b[^.;!?\\n]{0,60}?\\bpair(?:ed|ing)\\s+(?:them|those|these|it)\\s+up\\b[^.;!?\\n]{0,30}?${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:pairs|comparisons)\\b`,
  'g',
);
/** "They also ranked pairs of draft opinions, around 6,000 comparisons": the ranking said first, then its count. */
const RANKED_THEN_COUNT = new RegExp(
  `\\b(?:ranked|rated|compared|judged)\\s+(?:pairs|two\\s+drafts|two\\s+answers|both)\\b[^.;!?\\n]{0,60}?${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:comparisons|pairs|rankings|judg(?:e)?ments)\\b`,
  'g',
);
/**
 * A choice between two answers, counted: "annotators picked the better of two answers for 12k prompts", "agents clicked
 * which of two drafted replies they'd send, about 800 times so far". Each choice is a chosen/rejected pair.
 */
const CHOSE_ONE_OF_TWO = new RegExp(
  `\\b(?:picked|chose|choose|pick|clicked|selected|select|marked|voted\\s+(?:for|on))\\s+(?:the\\s+)?(?:better|best|preferred|which)\\s+(?:one\\s+)?of\\s+(?:two|2|the\\s+two)\\s+(?:[a-z-]+\\s+){0,2}?(?:answers?|replies|responses|drafts|outputs|completions|summaries|versions|candidates)\\b(?:[^.;!?\\n]{0,40}?\\bfor\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:prompts|questions|tickets|inputs|queries|conversations|cases)\\b|[^.;!?\\n]{0,50}?${APPROX_SOURCE}(${COUNT_SOURCE})\\s+times\\b)`,
  'g',
);
/**
 * "Our nurses have rated ~1,200 pairs of responses as better/worse", "logged which of two drafts the copywriters
 * picked, roughly 3,500 of those pairs": pairs of answers judged one against the other, counted.
 */
const RATED_PAIRS_OF_ANSWERS = new RegExp(
  `\\b(?:rated|ranked|compared|judged|labell?ed|scored|annotated)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+pairs\\s+of\\s+(?:[a-z-]+\\s+)?(?:responses|answers|replies|drafts|outputs|completions|summaries|generations)\\b`,
  'g',
);
/**
 * "the tool shows agents two draft replies and they click the better one. we've logged roughly 12k of those clicks":
 * two outputs shown, the better one picked, and the picks counted.
 */
const TWO_SHOWN_THEN_PICKS = new RegExp(
  `\\b(?:shows?|showing|gets?|see|sees|given)\\s+(?:[\\w-]+\\s+){0,2}?(?:two|2)\\s+(?:[\\w-]+\\s+)?(?:drafts?|answers?|responses?|replies|outputs?|versions?|summaries|completions|options|suggestions)\\b[^.;!?\\n]{0,60}?\\b(?:click|clicks|pick|picks|choose|chooses|select|selects|mark|marks|vote\\s+for|votes\\s+for)\\s+(?:the\\s+)?(?:better|best|preferred)\\b[^\\n]{0,80}?${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:of\\s+(?:those|these|them)\\s+)?(?:clicks|picks|choices|votes|comparisons|judgements|judgments|pairs)\\b`,
  'g',
);
const CHOICE_OF_TWO_THEN_PAIRS = new RegExp(
  `\\b(?:which|the\\s+better|the\\s+best)\\s+(?:one\\s+)?of\\s+(?:the\\s+)?(?:two|2|both)\\s+(?:[\\w-]+\\s+)?(?:drafts?|answers?|responses?|replies|outputs?|versions?|summaries|completions|generations|options)\\b[^.;!?\\n]{0,60}?${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:of\\s+(?:those|these|them)\\s+)?(?:pairs|comparisons|choices|picks)\\b`,
  'g',
);
/**
 * "for ~2,300 of them the agent also wrote a better reply": the model's answer against the person's rewrite, counted,
 * is a chosen/rejected pair each.
 */
const COUNT_REWRITTEN_BETTER = new RegExp(
  `\\b(?:for|on|in)\\s+${APPROX_SOURCE}(${COUNT_SOURCE})\\s+of\\s+(?:them|those|these)\\b[^.;!?\\n]{0,40}?\\b(?:wrote|rewrote|gave|added|typed|provided|supplied)\\s+(?:a\\s+|an\\s+|the\\s+)?(?:better|preferred|corrected|improved|ideal|fixed)\\s+(?:reply|replies|answers?|responses?|versions?|drafts?|outputs?)\\b`,
  'g',
);
/** "2,500 (draft, edited) pairs", "1,200 draft/edited pairs": a model's draft against a person's edit, each a pair. */
const DRAFT_EDITED_PAIRS = new RegExp(
  `${APPROX_SOURCE}(${COUNT_SOURCE})\\s+(?:\\(\\s*)?(?:model\\s+|ai\\s+|original\\s+)?(?:drafts?|outputs?|answers?|originals?|generations?)\\s*(?:,|\\/|vs\\.?|versus|and|->|→)\\s*(?:human[\\s-]|analyst[\\s-]|expert[\\s-])?(?:edited|corrected|rewritten|fixed|revised|final)(?:\\s+(?:ones?|versions?|drafts?))?(?:\\s*\\))?\\s+pairs\\b`,
  'g',
);
const NO_PAIRS =
  /\b(?:no\s+|zero\s+|don'?t\s+have\s+(?:any\s+)?|do\s+not\s+have\s+(?:any\s+)?|without\s+(?:any\s+)?|(?:we've|we\s+have|i've|i\s+have)\s+never\s+(?:collected|gathered|logged|had|built)\s+(?:any\s+)?)(?:(?:actual|real)\s+)?(?:pref(?:erence)?\.?\s+(?:data|pairs)|chosen[\s/-]+rejected\s+pairs|pairwise\s+(?:data|ratings)|side[\s-]by[\s-]side\s+(?:pairs|comparisons))\b|\b(?:we\s+have|we've\s+got|there\s+are)\s+(?:zero|no)\s+pairs\b|\b(?:nobody|no\s?one)(?:'s|\s+has)\s+(?:ever\s+)?(?:rated|ranked|compared|scored)\s+(?:any\s+)?(?:of\s+(?:the|our)\s+)?(?:answers|responses|outputs|replies|drafts)\b/g;

/**
 * "we had a DPO run … 20k pairs": in a message about preference training, a bare "N pairs" (no kind of pair named
 * before it, such as Q&A or input/output) counts chosen/rejected pairs.
 */
const PREFERENCE_TRAINING =
  /\b(?:dpo|rlhf|orpo|kto|simpo|ipo|reward\s+model(?:ing)?|preference\s+(?:tuning|optimi[sz]ation|training|data)|chosen(?:\s*\/\s*|\s+(?:vs\.?|and)\s+)rejected)\b/;
/** "The 4,000 are extra: preference pairs", "the 2k were chosen/rejected pairs": a count said to be pairs. */
const THE_COUNT_ARE_PAIRS = new RegExp(
  `\\bthe\\s(${COUNT_SOURCE})\\s(?:are|were)\\s(?:[a-z-]+\\s?[:,-]?\\s){0,2}?(?:preference|chosen[\\s/-]+(?:vs\\.?\\s)?rejected|comparison)\\s(?:pairs|comparisons)\\b`,
  'g',
);
/**
 * "a few hundred cases where reviewers compared two responses and picked the better one, probably three hundred or
 * so": choices between two answers, counted (the figure said after a rough count wins).
 */
const CASES_WHERE_ONE_OF_TWO_PICKED = new RegExp(
  `(?:${APPROX_SOURCE}(${COUNT_SOURCE})|\\ba\\s+(?:few|couple(?:\\s+of)?)\\s+(?:hundred|thousand))\\s+(?:cases|examples|prompts|questions|tickets|times|conversations|queries)\\s+(?:where|in\\s+which|that)\\s+(?:[a-z-]+\\s+){1,2}?(?:compared|looked\\s+at|saw|read|got)\\s+(?:two|2|a\\s+pair\\s+of)\\s+(?:[a-z-]+\\s+)?(?:responses|answers|replies|drafts|outputs|completions|summaries|versions)\\s+and\\s+(?:picked|chose|marked|selected|flagged|clicked)\\s+(?:the\\s+)?(?:better|best|preferred)(?:\\s+one)?\\b(?:[,.;]?\\s+(?:probably|maybe|about|roughly|like|around|so)\\s+(${COUNT_SOURCE})(?=\\s*(?:or\\s+so\\b|pairs\\b|of\\s+them\\b|[.,;!?]|$)))?`,
  'g',
);
const BARE_PAIRS = new RegExp(`${APPROX_SOURCE}(${COUNT_SOURCE})\\s+pairs\\b(?!\\s+of\\b)`, 'g');

export const extractPreferencePairs: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(PAIRS, lower)) {
    const value = parseCount(match[1] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const match of allMatches(RANKED_PAIRS, lower)) {
    const value = parseCount(match[1] ?? match[2] ?? match[3] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const match of allMatches(RANKED_THEN_COUNT, lower)) {
    const value = parseCount(match[1] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const match of allMatches(CHOSE_ONE_OF_TWO, lower)) {
    const value = parseCount(match[1] ?? match[2] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const pattern of [RATED_PAIRS_OF_ANSWERS, CHOICE_OF_TWO_THEN_PAIRS, TWO_SHOWN_THEN_PICKS])
    for (const match of allMatches(pattern, lower)) {
      const value = parseCount(match[1] ?? '');
      if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
    }
  for (const match of allMatches(THE_COUNT_ARE_PAIRS, lower)) {
    const value = parseCount(match[1] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const match of allMatches(DRAFT_EDITED_PAIRS, lower)) {
    const value = parseCount(match[1] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const match of allMatches(COUNT_REWRITTEN_BETTER, lower)) {
    const value = parseCount(match[1] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const match of allMatches(CASES_WHERE_ONE_OF_TWO_PICKED, lower)) {
    // (The figure after is read only when the count before was rough: "a few hundred …, probably three hundred".)
    const value = parseCount(match[1] ?? match[2] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  for (const match of allMatches(PAIRED_RATINGS, lower)) {
    const value = parseCount(match[1] ?? '');
    if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
  }
  if (findings.length === 0 && PREFERENCE_TRAINING.test(lower)) {
    for (const match of allMatches(BARE_PAIRS, lower)) {
      const value = parseCount(match[1] ?? '');
      if (value !== undefined) findings.push(findingFromMatch('preferencePairs', value, match));
    }
  }
  for (const match of allMatches(NO_PAIRS, lower)) findings.push(findingFromMatch('preferencePairs', 0, match));
  return findings;
};
