/**
 * The language of a message plainly not in English (review18 M1): terse English spec lines and quoted samples are
 * English; the repository's English corpora give no false positives beyond their few real Spanish and German messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { otherLanguageOf } from '../../../src/chat/extract/message-language.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe('otherLanguageOf', () => {
  it.each([
    'Budget: $2 per hour, 10k requests per day, 300 ms per request.',
    'Llama 3.1 8B, 2x A100, 5k examples, $500 per month, 200 ms per call, 50k calls per day',
    'As cheap as possible, as fast as possible.',
    'Do as much as you can on device, as little as possible in the cloud.',
    'Here is a typical ticket: "Bonjour, je ne peux pas me connecter à mon compte" We want to classify these.',
    'ok',
  ])('reads %j as English', (text) => {
    expect(otherLanguageOf(text)).toBeUndefined();
  });

  it.each([
    [
      "Bonjour, nous sommes l'équipe data d'un CHU en France. Les données patients ne peuvent pas quitter l'hôpital.",
      'French',
    ],
    [
      'Hallo zusammen, kurz zu uns: wir wollen Fragen zu unseren eigenen Schriftsätzen beantworten, alles auf Deutsch.',
      'German',
    ],
    ['tenemos $12.000 dólares para el proyecto y 6 semanas para entregarlo', 'Spanish'],
  ])('reads %j as %s', (text, language) => {
    expect(otherLanguageOf(text)).toBe(language);
  });

  it('finds no other language in the English corpora beyond their few real Spanish and German messages', () => {
    const texts: string[] = [];
    const corpus = JSON.parse(readFileSync(here('./extraction-corpus.json'), 'utf8')) as {
      utterances: { text: string }[];
    };
    for (const utterance of corpus.utterances) texts.push(utterance.text);
    for (const file of readdirSync(here('./independent/')).filter((name) => name.endsWith('.json')))
      for (const utterance of (
        JSON.parse(readFileSync(here(`./independent/${file}`), 'utf8')) as { utterances: { text: string }[] }
      ).utterances)
        texts.push(utterance.text);
    const flagged = texts.filter((text) => otherLanguageOf(text) !== undefined);
    expect(texts.length).toBeGreaterThan(3000);
    // Each one flagged is really in Spanish or German (all have a word only those languages use).
    for (const text of flagged) expect(text).toMatch(/\b(?:somos|queremos|tenemos|wir|für|und)\b/i);
  });
});
