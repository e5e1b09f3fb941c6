/** @module Safety-critical domains: "medical", "safety-critical", "legal advice" → true; "low stakes" → false. */
import { allMatches, createSpanIndex, findingFromMatch, isNegatedBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

const CRITICAL = new RegExp(
  [
    String.raw`\bsafety[\s-]critical\b`,
    String.raw`\b(?:life|mission)[\s-]critical\b`,
    String.raw`\b(?:medical|clinical|healthcare|health\s+care|diagnos(?:is|tic|tics|e)|patients?|triage|drug|dosage|radiology|pharma(?:ceutical)?|hospital)\b`,
    String.raw`\b(?:legal|financial|investment|tax)\s+(?:advice|decisions?|opinions?)\b`,
    String.raw`\blegal\s+(?:research|assistant|questions|counsel|domain)\b`,
    String.raw`\b(?:aviation|avionics|nuclear|autonomous\s+driving|self[\s-]driving|industrial\s+control|power\s+plant)\b`,
    String.raw`\b(?:high|very\s+high)[\s-]stakes\b`,
    String.raw`\b(?:people\s+could\s+(?:get\s+hurt|die)|harm\s+(?:people|patients|users))\b`,
  ].join('|'),
  'g',
);
const NOT_CRITICAL = new RegExp(
  [
    String.raw`\b(?:not|isn't|is\s+not|nothing)\s+(?:really\s+|very\s+)?(?:safety[\s-]critical|critical|high[\s-]stakes|life[\s-]or[\s-]death)\b`,
    String.raw`\blow[\s-](?:stakes|risk)\b`,
    String.raw`\bno\s+(?:safety|regulatory)\s+(?:concerns?|requirements?|issues?)\b`,
    String.raw`\bmistakes\s+(?:are|aren't)\s+(?:fine|ok|okay|cheap|not\s+a\s+big\s+deal)\b`,
  ].join('|'),
  'g',
);

/** Finds `safetyCritical` from the domain (medical, legal or financial advice, aviation…) or explicit words. */
export const extractSafety: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const negative = allMatches(NOT_CRITICAL, lower);
  for (const match of negative) {
    // "latency isn't critical" is about speed, not about harm.
    if (
      /\b(?:latency|speed|time|timing|cost|performance|timeline|uptime|throughput)\s*$/.test(
        lower.slice(Math.max(0, match.index - 20), match.index),
      )
    )
      continue;
    findings.push(findingFromMatch('safetyCritical', false, match));
  }
  const negativeSpans = createSpanIndex(
    negative.map((other) => ({ start: other.index, end: other.index + other[0].length })),
  );
  for (const match of allMatches(CRITICAL, lower)) {
    if (negativeSpans.covers(match.index)) continue;
    if (isNegatedBefore(lower, match.index, 15)) continue;
    findings.push(findingFromMatch('safetyCritical', true, match));
  }
  return findings;
};
