import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { MethodId } from '../profile/profile-schema.ts';
import { topMethodOf } from './explain-prompt.ts';

/**
 * Checks an LLM explanation against the engine's result before it may be shown as final (pure).
 * It must name the top method (by id or by its name from the knowledge) and must not present a not-viable method as
 * recommended ("I recommend X", "go with X", "the best option is X", "X is the best choice", "you should use X"…).
 * A negation just before the phrase ("I would not recommend X", "don't go with X") or a condition just after it
 * ("X would be the best option if you had more memory") does not count.
 * It is deliberately strict: a false alarm costs only the LLM's prose (the template is shown instead), a miss would
 * contradict the engine.
 */

export type ExplanationCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'top-method-missing' | 'not-viable-recommended'; readonly detail: string };

/**
 * Lower-case, citations ("[lora]") removed (source ids may equal method ids), hyphens/underscores/dashes to spaces,
 * curly apostrophes straightened, whitespace collapsed.
 */
export function normalizeForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/\[[^\]\n]*\]/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[-_\u2010-\u2015]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The ways a text may name a method: its id, its name, the name without its parenthesis, and each comma-separated
 * item of the parenthesis (items shorter than 3 characters are ignored).
 */
export function methodAliases(id: MethodId, knowledge: Pick<Knowledge, 'methodById'>): string[] {
  const aliases = new Set<string>([normalizeForMatching(id)]);
  const name = knowledge.methodById.get(id)?.name;
  if (name) {
    aliases.add(normalizeForMatching(name));
    const withoutParenthesis = name.replace(/\([^)]*\)/g, ' ');
    if (withoutParenthesis.trim().length >= 3) aliases.add(normalizeForMatching(withoutParenthesis));
    // "Preference tuning (RLHF, DPO, reinforcement fine-tuning)" is also named by each item of its parenthesis.
    for (const match of name.matchAll(/\(([^)]+)\)/g))
      for (const part of (match[1] ?? '').split(/[,;]/)) {
        const inner = normalizeForMatching(part);
        if (inner.length >= 3) aliases.add(inner);
      }
  }
  // Longest first so the alternation prefers "full fine tuning" over a shorter alias.
  return [...aliases].filter((alias) => alias.length > 0).sort((left, right) => right.length - left.length);
}

const aliasPattern = (aliases: string[]) => `(?:${aliases.map(escapeRegExp).join('|')})`;

/** Phrases that present X as the recommendation; `X` is replaced by the method's alias alternation. */
const ENDORSEMENT_TEMPLATES = [
  String.raw`\b(?:recommend|recommends|recommended|recommending|recommendation is|suggest|suggests|suggested|advise|advises|advised|propose|proposes|proposed)(?:\s+(?:that|you|to|using|use|going|with|starting|doing|trying|adopting|the|a|an|is|be|would)){0,4}\s+X\b`,
  String.raw`\b(?:go|going|goes|start|starting|begin|beginning|stick|sticking)\s+with\s+(?:the\s+|a\s+|an\s+)?X\b`,
  String.raw`\b(?:best|top|ideal|right|preferred|recommended|optimal|strongest|winning|clear)\s+(?:option|choice|approach|method|path|fit|bet|strategy|route|pick|answer|solution)\b[^.!?;\n]{0,40}?\b(?:is|would be|remains|will be)\s+(?:to\s+)?(?:use\s+|do\s+|apply\s+)?(?:the\s+|a\s+|an\s+)?X\b`,
  String.raw`\bX\s+(?:is|would be|remains|will be)\s+(?:the\s+|your\s+|our\s+|clearly\s+the\s+|definitely\s+the\s+)?(?:best|top|ideal|right|preferred|recommended|optimal|strongest|winning|way to go)\b`,
  String.raw`\byou\s+(?:should|must|need to|ought to)\s+(?:definitely\s+|really\s+)?(?:use|go with|choose|pick|start with|do|try|adopt|opt for|apply)\s+(?:the\s+|a\s+|an\s+)?X\b`,
  String.raw`\b(?:opt for|i would choose|i'd choose|i would pick|i'd pick|our pick is|my pick is)\s+(?:the\s+|a\s+|an\s+)?X\b`,
];

const NEGATION = /\b(?:not|never|no|cannot|against|avoid|instead of|rather than|unless|without|neither|nor)\b|n't\b/;
/** How many words before an endorsement are searched for a negation ("I would NOT recommend X"). */
const NEGATION_WINDOW_WORDS = 4;

/** Only the words of the same clause count: "LoRA is not viable, and I suggest X" endorses X. */
const CLAUSE_BOUNDARY = /[.!?;:,\n]|\b(?:and|but|so|yet|while|whereas|however)\b/g;

function isNegated(normalizedText: string, matchIndex: number): boolean {
  const before = normalizedText.slice(0, matchIndex);
  let clauseStart = 0;
  for (const boundary of before.matchAll(CLAUSE_BOUNDARY)) clauseStart = boundary.index + boundary[0].length;
  const words = before.slice(clauseStart).trim().split(' ');
  return NEGATION.test(words.slice(-NEGATION_WINDOW_WORDS).join(' '));
}

/** "X would be the best option if you had more memory" is conditional on other facts, not a recommendation. */
const CONDITION = /^[^.!?;\n]{0,60}?\b(?:if|once|unless|provided|assuming)\b/;

function isConditional(normalizedText: string, matchEnd: number): boolean {
  return CONDITION.test(normalizedText.slice(matchEnd));
}

/** Does the text present this method as recommended (not negated)? Returns the offending phrase or undefined. */
export function findEndorsement(text: string, aliases: string[]): string | undefined {
  const normalizedText = normalizeForMatching(text);
  const alternation = aliasPattern(aliases);
  for (const template of ENDORSEMENT_TEMPLATES) {
    const pattern = new RegExp(template.replaceAll('X', alternation), 'g');
    for (const match of normalizedText.matchAll(pattern))
      if (!isNegated(normalizedText, match.index) && !isConditional(normalizedText, match.index + match[0].length))
        return match[0];
  }
  return undefined;
}

/** Does the text mention the method (any alias, on word boundaries)? */
export function mentionsMethod(text: string, aliases: string[]): boolean {
  return new RegExp(`(?:^|[^a-z0-9])${aliasPattern(aliases)}(?![a-z0-9])`).test(normalizeForMatching(text));
}

/** Check an explanation against the engine's result. */
export function checkExplanation(
  text: string,
  recommendation: Recommendation,
  knowledge: Pick<Knowledge, 'methodById'>,
): ExplanationCheck {
  const top = topMethodOf(recommendation);
  if (top && !mentionsMethod(text, methodAliases(top.method, knowledge)))
    return {
      ok: false,
      problem: 'top-method-missing',
      detail: `the explanation never names the top method ${top.method}`,
    };
  for (const entry of recommendation.recommendations) {
    if (entry.verdict !== 'not-viable') continue;
    const phrase = findEndorsement(text, methodAliases(entry.method, knowledge));
    if (phrase)
      return {
        ok: false,
        problem: 'not-viable-recommended',
        detail: `the explanation presents the not-viable method ${entry.method} as recommended ("${phrase}")`,
      };
  }
  return { ok: true };
}
