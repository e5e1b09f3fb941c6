/**
 * @module Corrections: "actually 3 GPUs", "sorry, it's 2 H100s", "make that 500 examples", "correction: weekly",
 * "3 GPUs, or rather 4", "no - 3,500 labeled emails total" ("we'd rather not…" is a preference, not a correction).
 */
import type { ProfileField } from '../../profile/profile-schema.ts';
import { createSpanIndex } from './prepare-message.ts';
import type { Finding, PreparedMessage } from './types.ts';

// ("how do we quantize it and actually run it": "actually" after "and", "to" or a question's verb only stresses.)
const MARKER =
  /\b(?:(?<!\b(?:and|to|then|could|can|might|may|would|will|should|must|(?:do|can|could|would|will|should|did)\s(?:we|i|you|it|they))\s)actually|sorry|correction|make\s+(?:that|it)(?=\s+(?:\d|a\s|an\s|one|two|three|four|five|six|seven|eight|nine|ten|about|around|roughly|more\s+like|instead|actually))|i\s+meant|i\s+mean|scratch\s+that|oops|my\s+bad|wait|to\s+correct|let\s+me\s+correct|not\s+\S+(?:\s*,)?\s+but|(?:or\s+|,\s*)rather(?!\s+than)|changed?\s+(?:it\s+|that\s+)?to|update:|instead(?!\s+of\b))\b|\bmistyped\b|\btypo\b|^\W*(?:no|nope|nah)(?=\s*[-–—:]\s*(?:it's\s+|its\s+|it\s+is\s+|we\s+have\s+|only\s+|about\s+|around\s+|~\s*)?\d)/g;
const SENTENCE_END = /[.!?\n]/g;

/**
 * Fields the user corrected: those found after a correction word ("actually", "sorry", "make that", "I meant",
 * "scratch that", "correction:") and before the end of that sentence.
 */
export function findCorrections(message: PreparedMessage, findings: readonly Finding[]): ProfileField[] {
  const { lower } = message;
  const corrected = new Set<ProfileField>();
  const sentenceEnds = sentenceEndOffsets(lower);
  const markers: number[] = [];
  /** [from, to) ranges from a marker to the end of its sentence, in marker order (so `from` ascends). */
  const ranges: { start: number; end: number }[] = [];
  let nextEnd = 0;
  MARKER.lastIndex = 0;
  for (let marker = MARKER.exec(lower); marker; marker = MARKER.exec(lower)) {
    const from = marker.index;
    const afterMarker = from + marker[0].length;
    // Sentence ends and markers both move left to right: one pointer walk, not a rescan per marker.
    while (nextEnd < sentenceEnds.length && (sentenceEnds[nextEnd] ?? 0) < afterMarker) nextEnd++;
    ranges.push({ start: from, end: sentenceEnds[nextEnd] ?? lower.length });
    markers.push(from);
  }
  if (markers.length === 0) return [];
  const inRanges = createSpanIndex(ranges);
  for (const item of findings) {
    if (inRanges.covers(item.start)) corrected.add(item.field);
    // "sorry, it's 2 H100s" may state the count before the marker's sentence ends; also a finding that contains
    // the marker word ("make that 500 examples" is one span) counts.
    else if (hasMarkerInside(markers, item.start, item.end)) corrected.add(item.field);
  }
  return [...corrected];
}

/** Offsets of the sentence ends in `lower`; a dot between digits ("1.5k") does not end the sentence. */
function sentenceEndOffsets(lower: string): number[] {
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let end = SENTENCE_END.exec(lower); end; end = SENTENCE_END.exec(lower)) {
    if (end[0] === '.' && /\d/.test(lower[end.index - 1] ?? '') && /\d/.test(lower[end.index + 1] ?? '')) continue;
    ends.push(end.index);
  }
  return ends;
}

/** True when a marker offset lies strictly inside (start, end); `markers` ascend. */
function hasMarkerInside(markers: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((markers[middle] ?? 0) <= start) low = middle + 1;
    else high = middle;
  }
  return low < markers.length && (markers[low] ?? 0) < end;
}
