/** @module estimator/architecture: fully specified transformer shapes, from the catalog or a Llama-style default. */
import type { ModelArchitecture } from '../knowledge/schemas.ts';
import type { ModelSpec } from './types.ts';

/** Every shape field the formulas need, with no gaps. */
export interface ResolvedArchitecture {
  layers: number;
  hiddenSize: number;
  attentionHeads: number;
  kvHeads: number;
  headDim: number;
  /** MLP intermediate size of one expert (SwiGLU: gate, up and down projections). */
  intermediateSize: number;
  vocabSize: number;
  tiedEmbeddings: boolean;
  slidingWindow: number | undefined;
  experts: number;
  expertsPerToken: number;
}

/** Shape anchors from the catalog (research/estimation.md §7.1), chosen so layers, hidden and MLP sizes all grow. */
const ANCHORS: readonly { paramsB: number; layers: number; hiddenSize: number; intermediateSize: number }[] = [
  { paramsB: 1.24, layers: 16, hiddenSize: 2048, intermediateSize: 8192 }, // Llama 3.2 1B
  { paramsB: 3.21, layers: 28, hiddenSize: 3072, intermediateSize: 8192 }, // Llama 3.2 3B
  { paramsB: 8.03, layers: 32, hiddenSize: 4096, intermediateSize: 14336 }, // Llama 3.1 8B
  { paramsB: 32.76, layers: 64, hiddenSize: 5120, intermediateSize: 27648 }, // Qwen2.5 32B
  { paramsB: 70.55, layers: 80, hiddenSize: 8192, intermediateSize: 28672 }, // Llama 3.1 70B
  { paramsB: 405.85, layers: 126, hiddenSize: 16384, intermediateSize: 53248 }, // Llama 3.1 405B
];

/** Llama 3 vocabulary (128,256 tokens). */
const DEFAULT_VOCAB = 128256;
/** Llama 3.2 1B/3B tie input and output embeddings, Llama 3.1 8B and larger do not. */
const TIED_BELOW_PARAMS_B = 5;
const DEFAULT_KV_HEADS = 8;

/** Plain-words description of {@link defaultArchitecture}, for assumption lists. */
export const DEFAULT_ARCHITECTURE_TEXT =
  'Llama-style decoder (SwiGLU MLP, 8 key/value heads, 128,256-token vocabulary) with layers, hidden and MLP sizes ' +
  'interpolated on a log scale between Llama 3.2 1B/3B, Llama 3.1 8B, Qwen2.5 32B and Llama 3.1 70B/405B';

function roundTo(value: number, multiple: number): number {
  return Math.max(multiple, Math.round(value / multiple) * multiple);
}

/**
 * A Llama-style decoder architecture scaled to `paramsB` billion parameters, for models known only by size.
 * Layers, hidden size and MLP size are interpolated geometrically (in log parameters) between catalog anchors
 * (Llama 3.2 1B/3B, Llama 3.1 8B/70B/405B, Qwen2.5 32B); outside that range they are extrapolated (hidden size
 * ∝ P^1/2 below 1.24B, everything ∝ P^1/3 above 405B). Every dimension is non-decreasing in `paramsB`.
 * @example defaultArchitecture(8) // ≈ Llama 3.1 8B: 32 layers, hidden 4096, 8 KV heads of 128
 */
export function defaultArchitecture(paramsB: number): ModelArchitecture {
  const first = ANCHORS[0]!;
  const last = ANCHORS[ANCHORS.length - 1]!;
  let layers: number;
  let hidden: number;
  let intermediate: number;
  if (paramsB <= first.paramsB) {
    const ratio = paramsB / first.paramsB;
    layers = first.layers * Math.cbrt(ratio);
    hidden = first.hiddenSize * Math.sqrt(ratio);
    intermediate = first.intermediateSize * Math.sqrt(ratio);
  } else if (paramsB >= last.paramsB) {
    const scale = Math.cbrt(paramsB / last.paramsB);
    layers = last.layers * scale;
    hidden = last.hiddenSize * scale;
    intermediate = last.intermediateSize * scale;
  } else {
    let index = 0;
    while (ANCHORS[index + 1]!.paramsB < paramsB) index++;
    const low = ANCHORS[index]!;
    const high = ANCHORS[index + 1]!;
    const t = Math.log(paramsB / low.paramsB) / Math.log(high.paramsB / low.paramsB);
    layers = low.layers * (high.layers / low.layers) ** t;
    hidden = low.hiddenSize * (high.hiddenSize / low.hiddenSize) ** t;
    intermediate = low.intermediateSize * (high.intermediateSize / low.intermediateSize) ** t;
  }
  const headDim = hidden <= 2048 ? 64 : 128; // Llama 3.2 1B uses 64, larger Llama models 128
  const hiddenSize = roundTo(hidden, headDim === 64 ? 64 : 128);
  const attentionHeads = hiddenSize / headDim;
  return {
    kind: 'decoder',
    layers: Math.max(2, Math.round(layers)),
    hiddenSize,
    attentionHeads,
    kvHeads: Math.min(DEFAULT_KV_HEADS, attentionHeads),
    headDim,
    intermediateSize: roundTo(intermediate, 256),
    vocabSize: DEFAULT_VOCAB,
    tiedEmbeddings: paramsB < TIED_BELOW_PARAMS_B,
  };
}

/** Which fields came from where, for the assumption text. */
export interface ArchitectureResolution {
  architecture: ResolvedArchitecture;
  /** Plain-words origin of the shape. */
  assumption: string;
}

/**
 * Completes a model's architecture: catalog fields win, missing ones come from {@link defaultArchitecture}
 * (head size defaults to hidden / heads, KV heads to the attention heads when the catalog gives heads but not KV heads).
 */
export function resolveArchitecture(model: ModelSpec): ArchitectureResolution {
  const known = model.architecture;
  const label = `${model.name ?? 'the model'} (${model.paramsB} B parameters)`;
  const fallback = defaultArchitecture(model.paramsB);
  if (known === undefined) {
    return {
      architecture: complete(fallback, fallback),
      assumption: `Architecture of ${label} unknown: assumed a ${DEFAULT_ARCHITECTURE_TEXT}.`,
    };
  }
  const missing: string[] = [];
  const pick = <K extends keyof ModelArchitecture>(key: K): ModelArchitecture[K] => {
    if (known[key] !== undefined) return known[key];
    missing.push(key);
    return fallback[key];
  };
  const hiddenSize = pick('hiddenSize');
  const layers = pick('layers');
  const attentionHeads = pick('attentionHeads');
  const merged: ModelArchitecture = {
    kind: known.kind,
    layers,
    hiddenSize,
    attentionHeads,
    // Without a KV-head count, a model that states its heads is taken as multi-head attention.
    kvHeads: known.kvHeads ?? (known.attentionHeads !== undefined ? known.attentionHeads : pick('kvHeads')),
    headDim:
      known.headDim ??
      (known.attentionHeads !== undefined && hiddenSize
        ? Math.round(hiddenSize / known.attentionHeads)
        : pick('headDim')),
    intermediateSize: pick('intermediateSize'),
    vocabSize: pick('vocabSize'),
    tiedEmbeddings: known.tiedEmbeddings ?? false,
    slidingWindow: known.slidingWindow,
    experts: known.experts,
    expertsPerToken: known.expertsPerToken,
  };
  const source = `Architecture of ${label} from the model catalog`;
  return {
    architecture: complete(merged, fallback),
    assumption:
      missing.length === 0
        ? `${source}.`
        : `${source}; missing ${missing.join(', ')} taken from a ${DEFAULT_ARCHITECTURE_TEXT}.`,
  };
}

function complete(architecture: ModelArchitecture, fallback: ModelArchitecture): ResolvedArchitecture {
  const experts = architecture.experts ?? 1;
  return {
    layers: architecture.layers ?? fallback.layers!,
    hiddenSize: architecture.hiddenSize ?? fallback.hiddenSize!,
    attentionHeads: architecture.attentionHeads ?? fallback.attentionHeads!,
    kvHeads: architecture.kvHeads ?? fallback.kvHeads!,
    headDim: architecture.headDim ?? fallback.headDim!,
    intermediateSize: architecture.intermediateSize ?? fallback.intermediateSize!,
    vocabSize: architecture.vocabSize ?? fallback.vocabSize!,
    tiedEmbeddings: architecture.tiedEmbeddings ?? false,
    slidingWindow: architecture.slidingWindow,
    experts,
    expertsPerToken: Math.min(experts, architecture.expertsPerToken ?? experts),
  };
}

/** Input embedding plus output head (once when tied): the parameters that stay 16-bit when the rest is quantized. */
export function embeddingParams(architecture: ResolvedArchitecture): number {
  return architecture.vocabSize * architecture.hiddenSize * (architecture.tiedEmbeddings ? 1 : 2);
}
