/**
 * @module What the team already tried and how it went (`tried`): "few-shot plateaued at 81%", "RAG didn't help",
 * "prompting works fine".
 */
import type { MethodId } from '../../../profile/profile-schema.ts';
import { METHOD_SOURCE, methodFromPhrase } from '../method-names.ts';
import { allMatches, finding } from '../prepare-message.ts';
import type { AnswerReader } from '../short-answer.ts';
import type { Extractor, Finding } from '../types.ts';

const TRIED_RESULT: readonly (readonly ['good-enough' | 'plateaued' | 'failed', RegExp])[] = [
  [
    'plateaued',
    /\b(?:plateau\w*|stall\w*|stuck\s+at|tops?\s+out|topped\s+out|maxed\s+out|hit\s+a\s+(?:wall|ceiling)|no\s+longer\s+improv\w*|stopped\s+improving|diminishing\s+returns|can't\s+get\s+(?:it\s+)?(?:past|above|beyond|over))\b/,
  ],
  [
    'failed',
    /\b(?:fail\w*|didn't\s+(?:help|work|improve)|did\s+not\s+(?:help|work|improve)|doesn't\s+(?:help|work)|made\s+(?:it|things)\s+worse|no\s+(?:improvement|gain|luck)|useless|not\s+(?:good\s+enough|enough)|ignores?\s+(?:it|them|the\s+passages|the\s+context)|worse)\b/,
  ],
  [
    'good-enough',
    /\b(?:good\s+enough|works?\s+(?:well|fine|great|ok|okay)|worked\s+(?:well|fine|great)|quality\s+is\s+(?:fine|good|great|ok)|happy\s+with\s+(?:the\s+)?(?:quality|results|answers)|solved\s+it|does\s+the\s+job)\b/,
  ],
];

const TRIED_VERB = new RegExp(
  `\\b(?:tried|tested|attempted|experimented\\s+with|used|built|did|have|had|ran|set\\s+up|went\\s+with|our)\\s+(?:(?:a|an|the|some|basic|simple|plain|careful|lots\\s+of|extensive|heavy|\\w+)\\s+){0,2}(${METHOD_SOURCE})\\b|\\b(${METHOD_SOURCE})\\s+(?:alone\\s+)?(?:has\\s+|have\\s+|had\\s+|is\\s+|was\\s+|already\\s+)?(?=plateau|stall|stuck|top|max|hit|fail|didn|did\\s+not|doesn|made|works?|worked|is\\s+good|gets?\\s+us|got\\s+us|reach|only\\s+gets)`,
  'g',
);

export const extractTried: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(TRIED_VERB, lower)) {
    const method: MethodId | undefined = methodFromPhrase(match[1] ?? match[2] ?? '');
    if (!method) continue;
    // The outcome is said in the same clause, within a few dozen characters after the method.
    const end = match.index + match[0].length;
    const window = lower.slice(end, Math.min(lower.length, end + 90)).split(/[.;!?\n]|\bbut\s+(?=(?:we|i)\b)/)[0] ?? '';
    const result = TRIED_RESULT.find(([, pattern]) => pattern.test(window))?.[0];
    if (!result) continue;
    findings.push(finding('tried', [{ method, result }], match.index, end));
  }
  return findings;
};

/** A reply that nothing was tried yet: "nothing yet", "none", "not yet". */
const NOTHING_TRIED =
  /^\W*(?:nothing|none|not\s+yet|no(?:thing)?\s+yet|we\s+haven't(?:\s+tried\s+anything)?|haven't\s+tried\s+anything|n\/a)\b/;
const ANY_METHOD = new RegExp(`\\b(${METHOD_SOURCE})\\b`, 'g');

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
