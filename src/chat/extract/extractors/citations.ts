/** @module Citations: "must cite the policy", "needs to show sources" → true; "don't need citations" → false. */
import { allMatches, createSpanIndex, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const SOURCE_NOUN = String.raw`(?:(?:the\s+|its\s+|their\s+|our\s+)?(?:(?:exact|specific|relevant|original|underlying)\s+)?(?:sources?|citations?|references?)|(?:the|its|their)\s+(?:(?:exact|specific|relevant|original|underlying)\s+)?(?:policy|policies|document|documents|docs|passages?|paragraphs?|sections?|clauses?|articles?|pages?|manual|regulations?|contract|rulings?)|(?:(?:the|its|their)\s+)?(?:manual|document|dossier|report|policy|contract|regulation|standard|sop)\s+(?:sections?|pages?|clauses?|paragraphs?|articles?|chapters?|references?)|where\s+(?:the\s+answer|it|the\s+information|info)\s+(?:came|comes)\s+from)`;
const CITE = new RegExp(
  [
    String.raw`\bcit(?:e|es|ing|ation|ations)\b(?:\s+(?:(?:the|our|its|their)\s+)?(?:sources?|policy|policies|documents?|docs|passages?|sections?|clauses?|articles?|pages?|regulations?|references?))?`,
    String.raw`\b(?:show|shows|showing|give|gives|giving|provide|provides|providing|include|includes|including|list|link(?:s|ing)?\s+to|point(?:s|ing)?\s+to|quote|quotes|quoting|reference|references|referencing|attach|surface)\s+${SOURCE_NOUN}`,
    // (\"headlines with their article text\" pairs data; only \"with sources / citations\" asks for them.)
    String.raw`\bwith\s+(?:the\s+|its\s+|their\s+)?(?:(?:exact|specific|relevant|original|underlying)\s+)?(?:sources?|citations?|references?)\b`,
    // "answer questions and show the report it used".
    String.raw`\b(?:show|shows|name|names|give|gives|cite|cites|point\s+to|link\s+to)\s+(?:the|which)\s+(?:reports?|documents?|sources?|pages?|files?|manuals?|rulings?)\s+(?:it|they)\s+(?:used|came\s+from|relied\s+on|is\s+based\s+on)\b`,
    // "answers with the clause it came from", "with the exact passage".
    String.raw`\bwith\s+the\s+(?:(?:exact|specific|relevant|original|underlying)\s+)?(?:clause|passage|section|page|paragraph|document|policy)s?\s+(?:it|they|that)\s+(?:came|comes|is|are|was|were)\s+from\b`,
    String.raw`\b(?:traceable|verifiable|grounded|attributable)\s+(?:to\s+(?:the\s+)?(?:sources?|docs|documents|policy)|answers?)\b`,
    String.raw`\bsource\s+(?:attribution|links?)\b`,
    // "every claim needs a cited source".
    String.raw`\b(?:needs?|requires?|must\s+have)\s+(?:a\s+)?cited\s+(?:sources?|references?)\b`,
    String.raw`\b(?:and|must|has\s+to|should)\s+quote\s+(?:it|them|the\s+source)\b`,
    String.raw`\blink(?:s|ing|ed)?\s+(?:back\s+)?(?:to\s+)?(?:the\s+|its\s+|their\s+)?(?:exact\s+|specific\s+|relevant\s+)?(?:(?:kb|source|help[\s-]?cent(?:er|re)|wiki|knowledge[\s-]base|policy|original|underlying)\s+)?(?:articles?|pages?|documents?|docs|sources?|policy|policies|sections?|clauses?|paragraphs?|tickets?|threads?|records?)\b`,
    // "say which article it got the answer from", "tell them which page it used".
    String.raw`\b(?:say|says|tell|tells|show|shows|state|states|mention|name|names)\s+(?:them\s+|us\s+|the\s+user\s+)?which\s+(?:article|page|doc|document|source|section|policy|clause|paragraph|ticket|file|manual|passage|regulation|rule)s?\s+(?:it|they|the\s+answer|that|was|were)\b|\b(?:say|says|tell|tells|show|shows|state|states|mention|name|names)\s+(?:them\s+|us\s+|the\s+user\s+)?which\s+(?:record|entry|note|sheet|memo)s?\s+(?:it|they|the\s+answers?)\s+(?:came|comes|was\s+taken|were\s+taken|used|is\s+based|relied)\b`,
    // "employees need to see which policy paragraph the answer came from" (x64).
    String.raw`\b(?:see|know|check|verify)\s+which\s+(?:[\w-]+\s+){0,2}?(?:paragraph|section|clause|page|article|passage|document|doc|source|policy|rule|file|pdf)s?\s+(?:the\s+answer|it|an\s+answer|each\s+answer|the\s+reply)\s+(?:came|comes|is|was)\s+(?:from|based\s+on)\b`,
    // "every answer has to point to the doc it came from".
    String.raw`\bpoint(?:s|ing)?\s+(?:at|to)\s+(?:the|its|their|which)\s+(?:[\w-]+\s+)?(?:doc|document|source|page|article|record|file|policy|pdf|section|manual|monograph|guideline|regulation|ruling|standard|spec)s?\s+(?:it|they|the\s+answer)\s+(?:came|comes|is|was|were)\s+from\b`,
    // "point at the regulation paragraph it's based on".
    String.raw`\bpoint(?:s|ing)?\s+(?:at|to)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:paragraph|section|clause|page|article|passage|document|source|policy|regulation|rule)s?\s+(?:it|they|the\s+answer)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)?\s+(?:based\s+on|from|came\s+from|comes\s+from|drawn\s+from|taken\s+from)`,
    String.raw`\b(?:w\/|with)\s+(?:source\s+)?links\b`,
    // "get an answer that points to the actual log entry", "unless it points to the page it came from".
    String.raw`\b(?:answers?|it|that|which)\s+(?:that\s+)?points?\s+(?:at|to)\s+(?:the\s+)?(?:actual|exact|original|specific|underlying|right)\s+(?:log\s+)?(?:entry|entries|record|records|page|pages|document|passage|paragraph|section|clause|source|report|ticket|line)\b`,
    // "answers have to quote the label section", "must quote the policy paragraph": the source's place, quoted.
    String.raw`\b(?:quote|quotes|quoting|cite|cites|citing)\s+(?:the\s+|its\s+|their\s+)?(?:relevant\s+|exact\s+)?[\w-]+\s+(?:section|paragraph|clause|article|page|rule|chapter)s?\b`,
    // "an answer with the section number cited", "the page number cited": the place in the source, cited.
    String.raw`\bwith\s+(?:the\s+|its\s+|a\s+)?(?:section|page|article|paragraph|clause|rule|ordinance|code)\s+(?:number|no\.?|reference|ref)s?\s+(?:cited|quoted|shown|given)\b`,
    // "riders need the answer plus a link to the alert": a link to the source item.
    String.raw`\b(?:plus|and|with)\s+a\s+link\s+to\s+(?:the|its|their)\s+(?:alert|notice|source|article|page|document|policy|section|rule|ordinance|bulletin|announcement)s?\b`,
    // "summaries with clause references", "answers with section numbers".
    String.raw`\b(?:w\/|with)\s+(?:the\s+)?(?:clause|section|paragraph|page|article)\s+(?:references?|citations?|refs?)\b`,
    // "answers that name the source doc and page", "naming the source document".
    String.raw`\b(?:name|names|naming|give|gives|giving)\s+the\s+source(?:\s+(?:doc|document|file|page|article|pdf)s?)?\b`,
    // "see the source doc for every answer".
    String.raw`\bsee\s+the\s+source(?:\s+(?:doc|document|file|page|article|pdf)s?)?\s+(?:for|behind|of)\s+(?:every|each|the)\s+answers?\b`,
    String.raw`\b(?:sources?|references?)\s+(?:cited|quoted|linked|shown|attached)\b`,
    // (Not DPO's "reference model", a frozen copy of the model: "it needs the reference model too".)
    String.raw`\bneed(?:s)?\s+(?:the\s+)?(?:sources?|references?)\b(?!\s+(?:of|for)\s+(?:data|training))(?!\s+(?:model|policy|copy|checkpoint|weights|network|answers?|outputs?|solutions?|implementation)\b)`,
  ].join('|'),
  'g',
);
/** "no need to cite", "citations aren't needed", "don't care about sources". */
const NO_CITATIONS = new RegExp(
  [
    String.raw`\b(?:citations?|sources?|references?)\s+(?:aren't|are\s+not|isn't|is\s+not|not)\s+(?:needed|necessary|required|important|a\s+requirement|a\s+priority)\b`,
    String.raw`\b(?:citations?|sources?)\s+(?:are\s+)?(?:optional|unnecessary)\b`,
    String.raw`\b(?:citations?|sources?|references?)\b[^.;!?\n]{0,30}?\b(?:nice[\s-]to[\s-]have|(?:but\s+)?not\s+(?:required|needed|necessary|a\s+must))\b`,
    String.raw`\bno\s+(?:need\s+(?:to|for)\s+(?:cite|citations?|sources?)|citations?(?:\s+needed|\s+required)?)\b`,
    String.raw`\b(?:don't|dont|do\s+not|doesn't|doesnt|does\s+not|won't|wont|never)\s+(?:really\s+|actually\s+|even\s+)?(?:need|have|require|care\s+about|want)\s+(?:to\s+)?(?:cite|citations?|sources?|references?)\b`,
    // "drop 'citations' from my goals", "remove citations", "forget the citations".
    String.raw`\b(?:drop|remove|forget|scrap|delete|take\s+out|strike)\s+(?:the\s+)?['"]?(?:citations?|sources?)['"]?`,
  ].join('|'),
  'g',
);

/** Finds `needsCitations`: asked-for sources or citations (true) or said not to be needed (false). */
export const extractCitations: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const negative = allMatches(NO_CITATIONS, lower);
  for (const match of negative) findings.push(findingFromMatch('needsCitations', false, match));
  const negativeSpans = createSpanIndex(
    negative.map((other) => ({ start: other.index, end: other.index + other[0].length })),
  );
  for (const match of allMatches(CITE, lower)) {
    if (negativeSpans.overlaps(match.index, match.index + match[0].length)) continue;
    if (isNegatedBefore(lower, match.index, 25)) continue;
    // "citation" inside a data description ("citation graph") is not a requirement.
    if (
      /^cit\w*\s+(?:graph|network|count|index)/.test(
        match[0] + lower.slice(match.index + match[0].length, match.index + match[0].length + 8),
      )
    )
      continue;
    findings.push(findingFromMatch('needsCitations', true, match));
  }
  return findings;
};
