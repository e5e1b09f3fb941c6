import type { EstimateResult } from '../estimator/types.ts';
import type { MethodId } from '../profile/profile-schema.ts';
import { CPU_TRAINING_CHECKS } from './derive-facts.ts';
import type { FeasibilityEstimates, FitCheck } from './estimate-feasibility.ts';
import type { MethodEstimates } from './recommendation-schema.ts';
import { levelFits, PROJECT_RUNS } from './training-compute.ts';

/** How a training estimate on the team's CPU server begins (the chat tells it from GPU-hours by it). */
export const CPU_TRAINING_NOTE = 'Trained on your CPU server:';

/**
 * Which estimate stands for which method. Adapters, prefix tuning, prompt tuning and PEFT-style instruction or
 * preference tuning all train few parameters on a frozen 16-bit base, so the LoRA estimate approximates them.
 */
const CHECK_FOR_METHOD: Partial<Record<MethodId, { check: FitCheck; note?: string }>> = {
  'prompt-engineering': {
    check: 'inference',
    note: 'Self-hosting the model for inference (not needed through an API).',
  },
  'in-context-learning': {
    check: 'inference',
    note: 'Self-hosting the model for inference (not needed through an API).',
  },
  rag: { check: 'inference', note: 'Self-hosting the model for inference; the retrieval index is not included.' },
  lora: { check: 'lora' },
  qlora: { check: 'qlora' },
  adapters: {
    check: 'lora',
    note: 'Approximated by the LoRA estimate: few trainable parameters on a frozen 16-bit base.',
  },
  'prefix-tuning': {
    check: 'lora',
    note: 'Approximated by the LoRA estimate: few trainable parameters on a frozen 16-bit base.',
  },
  'prompt-tuning': {
    check: 'lora',
    note: 'Approximated by the LoRA estimate: few trainable parameters on a frozen 16-bit base.',
  },
  'full-fine-tuning': { check: 'full-fine-tuning' },
  'instruction-tuning': {
    check: 'lora',
    note: 'Assumes instruction tuning with LoRA; tuning every weight needs the full fine-tuning estimate.',
  },
  'preference-tuning': {
    check: 'lora',
    note: 'Assumes preference tuning with LoRA; tuning every weight needs the full fine-tuning estimate.',
  },
  distillation: {
    check: 'distillation-student',
    note: 'Training the student with LoRA; generating the teacher outputs is not included.',
  },
};

/**
 * The estimates shown on each method: memory needed vs available and whether it fits, training GPU-hours and
 * one-time cost for training methods, monthly self-hosting cost for the inference-only methods (for an API
 * model with a catalog price: the monthly API bill at requestsPerDay), and every assumption behind them. Methods with no estimate (managed-fine-tuning, or any method when the model size is
 * unknown) are absent.
 */
export function methodEstimates(
  estimates: FeasibilityEstimates,
  hasGpu: boolean | undefined,
  totalGpuMemoryGB: number | undefined,
  rentalAllowed = true,
  gpuCount?: number,
  cpuTrainable = false,
): Partial<Record<MethodId, MethodEstimates>> {
  const result: Partial<Record<MethodId, MethodEstimates>> = {};
  for (const [method, mapping] of Object.entries(CHECK_FOR_METHOD) as [
    MethodId,
    { check: FitCheck; note?: string },
  ][]) {
    const chosen =
      method === 'distillation' && estimates.studentTrainedWhole
        ? {
            ...mapping,
            note: 'Training the encoder student whole on the labels; generating the teacher outputs is not included.',
          }
        : withQloraFallback(method, mapping, estimates);
    const estimate: EstimateResult | undefined = estimates.checks[chosen.check];
    const apiMonthlyUSD = estimates.serving?.apiMonthlyUSD;
    if (!estimate && chosen.check === 'inference' && apiMonthlyUSD != null) {
      // An API model: no memory to fit, but a monthly bill at the caller's volume.
      result[method] = {
        monthlyUSD: round(apiMonthlyUSD),
        assumptions: [
          estimates.serving?.apiStated
            ? "The vendor's API bill you stated for today's use."
            : "The vendor's API bill at your requests per day, at its list price per million tokens.",
          ...(estimates.serving?.assumptions.filter((line) => line.startsWith('API')) ?? []),
          ...(method === 'rag'
            ? [
                'Retrieved passages lengthen every prompt: each 1,000 tokens of passages added to a request adds about the input part of this bill again.',
              ]
            : []),
        ],
      };
      continue;
    }
    if (!estimate) continue;
    // No GPUs and a model small enough for the CPU server: its training state in RAM, no GPU-hours, no rent.
    // (Beside GPUs too small for it as well: the CPU server is still there.)
    const gpuTooSmall = hasGpu === true && levelFits(estimates.fit[chosen.check]?.level ?? 'unknown') === false;
    if (cpuTrainable && (hasGpu === false || gpuTooSmall) && CPU_TRAINING_CHECKS.has(chosen.check)) {
      result[method] = {
        memoryGB: { needed: round(estimate.memoryGB.total), available: null, fits: true, fit: 'fits' },
        oneTimeUSD: 0,
        assumptions: [
          ...(chosen.note ? [chosen.note] : []),
          ...estimate.assumptions.filter((line) => !line.startsWith('Cost not estimated')),
          `${CPU_TRAINING_NOTE} about ${round(estimate.memoryGB.total)} GB of RAM and no rental; the catalog has no CPU speeds, so the time is not estimated: time one epoch on a sample of your examples first.`,
        ],
      };
      continue;
    }
    const fit = estimates.fit[chosen.check];
    const level = hasGpu === false ? 'no' : (fit?.level ?? 'unknown');
    const entry: MethodEstimates = {
      memoryGB: {
        needed: round(estimate.memoryGB.total),
        available: totalGpuMemoryGB ?? null,
        fits: levelFits(level) ?? null,
        fit: level,
        ...(fit && fit.adjustments.length > 0 ? { adjustments: [...fit.adjustments] } : {}),
        ...(level === 'fits-if' && fit?.adjustedPerGpuGB !== undefined
          ? { adjustedPerGpu: round(fit.adjustedPerGpuGB) }
          : {}),
        // Over several GPUs the busiest one decides: weights and optimiser state are sharded, activations are not.
        ...(gpuCount !== undefined && gpuCount > 1 ? { perGpu: round(estimate.memoryGB.perGpu), gpuCount } : {}),
      },
      assumptions: chosen.note ? [chosen.note, ...estimate.assumptions] : [...estimate.assumptions],
    };
    const training = chosen.check === 'inference' || chosen.check === 'inference-int4' ? undefined : chosen.check;
    if (training) {
      const rental = estimates.rentals[training];
      if (levelFits(level) === true && !estimates.tokenCompute) {
        // An image generator on owned GPUs: no rent; an adapter's hours are its runs' (not a token-based formula).
        entry.oneTimeUSD = 0;
        const hours = estimates.ownProjectHours[training];
        if (hours !== undefined) entry.trainingGpuHours = round(hours);
        entry.assumptions = entry.assumptions.filter(
          (line) => !line.startsWith('Cost not estimated') && !/utilisation|Training compute =/.test(line),
        );
        entry.assumptions.push(
          hours === undefined
            ? 'On your own GPUs: no rental cost; training time is not estimated for this image model.'
            : `On your own GPUs: no rental cost; hours are for ${PROJECT_RUNS} rounds of adapter runs.`,
        );
        if (hours !== undefined && estimates.imageRunNote !== undefined) entry.assumptions.push(estimates.imageRunNote);
      } else if (levelFits(level) === true && estimate.compute) {
        // Owned GPUs: time, not dollars.
        entry.trainingGpuHours = round(estimate.compute.gpuHours * PROJECT_RUNS);
        entry.oneTimeUSD = 0;
        entry.assumptions = entry.assumptions.filter((line) => !line.startsWith('Cost not estimated'));
        entry.assumptions.push(`On your own GPUs: no rental cost; hours are for ${PROJECT_RUNS} runs.`);
      } else if (rental && rentalAllowed) {
        entry.trainingGpuHours = round(rental.hours * rental.count);
        entry.oneTimeUSD = rental.usd;
        entry.assumptions.push(
          `Rented: ${rental.count} × ${rental.gpu} at $${rental.usdPerGpuHour}/GPU-hour (as of ${rental.priceAsOf}), ${PROJECT_RUNS} runs, at least one billed hour per GPU.`,
        );
        if (estimates.imageRunNote !== undefined) entry.assumptions.push(estimates.imageRunNote);
      }
    }
    if (chosen.check === 'inference' && estimates.serving?.selfHostedMonthlyUSD != null) {
      const rentalPrice = round(estimates.serving.selfHostedMonthlyUSD);
      if (estimates.servingGpu?.origin === 'profile' && estimates.servingGpu.rented !== true) {
        // Owned GPUs: no bill, only what renting them would cost (the opportunity cost).
        entry.monthlyUSD = 0;
        entry.assumptions.push(
          `Served on your own GPUs: no monthly bill (renting the same GPUs would cost about $${rentalPrice} a month).`,
        );
      } else {
        entry.monthlyUSD = rentalPrice;
      }
    }
    result[method] = entry;
  }
  // A search job's results need no generated answer: what retrieval alone costs stands next to the model's bill.
  const rag = result.rag;
  if (rag !== undefined && estimates.searchRetrieval !== undefined) {
    rag.retrievalOnlyMonthlyUSD = estimates.searchRetrieval.monthlyUSD;
    rag.assumptions.push(estimates.searchRetrieval.why);
  }
  return result;
}

/** Methods judged on QLoRA's memory when 16-bit LoRA does not fit (the rule self-run-sft-rlhf-do-not-fit-memory). */
const QLORA_FALLBACK: ReadonlySet<MethodId> = new Set(['instruction-tuning', 'preference-tuning']);

/**
 * Self-run instruction or preference tuning is viable when QLoRA fits, so when 16-bit LoRA does not fit the shown
 * estimate is QLoRA's: the verdict and the numbers then agree.
 */
function withQloraFallback(
  method: MethodId,
  mapping: { check: FitCheck; note?: string },
  estimates: FeasibilityEstimates,
): { check: FitCheck; note?: string } {
  // Preference tuning on stated pairs is timed and costed on the pairs (DPO), with the same memory as LoRA.
  const pairs = method === 'preference-tuning' && estimates.checks['preference-lora'] !== undefined;
  const lora = pairs
    ? {
        check: 'preference-lora' as const,
        note: 'Assumes preference tuning (DPO) with LoRA on your pairs: both answers of each pair, plus a frozen reference model reading them (see the assumption estimates.preferenceTrainingTokens); tuning every weight needs the full fine-tuning estimate.',
      }
    : mapping;
  // (On pairs, DPO's own LoRA estimate decides: it holds both answers of a pair, so it can miss where plain LoRA fits.)
  const loraFits = (pairs ? estimates.checks['preference-lora'] : estimates.checks.lora)?.fits;
  if (!QLORA_FALLBACK.has(method) || loraFits !== false || !estimates.checks.qlora) return lora;
  const kind = method === 'instruction-tuning' ? 'instruction' : 'preference';
  return {
    check: pairs ? 'preference-qlora' : 'qlora',
    note: `Assumes ${kind} tuning with QLoRA${QLORA_FALLBACK_NOTE}`,
  };
}

const QLORA_FALLBACK_NOTE = ': 16-bit LoRA does not fit your GPUs, a 4-bit base does or comes closest.';

/** The estimate shown is QLoRA's because 16-bit LoRA does not fit (instruction or preference tuning). */
export function estimatedOnQlora(assumptions: readonly string[] | undefined): boolean {
  return (assumptions ?? []).some((line) => line.endsWith(QLORA_FALLBACK_NOTE));
}

/** Two significant decimals keep the output readable and stable. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
