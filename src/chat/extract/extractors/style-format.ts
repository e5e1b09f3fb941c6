/** @module Style or format constraints: "strict JSON output", "our brand voice", "a fixed template". */
import { allMatches, createSpanIndex, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** "the problem isn't the JSON shape", "format is not the issue": the format is said not to be what is wrong. */
export const NOT_THE_FORMAT =
  /\b(?:problem|issue)\s+(?:isn't|isnt|is\s+not)\s+(?:the\s+)?(?:json\s+|output\s+)?(?:shape|format(?:ting)?|structure|schema)\b|\b(?:the\s+)?(?:json|format(?:ting)?|output\s+format|structure)\s+(?:isn't|isnt|is\s+not)\s+the\s+(?:problem|issue)\b/;
const STYLE = new RegExp(
  [
    String.raw`\b(?:strict|valid|structured|exact|specific|fixed|consistent|rigid|particular|custom|proprietary|required|precise)\s+(?:[a-z-]+\s+){0,2}?(?:json|xml|yaml|csv|output|format(?:ting)?|schema|template|structure|style|tone)\b`,
    String.raw`\b(?:doesn'?t|doesnt|don'?t|dont|can'?t|cant|never|won'?t|wont)\s+(?:get|match|capture|nail|hit)\s+(?:(?:our|their)\s+(?:brand'?s\s+|house\s+|company'?s\s+)?|the\s+(?:brand'?s\s+|house\s+|company'?s\s+))(?:look|style|aesthetic|tone|voice|feel)\b`,
    String.raw`\b(?:match|matches|matching|follow|follows|following|fit|fits)\s+(?:our|the|a|their)\s+(?:(?:brand's|brand|house|company's|visual|fixed|strict|exact|[a-z-]+-report)\s+){1,3}(?:style|look|tone|voice|template|format)\b`,
    String.raw`\b(?:json|xml|yaml|csv|markdown\s+table)\s+(?:output|outputs|format|formatted|responses?|schema|only|mode)\b`,
    String.raw`\b(?:output|respond|answer|reply|replies|responses?)\s+(?:must\s+be\s+|should\s+be\s+|has\s+to\s+be\s+|only\s+)?(?:in\s+)?(?:valid\s+|strict\s+)?(?:json|xml|yaml)\b`,
    String.raw`\bjson[\s-]?schema\b`,
    String.raw`\b(?:must|has\s+to|needs\s+to|should)\s+be\s+(?:in|as)\s+markdown\b|\bexact\s+(?:headings|sections|layout)\b`,
    // "it ignored our section headings", "must follow our section headings", "skip mandatory sections".
    String.raw`\b(?:ignor(?:es|ed|ing)|follow(?:s|ing)?|skip(?:s|ped|ping)?|miss(?:es|ed|ing)?|keep(?:s|ing)?|use(?:s|d)?)\s+(?:our|the|its|all\s+(?:the\s+)?)?\s*(?:required\s+|mandatory\s+|fixed\s+)?(?:section\s+headings|headings|mandatory\s+sections|required\s+sections|report\s+(?:format|template|structure))\b`,
    String.raw`\b(?:brand|house|company|our|corporate|editorial)\s+(?:voice|tone|style(?:\s?guide)?|guidelines)\b`,
    String.raw`\btone\s+of\s+voice\b`,
    // "the characters have to stay in voice", "keep every NPC in character".
    String.raw`\b(?:stay|stays|staying|keep|keeps|keeping|remain|remains)\s+(?:\w+\s+){0,2}?in\s+(?:voice|character)\b(?![\s-]+(?:counts?|limits?|length|sets?|encoding))`,
    // "icons in our pixel art style", "in our own illustration style".
    String.raw`\bin\s+our\s+(?:own\s+)?(?:[a-z-]+\s+){1,2}(?:style|look|aesthetic)\b`,
    String.raw`\b(?:fix|fixes|fixing|get|gets|nail|nails|match|matches|change|changes)\s+(?:the|its|our)\s+tone\b`,
    String.raw`\bsounds?\s+(?:like\s+a\s+robot|robotic|too\s+(?:formal|stiff|casual))\b`,
    // "reminder texts that sound friendly not robotic", "replies which sound warm and human".
    String.raw`\b(?:texts?|messages?|replies|answers?|emails?|e-mails?|copy|descriptions?|reminders?|posts?|letters?|responses?|notes?|summaries|captions?|articles?|content|scripts?|dialogue|lines)\s+(?:that|which)\s+sounds?\s+(?:(?:more|less|a\s+bit|a\s+little|really|very|properly)\s+)?(?:warm|friendly|cheeky|playful|fun|human|casual|formal|professional|witty|empathetic|polite|natural|upbeat|approachable|personal)\b(?:,?\s+(?:and\s+)?(?:not|less|never)\s+robotic\b)?`,
    String.raw`\b(?:into|as)\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?json\b`,
    String.raw`\b(?:own|their|distinct|unique|specific)\s+(?:writing\s+|character\s+|brand\s+)?(?:style|tone|voice)\b`,
    String.raw`\b(?:sound|sounds|write|writes|talk)\s+like\s+(?:us|our|a|an|the)\b`,
    // "sound less robotic and more like our actual agents".
    String.raw`\b(?:sound|sounds|read|reads|come\s+across)\s+(?:a\s+lot\s+|much\s+|way\s+)?less\s+(?:robotic|stiff|generic|formal|corporate|bland)\b`,
    String.raw`\b(?:on|off)[\s-]brand\b`,
    // ("the summaries don't follow their firm's house format", "it keeps ignoring our template": a complaint, so it matters.)
    // ("invoices arrive in their own format" is the input's: "their" only after a verb of following it.)
    String.raw`\b(?:(?:match|matches|matching|follow|follows|following|keep|stick\s+to|in|ignor(?:es|ed|ing)|break(?:s|ing)?)\s+(?:our|the|a)|(?:match|matches|matching|follow|follows|following|ignor(?:es|ed|ing))\s+(?:their|each\s+(?:client|customer|firm)'s))\s+(?:(?:firm|client|customer|company|brand)'s\s+)?(?:(?:specific|house|brand|company|exact|formal|casual|friendly|professional|own)\s+)?(?:style|tone|voice|format|template|style\s?guide)\b`,
    // "every summary in our 9-section house format", "in the firm's fixed template".
    String.raw`\bin\s+(?:our|the|a)\s+(?:firm's\s+|company's\s+)?(?:\d+[\s-](?:section|part|field|column|heading)s?\s+|fixed\s+)(?:house\s+)?(?:format|template|structure|layout)\b`,
    String.raw`\b(?:keep|keeps|keeping|preserve|preserves|preserving|retain|retaining)\s+(?:the\s+|our\s+|all\s+)?(?:exact\s+)?(?:same\s+)?(?:formatting|format|layout|structure|placeholders|markup)\b`,
    // "it knows the stuff, it's the format that's wrong", "the tone is off".
    String.raw`\b(?:it's|its|it\s+is|the\s+(?:problem|issue)\s+is)\s+(?:the|its)\s+(?:format(?:ting)?|style|tone|structure)\s+(?:that's|thats|that\s+is|which\s+is)\s+(?:wrong|off|bad|broken|inconsistent|the\s+problem)\b`,
    String.raw`\b(?:the|its)\s+(?:output\s+)?(?:format(?:ting)?|tone|style)\s+(?:is|are|was)\s+(?:(?:often|always|still|just|all)\s+)?(?:wrong|off|inconsistent|all\s+over\s+the\s+place|the\s+problem)\b`,
    // "the summaries have to follow the same layout every time", "the same structure each time".
    String.raw`\b(?:follow|use|have|keep|be\s+in|come\s+out\s+in)\s+the\s+same\s+(?:layout|format|structure|template|order\s+of\s+(?:sections|fields))\s+(?:every|each)\s+(?:time|one|summary|report|answer)\b`,
  ].join('|'),
  'g',
);
const NO_STYLE = new RegExp(
  [
    String.raw`\b(?:format|style|tone|formatting)\s+(?:doesn't|does\s+not|don't|do\s+not)\s+matter\b`,
    String.raw`\b(?:free[\s-]?form|any\s+format|plain\s+text)\s+(?:is\s+)?(?:fine|ok|okay|good|enough)\b`,
    String.raw`\bno\s+(?:particular|specific|special|strict)\s+(?:format|style|tone|formatting)\b`,
    String.raw`\b(?:don't|dont|do\s+not)\s+(?:need|care\s+about|have)\s+(?:a\s+)?(?:particular\s+|specific\s+|strict\s+)?(?:format|style|tone|formatting)\b`,
    // "the problem isn't the JSON shape, it's accuracy", "formatting is not the issue".
    NOT_THE_FORMAT.source,
  ].join('|'),
  'g',
);

/** Finds `needsStyleOrFormat`: a required output format (JSON, a template) or voice (brand, house style). */
export const extractStyleOrFormat: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const negative = allMatches(NO_STYLE, lower);
  for (const match of negative) findings.push(findingFromMatch('needsStyleOrFormat', false, match));
  const negativeSpans = createSpanIndex(
    negative.map((other) => ({ start: other.index, end: other.index + other[0].length })),
  );
  for (const match of allMatches(STYLE, lower)) {
    // ("…isn't the JSON shape": the denial above, not a format to keep.)
    if (NOT_THE_FORMAT.test(lower.slice(Math.max(0, match.index - 30), match.index + match[0].length))) continue;
    // "doesn't match our tone" and "they do not sound like our brand" complain that the tone matters; other
    // negations deny the need.
    if (isNegatedBefore(lower, match.index, 20) && !/^(?:match|fit|follow|sound|write|talk)/.test(match[0])) continue;
    if (negativeSpans.overlaps(match.index, match.index + match[0].length)) continue;
    findings.push(findingFromMatch('needsStyleOrFormat', true, match));
  }
  return findings;
};
