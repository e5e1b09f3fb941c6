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

/**
 * The siblings that retrain how the model reads what is retrieved (question, passages, cited answer): the soft-prompt
 * methods are left out, as they add a few learned tokens in front of the input and leave every layer that reads the
 * passages as it was.
 */
export const RETRIEVAL_FORMATTED_SIBLINGS: readonly MethodId[] = SFT_SIBLINGS.filter(
  (method) => method !== 'prompt-tuning' && method !== 'prefix-tuning',
);

/** Methods that change the weights of some model. */
export const TRAINING_METHODS: ReadonlySet<MethodId> = new Set([
  ...SFT_SIBLINGS,
  'instruction-tuning',
  'preference-tuning',
  'distillation',
]);
