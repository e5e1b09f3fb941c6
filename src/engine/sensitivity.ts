import type { MethodId, Profile } from '../profile/profile-schema.ts';
import type { FeasibilityAnalysis } from './analyse-feasibility.ts';
import { WHOLE_CORPUS_IN_PROMPT_TOKENS } from './choose-destination.ts';
import {
  CONTINUED_PRETRAINING_MIN_TOKENS,
  FEW_SHOT_MIN_EXAMPLES,
  PREFERENCE_MIN_PAIRS,
  SFT_AMPLE_EXAMPLES,
  SFT_MIN_EXAMPLES,
} from './data-sufficiency.ts';
import { VOLUME_COST_REQUESTS_PER_DAY } from './diagnose.ts';
import { TRAINING_CHECKS } from './estimate-feasibility.ts';
import type { SensitivityEntry } from './recommendation-schema.ts';

/**
 * "What would change my answer": for the known numeric fields, the nearest value (below and above the current one)
 * at which the destination changes. Candidate values are the thresholds the pipeline uses (data amounts, volume),
 * the memory each training check needs per GPU, and the cost of each rental and of the monthly bills; each is
 * checked by re-running the pipeline (`probe`, cheap), and each change found is confirmed by a full run (`confirm`)
 * so the reported destination is the one a fresh request with that value gets. Pure.
 */

type NumericField =
  | 'gpuMemoryGB'
  | 'labeledExamples'
  | 'preferencePairs'
  | 'oneTimeBudgetUSD'
  | 'monthlyBudgetUSD'
  | 'requestsPerDay'
  | 'corpusTokens';

const LORA_PAIR: ReadonlySet<MethodId> = new Set(['lora', 'qlora']);
/** Fields that say how much memory or money there is: these may rightly tip LoRA into QLoRA. */
const MEMORY_FIELDS: ReadonlySet<NumericField> = new Set(['gpuMemoryGB', 'oneTimeBudgetUSD', 'monthlyBudgetUSD']);

export function findSensitivity(
  input: Profile,
  analysis: FeasibilityAnalysis,
  destination: MethodId,
  probe: (patch: Partial<Profile>) => MethodId,
  confirm: (patch: Partial<Profile>) => { method: MethodId; on?: string } = (patch) => ({ method: probe(patch) }),
): SensitivityEntry[] {
  const { estimates, resolved } = analysis;
  const candidates: Record<NumericField, number[]> = {
    gpuMemoryGB: Object.values(estimates.fit).map((fit) => Math.ceil(fit?.neededPerGpuGB ?? 0)),
    labeledExamples: [FEW_SHOT_MIN_EXAMPLES, SFT_MIN_EXAMPLES, SFT_AMPLE_EXAMPLES],
    preferencePairs: [PREFERENCE_MIN_PAIRS],
    oneTimeBudgetUSD: TRAINING_CHECKS.map((check) => Math.ceil(estimates.rentals[check]?.usd ?? 0)),
    monthlyBudgetUSD: [estimates.serving?.apiMonthlyUSD ?? 0, estimates.serving?.selfHostedMonthlyUSD ?? 0].map(
      Math.ceil,
    ),
    requestsPerDay: [VOLUME_COST_REQUESTS_PER_DAY],
    // A corpus that fits the prompt, and one large enough for continued pre-training.
    corpusTokens: [WHOLE_CORPUS_IN_PROMPT_TOKENS, CONTINUED_PRETRAINING_MIN_TOKENS],
  };
  const entries: SensitivityEntry[] = [];
  for (const field of Object.keys(candidates) as NumericField[]) {
    const current = field === 'gpuMemoryGB' ? resolved.profile.gpuMemoryGB : input[field];
    if (current === undefined) continue;
    const values = [...new Set(candidates[field].filter((value) => value > 0 && value !== current))].sort(
      (a, b) => a - b,
    );
    // Thresholds are "at least": just below a threshold is value − 1 for counts.
    const above = values.find((value) => value > current);
    const below = [...values].reverse().find((value) => value <= current);
    const belowValue = below === undefined ? undefined : below - (field === 'gpuMemoryGB' ? 1 : 1);
    for (const value of [belowValue, above]) {
      if (value === undefined || value < 0 || (field === 'gpuMemoryGB' && value <= 0)) continue;
      if (probe({ [field]: value }) === destination) continue;
      const { method: becomes, on } = confirm({ [field]: value });
      // LoRA against QLoRA is a memory choice: a data amount or a volume that tips the tie is no change of answer.
      const memoryTie = LORA_PAIR.has(becomes) && LORA_PAIR.has(destination) && !MEMORY_FIELDS.has(field);
      if (becomes !== destination && !memoryTie)
        entries.push({ field, value, becomes, ...(on === undefined ? {} : { on }) });
    }
  }
  return entries;
}
