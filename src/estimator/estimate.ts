/** @module estimator/estimate: memory, compute and cost of one model × workload × hardware (research/estimation.md §0). */
import { logitsBytes, trainingActivationBytes } from './activations.ts';
import { embeddingParams, type ResolvedArchitecture, resolveArchitecture } from './architecture.ts';
import { DEFAULT_UTILISATION, flopsPerParamPerToken, gpuHours, trainingFlops } from './compute.ts';
import { fineTuningMemory, largestModuleBytes } from './fine-tuning-memory.ts';
import { inferenceMemory } from './inference-memory.ts';
import { cachedTokens, kvCacheBytesPerToken } from './kv-cache.ts';
import { LORA_TARGETS_TEXT, loraAdapterParams } from './lora-adapters.ts';
import type { MemoryBytes } from './memory-bytes.ts';
import { adapterStateBytes, fullFineTuningStateBytes, trainablePrecision } from './training-memory.ts';
import type { EstimateInput, EstimateResult, MemoryBreakdown, Precision, Workload } from './types.ts';
import { bytesToGB } from './units.ts';
import { BYTES_PER_WEIGHT, isQuantized, PRECISION_TEXT, weightBytes } from './weights.ts';

const DEFAULT_TRAINING_SEQUENCE = 2048;
const DEFAULT_INFERENCE_CONTEXT = 4096;
const DEFAULT_LORA_RANK = 16;

const UNITS_TEXT = 'Memory in GB = 1e9 bytes (not GiB).';
const OVERHEAD_TEXT = 'Adds 1 GiB per GPU for the CUDA context and allocator (PyTorch takes 0.3-2 GiB).';
const ACTIVATIONS_TEXT =
  'Activations at 16 bits with FlashAttention/SDPA: 28 copies of the hidden state per layer (measured on Llama-3.1-8B); ' +
  'logits add 8·batch·sequence·vocabulary bytes (fp32 logits and probabilities).';

/**
 * Estimates peak GPU memory, and for training the compute and cost, of running `input.workload` on `input.model`.
 * Defaults: bf16 (NF4 for qlora), 4,096 tokens of context for inference and 2,048-token sequences for training,
 * batch 1, one GPU, LoRA rank 16 on all linear layers, gradient checkpointing on, utilisation 0.35. `fits` is
 * `perGpu ≤ gpuMemoryGB`, null when the GPU memory is unknown, false with zero GPUs. Every default and
 * approximation used is listed in `assumptions`. Pure and allocation-light: safe to call many times per request.
 * @throws RangeError when a number is out of range (non-positive parameters, negative batch, utilisation > 1 …)
 * @example estimate({ model: { paramsB: 8 }, workload: 'qlora', gpuMemoryGB: 24 }).fits // true
 */
export function estimate(input: EstimateInput): EstimateResult {
  validate(input);
  const { workload, model } = input;
  const training = workload !== 'inference';
  const params = model.paramsB * 1e9;
  const resolution = resolveArchitecture(model);
  const architecture = resolution.architecture;
  const precision: Precision = input.precision ?? (workload === 'qlora' ? 'int4' : 'bf16');
  const sequenceLength = input.sequenceLength ?? (training ? DEFAULT_TRAINING_SEQUENCE : DEFAULT_INFERENCE_CONTEXT);
  const batch = input.batchSize ?? 1;
  const noGpu = input.gpuCount === 0;
  const gpuCount = noGpu ? 1 : (input.gpuCount ?? 1);
  const assumptions: string[] = [UNITS_TEXT, resolution.assumption];
  if (input.gpuCount === undefined) assumptions.push('One GPU assumed.');

  let memory: MemoryBytes;
  if (!training) {
    const weights = weightBytes(params, embeddingParams(architecture), precision);
    memory = inferenceMemory(architecture, weights, sequenceLength, batch, gpuCount);
    assumptions.push(
      `Serving precision: ${PRECISION_TEXT[precision]}.`,
      inferenceContextText(architecture, sequenceLength, batch),
      'Prefill working set: one layer of MLP intermediates and hidden states for the whole prompt, batch·tokens·(3·intermediate + 4·hidden)·2 bytes; logits only for the last position.',
    );
    if (gpuCount > 1) {
      assumptions.push(
        `Split over ${gpuCount} GPUs by tensor parallelism: weights and KV cache divided evenly, each GPU keeps its own working set and CUDA context.`,
      );
    }
  } else {
    const checkpointing = input.gradientCheckpointing ?? true;
    const trainedPrecision = workload === 'full-fine-tuning' ? trainablePrecision(precision) : precision;
    const activationBytesPerValue = trainedPrecision === 'fp32' ? 4 : 2;
    // A fused linear + cross-entropy loss computed in chunks (Liger Kernel) never holds the vocabulary logits in full.
    const activationsPerGpu =
      trainingActivationBytes(architecture, sequenceLength, batch, checkpointing, activationBytesPerValue) +
      (input.fusedLoss === true ? 0 : logitsBytes(architecture, sequenceLength, batch));
    const weights = weightBytes(params, embeddingParams(architecture), trainedPrecision);
    if (input.fusedLoss === true)
      assumptions.push(
        'Fused linear + cross-entropy loss computed in chunks (as in Liger Kernel): the vocabulary logits are never held in full.',
      );
    assumptions.push(
      `Sequence length ${sequenceLength} tokens, micro-batch ${batch} per GPU.`,
      checkpointing
        ? 'Gradient checkpointing on: one hidden state kept per layer plus one layer recomputed at a time.'
        : 'Gradient checkpointing off: every layer keeps its activations.',
      ACTIVATIONS_TEXT,
    );
    if (workload === 'full-fine-tuning') {
      const state = fullFineTuningStateBytes(trainablePrecision(precision));
      if (trainedPrecision !== precision) {
        assumptions.push(
          `Full fine-tuning cannot update ${precision} weights directly: estimated in bf16 mixed precision.`,
        );
      }
      assumptions.push(
        trainedPrecision === 'fp32'
          ? 'AdamW in fp32: 4 (weights) + 4 (gradients) + 8 (m, v) = 16 bytes per parameter.'
          : `AdamW mixed precision: 2 (${trainedPrecision} weights) + 4 (fp32 gradients) + 12 (fp32 master copy, m, v) = 18 bytes per parameter (conservative; 16 if gradients stay 16-bit).`,
      );
      memory = fineTuningMemory({
        weights,
        trainableParams: params,
        stateBytes: state,
        separateAdapters: false,
        activationsPerGpu,
        // DeepSpeed's ZeRO-3 estimator: fp16 parameters and gradients of the largest layer, 4 bytes/param.
        gatheredBufferPerGpu: largestModuleBytes(architecture, 4, 4),
        gpuCount,
      });
    } else {
      const rank = input.loraRank ?? DEFAULT_LORA_RANK;
      const targets = input.loraTargets ?? 'all-linear';
      const adapterParams = loraAdapterParams(architecture, rank, targets);
      const state = adapterStateBytes(workload);
      assumptions.push(
        `Frozen base: ${PRECISION_TEXT[precision]}.`,
        `LoRA rank ${rank} on ${LORA_TARGETS_TEXT[targets]} of every layer: ${formatCount(adapterParams)} trainable parameters, counted from the architecture.`,
        workload === 'lora'
          ? 'Adapters trained in fp32 (PEFT default): 4 (weights) + 4 (gradients) + 8 (Adam) = 16 bytes per adapter parameter.'
          : 'QLoRA adapters in bf16 with 32-bit Adam: 2 + 2 + 8 = 12 bytes per adapter parameter.',
      );
      memory = fineTuningMemory({
        weights,
        trainableParams: adapterParams,
        stateBytes: state,
        separateAdapters: true,
        activationsPerGpu,
        gatheredBufferPerGpu: largestModuleBytes(
          architecture,
          BYTES_PER_WEIGHT[precision],
          isQuantized(precision) ? 2 : BYTES_PER_WEIGHT[precision],
        ),
        gpuCount,
      });
    }
    if (gpuCount > 1) {
      assumptions.push(
        `Sharded over ${gpuCount} GPUs ZeRO-3/FSDP-style: weights, gradients and optimizer states divided evenly, activations not; each GPU also holds one gathered layer.`,
      );
    }
  }
  assumptions.push(OVERHEAD_TEXT);

  const result: EstimateResult = {
    memoryGB: { total: bytesToGB(memory.total), perGpu: bytesToGB(memory.perGpu), breakdown: toGB(memory.breakdown) },
    fits: null,
    assumptions,
  };
  if (noGpu) {
    result.fits = false;
    assumptions.push('No GPU available: nothing fits (memory shown for one GPU).');
  } else if (input.gpuMemoryGB === undefined) {
    assumptions.push('GPU memory unknown: whether it fits is not judged.');
  } else {
    result.fits = result.memoryGB.perGpu <= input.gpuMemoryGB;
  }
  if (training) addCompute(result, input, workload as Exclude<Workload, 'inference'>, gpuCount);
  return result;
}

function addCompute(
  result: EstimateResult,
  input: EstimateInput,
  workload: Exclude<Workload, 'inference'>,
  gpuCount: number,
): void {
  const { assumptions } = result;
  if (input.trainingTokens === undefined || input.denseBf16Tflops === undefined) {
    assumptions.push(
      `Compute and cost not estimated: ${input.trainingTokens === undefined ? 'training tokens' : 'GPU peak TFLOP/s'} unknown.`,
    );
    return;
  }
  const activeParams = (input.model.activeParamsB ?? input.model.paramsB) * 1e9;
  const utilisation = input.utilisation ?? DEFAULT_UTILISATION;
  const flops = trainingFlops(workload, activeParams, input.trainingTokens);
  const hours = gpuHours(flops, input.denseBf16Tflops, utilisation);
  result.compute = { flops, gpuHours: hours, utilisation, wallClockHours: hours / gpuCount };
  const factor = flopsPerParamPerToken(workload);
  assumptions.push(
    workload === 'full-fine-tuning'
      ? `Training compute = 6 · parameters · tokens (2 forward + 4 backward)${input.model.activeParamsB === undefined ? '' : ', active parameters only'}.`
      : `Training compute = ${factor} · parameters · tokens: forward plus activation gradients, no weight gradients for the frozen base (our derivation, not a published figure; the LoRA paper reports ~25% faster training than full fine-tuning on GPT-3).`,
    `GPU-hours at ${input.utilisation === undefined ? 'an assumed' : 'the given'} ${Math.round(utilisation * 100)}% utilisation of a ${input.denseBf16Tflops} TFLOP/s dense bf16 peak; recomputation from checkpointing lowers real utilisation rather than adding model FLOPs.`,
  );
  if (input.usdPerGpuHour === undefined) {
    assumptions.push('Cost not estimated: price per GPU-hour unknown.');
  } else {
    result.costUSD = Math.round(hours * input.usdPerGpuHour * 100) / 100;
    assumptions.push(
      `Cost = GPU-hours × $${input.usdPerGpuHour} per GPU-hour, compute only (no storage, data preparation or retries).`,
    );
  }
}

function inferenceContextText(architecture: ResolvedArchitecture, contextTokens: number, batch: number): string {
  const perTokenKiB = kvCacheBytesPerToken(architecture) / 1024;
  const cached = cachedTokens(architecture, contextTokens);
  const window =
    cached < contextTokens ? ` (the ${architecture.slidingWindow}-token sliding window caps the cache)` : '';
  return `Context of ${contextTokens} tokens per sequence, ${batch} concurrent sequence${batch === 1 ? '' : 's'}; bf16 KV cache of ${Math.round(perTokenKiB * 10) / 10} KiB per token${window}.`;
}

function toGB(breakdown: MemoryBytes['breakdown']): MemoryBreakdown {
  const result: MemoryBreakdown = { weights: bytesToGB(breakdown.weights), overhead: bytesToGB(breakdown.overhead) };
  if (breakdown.kvCache !== undefined) result.kvCache = bytesToGB(breakdown.kvCache);
  if (breakdown.activations !== undefined) result.activations = bytesToGB(breakdown.activations);
  if (breakdown.gradients !== undefined) result.gradients = bytesToGB(breakdown.gradients);
  if (breakdown.optimizer !== undefined) result.optimizer = bytesToGB(breakdown.optimizer);
  if (breakdown.adapters !== undefined) result.adapters = bytesToGB(breakdown.adapters);
  return result;
}

function formatCount(count: number): string {
  return count >= 1e9 ? `${(count / 1e9).toFixed(2)} B` : `${(count / 1e6).toFixed(2)} M`;
}

function validate(input: EstimateInput): void {
  const { paramsB, activeParamsB } = input.model;
  if (!(Number.isFinite(paramsB) && paramsB > 0)) throw new RangeError('model.paramsB must be a positive number');
  if (activeParamsB !== undefined && !(Number.isFinite(activeParamsB) && activeParamsB > 0)) {
    throw new RangeError('model.activeParamsB must be a positive number');
  }
  positive(input.sequenceLength, 'sequenceLength');
  positive(input.batchSize, 'batchSize');
  positive(input.gpuMemoryGB, 'gpuMemoryGB');
  positive(input.denseBf16Tflops, 'denseBf16Tflops');
  positive(input.loraRank, 'loraRank');
  nonNegative(input.gpuCount, 'gpuCount');
  nonNegative(input.usdPerGpuHour, 'usdPerGpuHour');
  nonNegative(input.trainingTokens, 'trainingTokens');
  if (input.gpuCount !== undefined && !Number.isInteger(input.gpuCount))
    throw new RangeError('gpuCount must be an integer');
  if (input.utilisation !== undefined && !(input.utilisation > 0 && input.utilisation <= 1)) {
    throw new RangeError('utilisation must be in (0, 1]');
  }
}

function positive(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0))
    throw new RangeError(`${name} must be a positive number`);
}

function nonNegative(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0))
    throw new RangeError(`${name} must be a non-negative number`);
}
