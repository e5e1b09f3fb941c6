import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { normalizeName } from '../../src/knowledge/normalize-name.ts';
import {
  type Gpu,
  GpusFile,
  Manifest,
  type Model,
  ModelsFile,
  type Provider,
  ProvidersFile,
  SourcesFile,
} from '../../src/knowledge/schemas.ts';

/**
 * Checks the real catalog files in knowledge/ (sources, models, gpus, providers, manifest): they parse with
 * their zod schemas, every cross-reference resolves, aliases never collide, and the numbers agree with the
 * research they were taken from (parameter totals recomputed from the architectures, KV-cache sizes per token).
 */

function readKnowledge<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const text = readFileSync(new URL(`../../knowledge/${file}`, import.meta.url), 'utf8');
  return schema.parse(JSON.parse(text));
}

const { sources } = readKnowledge('sources.json', SourcesFile);
const { models } = readKnowledge('models.json', ModelsFile);
const { gpus } = readKnowledge('gpus.json', GpusFile);
const { providers } = readKnowledge('providers.json', ProvidersFile);
const manifest = readKnowledge('manifest.json', Manifest);

const sourceIds = new Set(sources.map((source) => source.id));
const modelById = new Map(models.map((model) => [model.id, model]));
const providerById = new Map(providers.map((provider) => [provider.id, provider]));

/**
 * Stricter than the loader's `normalizeName`: also case-, space-, dash-, underscore- and dot-insensitive, but keeps
 * a hub namespace ("meta-llama/…"), so two entries cannot share a name under either key.
 */
function keepNamespace(name: string): string {
  return name.toLowerCase().replace(/[\s\-_.]/g, '');
}

type KeyFunction = (name: string) => string;

interface NamedEntry {
  id: string;
  name: string;
  aliases: string[];
}

/** Map every normalised id, name and alias to the entry ids that claim it. */
function lookupTable(entries: readonly NamedEntry[], key: KeyFunction): Map<string, Set<string>> {
  const table = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const name of [entry.id, entry.name, ...entry.aliases]) {
      const normalised = key(name);
      const owners = table.get(normalised) ?? new Set<string>();
      owners.add(entry.id);
      table.set(normalised, owners);
    }
  }
  return table;
}

function collisions(entries: readonly NamedEntry[]): string[] {
  return [normalizeName, keepNamespace].flatMap((key) =>
    [...lookupTable(entries, key)]
      .filter(([, owners]) => owners.size > 1)
      .map(([normalised, owners]) => `${normalised} → ${[...owners].join(', ')}`),
  );
}

/** Resolve a name the way the loader does after its exact match fails: by its normalised key. */
function resolve(entries: readonly NamedEntry[], name: string): string | undefined {
  const owners = lookupTable(entries, normalizeName).get(normalizeName(name));
  return owners && owners.size === 1 ? [...owners][0] : undefined;
}

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/** Source ids cited anywhere in the catalogs, with where they were cited. */
function citations(): { where: string; id: string }[] {
  const cited: { where: string; id: string }[] = [];
  const cite = (where: string, ids: readonly string[]) => {
    for (const id of ids) cited.push({ where, id });
  };
  for (const model of models) cite(`model ${model.id}`, model.sources);
  for (const gpu of gpus) {
    cite(`gpu ${gpu.id}`, gpu.sources);
    if (gpu.price) cite(`gpu ${gpu.id} price`, gpu.price.sources);
  }
  for (const provider of providers) {
    cite(`provider ${provider.id}`, provider.sources);
    for (const offering of provider.offerings) cite(`provider ${provider.id} ${offering.service}`, offering.sources);
  }
  return cited;
}

/** Dates are YYYY-MM-DD or YYYY-MM; a month sorts before any day inside it, which is what these checks need. */
function onOrBefore(earlier: string, later: string): boolean {
  return earlier <= later;
}

// Every source key of adaptation-facts.md Part G and of the estimation.md "Source keys" table, lowercased.
// Rules and other catalogs cite these ids, so none may be renamed or dropped.
const RESEARCH_SOURCE_KEYS = [
  // adaptation-facts.md G1
  'gpt-3',
  'rag',
  'houlsby',
  'li-liang',
  'lester',
  'lora',
  'qlora',
  'qlora-repo',
  'biderman',
  'instructgpt',
  'dpo',
  'flan',
  'lima',
  'distilbert',
  'hsieh',
  'ovadia',
  'balaguer',
  'raft',
  'raft-smu',
  'gekhman',
  'soudani',
  'self-route',
  'bommasani',
  'cs324',
  // G2
  'oai-acc',
  'oai-opt',
  'oai-sft',
  'oai-dpo',
  'oai-rft',
  'oai-ft-banner',
  'oai-ft-guide',
  'oai-deprec',
  'oai-sdk-enum',
  'classmethod-2023',
  'ant-pe',
  'ant-ft-ga',
  'ant-cr',
  'ant-cache',
  'callsphere',
  'gemini-api-tune',
  'gcp-tune',
  'gcp-tunemode',
  'gcp-sft',
  'gcp-sft-data',
  'gcp-pref',
  'gcp-tune-ref',
  'gcp-text-tune',
  'gcp-distill',
  'gcp-distill-palm',
  'br-custom',
  'br-prep',
  'br-ft-models',
  'br-pt',
  'br-inf',
  'br-distill',
  'br-haiku-card',
  'aws-rag-pg',
  'aws-nova-blog',
  'educative-br',
  'cohere-ft',
  'cohere-br',
  'az-ft-cons',
  'az-custom',
  'az-ft-howto',
  'az-ft-models',
  'az-rft',
  'az-retire',
  'az-lab',
  'ms-learn',
  'mistral-ft',
  'together-fvp',
  'together-ft',
  'fireworks',
  'hf-course-sft',
  'accel',
  // G3
  'pt-vispro',
  'pt-msdt',
  'pt-datagate',
  'pt-rosehill',
  'tunekeep',
  'pt-vireshk',
  'pt-hive',
  'pt-skills',
  'pt-rohith',
  'pt-edu-code',
  'pt-breakeven',
  'pt-checklist',
  'nb-rvf',
  'pt-rvf-repos',
  'adj-ai4rag',
  'adj-queryloop',
  'adj-notdiamond',
  'gpupoor',
  'peft-mem',
  'gelato',
  'llmmemcalc',
  'web-inventive',
  'web-bitbyte',
  'web-codeswap',
  'web-skuld',
  'web-ooba',
  'web-wlcir',
  // estimation.md "Source keys"
  'eai-blog',
  'eai-cook',
  'hf-anat',
  'acc',
  'gp',
  'asm',
  'vok',
  'ds',
  'llma',
  'peft',
  'stas',
  'qwen-sb',
  'llama-mc',
  'ds436',
  'lambda-ae',
  'dr',
];

describe('knowledge catalogs: schemas and identity', () => {
  it('has the reference date the advice is judged at', () => {
    expect(manifest.referenceDate).toBe('2026-11-20');
  });

  it('keeps ids unique within each file', () => {
    expect(duplicates(sources.map((source) => source.id))).toEqual([]);
    expect(duplicates(models.map((model) => model.id))).toEqual([]);
    expect(duplicates(gpus.map((gpu) => gpu.id))).toEqual([]);
    expect(duplicates(providers.map((provider) => provider.id))).toEqual([]);
  });

  it('covers the catalogs at the agreed breadth', () => {
    expect(models.length).toBeGreaterThanOrEqual(36);
    expect(gpus.length).toBeGreaterThanOrEqual(16);
    expect(providers.length).toBeGreaterThanOrEqual(10);
  });

  it('has one source entry for every research source key', () => {
    expect(RESEARCH_SOURCE_KEYS.filter((key) => !sourceIds.has(key))).toEqual([]);
  });
});

describe('knowledge catalogs: cross-references', () => {
  it('cites only source ids that exist in sources.json', () => {
    const missing = citations().filter((citation) => !sourceIds.has(citation.id));
    expect(missing).toEqual([]);
  });

  it('points every API model at an existing provider and gives open-weight models a size', () => {
    const problems: string[] = [];
    for (const model of models) {
      if (model.provider !== undefined && !providerById.has(model.provider))
        problems.push(`${model.id}: unknown provider ${model.provider}`);
      if (model.access !== 'open-weights' && model.provider === undefined) problems.push(`${model.id}: no provider`);
      if (model.access === 'open-weights' && model.paramsB === undefined) problems.push(`${model.id}: no paramsB`);
    }
    expect(problems).toEqual([]);
  });

  it('lists only existing model ids in provider offerings', () => {
    const unknown = providers.flatMap((provider) =>
      provider.offerings.flatMap((offering) =>
        offering.models.filter((id) => !modelById.has(id)).map((id) => `${provider.id} ${offering.service}: ${id}`),
      ),
    );
    expect(unknown).toEqual([]);
  });

  it('explains every offering that applies to no catalogued model', () => {
    const unexplained = providers.flatMap((provider) =>
      provider.offerings
        .filter((offering) => offering.models.length === 0 && !offering.openModels && !offering.notes)
        .map((offering) => `${provider.id} ${offering.service}`),
    );
    expect(unexplained).toEqual([]);
  });

  it('dates every provider fact and price no later than the reference date', () => {
    const late: string[] = [];
    for (const provider of providers)
      for (const offering of provider.offerings) {
        if (!onOrBefore(offering.asOf, manifest.referenceDate)) late.push(`${provider.id} ${offering.service}`);
        if (offering.availableFrom && offering.endsOn && !onOrBefore(offering.availableFrom, offering.endsOn))
          late.push(`${provider.id} ${offering.service}: ends before it starts`);
      }
    for (const gpu of gpus)
      if (gpu.price && !onOrBefore(gpu.price.asOf, manifest.referenceDate)) late.push(`gpu ${gpu.id} price`);
    expect(late).toEqual([]);
  });
});

describe('knowledge catalogs: name resolution', () => {
  it('never lets one normalised name point at two entries', () => {
    expect(collisions(models)).toEqual([]);
    expect(collisions(gpus)).toEqual([]);
    expect(collisions(providers)).toEqual([]);
  });

  it.each([
    ['llama3 8b', 'llama-3-8b'],
    ['Llama 3 8B', 'llama-3-8b'],
    ['Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['llama 3.1 70b', 'llama-3.1-70b'],
    ['Llama-3.3-70B-Instruct', 'llama-3.3-70b'],
    ['mistral 7b', 'mistral-7b'],
    ['qwen2.5 7b instruct', 'qwen2.5-7b'],
    ['Qwen2.5 0.5B', 'qwen2.5-0.5b'],
    ['gpt4o', 'gpt-4o'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['4o mini', 'gpt-4o-mini'],
    ['o4-mini', 'o4-mini'],
    ['claude haiku', 'claude-3-haiku'],
    ['gemini 2.5 flash', 'gemini-2.5-flash'],
    ['whisper large', 'whisper-large-v3'],
    ['sdxl', 'sdxl-1.0'],
    ['bert base', 'bert-base'],
  ])('resolves model name %j to %s', (name, id) => {
    expect(resolve(models, name)).toBe(id);
  });

  it.each([
    ['a100 80gb', 'a100-80gb'],
    ['A100-80G', 'a100-80gb'],
    ['a100', 'a100-80gb'],
    ['a100 40gb', 'a100-40gb'],
    ['H100', 'h100-sxm'],
    ['h100 80gb', 'h100-sxm'],
    ['H100 PCIe', 'h100-pcie'],
    ['4090', 'rtx-4090'],
    ['rtx 4090', 'rtx-4090'],
    ['3090', 'rtx-3090'],
    ['5090', 'rtx-5090'],
    ['t4', 't4'],
    ['l4', 'l4'],
    ['mi300x', 'mi300x'],
  ])('resolves GPU name %j to %s', (name, id) => {
    expect(resolve(gpus, name)).toBe(id);
  });
});

/** Parameter count of a Llama-style decoder (gated MLP with three matrices, no biases) from its configuration. */
function countParameters(model: Model, activeOnly = false): number | undefined {
  const a = model.architecture;
  if (!a || (a.kind !== 'decoder' && a.kind !== 'moe-decoder')) return undefined;
  const { layers, hiddenSize, attentionHeads, kvHeads, headDim, intermediateSize, vocabSize } = a;
  if (!layers || !hiddenSize || !attentionHeads || !kvHeads || !headDim || !intermediateSize || !vocabSize)
    return undefined;
  const experts = a.experts ?? 1;
  const usedExperts = activeOnly ? (a.expertsPerToken ?? 1) : experts;
  const attention = 2 * hiddenSize * attentionHeads * headDim + 2 * hiddenSize * kvHeads * headDim;
  const router = experts > 1 ? hiddenSize * experts : 0;
  const perLayer = attention + 3 * hiddenSize * intermediateSize * usedExperts + router + 2 * hiddenSize;
  const embeddings = (a.tiedEmbeddings ? 1 : 2) * vocabSize * hiddenSize;
  return layers * perLayer + embeddings + hiddenSize;
}

const fullDecoders = models.filter((model) => countParameters(model) !== undefined);

describe('knowledge catalogs: numbers agree with the research', () => {
  it('gives full architectures for at least the 24 open decoder LLMs of the research', () => {
    expect(fullDecoders.length).toBeGreaterThanOrEqual(24);
  });

  it.each(fullDecoders.map((model) => [model.id, model] as const))(
    'recomputes paramsB of %s from its architecture within 1%%',
    (_id, model) => {
      const counted = countParameters(model) ?? 0;
      const tabled = (model.paramsB ?? 0) * 1e9;
      expect(Math.abs(counted - tabled) / tabled).toBeLessThan(0.01);
    },
  );

  it('recomputes the active parameters of the mixture-of-experts model', () => {
    const mixtral = modelById.get('mixtral-8x7b');
    expect(mixtral?.architecture?.kind).toBe('moe-decoder');
    const active = mixtral ? (countParameters(mixtral, true) ?? 0) : 0;
    expect(Math.abs(active / 1e9 - (mixtral?.activeParamsB ?? 0))).toBeLessThan(0.1);
  });

  // KV cache per token in bf16 (KiB) as tabled in estimation.md §7.1.
  it.each([
    ['llama-3.1-8b', 128],
    ['llama-3.1-70b', 320],
    ['llama-3.1-405b', 504],
    ['llama-3.2-1b', 32],
    ['llama-3.2-3b', 112],
    ['mistral-7b', 128],
    ['mixtral-8x7b', 128],
    ['qwen2.5-0.5b', 12],
    ['qwen2.5-1.5b', 28],
    ['qwen2.5-3b', 36],
    ['qwen2.5-7b', 56],
    ['qwen2.5-14b', 192],
    ['qwen2.5-32b', 256],
    ['qwen2.5-72b', 320],
    ['gemma-2-2b', 104],
    ['gemma-2-9b', 336],
    ['gemma-2-27b', 368],
    ['phi-3-mini', 384],
    ['llama-2-7b', 512],
    ['llama-2-13b', 800],
    ['llama-2-70b', 320],
  ])('gives %s a bf16 KV cache of %d KiB per token', (id, kib) => {
    const a = modelById.get(id)?.architecture;
    const bytes = 2 * (a?.layers ?? 0) * (a?.kvHeads ?? 0) * (a?.headDim ?? 0) * 2;
    expect(bytes / 1024).toBe(kib);
  });

  it.each([
    ['gpt-4o', '2027-01-14'],
    ['gpt-4o-mini', '2027-01-14'],
    ['gpt-4.1', '2027-01-14'],
    ['gpt-4.1-mini', '2027-01-14'],
    ['gpt-4.1-nano', '2026-10-23'],
    ['claude-3-haiku', '2026-09-10'],
  ])('records the shutdown date of %s as %s', (id, date) => {
    expect(modelById.get(id)?.endOfLife).toBe(date);
  });

  it('marks the GPUs without bf16 and keeps unknown throughput unknown', () => {
    const byId = new Map<string, Gpu>(gpus.map((gpu) => [gpu.id, gpu]));
    for (const id of ['t4', 'v100-16gb', 'v100-32gb']) expect(byId.get(id)?.supportsBf16).toBe(false);
    expect(byId.get('a10g')?.denseBf16Tflops).toBeNull();
    expect(byId.get('rtx-4090')?.denseBf16Tflops).toBe(165.2);
    expect(byId.get('h100-sxm')?.denseBf16Tflops).toBe(989);
  });

  it('records OpenAI fine-tuning as restricted until 2027-01-06 and Gemini API tuning as discontinued', () => {
    const openAiTuning = providerById
      .get('openai')
      ?.offerings.find((offering) => offering.service === 'supervised-fine-tuning');
    expect(openAiTuning?.status).toBe('restricted');
    expect(openAiTuning?.endsOn).toBe('2027-01-06');
    expect(openAiTuning?.minExamples).toBe(10);
    const geminiApi: Provider | undefined = providerById.get('google-gemini-api');
    expect(geminiApi?.offerings.every((offering) => offering.status === 'discontinued')).toBe(true);
  });
});
