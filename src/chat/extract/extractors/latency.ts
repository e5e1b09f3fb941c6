/** @module Latency targets: "under 200 ms", "p95 below 1.5 s", "under half a second", "sub-second", "real-time". */
import { COUNT_SOURCE, parseCount } from '../numbers.ts';
import { allMatches, findingFromMatch, sentenceBefore } from '../prepare-message.ts';
import type { Extractor, Finding } from '../types.ts';

/**
 * "Real-time" and "instant" are read as a one-second target: the point where an interactive reply stops feeling
 * immediate. A convention, not a measured figure; the evidence keeps the user's word so a reply can say so.
 */
export const REAL_TIME_LATENCY_MS = 1000;

/** The lookbehind starts a number only at the first digit of a run: "1111…" would otherwise be retried per digit. */
const DURATION = String.raw`(?<![\d.])(\d+(?:\.\d+)?)\s?(ms|msec|milliseconds?|s|secs?|seconds?)\b`;
const BOUND = String.raw`(?:under|below|within|up\s+to|less\s+than|<\s?=?|at\s+most|max(?:imum)?|no\s+more\s+than|sub[\s-]|p\d{2}(?:\s+(?:of|below|under|at|<))?|target(?:\s+(?:of|is))?:?|budget\s+of|around|about|~|in)`;
const LATENCY_WORD = String.raw`(?:latency|p(?:50|90|95|99)\b|respond|responses?|reply|replies|answers?|completions?|inference|round[\s-]?trip|com(?:e|es|ing)\s+back|turnaround|ttft|time\s+to\s+first\s+token|first\s+(?:words?|tokens?)|time[\s-]to[\s-]answer|per\s+(?:summary|request|query|call|completion|segment|document|item|answer|response|message|reply))`;
/** "under 200 ms", "respond within 2 seconds", "p95 < 300ms". */
const BOUNDED = new RegExp(`\\b${BOUND}\\s*(?:~\\s*|about\\s+|around\\s+|roughly\\s+)?${DURATION}`, 'g');
/** "200ms latency", "latency of 300 ms", "latency: 1s". */
const NAMED = new RegExp(
  `${DURATION}\\s+(?:of\\s+)?(?:latency|response\\s+time|p\\d{2})|${DURATION}\\s+(?:max(?:imum)?|tops|at\\s+(?:the\\s+)?most)\\s+per\\s+(?:answer|request|response|query|call|reply|message)\\b|\\b(?:latency|response\\s+time)\\b[^.;!?\\n\\d]{0,45}?${DURATION}|${DURATION}\\s+(?:per|a|for\\s+(?:a|each))\\s+(?:response|reply|answer|request|call|message|draft)\\s+(?:is\\s+|would\\s+be\\s+)?(?:totally\\s+|perfectly\\s+)?(?:fine|ok|okay|acceptable|good\\s+enough)\\b`,
  'g',
);
/** "under two hundred milliseconds", "within five seconds": a bounded duration in words. */
const BOUNDED_WORDS = new RegExp(
  `\\b(?:under|below|within|less\\s+than|at\\s+most|no\\s+more\\s+than|(?:(?:come|comes|coming)\\s+back|respond|responds|answer|answers|reply|replies)\\s+in(?:\\s+like|\\s+about|\\s+around|\\s+roughly)?)\\s+(${COUNT_SOURCE})\\s+(milliseconds?|seconds?)\\b`,
  'g',
);
const SUB_SECOND =
  /\b(?:sub[\s-]?second|under\s+(?:a|one)\s+second|within\s+(?:a|one)\s+second|less\s+than\s+(?:a|one)\s+second)\b(?!\s+and\s+a\s+half\b)/g;
/** "under a second and a half", "within one and a half seconds": 1,500 ms. */
const SECOND_AND_A_HALF =
  /\b(?:under|below|within|less\s+than|at\s+most|in)\s+(?:a|one)\s+(?:second\s+and\s+a\s+half|and\s+a\s+half\s+seconds?)\b/g;
/** "under half a second", "within a quarter of a second": a bounded fraction of a second. */
const FRACTION_OF_SECOND =
  /\b(?:under|below|within|less\s+than|at\s+most|in)\s+(half|a\s+quarter\s+of|a\s+third\s+of)\s+a\s+(second|minute)\b/g;
const FRACTION_MS: Readonly<Record<string, number>> = { half: 500, 'a quarter of': 250, 'a third of': 333 };
/** A minute is sixty seconds: "within half a minute" is 30,000 ms. */
const UNIT_MS: Readonly<Record<string, number>> = { second: 1, minute: 60 };
/** "a couple of seconds is fine", "a few seconds per query is ok", "5 seconds would be acceptable". */
const SECONDS_ARE_FINE = new RegExp(
  `\\b(a\\s+couple\\s+of|a\\s+few|several|\\d+\\.\\d+|${COUNT_SOURCE})(?:\\s+(?:seconds?|secs?)|(?<=(?:^|[^\\d.,])\\d{1,3}(?:\\.\\d+)?)\\s?(?:s|secs?|seconds?))\\s+(?:(?:per|a|for\\s+(?:a|each))\\s+(?:query|request|answer|call|response|reply|message|document|item)\\s+)?(?:is|are|would\\s+be|'s)\\s+(?:totally\\s+|perfectly\\s+|completely\\s+|still\\s+)?(?:fine|ok(?:ay)?|acceptable|no\\s+problem|alright)\\b`,
  'g',
);
/** Loose counts of seconds: "a couple" is two, "a few" three, "several" five. */
const LOOSE_SECONDS: Readonly<Record<string, number>> = { 'a couple of': 2, 'a few': 3, several: 5 };
const REAL_TIME = /\b(?:real[\s-]?time|realtime|instant(?:aneous)?|interactive\s+latency)\b/g;
/** Real-time data ("real-time prices") is about freshness, not latency. */
const REAL_TIME_DATA_AFTER =
  /^\s*(?:data|prices|pricing|info|information|updates|inventory|knowledge|feeds?|stock|news)\b/;

function toMs(value: string | undefined, unit: string | undefined): number | undefined {
  if (value === undefined || unit === undefined) return undefined;
  const number = Number(value);
  return unit.startsWith('m') ? number : number * 1000;
}

/** Finds `latencyTargetMs` from a bounded duration near latency words, "sub-second" (1000) or "real-time". */
/** "it runs at about 400 ms today", "latency currently 800ms": a measurement, not what it must reach. */
const MEASURED_CUE =
  /\b(?:runs?\s+at|takes?|took|currently|today|right\s+now|at\s+the\s+moment|now\s+at|is\s+at|we(?:'re|\s+are)\s+at|averag\w*|we\s+(?:see|get|measure[ds]?)|measured|clocks?\s+in\s+at)\b/;
const TARGET_CUE =
  /\b(?:need|needs|must|want|target|has\s+to|have\s+to|should|goal|requirement|budget|sla|under|below|within|less\s+than|at\s+most|max)\b/;

/** True when the duration at `index` is said as what it takes now, with no target word in its clause. */
function measuredNotTarget(lower: string, index: number, said = ''): boolean {
  const before = (sentenceBefore(lower, index, 60) + said).split(/,|\bbut\b|\band\b/).pop() ?? '';
  return MEASURED_CUE.test(before) && !TARGET_CUE.test(before);
}

export const extractLatency: Extractor = (message) => {
  const { lower } = message;
  const findings: Finding[] = [];
  const taken: RegExpExecArray[] = [];
  for (const match of allMatches(NAMED, lower)) {
    const ms = toMs(match[1] ?? match[3] ?? match[5] ?? match[7], match[2] ?? match[4] ?? match[6] ?? match[8]);
    if (measuredNotTarget(lower, match.index, match[0])) {
      taken.push(match);
      continue;
    }
    if (ms !== undefined && ms > 0) {
      findings.push(findingFromMatch('latencyTargetMs', ms, match));
      taken.push(match);
    }
  }
  for (const match of allMatches(BOUNDED, lower)) {
    if (
      taken.some((other) => match.index < other.index + other[0].length && other.index < match.index + match[0].length)
    )
      continue;
    const clause = lower.slice(Math.max(0, match.index - 60), match.index + match[0].length + 40);
    const unitIsSeconds = !(match[2] ?? '').startsWith('m');
    // "in 2 s" or "under 5 seconds" only count when the sentence talks about answering.
    if (!new RegExp(LATENCY_WORD).test(clause) && (unitIsSeconds || /^in\b/.test(match[0]))) continue;
    if (measuredNotTarget(lower, match.index)) continue;
    const ms = toMs(match[1], match[2]);
    if (ms !== undefined && ms > 0) findings.push(findingFromMatch('latencyTargetMs', ms, match));
  }
  for (const match of allMatches(BOUNDED_WORDS, lower)) {
    // (Digits are BOUNDED's; seconds count only when the sentence talks about answering.)
    if (/^\d/.test(match[1] ?? '') || measuredNotTarget(lower, match.index)) continue;
    const unitIsSeconds = (match[2] ?? '').startsWith('s');
    const clause = lower.slice(Math.max(0, match.index - 60), match.index + match[0].length + 40);
    if (unitIsSeconds && !new RegExp(LATENCY_WORD).test(clause)) continue;
    const amount = parseCount(match[1] ?? '');
    if (amount !== undefined && amount > 0)
      findings.push(findingFromMatch('latencyTargetMs', unitIsSeconds ? amount * 1000 : amount, match));
  }
  for (const match of allMatches(SUB_SECOND, lower)) findings.push(findingFromMatch('latencyTargetMs', 1000, match));
  // "a couple of seconds is fine", "a few seconds per query is ok": a loose target, said as what is acceptable.
  for (const match of findings.length > 0 ? [] : allMatches(SECONDS_ARE_FINE, lower)) {
    const said = (match[1] ?? '').replace(/\s+/g, ' ');
    const seconds = LOOSE_SECONDS[said] ?? parseCount(said);
    if (seconds !== undefined && seconds > 0) findings.push(findingFromMatch('latencyTargetMs', seconds * 1000, match));
  }
  for (const match of allMatches(SECOND_AND_A_HALF, lower))
    findings.push(findingFromMatch('latencyTargetMs', 1500, match));
  for (const match of allMatches(FRACTION_OF_SECOND, lower)) {
    const ms = FRACTION_MS[(match[1] ?? '').replace(/\s+/g, ' ')];
    const unit = UNIT_MS[match[2] ?? 'second'] ?? 1;
    if (ms !== undefined) findings.push(findingFromMatch('latencyTargetMs', ms * unit, match));
  }
  // "under 300 ms since it's real-time": the number is the target, "real-time" only when nothing else is said.
  const stated = findings.length > 0;
  for (const match of stated ? [] : allMatches(REAL_TIME, lower)) {
    if (REAL_TIME_DATA_AFTER.test(lower.slice(match.index + match[0].length, match.index + match[0].length + 20)))
      continue;
    if (/\b(?:chang|updat)\w*\s+(?:in\s+)?$/.test(lower.slice(Math.max(0, match.index - 20), match.index))) continue;
    // "a human reviewing every reply in real time isn't possible": what cannot be done, not a target.
    if (
      /^[^.;!?\n]{0,20}\b(?:isn'?t|is\s+not|aren'?t|isnt)\s+(?:possible|feasible|realistic|an\s+option)\b|^[^.;!?\n]{0,20}\bimpossible\b/.test(
        lower.slice(match.index + match[0].length, match.index + match[0].length + 40),
      )
    )
      continue;
    findings.push(findingFromMatch('latencyTargetMs', REAL_TIME_LATENCY_MS, match));
  }
  return findings;
};
