import type { ModelArchitecture } from '../knowledge/schemas.ts';

/** Contract of the feasibility estimator (research/estimation.md). Pure functions, no I/O. */

export type Precision = 'fp32' | 'bf16' | 'fp16' | 'int8' | 'int4';
export type Workload = 'inference' | 'full-fine-tuning' | 'lora' | 'qlora';
/** Linear layers LoRA adapts: all seven per layer (default), q/k/v/o, or q/v only (the LoRA paper's GPT-3 setting). */
export type LoraTargets = 'all-linear' | 'attention' | 'attention-qv';

/** What the estimator knows about a model: real architecture from the catalog, or only a size. */
export interface ModelSpec {
  paramsB: number;
  /** Active parameters per token, billions (mixture-of-experts); compute uses it instead of paramsB when present. */
  activeParamsB?: number;
  /** From knowledge/models; absent → the estimator assumes a Llama-style architecture for this size and says so. */
  architecture?: ModelArchitecture;
  /** Display name for assumption texts, e.g. "Llama 3.1 8B". */
  name?: string;
}

export interface EstimateInput {
  model: ModelSpec;
  workload: Workload;
  precision?: Precision; // default: bf16 (inference, full FT, LoRA base); int4 (NF4) for qlora
  sequenceLength?: number; // default 2048 for training, 4096 tokens of context for inference
  batchSize?: number; // default 1 (training micro-batch) / 1 concurrent sequence (inference)
  gpuMemoryGB?: number; // per GPU
  gpuCount?: number; // default 1
  denseBf16Tflops?: number; // GPU peak, for compute time
  usdPerGpuHour?: number; // for cost
  trainingTokens?: number; // D in 6·P·D (tokens seen, epochs included)
  loraRank?: number; // default 16, all linear layers
  loraTargets?: LoraTargets; // default 'all-linear'
  gradientCheckpointing?: boolean; // default true for training
  fusedLoss?: boolean; // default false: the training logits (8·b·s·V) are held in full; true: a fused, chunked loss
  utilisation?: number; // MFU, default 0.35
}

export interface MemoryBreakdown {
  weights: number;
  kvCache?: number;
  activations?: number;
  gradients?: number;
  optimizer?: number;
  adapters?: number;
  overhead: number;
}

export interface EstimateResult {
  memoryGB: { total: number; perGpu: number; breakdown: MemoryBreakdown };
  /** null when GPU memory is unknown. */
  fits: boolean | null;
  compute?: {
    flops: number;
    gpuHours: number;
    utilisation: number;
    /** gpuHours / gpuCount: elapsed time when all GPUs train together. */
    wallClockHours?: number;
  };
  costUSD?: number;
  /** Every default and approximation used, in plain words. */
  assumptions: string[];
}

/** Monthly serving cost: self-hosting vs calling an API, at a request rate. */
export interface ServingCostInput {
  requestsPerDay: number;
  inputTokensPerRequest?: number; // default 1000
  outputTokensPerRequest?: number; // default 300
  apiUsdPerMillionInput?: number;
  apiUsdPerMillionOutput?: number;
  gpuCount?: number; // GPUs kept running for self-hosting
  usdPerGpuHour?: number;
}
export interface ServingCostResult {
  selfHostedMonthlyUSD: number | null;
  apiMonthlyUSD: number | null;
  assumptions: string[];
  /** True when `apiMonthlyUSD` is the team's own figure (what it pays today), not a list-price estimate. */
  apiStated?: boolean;
}
