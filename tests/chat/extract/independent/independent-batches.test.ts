/**
 * Extraction batches from independent writers (x4–x28: briefed with XBRIEF.md, never saw the extractor), scored on
 * arrival (figures in each file) and tuned on since: unlike the frozen held-out split, these are regression data.
 * The test prints micro and per-field precision and recall and keeps each batch above the floor it has reached.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../../../src/chat/extract/index.ts';
import type { Knowledge } from '../../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../../src/knowledge/load-knowledge.ts';
import { CorpusUtterance, precisionRecall, scoreCorpus } from '../corpus-scoring.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Floors reached on 2026-12-04 (rounded down); raise them when the figures rise. */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  x4: { precision: 0.85, recall: 0.87 },
  x5: { precision: 0.9, recall: 0.79 },
  x6: { precision: 0.89, recall: 0.9 },
  x7: { precision: 0.87, recall: 0.83 },
  x8: { precision: 0.9, recall: 0.83 },
  x9: { precision: 0.85, recall: 0.87 },
  x10: { precision: 0.88, recall: 0.87 },
  x11: { precision: 0.93, recall: 0.94 },
  x12: { precision: 0.87, recall: 0.97 },
  x13: { precision: 0.86, recall: 0.88 },
  x14: { precision: 0.91, recall: 0.88 },
  x15: { precision: 0.81, recall: 0.87 },
  x16: { precision: 0.9, recall: 0.89 },
  x17: { precision: 0.89, recall: 0.96 },
  x18: { precision: 0.9, recall: 0.88 },
  x19: { precision: 0.94, recall: 0.98 },
  x20: { precision: 0.91, recall: 0.97 },
  x21: { precision: 0.89, recall: 0.78 },
  x22: { precision: 0.89, recall: 0.81 },
  x23: { precision: 0.85, recall: 0.82 },
  // (0.92 until the model's share of a phone's memory also read as deployment mobile: one TP and one FP, since its
  // writer expects deployment mobile but not the on-device goal it implies.)
  x24: { precision: 0.915, recall: 0.87 },
  x25: { precision: 0.85, recall: 0.8 },
  // (0.87 until "articles that get edited every week" read as knowledgeChanges weekly: one TP, and one FP on goals,
  // since its writer does not list the freshness goal that weekly changes imply.)
  x26: { precision: 0.865, recall: 0.8 },
  x27: { precision: 0.9, recall: 0.8 },
  x28: { precision: 0.84, recall: 0.82 },
  x29: { precision: 0.9, recall: 0.87 },
  x30: { precision: 0.89, recall: 0.87 },
  x31: { precision: 0.82, recall: 0.92 },
  x32: { precision: 0.86, recall: 0.81 },
  x33: { precision: 0.89, recall: 0.87 },
  x34: { precision: 0.9, recall: 0.83 },
  x35: { precision: 0.9, recall: 0.78 },
  x36: { precision: 0.89, recall: 0.81 },
  x37: { precision: 0.9, recall: 0.91 },
  x38: { precision: 0.91, recall: 0.87 },
  x39: { precision: 0.82, recall: 0.83 },
  x40: { precision: 0.87, recall: 0.85 },
  x41: { precision: 0.86, recall: 0.82 },
  x42: { precision: 0.84, recall: 0.78 },
  x43: { precision: 0.9, recall: 0.88 },
  x44: { precision: 0.84, recall: 0.86 },
  x45: { precision: 0.87, recall: 0.84 },
  x46: { precision: 0.91, recall: 0.93 },
  x47: { precision: 0.87, recall: 0.9 },
  x48: { precision: 0.92, recall: 0.94 },
  x49: { precision: 0.92, recall: 0.96 },
  x50: { precision: 0.92, recall: 0.9 },
  x51: { precision: 0.88, recall: 0.91 },
  x52: { precision: 0.92, recall: 0.93 },
  x53: { precision: 0.89, recall: 0.95 },
  x54: { precision: 0.92, recall: 0.96 },
  x55: { precision: 0.93, recall: 0.94 },
  x56: { precision: 0.93, recall: 0.99 },
  x57: { precision: 0.89, recall: 0.95 },
  x58: { precision: 0.87, recall: 0.93 },
  x59: { precision: 0.93, recall: 0.95 },
  x60: { precision: 0.85, recall: 0.74 },
  x61: { precision: 0.82, recall: 0.75 },
  x62: { precision: 0.83, recall: 0.86 },
  x63: { precision: 0.88, recall: 0.93 },
  x64: { precision: 0.88, recall: 0.9 },
  x65: { precision: 0.86, recall: 0.88 },
  x66: { precision: 0.92, recall: 0.93 },
  x67: { precision: 0.8, recall: 0.8 },
  x68: { precision: 0.86, recall: 0.88 },
  x69: { precision: 0.75, recall: 0.94 },
  x70: { precision: 0.9, recall: 0.92 },
  x71: { precision: 0.84, recall: 0.78 },
  x72: { precision: 0.9, recall: 0.85 },
  x73: { precision: 0.8, recall: 0.9 },
  x74: { precision: 0.85, recall: 0.85 },
  x75: { precision: 0.75, recall: 0.85 },
  x76: { precision: 0.86, recall: 0.93 },
  x77: { precision: 0.84, recall: 0.68 },
};

interface BatchUtterance {
  text: string;
  askedField?: string;
  expected: Record<string, unknown>;
}

function load(batch: string): CorpusUtterance[] {
  const file = JSON.parse(readFileSync(here(`./${batch}.json`), 'utf8')) as { utterances: BatchUtterance[] };
  return file.utterances.map((utterance) =>
    CorpusUtterance.parse({
      text: utterance.text,
      source: batch,
      gradesV2: true,
      expected: utterance.expected,
      ...(utterance.askedField ? { requestedField: utterance.askedField } : {}),
    }),
  );
}

describe('independent extraction batches (tuned on after arrival)', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge(here('../../../../knowledge/'));
  });

  it.each(Object.keys(FLOORS))('%s: prints its figures and stays above its floor', (batch) => {
    const utterances = load(batch);
    const { scores } = scoreCorpus(
      utterances,
      (utterance) =>
        extractProfile(utterance.text, {
          knowledge,
          today: '2026-12-04',
          ...(utterance.requestedField ? { requestedField: utterance.requestedField } : {}),
        }),
      knowledge,
    );
    const total = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    const lines: string[] = [];
    for (const [field, score] of [...scores.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      total.truePositives += score.truePositives;
      total.falsePositives += score.falsePositives;
      total.falseNegatives += score.falseNegatives;
      const { precision, recall } = precisionRecall(score);
      lines.push(
        `${field.padEnd(20)} P ${(precision * 100).toFixed(0).padStart(3)}%  R ${(recall * 100).toFixed(0).padStart(3)}%`,
      );
    }
    const micro = precisionRecall(total);
    console.log(
      `${batch}: ${utterances.length} utterances, micro precision ${(micro.precision * 100).toFixed(1)}%, recall ${(micro.recall * 100).toFixed(1)}%\n${lines.join('\n')}`,
    );
    const floor = FLOORS[batch] as { precision: number; recall: number };
    expect(micro.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(micro.recall).toBeGreaterThanOrEqual(floor.recall);
  });
});
