import { describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../../src/chat/extract/extractors/corpus.ts';
import { extractLabeledData } from '../../../../src/chat/extract/extractors/labeled-data.ts';
import { run } from '../extract-helpers.ts';

describe('extractLabeledData', () => {
  it.each([
    ['~5k labeled tickets', 5000],
    ['20 examples', 20],
    ['about 300 labelled pairs', 300],
    ['no labeled data', 0],
    ["we don't have labeled data", 0],
    ['12,000 annotated support emails', 12000],
    ['3M rows of labeled transactions', 3_000_000],
    ['800 tickets with their resolutions', 800],
    ['3,000 resolved tickets', 3000],
    ['2k answered questions', 2000],
    ['twenty hand-written examples', 20],
    ['1,500 approved descriptions', 1500],
    ['2,000 verified SQL queries', 2000],
    ['300 accepted drafts', 300],
    ['5-10k labeled examples', 5000],
    ['between 5 and 10k labeled examples', 5000],
    ['500-1k examples', 500],
    ['1,800 hand-checked transcripts', 1800],
    ['~1,500 clauses labeled by paralegals', 1500],
    ['one RTX 4090 and 2000 labeled examples', 2000],
  ])('reads %j as %d', (message, count) => {
    expect(run(extractLabeledData, message)).toEqual({ labeledExamples: count });
  });

  it.each([
    'thousands of examples',
    '2 GPUs and examples',
    '40k tickets',
    '500 tickets per day',
    'no data leaves the building',
  ])('invents no count from %j', (message) => {
    expect(run(extractLabeledData, message)).toEqual({});
  });
});

describe('extractCorpus', () => {
  it.each([
    ['thousands of documents', 'large'],
    ['a big wiki', 'large'],
    ['a handful of PDFs', 'small'],
    ['some docs', 'small'],
    ['4,000 PDFs', 'large'],
    ['250 pdfs', 'small'],
    ['no documents', 'none'],
  ])('reads %j as %s', (message, size) => {
    expect(run(extractCorpus, message)).toEqual({ unlabeledCorpus: size });
  });

  it('does not count labeled records as a document corpus', () => {
    expect(run(extractCorpus, '5k labeled tickets')).toEqual({});
  });
});
