/**
 * @module What to do when a plan fits the team's GPUs only with a lever (a chunked loss, shorter sequences): QLoRA on
 * the same GPUs when the plan is LoRA and QLoRA fits, else renting when the plan can rent, else a smaller model. Pure.
 */
import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { MethodId } from '../profile/profile-schema.ts';

/** The way out, as a noun phrase ("QLoRA on the same GPUs", "a rented GPU", "a smaller model"). */
export function fallbackWhenLeverFails(recommendation: Recommendation, method: MethodId): string {
  if (method === 'lora') {
    const qlora = recommendation.recommendations.find((entry) => entry.method === 'qlora');
    const fit = qlora?.estimates?.memoryGB?.fit;
    if (qlora?.verdict !== 'not-viable' && (fit === 'fits' || fit === 'tight')) return 'QLoRA on the same GPUs';
  }
  return recommendation.computeOptions.some((option) => option.kind === 'rent') ? 'a rented GPU' : 'a smaller model';
}
