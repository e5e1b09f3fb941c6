/**
 * The estimator against published measurements (research/estimation.md; QWEN-SB rows read from
 * QwenLM/Qwen2.5 docs/source/benchmark/speed_benchmark.rst; vLLM figures from Kwon et al., SOSP 2023, §3).
 * Tolerance: 10 % unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_GIB,
  estimate,
  gpuHours,
  impliedUtilisation,
  kvCacheBytes,
  kvCacheBytesPerToken,
  trainingFlops,
} from '../../src/estimator/index.ts';
import type { EstimateResult, Precision } from '../../src/estimator/types.ts';
import {
  ARCHITECTURES,
  type ArchitectureName,
  llamaParamCount,
  PARAMS_B,
  relativeError,
  resolved,
} from './catalog-architectures.ts';

const TOLERANCE = 0.1;

function spec(name: ArchitectureName, paramsB = PARAMS_B[name] ?? llamaParamCount(ARCHITECTURES[name]) / 1e9) {
  return { paramsB, architecture: ARCHITECTURES[name], name };
}

/** Bytes the estimate says tensors take, i.e. without the CUDA context (what torch.cuda.max_memory_allocated sees). */
function allocatedBytes(result: EstimateResult): number {
  return (result.memoryGB.total - result.memoryGB.breakdown.overhead) * 1e9;
}

describe('QLoRA paper (Dettmers et al. 2023), LLaMA-1, batch 1, seq 512, checkpointing, r=64 on all linear layers', () => {
  const cases: [ArchitectureName, number][] = [
    ['llama-1-33b', 24.7],
    ['llama-1-65b', 45.0],
  ];
  it.each(cases)('Figure 6: %s fine-tuning takes %d GB in total', (name, publishedGB) => {
    const result = estimate({
      model: spec(name),
      workload: 'qlora',
      sequenceLength: 512,
      batchSize: 1,
      loraRank: 64,
      loraTargets: 'all-linear',
      gradientCheckpointing: true,
    });
    expect(relativeError(result.memoryGB.total, publishedGB)).toBeLessThan(TOLERANCE);
  });

  // The paper's 4-bit base sizes are larger than NF4 weights alone (3.87 GB for 7B, 23 % lower). They match the
  // weights plus the 1 GiB CUDA context, so we read the published sizes as including the runtime's fixed overhead
  // (the source does not say so).
  const baseCases: [string, ArchitectureName, number][] = [
    ['§2: LLaMA-7B 4-bit base 5,048 MB', 'llama-1-7b', 5048],
    ['Figure 6 (third-party transcription): LLaMA-13B 4-bit model 8,476 MB', 'llama-1-13b', 8476],
  ];
  it.each(baseCases)('%s = NF4 weights + CUDA context', (_label, name, publishedMB) => {
    const result = estimate({ model: spec(name), workload: 'qlora', sequenceLength: 512 });
    const weights = result.memoryGB.breakdown.weights;
    expect(weights * 1000).toBeLessThan(publishedMB);
    expect(relativeError((weights + BYTES_PER_GIB / 1e9) * 1000, publishedMB)).toBeLessThan(TOLERANCE);
  });
});

describe('Qwen2.5 speed benchmark (QWEN-SB): A100 80GB, transformers 4.46, FlashAttention 2, batch 1, 2,048 generated tokens', () => {
  // [model, input length, quantization, GPUs, published "GPU Memory(GB)" = Σ torch.cuda.max_memory_allocated / 1024³]
  const rows: [ArchitectureName, number, Precision, number, number][] = [
    ['qwen2.5-7b', 1, 'bf16', 1, 14.38],
    ['qwen2.5-7b', 6144, 'bf16', 1, 15.38],
    ['qwen2.5-7b', 14336, 'bf16', 1, 16.91],
    ['qwen2.5-7b', 30720, 'bf16', 1, 19.97],
    ['qwen2.5-7b', 1, 'int8', 1, 8.42],
    ['qwen2.5-7b', 1, 'int4', 1, 5.52],
    ['qwen2.5-7b', 30720, 'int4', 1, 11.11],
    ['qwen2.5-14b', 1, 'bf16', 1, 28.08],
    ['qwen2.5-14b', 30720, 'bf16', 1, 36.85],
    ['qwen2.5-32b', 1, 'bf16', 1, 61.58],
    ['qwen2.5-32b', 30720, 'bf16', 1, 74.47],
    ['qwen2.5-32b', 1, 'int4', 1, 18.94],
    ['qwen2.5-72b', 1, 'bf16', 2, 136.2],
    ['qwen2.5-72b', 6144, 'bf16', 2, 140.0],
    ['qwen2.5-72b', 1, 'int8', 2, 72.61],
    ['qwen2.5-72b', 1, 'int4', 1, 39.91],
  ];
  it.each(rows)(
    '%s, input %d tokens, %s on %d GPU(s): %d GiB allocated',
    (name, input, precision, gpus, publishedGiB) => {
      const result = estimate({
        model: spec(name),
        workload: 'inference',
        precision,
        sequenceLength: input + 2048,
        batchSize: 1,
        gpuCount: gpus,
      });
      expect(relativeError(allocatedBytes(result), publishedGiB * BYTES_PER_GIB)).toBeLessThan(TOLERANCE);
    },
  );
});

describe('LoRA paper (Hu et al. 2021), GPT-3 175B', () => {
  const gpt3 = spec('gpt-3-175b');
  const lora = estimate({
    model: gpt3,
    workload: 'lora',
    loraRank: 4,
    loraTargets: 'attention-qv',
    sequenceLength: 2048,
    batchSize: 1,
  });
  const full = estimate({ model: gpt3, workload: 'full-fine-tuning', sequenceLength: 2048, batchSize: 1 });

  it('LoRA training VRAM 350 GB (r=4 on q and v; batch 1, seq 2048 assumed)', () => {
    expect(relativeError(lora.memoryGB.total, 350)).toBeLessThan(TOLERANCE);
  });

  it('full fine-tuning 1.2 TB is NOT reproduced: it implies ~6.9 B/param, below mixed-precision AdamW (18 B/param)', () => {
    // Documented disagreement: the paper's setup is not stated; our formula assumes fp32 master weights and states.
    expect(full.memoryGB.total).toBeGreaterThan(2 * 1200);
    // The paper's qualitative claim still holds: LoRA needs at most a third of full fine-tuning.
    expect(lora.memoryGB.total).toBeLessThan(full.memoryGB.total / 3);
  });
});

describe('Llama 3.1 model card GPU-hours cross-check (H100 SXM, 989.4 dense bf16 TFLOP/s)', () => {
  it('Llama 3 paper: 405B on 15.6T tokens is a 3.8e25 FLOP budget; 6·P·D agrees', () => {
    expect(relativeError(trainingFlops('full-fine-tuning', 405.85e9, 15.6e12), 3.8e25)).toBeLessThan(TOLERANCE);
  });

  it('405B: 30.84M H100-hours published; the default 35 % utilisation lands within 10 %', () => {
    const result = estimate({
      model: { paramsB: 405.85 },
      workload: 'full-fine-tuning',
      trainingTokens: 15.6e12,
      denseBf16Tflops: 989.4,
    });
    expect(result.compute?.utilisation).toBe(0.35);
    expect(relativeError(result.compute!.gpuHours, 30.84e6)).toBeLessThan(TOLERANCE);
  });

  const implied: [string, number, number, number, number][] = [
    ['405B', 405.85e9, 15.6e12, 30.84e6, 0.345],
    ['70B', 70.55e9, 15e12, 7.0e6, 0.25],
    ['8B', 8.03e9, 15e12, 1.46e6, 0.14],
  ];
  it.each(implied)('%s: implied MFU of the published hours is %#', (_label, params, tokens, hours, expected) => {
    const flops = trainingFlops('full-fine-tuning', params, tokens);
    expect(relativeError(impliedUtilisation(flops, hours, 989.4), expected)).toBeLessThan(TOLERANCE);
  });
});

describe('research/estimation.md §5: full fine-tune on 1B tokens, 6·P·D at dense bf16 peak', () => {
  // [paramsB, A100 @30 %, A100 @40 %, H100 SXM @30 %, H100 SXM @40 %] in GPU-hours
  const table: [number, number, number, number, number][] = [
    [7, 125, 93, 39, 29],
    [13, 232, 174, 73, 55],
    [70, 1246, 935, 393, 295],
  ];
  it.each(table)('%dB: %d / %d A100-hours, %d / %d H100-hours', (paramsB, a30, a40, h30, h40) => {
    const flops = trainingFlops('full-fine-tuning', paramsB * 1e9, 1e9);
    const cells: [number, number, number][] = [
      [312, 0.3, a30],
      [312, 0.4, a40],
      [989, 0.3, h30],
      [989, 0.4, h40],
    ];
    for (const [tflops, utilisation, published] of cells) {
      expect(relativeError(gpuHours(flops, tflops, utilisation), published)).toBeLessThan(TOLERANCE);
    }
  });
});

describe('KV cache per token, bf16 (research/estimation.md §1.2, §7.1)', () => {
  const table: [ArchitectureName, number][] = [
    ['llama-2-7b', 512],
    ['llama-2-70b', 320],
    ['llama-3.1-8b', 128],
    ['llama-3.1-70b', 320],
    ['qwen2.5-7b', 56],
    ['mistral-7b', 128],
    ['phi-3-mini', 384],
    ['gemma-2-2b', 104],
  ];
  it.each(table)('%s: %d KiB per token', (name, kib) => {
    expect(kvCacheBytesPerToken(resolved(name))).toBe(kib * 1024);
  });

  it('vLLM paper (Kwon et al. 2023) §3: OPT-13B needs 800 KB per token and about 1.6 GB for 2,048 tokens', () => {
    expect(kvCacheBytesPerToken(resolved('opt-13b'))).toBe(800 * 1024);
    expect(relativeError(kvCacheBytes(resolved('opt-13b'), 2048, 1), 1.6e9)).toBeLessThan(TOLERANCE);
  });

  it('Mistral 7B: the 4,096-token sliding window caps the cache at 32K context', () => {
    const mistral = resolved('mistral-7b');
    expect(kvCacheBytes(mistral, 32768, 1)).toBe(kvCacheBytes(mistral, 4096, 1));
  });
});

/**
 * Small models (1–3B), where fixed overheads and activations weigh most. Sources read on 2026-12-04:
 * - HF PEFT README, "High performance on consumer hardware": T0_3B (2.85B) full fine-tuning on an A100 80GB,
 *   47.14 GB GPU memory (https://github.com/huggingface/peft). Plain fp32 AdamW on short tweets: 16 bytes/param.
 * - LitGPT resource tables (10/2023, A100 40GB, bf16-true, Alpaca, micro-batch 1, LoRA r=8 on query and value, no
 *   activation checkpointing; https://github.com/Lightning-AI/litgpt/blob/main/tutorials/resource-tables.md):
 *   phi-1.5 1.3B LoRA 4.82 / QLoRA 3.78 GB, StableLM 3B LoRA 9.69 / QLoRA 6.35 GB, Llama 2 7B LoRA 21.30 / QLoRA
 *   14.14 GB. The tables do not give the longest sequence (Alpaca samples reach about 1k tokens), so the estimate
 *   is taken at 512 and at 1,024 tokens and the published peak must fall near that bracket.
 */
describe('published measurements of small models (1–3B)', () => {
  it('PEFT: T0_3B full fine-tuning in fp32 takes 47.14 GB', () => {
    const result = estimate({
      model: { paramsB: 2.85, name: 'T0_3B' },
      workload: 'full-fine-tuning',
      precision: 'fp32',
      sequenceLength: 128,
      batchSize: 1,
      gradientCheckpointing: false,
    });
    expect(relativeError(result.memoryGB.total, 47.14)).toBeLessThan(TOLERANCE);
  });

  const decoder = (layers: number, hidden: number, heads: number, headDim: number, ffn: number, vocab: number) => ({
    kind: 'decoder' as const,
    layers,
    hiddenSize: hidden,
    attentionHeads: heads,
    kvHeads: heads,
    headDim,
    intermediateSize: ffn,
    vocabSize: vocab,
  });
  const litgpt: [string, number, 'lora' | 'qlora', number, ReturnType<typeof decoder>][] = [
    ['phi-1.5', 1.42, 'lora', 4.82, decoder(24, 2048, 32, 64, 8192, 51200)],
    ['phi-1.5', 1.42, 'qlora', 3.78, decoder(24, 2048, 32, 64, 8192, 51200)],
    ['StableLM 3B', 2.8, 'lora', 9.69, decoder(32, 2560, 32, 80, 6912, 50304)],
    ['StableLM 3B', 2.8, 'qlora', 6.35, decoder(32, 2560, 32, 80, 6912, 50304)],
    ['Llama 2 7B', 6.74, 'lora', 21.3, decoder(32, 4096, 32, 128, 11008, 32000)],
    ['Llama 2 7B', 6.74, 'qlora', 14.14, decoder(32, 4096, 32, 128, 11008, 32000)],
  ];
  it.each(litgpt)(
    'LitGPT: %s (%dB) %s peaks near the 512–1,024-token bracket',
    (name, paramsB, workload, published, architecture) => {
      const at = (sequenceLength: number) =>
        estimate({
          model: { paramsB, architecture, name },
          workload,
          sequenceLength,
          batchSize: 1,
          loraRank: 8,
          loraTargets: 'attention-qv',
          gradientCheckpointing: false,
        }).memoryGB.total;
      const low = at(512);
      const high = at(1024);
      console.log(
        `${name} ${workload}: published ${published} GB, estimate ${low.toFixed(2)}–${high.toFixed(2)} GB (512–1,024 tokens)`,
      );
      // Known gap, kept visible: bitsandbytes' 4-bit path costs more than NF4 weights alone at 7B (about 0.63× at 512
      // tokens), and phi-1.5's LoRA peak is below the 512-token estimate (1.16×). A drift beyond this band fails.
      expect(published).toBeGreaterThan(low * 0.8);
      expect(published).toBeLessThan(high * 1.2);
    },
  );
});
