import { readFile } from 'node:fs/promises';
import { extractProfile } from '../src/chat/extract/index.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import { report, summarize } from './stats.ts';

/** Rule-only extraction throughput over the extraction corpus (every utterance, many rounds). */
export async function benchExtraction(knowledge: Knowledge, rounds = 50) {
  const corpus = JSON.parse(
    await readFile(new URL('../tests/chat/extract/extraction-corpus.json', import.meta.url), 'utf8'),
  ) as { utterances: { text: string }[] };
  const texts = corpus.utterances.map((utterance) => utterance.text);
  for (const text of texts) extractProfile(text, { knowledge }); // warm-up: regexes and the alias index
  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const start = performance.now();
      extractProfile(text, { knowledge });
      samples.push(performance.now() - start);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const stats = summarize(samples);
  return report('extraction: extractProfile() rule-only', {
    utterances: texts.length,
    messagesPerSecond: Math.round(samples.length / seconds),
    p50Us: stats.p50 * 1000,
    p99Us: stats.p99 * 1000,
  });
}
