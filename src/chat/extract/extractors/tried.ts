/**
 * @module What the team already tried and how it went (`tried`): "few-shot plateaued at 81%", "RAG didn't help",
 * "prompting works fine".
 */
import type { MethodId } from '../../../profile/profile-schema.ts';
import { METHOD_SOURCE, methodFromPhrase } from '../method-names.ts';
import { allMatches, finding } from '../prepare-message.ts';
import type { AnswerReader } from '../short-answer.ts';
import type { Extractor, Finding } from '../types.ts';

/** How it went, most telling first: "not good enough" is a failure although it contains "good enough". */
const TRIED_RESULT: readonly (readonly ['good-enough' | 'plateaued' | 'failed', RegExp])[] = [
  [
    'plateaued',
    /\b(?:plateau\w*|stall\w*|stuck\s+(?:at|around)|tops?\s+out|topped\s+out|maxed\s+out|hit\s+a\s+(?:wall|ceiling)|no\s+longer\s+improv\w*|stopped\s+improving|(?:isn't|not)\s+improving\s+(?:any\s+)?(?:more|further)|diminishing\s+returns|level(?:s|ed|ling)?\s+off|flat(?:lined)?\s+(?:at|around)|can't\s+(?:get\s+(?:it\s+)?(?:past|above|beyond|over|higher)|push\s+(?:it\s+)?(?:any\s+)?(?:further|higher|past|beyond))|no\s+further\s+(?:gains|improvement)|most\s+of\s+the\s+way)\b/,
  ],
  [
    'failed',
    /\b(?:fail\w*|(?:didn't|did\s+not|doesn't|does\s+not|don't)\s+(?:really\s+)?(?:help|work|improve|move\s+the\s+needle)|(?:wasn't|isn't|weren't|aren't|was\s+not|is\s+not)\s+(?:really\s+)?(?:good\s+enough|enough|working|reliable|accurate)|made\s+(?:it|things)\s+worse|no\s+(?:improvement|gain|luck|dice)|useless|not\s+(?:good\s+enough|enough|great|reliable)|ignores?\s+(?:it|them|the\s+passages|the\s+context)|worse|overfit\w*|(?:terrible|awful|poor|bad|disappointing|underwhelming)\s+(?:results|quality|answers|accuracy|outputs?)|badly|poorly|garbage|keeps\s+(?:breaking|failing|getting\s+\w+\s+wrong)|unreliable|barely\s+(?:helped|moved|improved|changed)|did\s+nothing)\b/,
  ],
  [
    'good-enough',
    /\b(?:good\s+enough|works?\s+(?:(?:really|pretty|quite)\s+)?(?:well|fine|great|ok|okay|nicely)|worked\s+(?:(?:really|pretty|quite)\s+)?(?:well|fine|great|ok|okay)|working\s+(?:(?:really|pretty|quite)\s+)?(?:well|fine|great|ok|okay)|(?:quality|answers|results|output|outputs|accuracy)\s+(?:is|are)\s+(?:(?:mostly|pretty|really|actually|already)\s+)?(?:fine|good|great|ok|okay|decent|solid|acceptable)|happy\s+with\s+(?:the\s+)?(?:quality|results|answers|it)|solved\s+it|does\s+the\s+job|gets?\s+the\s+job\s+done)\b/,
  ],
];

/**
 * A method the team used: after a verb of trying or using ("we tried few-shot", "we've been doing RAG"), or as the
 * subject of how it went ("prompting alone wasn't enough", "retrieval is working well").
 */
const TRIED_VERB = new RegExp(
  `\\b(?:tried|tested|attempted|experimented\\s+with|used|using|been\\s+using|doing|been\\s+doing|built|did|have|had|ran|running|set\\s+up|went\\s+with|implemented|deployed|shipped|our)\\s+(?:(?:a|an|the|some|basic|simple|plain|careful|lots\\s+of|extensive|heavy|\\w+)\\s+){0,2}(${METHOD_SOURCE})\\b|\\b(${METHOD_SOURCE})\\s+(?:alone\\s+|only\\s+|by\\s+itself\\s+)?(?:has\\s+|have\\s+|had\\s+|is\\s+|was\\s+|already\\s+|are\\s+)?(?=plateau|stall|stuck|top|max|hit|fail|didn|did\\s+not|doesn|does\\s+not|made|works?|worked|working|is\\s+good|gets?\\s+us|got\\s+us|reach|only\\s+gets|wasn|isn|weren|aren|was\\s+not|is\\s+not|keeps|overfit|barely|helped|good\\s+enough|fine|ok|okay|decent|not\\s+(?:good|enough|great))`,
  'g',
);
const ANY_METHOD = new RegExp(`\\b(${METHOD_SOURCE})\\b`, 'g');
/** How far after the method its outcome may be said. */
const OUTCOME_WINDOW = 120;

/** The words that say how one method went: the rest of its sentence, up to the next method named. */
function outcomeWindow(lower: string, end: number): string {
  const sentence = lower.slice(end, Math.min(lower.length, end + OUTCOME_WINDOW)).split(/[.;!?\n]/)[0] ?? '';
  ANY_METHOD.lastIndex = 0;
  const next = ANY_METHOD.exec(sentence);
  return next ? sentence.slice(0, next.index) : sentence;
}

export const extractTried: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(TRIED_VERB, lower)) {
    const method: MethodId | undefined = methodFromPhrase(match[1] ?? match[2] ?? '');
    if (!method) continue;
    const end = match.index + match[0].length;
    const window = outcomeWindow(lower, end);
    const result = TRIED_RESULT.find(([, pattern]) => pattern.test(window))?.[0];
    if (!result) continue;
    findings.push(finding('tried', [{ method, result }], match.index, end));
  }
  return findings;
};

/** A reply that nothing was tried yet: "nothing yet", "none", "not yet". */
const NOTHING_TRIED =
  /^\W*(?:nothing|none|not\s+yet|no(?:thing)?\s+yet|we\s+haven't(?:\s+tried\s+anything)?|haven't\s+tried\s+anything|n\/a)\b/;
/**
 * Reads a reply to "What have you already tried, and how did it go?": every method it names with the outcome it
 * states ("prompting and few-shot, both plateaued"), or nothing tried yet (an empty list). A method without an
 * outcome is not read: the outcome is what the advice needs.
 */
export const triedAnswer: AnswerReader = ({ message, text, start, end }) => {
  if (NOTHING_TRIED.test(text)) return finding('tried', [], start, end);
  const result = TRIED_RESULT.find(([, pattern]) => pattern.test(text))?.[0];
  if (!result) return undefined;
  const methods = new Set<MethodId>();
  for (const match of allMatches(ANY_METHOD, message.lower)) {
    const method = methodFromPhrase(match[1] ?? '');
    if (method) methods.add(method);
  }
  if (methods.size === 0) return undefined;
  return finding(
    'tried',
    [...methods].map((method) => ({ method, result })),
    start,
    end,
  );
};
