/**
 * @module Whether the team's GPUs are rented (`gpusRented`): "we rent them", "the L40S is rented, we don't own it",
 * "2 rented H100s", "the 2 H100s cost us about $9,000 a month" → true; "we own them", "our own GPUs" → false. A rental
 * that is only weighed ("we would rent", "we could rent one") says nothing about the GPUs the team has.
 */
import { allMatches, findingFromMatch } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/** Words that name GPUs or the machines holding them. */
const GPU_WORD = String.raw`(?:gpus?|cards?|[ahlbvt]\d{2,3}g?s?|[lt]4s?|h200s?|l40s|mi\d{3}x?s?|rtx\s?\d{4}s?|instances?|nodes?|servers?|boxes|machines?)`;

/** GPU names only (not instances or servers), for the rentals said by the hour. */
const RENTED_GPU_NAME = String.raw`(?:gpus?|[ahlbvt]\d{2,3}g?s?|[lt]4s?|h200s?|l40s|mi\d{3}x?s?|rtx\s?\d{4}s?)`;

const RENTED = new RegExp(
  [
    // "2 rented H100s", "our leased A100 nodes", "on the rented GPUs" (not "a rented GPU is fine": an option).
    String.raw`\b(?:our|the|these|those|\d+|two|three|four|six|eight|sixteen)\s+(?:[\w-]+\s+)?(?:rented|leased|hired)\s+(?:[\w-]+\s+){0,2}?${GPU_WORD}\b(?!\s+(?:is|are|would\s+be)\s+(?:fine|ok|okay|allowed|an\s+option))`,
    // "using a rented L4 by the hour", "on an L4 rented by the hour": the GPU the work runs on is a rental.
    // (Not for experiments or bigger jobs beside the team's own: "a rented T4 for experiments, production on our own A100s".)
    String.raw`\b(?:using|on|with|via)\s+(?:a|an|one)\s+rented\s+(?:[\w-]+\s+){0,2}?${RENTED_GPU_NAME}\b(?![^.;!?\n]{0,40}\b(?:for\s+(?:experiments|testing|tests|bigger\s+jobs|prototyping)|occasionally)\b)|\b${RENTED_GPU_NAME}\s+(?:rented\s+)?by\s+the\s+hour\b(?![^.;!?\n]{0,40}\b(?:for\s+(?:experiments|testing|tests|bigger\s+jobs|prototyping)|occasionally)\b)`,
    // "the L40S is rented", "they're rented", "the GPUs are all rented".
    String.raw`\b(?:they|it|those|these|the\s+(?:[\w-]+\s+){0,2}?${GPU_WORD}|our\s+(?:[\w-]+\s+){0,2}?${GPU_WORD}|${GPU_WORD})(?:'re|'s|\s+are|\s+is)\s+(?:all\s+|also\s+|just\s+)?(?:rented|leased|on\s+rent|on\s+a\s+(?:monthly|yearly)\s+(?:lease|contract|reservation))\b`,
    // "we rent them", "we rent 2 H100s", "we're renting the GPUs".
    String.raw`\b(?:we|i)(?:'re|\s+are)?\s+(?:currently\s+|already\s+|just\s+)?rent(?:ing|ed)?\s+(?:them|it|those|these|the\s+(?:[\w-]+\s+){0,2}?${GPU_WORD}|our\s+(?:[\w-]+\s+){0,2}?${GPU_WORD}|(?:\d+|one|two|three|four|six|eight|sixteen)\s*(?:x\s*)?(?:[\w-]+\s+){0,2}?${GPU_WORD})\b`,
    // "what if we rented an H100 just for the DPO stage": a GPU rented for one stage of the work.
    String.raw`\b(?:we|i)\s+(?:just\s+|only\s+)?rent(?:ed)?\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?${RENTED_GPU_NAME}\b(?=[^.;!?\n]{0,40}?\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:stage|step|phase|run|runs|job|training|tuning|fine[\s-]?tuning)\b)`,
    // "we will rent 1 L40S in the cloud and self-host": a rental decided (the GPUs it names are read as the team's).
    String.raw`\b(?:we'll|we\s+will|we're\s+going\s+to|we\s+are\s+going\s+to|we've\s+decided\s+to)\s+rent\s+(?:\d+|one|a|an|two|four|eight)\s*(?:x\s*)?(?:[\w-]+\s+){0,2}?${GPU_WORD}\b`,
    // "the 2 H100s cost us about $9,000 a month": a monthly bill for the GPUs is a rental.
    String.raw`\b${GPU_WORD}\s+(?:cost|costs|run|runs|are\s+billed\s+at|bill\s+us)\s+(?:us\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?[$€£]\s?\d[\d,.]*\s?k?\s*(?:a|per|\/)\s*(?:month|mo)\b`,
    // "2 H100s that we rent", "the A100s we lease".
    String.raw`\b${GPU_WORD}\s+(?:that\s+|which\s+)?(?:we|i)(?:'re|\s+are)?\s+(?:currently\s+|just\s+)?(?:rent|renting|lease|leasing|hire)\b`,
    // "a g6e instance we pay for by the hour", "we pay for it by the hour": an hourly bill is a rental.
    String.raw`\b${GPU_WORD}\s+(?:that\s+)?(?:we|i)\s+pay\s+(?:for\s+)?(?:by|per)\s+the\s+hour\b`,
    // "We have two A10G instances on Lambda. We pay for them by the hour." (not "contractors we pay by the hour").
    String.raw`(?<=\b${GPU_WORD}\b[^\n]{0,120}?)\b(?:we|i)\s+pay\s+for\s+(?:it|them|those|these)\s+(?:by|per)\s+the\s+hour\b`,
    // "1 L40S in our aws account (g6e)", "one A10G on AWS", "a g5 instance": a GPU in a public cloud is billed by it.
    String.raw`\b(?:\d+|one|a|an|two|four|eight)\s*(?:x\s*)?${RENTED_GPU_NAME}\s+(?:[\w()-]+\s+){0,2}?(?:in|on)\s+(?:our\s+)?(?:aws|gcp|azure(?!\s+openai)|ec2|google\s+cloud)\b|\b(?:g4dn|g5|g6e?|p4de?|p5e?)(?:\.\w+)?\s+instances?\b|\(\s*(?:g4dn|g5|g6e?|p4de?|p5e?)(?:\.\w+)?\s*\)`,
    // "we don't own them", "not owned".
    String.raw`\b(?:we|i)\s+(?:don't|do\s+not|dont)\s+own\s+(?:them|it|those|these|the\s+(?:[\w-]+\s+){0,2}?${GPU_WORD})\b`,
    String.raw`\bnot\s+owned\b`,
  ].join('|'),
  'g',
);

const OWNED = new RegExp(
  [
    String.raw`\b(?:we|i)\s+(?:actually\s+)?own\s+(?:them|it|those|these|the\s+(?:[\w-]+\s+){0,2}?${GPU_WORD}|\d+\s*(?:x\s*)?(?:[\w-]+\s+){0,2}?${GPU_WORD})\b`,
    String.raw`\b(?:they|it|those|these)(?:'re|'s|\s+are|\s+is)\s+(?:ours|owned|our\s+own|bought)\b`,
    String.raw`\b(?:we|i)\s+bought\s+(?:them|it|those|these|the\s+(?:[\w-]+\s+){0,2}?${GPU_WORD}|\d+\s*(?:x\s*)?(?:[\w-]+\s+){0,2}?${GPU_WORD})\b`,
  ].join('|'),
  'g',
);

/** A rental only weighed: "we would rent", "we could rent one", "if we rent". */
const WEIGHED_BEFORE = /\b(?:would|could|might|may|can|if|whether|should|'d|plan\s+to|want\s+to)\s+$/;

/** The team's own GPUs said in the message: "on our own 2 A100s", "our own GPUs". */
const OWN_GPUS_SAID = new RegExp(
  String.raw`\b(?:our|my)\s+own\s+(?:\d+\s*(?:x\s*)?)?(?:[\w-]+\s+){0,2}?${RENTED_GPU_NAME}\b`,
);

export const extractGpusRented: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  for (const match of allMatches(RENTED, lower)) {
    // "we'd rent them", "we could rent two H100s": the rental is weighed, not what the team has.
    const verbAt = lower.indexOf('rent', match.index);
    const before = lower.slice(Math.max(0, match.index - 12), verbAt > -1 ? verbAt : match.index);
    if (WEIGHED_BEFORE.test(before) || /\b(?:would|could|'d)\s+(?:\w+\s+)?rent/.test(match[0])) continue;
    // "a rented T4 for experiments, but production runs on our own 2 A100s": the team's GPUs are its own.
    if (OWN_GPUS_SAID.test(lower)) continue;
    findings.push(findingFromMatch('gpusRented', true, match));
  }
  for (const match of allMatches(OWNED, lower)) findings.push(findingFromMatch('gpusRented', false, match));
  return findings;
};
