import { estimate } from '../estimator/index.ts';
import type { EstimateInput, EstimateResult } from '../estimator/types.ts';
import type { Gpu } from '../knowledge/schemas.ts';

/**
 * How memory checks are banded and how training is costed as a project rather than one ideal run
 * (shared/design.md, "How the engine decides", step 2). Pure.
 */

/** A training project is several runs: hyper-parameter sweeps, reruns after data fixes, evaluation (3–5× by the sources; the low end). */
export const PROJECT_RUNS = 3;
/** The smallest unit a rented GPU is billed in, per GPU (hourly billing; per-second clouds still meter set-up time). */
export const MIN_RENTAL_HOURS = 1;
/** Rentals are costed on one node: up to this many GPUs. */
export const MAX_GPUS_PER_NODE = 8;
/** Above this share of the memory available the fit is "tight": it should work, with no headroom. */
export const TIGHT_FRACTION = 0.9;
/** The shorter training sequence the "fits-if" band tries (the usual first lever). */
export const SHORT_TRAINING_SEQUENCE = 512;
/** The lever that keeps the sequence: a fused, chunked cross-entropy loss (Liger Kernel, knowledge: liger-kernel). */
export const FUSED_LOSS_ADJUSTMENT =
  "use a fused, chunked cross-entropy loss (Liger Kernel's), so the vocabulary logits are never held in full";
/** The lever that trims full fine-tuning's optimizer state. */
const EIGHT_BIT_OPTIMIZER_ADJUSTMENT = 'use an 8-bit (paged) AdamW optimizer';
/** The shorter serving context the "fits-if" band tries. */
export const SHORT_INFERENCE_CONTEXT = 1024;
/** When the number of examples is unknown, rentals are costed for a dataset of this size (and say so). */
export const EXAMPLES_ASSUMED_FOR_COST = 1000;

export type FitLevel = 'fits' | 'tight' | 'fits-if' | 'no' | 'unknown';

/** A memory check against the team's own GPUs, with a tolerance band and the levers that make it fit. */
export interface FitAssessment {
  readonly level: FitLevel;
  /** Memory needed per GPU at the default settings, GB. */
  readonly neededPerGpuGB: number;
  /** What the levers of a "fits-if" need per GPU, GB. */
  readonly adjustedPerGpuGB?: number;
  readonly adjustments: readonly string[];
}

/** Whether a level counts as fitting for feasibility (the levers are ordinary practice, not heroics). */
export function levelFits(level: FitLevel): boolean | undefined {
  if (level === 'unknown') return undefined;
  return level !== 'no';
}

/**
 * Bands one memory check: "fits" under TIGHT_FRACTION of the memory per GPU, "tight" up to all of it, "fits-if"
 * when the usual levers (shorter sequences, an 8-bit optimizer for full fine-tuning, a shorter serving context)
 * bring it under, else "no". `rerun` re-estimates the same check at the shorter sequence or context.
 */
export function assessFit(
  result: EstimateResult,
  workload: EstimateInput['workload'],
  perGpuGB: number | undefined,
  hasGpu: boolean | undefined,
  gpuCount: number,
  rerun: (sequenceLength?: number, fusedLoss?: boolean) => EstimateResult,
  exampleTokens?: number,
  /** The request size the team stated (input and output tokens), when it did. */
  requestTokens?: number,
): FitAssessment {
  const needed = result.memoryGB.perGpu;
  if (hasGpu === false) return { level: 'no', neededPerGpuGB: needed, adjustments: [] };
  if (perGpuGB === undefined) return { level: 'unknown', neededPerGpuGB: needed, adjustments: [] };
  if (needed <= TIGHT_FRACTION * perGpuGB) return { level: 'fits', neededPerGpuGB: needed, adjustments: [] };
  if (needed <= perGpuGB) return { level: 'tight', neededPerGpuGB: needed, adjustments: [] };
  const training = workload !== 'inference';
  // The first lever keeps every token: a fused, chunked loss never holds the vocabulary logits (8·batch·sequence·
  // vocabulary bytes, most of the memory at long sequences) in full.
  if (training) {
    const fused = rerun(undefined, true);
    if (fused.memoryGB.perGpu < needed && fused.memoryGB.perGpu <= perGpuGB)
      return {
        level: 'fits-if',
        neededPerGpuGB: needed,
        adjustedPerGpuGB: round2(fused.memoryGB.perGpu),
        adjustments: [FUSED_LOSS_ADJUSTMENT],
      };
  }
  // Examples the team said are longer than the short sequence cannot be cut to it without losing what they teach (a
  // whole stay's notes, then its summary): only the levers that keep the length are offered.
  const keepLength = training && exampleTokens !== undefined && exampleTokens > SHORT_TRAINING_SEQUENCE;
  // Requests the team said are long ("prompts of 30,000 tokens") are served at that length: no shorter context offered.
  const keepContext = !training && requestTokens !== undefined && requestTokens > SHORT_INFERENCE_CONTEXT;
  const shorter =
    keepLength || keepContext ? result : rerun(training ? SHORT_TRAINING_SEQUENCE : SHORT_INFERENCE_CONTEXT);
  const adjustments =
    keepLength || keepContext
      ? []
      : [
          training
            ? `train on sequences of ${SHORT_TRAINING_SEQUENCE} tokens (split or truncate longer examples)`
            : `serve with a ${SHORT_INFERENCE_CONTEXT}-token context`,
        ];
  // The 8-bit optimizer, last, for full fine-tuning when what the other levers leave does not fit.
  const withOptimizer = (result: EstimateResult, levers: readonly string[]) =>
    result.memoryGB.perGpu > perGpuGB && workload === 'full-fine-tuning'
      ? {
          perGpu: result.memoryGB.perGpu - eightBitOptimizerSaving(result, gpuCount),
          levers: [...levers, EIGHT_BIT_OPTIMIZER_ADJUSTMENT],
        }
      : { perGpu: result.memoryGB.perGpu, levers: [...levers] };
  const alone = withOptimizer(shorter, adjustments);
  if (alone.perGpu <= perGpuGB && alone.levers.length > 0) {
    return {
      level: 'fits-if',
      neededPerGpuGB: needed,
      adjustedPerGpuGB: round2(alone.perGpu),
      adjustments: alone.levers,
    };
  }
  if (training) {
    // No lever alone is enough: all of them together (a fused loss, plus the shorter sequence where the examples allow
    // it, plus the 8-bit optimizer for full fine-tuning), as a long-context full fine-tune on a sharded node is run.
    const together = withOptimizer(rerun(keepLength ? undefined : SHORT_TRAINING_SEQUENCE, true), [
      FUSED_LOSS_ADJUSTMENT,
      ...adjustments,
    ]);
    if (together.perGpu <= perGpuGB && together.perGpu < needed)
      return {
        level: 'fits-if',
        neededPerGpuGB: needed,
        adjustedPerGpuGB: round2(together.perGpu),
        adjustments: together.levers,
      };
  }
  return { level: 'no', neededPerGpuGB: needed, adjustments: [] };
}

/**
 * GB per GPU an 8-bit (or paged) Adam saves: it keeps m and v in 1 byte each instead of 4, 12 → 6 bytes per parameter
 * with the master copy, so half the sharded optimizer state.
 */
function eightBitOptimizerSaving(result: EstimateResult, gpuCount: number): number {
  return (result.memoryGB.breakdown.optimizer ?? 0) / Math.max(1, gpuCount) / 2;
}

/** A rented GPU configuration for one training check: the cheapest catalog node that holds it. */
export interface RentalOption {
  readonly gpu: string;
  readonly count: number;
  readonly usdPerGpuHour: number;
  readonly priceAsOf: string;
  /** Elapsed hours of the whole project (PROJECT_RUNS runs) on `count` GPUs. */
  readonly hours: number;
  /** Dollars for the project, at least MIN_RENTAL_HOURS per GPU. */
  readonly usd: number;
  /** True when the dataset size was assumed (EXAMPLES_ASSUMED_FOR_COST). */
  readonly assumedExamples: boolean;
}

type PricedGpu = Gpu & { readonly price: NonNullable<Gpu['price']> };

/**
 * The cheapest way to rent the memory and compute one training check needs: for each priced datacenter GPU,
 * the fewest GPUs (≤ MAX_GPUS_PER_NODE) whose memory holds the sharded state plus each GPU's activations, then
 * PROJECT_RUNS runs of `flops` at `utilisation`, billed at least MIN_RENTAL_HOURS per GPU. Undefined when no
 * node holds it. `single` is the check estimated on one GPU (its breakdown is the unsharded total).
 */
export function cheapestRental(
  single: EstimateResult,
  flops: number,
  utilisation: number,
  rentals: readonly PricedGpu[],
  assumedExamples: boolean,
  /** GPU-hours of one run when they are not counted from the FLOPs (an image generator's adapter). */
  runGpuHours?: number,
): RentalOption | undefined {
  const b = single.memoryGB.breakdown;
  const sharded = b.weights + (b.adapters ?? 0) + (b.gradients ?? 0) + (b.optimizer ?? 0);
  const perGpuExtra = (b.activations ?? 0) + b.overhead;
  let best: RentalOption | undefined;
  for (const gpu of rentals) {
    if (gpu.denseBf16Tflops === null) continue;
    let count = 0;
    for (let n = 1; n <= MAX_GPUS_PER_NODE; n *= 2) {
      if (sharded / n + perGpuExtra <= gpu.memoryGB) {
        count = n;
        break;
      }
    }
    if (count === 0) continue;
    const gpuHours = (runGpuHours ?? flops / (gpu.denseBf16Tflops * 1e12 * utilisation) / 3600) * PROJECT_RUNS;
    const billed = Math.max(gpuHours, MIN_RENTAL_HOURS * count);
    const usd = billed * gpu.price.usdPerHour;
    if (!best || usd < best.usd) {
      best = {
        gpu: gpu.name,
        count,
        usdPerGpuHour: gpu.price.usdPerHour,
        priceAsOf: gpu.price.asOf,
        hours: round2(gpuHours / count),
        usd: round2(usd),
        assumedExamples,
      };
    }
  }
  return best;
}

/** Runs `estimate` once more with the same input at another sequence length (the fits-if lever). */
export function rerunAt(input: EstimateInput): (sequenceLength?: number, fusedLoss?: boolean) => EstimateResult {
  return (sequenceLength, fusedLoss = false) =>
    estimate({
      ...input,
      ...(sequenceLength === undefined ? {} : { sequenceLength }),
      ...(fusedLoss ? { fusedLoss } : {}),
    });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
