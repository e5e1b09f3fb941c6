/** @module Corrections: "actually 3 GPUs", "sorry, it's 2 H100s", "make that 500 examples", "correction: weekly". */
import type { ProfileField } from '../../profile/profile-schema.ts';
import type { Finding, PreparedMessage } from './types.ts';

const MARKER =
  /\b(?:actually|sorry|correction|make\s+(?:that|it)|i\s+meant|i\s+mean|scratch\s+that|oops|my\s+bad|wait|to\s+correct|let\s+me\s+correct|not\s+\S+\s*,?\s+but|rather(?!\s+than)|changed?\s+(?:it\s+|that\s+)?to|update:|instead)\b|\bmistyped\b|\btypo\b/g;
const SENTENCE_END = /[.!?\n]/g;

/**
 * Fields the user corrected: those found after a correction word ("actually", "sorry", "make that", "I meant",
 * "scratch that", "correction:") and before the end of that sentence.
 */
export function findCorrections(message: PreparedMessage, findings: readonly Finding[]): ProfileField[] {
  const { lower } = message;
  const corrected = new Set<ProfileField>();
  MARKER.lastIndex = 0;
  for (let marker = MARKER.exec(lower); marker; marker = MARKER.exec(lower)) {
    const from = marker.index;
    SENTENCE_END.lastIndex = from + marker[0].length;
    let to = lower.length;
    for (let end = SENTENCE_END.exec(lower); end; end = SENTENCE_END.exec(lower)) {
      // A dot between digits ("1.5k") does not end the sentence.
      if (end[0] === '.' && /\d/.test(lower[end.index - 1] ?? '') && /\d/.test(lower[end.index + 1] ?? '')) continue;
      to = end.index;
      break;
    }
    for (const item of findings) if (item.start >= from && item.start < to) corrected.add(item.field);
    // "sorry, it's 2 H100s" may state the count before the marker's sentence ends; also a finding that contains
    // the marker word ("make that 500 examples" is one span) counts.
    for (const item of findings) if (item.start < from && item.end > from) corrected.add(item.field);
  }
  return [...corrected];
}
