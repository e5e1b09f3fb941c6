/**
 * The extraction report: runs the rule-based extractor over the annotated corpus with the real knowledge
 * catalogs and prints precision and recall per field. Fails below the quality bar (micro precision 0.95,
 * micro recall 0.9, no field under 0.85 precision). Writes nothing to disk.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import type { Knowledge } from '../../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import { type CorpusUtterance, loadCorpus, precisionRecall, scoreCorpus } from './corpus-scoring.ts';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge', import.meta.url));

let knowledge: Knowledge;
let corpus: CorpusUtterance[];

beforeAll(async () => {
  knowledge = await loadKnowledge(KNOWLEDGE_DIR);
  corpus = loadCorpus();
});

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

describe('extraction report over the corpus', () => {
  it('has at least 170 annotated utterances', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(170);
  });

  it('meets the precision and recall bar, per field and micro-averaged', () => {
    const extract = (utterance: CorpusUtterance) =>
      extractProfile(utterance.text, {
        knowledge,
        ...(utterance.requestedField ? { requestedField: utterance.requestedField } : {}),
      });
    const { scores, misses } = scoreCorpus(corpus, extract, knowledge);

    const rows = [...scores.entries()].sort(([a], [b]) => a.localeCompare(b));
    const total = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    const lines = [`${'field'.padEnd(28)}    TP    FP    FN  precision  recall`];
    for (const [key, score] of rows) {
      total.truePositives += score.truePositives;
      total.falsePositives += score.falsePositives;
      total.falseNegatives += score.falseNegatives;
      const { precision, recall } = precisionRecall(score);
      lines.push(
        `${key.padEnd(28)} ${String(score.truePositives).padStart(5)} ${String(score.falsePositives).padStart(5)} ${String(score.falseNegatives).padStart(5)}    ${percent(precision)} ${percent(recall)}`,
      );
    }
    const micro = precisionRecall(total);
    lines.push(
      `${'micro-average'.padEnd(28)} ${String(total.truePositives).padStart(5)} ${String(total.falsePositives).padStart(5)} ${String(total.falseNegatives).padStart(5)}    ${percent(micro.precision)} ${percent(micro.recall)}`,
    );
    const heldOut = corpus.filter((utterance) => utterance.batch === 'held-out');
    const heldOutTotal = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    for (const score of scoreCorpus(heldOut, extract, knowledge).scores.values()) {
      heldOutTotal.truePositives += score.truePositives;
      heldOutTotal.falsePositives += score.falsePositives;
      heldOutTotal.falseNegatives += score.falseNegatives;
    }
    const heldOutMicro = precisionRecall(heldOutTotal);
    lines.push(
      `${`held-out batch (${heldOut.length})`.padEnd(28)} ${String(heldOutTotal.truePositives).padStart(5)} ${String(heldOutTotal.falsePositives).padStart(5)} ${String(heldOutTotal.falseNegatives).padStart(5)}    ${percent(heldOutMicro.precision)} ${percent(heldOutMicro.recall)}`,
    );
    lines.push('', `${corpus.length} utterances, knowledge ${knowledge.version}. Misses:`);
    for (const miss of misses) {
      lines.push(
        `  ${miss.key}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)} ← ${JSON.stringify(miss.text)}`,
      );
    }
    console.log(lines.join('\n'));

    expect(micro.precision).toBeGreaterThanOrEqual(0.95);
    expect(micro.recall).toBeGreaterThanOrEqual(0.9);
    const weakFields = rows.filter(([, score]) => precisionRecall(score).precision < 0.85).map(([key]) => key);
    expect(weakFields).toEqual([]);
  });
});
