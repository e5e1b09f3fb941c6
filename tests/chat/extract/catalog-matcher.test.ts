import { describe, expect, it } from 'vitest';
import { aliasKey, catalogScanner, createExtractionCatalog } from '../../../src/chat/extract/catalog-matcher.ts';
import { FIXTURE_GPUS, FIXTURE_MODELS, fixtureCatalog } from './fixture-catalog.ts';

describe('createExtractionCatalog', () => {
  it('resolves ids, names and aliases case-, space- and dash-insensitively', () => {
    expect(fixtureCatalog.findGpu('nvidia a100 80gb')?.id).toBe('a100-80gb');
    expect(fixtureCatalog.findGpu('A100')?.id).toBe('a100-80gb');
    expect(fixtureCatalog.findModel('LLAMA-3.1-8B-INSTRUCT')?.id).toBe('llama-3.1-8b');
    expect(fixtureCatalog.findModel('no such model')).toBeUndefined();
  });

  it('exposes the arrays it was built from', () => {
    const catalog = createExtractionCatalog({ models: FIXTURE_MODELS, gpus: FIXTURE_GPUS });
    expect(catalog.models).toBe(FIXTURE_MODELS);
    expect(catalog.gpus).toBe(FIXTURE_GPUS);
  });
});

describe('catalogScanner', () => {
  const scanner = catalogScanner(fixtureCatalog);

  it('is cached per catalog object', () => {
    expect(catalogScanner(fixtureCatalog)).toBe(scanner);
  });

  it('prefers the longest alias at a position', () => {
    const [mention] = scanner.findGpus('we have an a100 40gb card');
    expect(mention?.entry?.id).toBe('a100-40gb');
  });

  it('respects word boundaries and dotted versions', () => {
    expect(scanner.findGpus('the a10g box').map((mention) => mention.entry?.id)).toEqual(['a10g']);
    expect(scanner.findModels('llama 3.1 8b').map((mention) => mention.entry?.id)).toEqual(['llama-3.1-8b']);
    expect(scanner.findModels('llama 3 8b').map((mention) => mention.entry?.id)).toEqual(['llama-3-8b']);
  });

  it('accepts a plural, a vendor prefix and missing separators', () => {
    expect(scanner.findGpus('two nvidia a100s').map((mention) => [mention.entry?.id, mention.start])).toEqual([
      ['a100-80gb', 4],
    ]);
    expect(scanner.findModels('llama3 8b').map((mention) => mention.entry?.id)).toEqual(['llama-3-8b']);
  });

  it('matches a bare number alias only in GPU context', () => {
    expect(scanner.findGpus('a single 4090').length).toBe(1);
    expect(scanner.findGpus('4090 requests').length).toBe(0);
  });

  it('reports every candidate of a shared alias without choosing one', () => {
    const [mention] = scanner.findGpus('an x9');
    expect(mention?.entry).toBeUndefined();
    expect(mention?.candidates.map((gpu) => gpu.id)).toEqual(['x9-16gb', 'x9-32gb']);
  });
});

describe('aliasKey', () => {
  it('drops case, spaces, dashes, dots and underscores', () => {
    expect(aliasKey('Llama-3.1_8B Instruct')).toBe('llama318binstruct');
  });
});
