/**
 * Published model configurations used by the estimator tests (research/estimation.md §7.1, §4.2; LLaMA-1 configs
 * from the LLaMA paper as given in the task brief; OPT-13B and GPT-3 from the vLLM and GPT-3 papers).
 * Test-only: the service reads its catalog from knowledge/models.json.
 */
import type { ResolvedArchitecture } from '../../src/estimator/architecture.ts';
import type { ModelArchitecture } from '../../src/knowledge/schemas.ts';

function decoder(
  layers: number,
  hiddenSize: number,
  attentionHeads: number,
  kvHeads: number,
  headDim: number,
  intermediateSize: number,
  vocabSize: number,
  extra: Partial<ModelArchitecture> = {},
): ModelArchitecture {
  return {
    kind: 'decoder',
    layers,
    hiddenSize,
    attentionHeads,
    kvHeads,
    headDim,
    intermediateSize,
    vocabSize,
    ...extra,
  };
}

export const ARCHITECTURES = {
  'llama-2-7b': decoder(32, 4096, 32, 32, 128, 11008, 32000),
  'llama-2-13b': decoder(40, 5120, 40, 40, 128, 13824, 32000),
  'llama-2-70b': decoder(80, 8192, 64, 8, 128, 28672, 32000),
  'llama-3.1-8b': decoder(32, 4096, 32, 8, 128, 14336, 128256),
  'llama-3.1-70b': decoder(80, 8192, 64, 8, 128, 28672, 128256),
  'qwen2.5-7b': decoder(28, 3584, 28, 4, 128, 18944, 152064),
  'qwen2.5-14b': decoder(48, 5120, 40, 8, 128, 13824, 152064),
  'qwen2.5-32b': decoder(64, 5120, 40, 8, 128, 27648, 152064),
  'qwen2.5-72b': decoder(80, 8192, 64, 8, 128, 29568, 152064),
  'mistral-7b': decoder(32, 4096, 32, 8, 128, 14336, 32000, { slidingWindow: 4096 }),
  'phi-3-mini': decoder(32, 3072, 32, 32, 96, 8192, 32064),
  'gemma-2-2b': decoder(26, 2304, 8, 4, 256, 9216, 256000, { tiedEmbeddings: true }),
  'llama-1-7b': decoder(32, 4096, 32, 32, 128, 11008, 32000),
  'llama-1-13b': decoder(40, 5120, 40, 40, 128, 13824, 32000),
  'llama-1-33b': decoder(60, 6656, 52, 52, 128, 17920, 32000),
  'llama-1-65b': decoder(80, 8192, 64, 64, 128, 22016, 32000),
  // OPT and GPT-3 use a two-matrix GELU MLP; only attention shapes, layers, hidden size and vocabulary matter here.
  'opt-13b': decoder(40, 5120, 40, 40, 128, 20480, 50272),
  'gpt-3-175b': decoder(96, 12288, 96, 96, 128, 49152, 50257),
} satisfies Record<string, ModelArchitecture>;

export type ArchitectureName = keyof typeof ARCHITECTURES;

/** The catalog parameter totals (billions) from research/estimation.md §7.1 and §4.2. */
export const PARAMS_B: Partial<Record<ArchitectureName, number>> = {
  'llama-2-7b': 6.74,
  'llama-2-13b': 13.02,
  'llama-2-70b': 68.98,
  'llama-3.1-8b': 8.03,
  'llama-3.1-70b': 70.55,
  'qwen2.5-7b': 7.62,
  'qwen2.5-14b': 14.77,
  'qwen2.5-32b': 32.76,
  'qwen2.5-72b': 72.71,
  'mistral-7b': 7.24,
  'phi-3-mini': 3.82,
  'gemma-2-2b': 2.61,
  'gpt-3-175b': 175,
};

/** Parameter count of a Llama-style (SwiGLU) decoder from its config, norms ignored. */
export function llamaParamCount(architecture: ModelArchitecture): number {
  const hidden = architecture.hiddenSize!;
  const queryWidth = architecture.attentionHeads! * architecture.headDim!;
  const kvWidth = architecture.kvHeads! * architecture.headDim!;
  const perLayer = 2 * hidden * queryWidth + 2 * hidden * kvWidth + 3 * hidden * architecture.intermediateSize!;
  const embeddings = architecture.vocabSize! * hidden * (architecture.tiedEmbeddings ? 1 : 2);
  return architecture.layers! * perLayer + embeddings;
}

/** A fully resolved architecture straight from a config (no defaults involved). */
export function resolved(name: ArchitectureName): ResolvedArchitecture {
  const a = ARCHITECTURES[name] as ModelArchitecture;
  return {
    layers: a.layers!,
    hiddenSize: a.hiddenSize!,
    attentionHeads: a.attentionHeads!,
    kvHeads: a.kvHeads!,
    headDim: a.headDim!,
    intermediateSize: a.intermediateSize!,
    vocabSize: a.vocabSize!,
    tiedEmbeddings: a.tiedEmbeddings ?? false,
    slidingWindow: a.slidingWindow,
    experts: 1,
    expertsPerToken: 1,
  };
}

/** Relative difference |actual − expected| / expected. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / expected;
}
