/** Scoring of the extraction held-out split: per-field true/false positives and false negatives. */
import { extractProfile } from '../../../../src/chat/extract/index.ts';
import type { Knowledge } from '../../../../src/knowledge/knowledge.ts';
import { normalizeName } from '../../../../src/knowledge/normalize-name.ts';

export interface HeldOutUtterance {
  writer: string;
  text: string;
  expected: Record<string, unknown>;
}
export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

/** Fields graded here: every profile field but the free-text task (graded by the chat tests). */
const IGNORED = new Set(['task']);

function same(field: string, expected: unknown, actual: unknown, knowledge: Knowledge): boolean {
  if (typeof expected === 'number' && typeof actual === 'number')
    return expected === 0 ? actual === 0 : Math.abs(actual - expected) <= Math.abs(expected) * 0.01;
  if (
    (field === 'modelName' || field === 'teacherModel') &&
    typeof expected === 'string' &&
    typeof actual === 'string'
  ) {
    const a = knowledge.findModel(expected);
    const b = knowledge.findModel(actual);
    return a && b ? a.id === b.id : normalizeName(expected) === normalizeName(actual);
  }
  if (field === 'gpuName' && typeof expected === 'string' && typeof actual === 'string') {
    const a = knowledge.findGpu(expected);
    const b = knowledge.findGpu(actual);
    return a && b ? a.id === b.id : normalizeName(expected) === normalizeName(actual);
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const key = (item: unknown) =>
      typeof item === 'object' && item !== null
        ? `${(item as { method: string }).method}:${(item as { result: string }).result}`
        : String(item);
    return JSON.stringify(expected.map(key).sort()) === JSON.stringify(actual.map(key).sort());
  }
  return expected === actual;
}

export function scoreHeldOut(utterances: readonly HeldOutUtterance[], knowledge: Knowledge): Map<string, Score> {
  const scores = new Map<string, Score>();
  const entry = (field: string) => {
    const existing = scores.get(field);
    if (existing) return existing;
    const score = { tp: 0, fp: 0, fn: 0 };
    scores.set(field, score);
    return score;
  };
  for (const utterance of utterances) {
    const actual = extractProfile(utterance.text, { knowledge }).fields as Record<string, unknown>;
    for (const field of new Set([...Object.keys(utterance.expected), ...Object.keys(actual)])) {
      if (IGNORED.has(field)) continue;
      const want = utterance.expected[field];
      const got = actual[field];
      if (want !== undefined && got !== undefined && same(field, want, got, knowledge)) entry(field).tp++;
      else {
        if (got !== undefined) entry(field).fp++;
        if (want !== undefined) entry(field).fn++;
      }
    }
  }
  return scores;
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
