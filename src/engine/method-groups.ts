import type { MethodId } from '../profile/profile-schema.ts';

/** @module Groups of method ids the pipeline stages share (one definition each). */

/** Supervised fine-tuning siblings: the parameterisations and the provider-run channel of the same objective. */
export const SFT_SIBLINGS: readonly MethodId[] = [
  'lora',
  'qlora',
  'full-fine-tuning',
  'adapters',
  'prompt-tuning',
  'prefix-tuning',
  'managed-fine-tuning',
];

/** Methods that change the weights of some model. */
export const TRAINING_METHODS: ReadonlySet<MethodId> = new Set([
  ...SFT_SIBLINGS,
  'instruction-tuning',
  'preference-tuning',
  'distillation',
]);
