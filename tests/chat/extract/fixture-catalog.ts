/**
 * A small model and GPU catalog for the extractor unit tests, shaped like knowledge/models.json and gpus.json
 * (same ids, names and the aliases that matter), so unit tests do not change when the real catalog grows.
 */
import { createExtractionCatalog } from '../../../src/chat/extract/catalog-matcher.ts';
import type { ExtractionCatalog } from '../../../src/chat/extract/types.ts';
import type { Gpu, Model } from '../../../src/knowledge/schemas.ts';

function model(id: string, name: string, aliases: string[], access: Model['access'], paramsB?: number): Model {
  return {
    id,
    name,
    aliases,
    vendor: 'fixture',
    family: id.split('-')[0] ?? id,
    access,
    modality: id.startsWith('whisper') ? 'audio' : 'text',
    ...(paramsB === undefined ? {} : { paramsB }),
    sources: ['fixture'],
  };
}

function gpu(id: string, name: string, aliases: string[], memoryGB: number): Gpu {
  return {
    id,
    name,
    aliases,
    vendor: name.startsWith('AMD') ? 'AMD' : 'NVIDIA',
    class: 'datacenter',
    memoryGB,
    denseBf16Tflops: null,
    supportsBf16: true,
    price: null,
    sources: ['fixture'],
  };
}

export const FIXTURE_MODELS: Model[] = [
  model(
    'llama-3.1-8b',
    'Llama 3.1 8B',
    ['Llama 3.1 8B Instruct', 'llama3.1 8b', 'meta-llama/Llama-3.1-8B-Instruct'],
    'open-weights',
    8.03,
  ),
  model('llama-3.1-70b', 'Llama 3.1 70B', ['Llama 3.1 70B Instruct', 'llama3.1 70b'], 'open-weights', 70.55),
  model('llama-3-8b', 'Llama 3 8B', ['Llama 3 8B Instruct', 'llama3 8b'], 'open-weights', 8.03),
  model('llama-3-70b', 'Llama 3 70B', ['Llama 3 70B Instruct', 'llama3 70b'], 'open-weights', 70.55),
  model('mistral-7b', 'Mistral 7B v0.1', ['Mistral 7B', 'mistral-7b-v0.1'], 'open-weights', 7.24),
  model('qwen2.5-7b', 'Qwen2.5 7B', ['Qwen2.5 7B Instruct', 'Qwen2.5-7B'], 'open-weights', 7.62),
  model('whisper-large-v3', 'Whisper large-v3', ['whisper large', 'whisper large v3'], 'open-weights', 1.55),
  model('gpt-4o', 'GPT-4o', ['gpt4o', 'gpt 4o'], 'api-only'),
  model('gpt-4o-mini', 'GPT-4o mini', ['4o mini', 'gpt4o mini'], 'api-only'),
  model('claude-3-haiku', 'Claude 3 Haiku', ['claude haiku', 'claude 3 haiku'], 'api-only'),
];

export const FIXTURE_GPUS: Gpu[] = [
  gpu('t4', 'NVIDIA T4', ['T4', 'Tesla T4'], 16),
  gpu('l4', 'NVIDIA L4', ['L4'], 24),
  gpu('a10g', 'NVIDIA A10G', ['A10G'], 24),
  gpu('a10', 'NVIDIA A10', ['A10'], 24),
  gpu('a100-40gb', 'NVIDIA A100 40GB', ['A100 40GB', 'A100-40G'], 40),
  gpu('a100-80gb', 'NVIDIA A100 80GB', ['A100', 'A100 80GB', 'A100-80G'], 80),
  gpu('h100-pcie', 'NVIDIA H100 PCIe', ['H100 PCIe'], 80),
  gpu('h100-sxm', 'NVIDIA H100 SXM', ['H100', 'H100 SXM', 'H100 80GB'], 80),
  gpu('rtx-4090', 'NVIDIA GeForce RTX 4090', ['RTX 4090', '4090', 'GeForce RTX 4090'], 24),
  gpu('mi300x', 'AMD Instinct MI300X', ['MI300X', 'AMD MI300X'], 192),
  // Two entries sharing an alias: an ambiguous name must not resolve to either.
  gpu('x9-16gb', 'Example X9 16GB', ['X9', 'X9 16GB'], 16),
  gpu('x9-32gb', 'Example X9 32GB', ['X9', 'X9 32GB'], 32),
];

/** The fixture catalog, built once so the alias index is cached across tests. */
export const fixtureCatalog: ExtractionCatalog = createExtractionCatalog({
  models: FIXTURE_MODELS,
  gpus: FIXTURE_GPUS,
});
