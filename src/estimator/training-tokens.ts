/** @module estimator/training-tokens: tokens seen by a fine-tuning run. */

/** Assumed tokens per labelled example (prompt + answer) when nothing better is known. */
export const DEFAULT_TOKENS_PER_EXAMPLE = 500;
/** Assumed passes over the data set. */
export const DEFAULT_EPOCHS = 3;

/**
 * Tokens processed by fine-tuning, D in 6·P·D: examples × tokens per example × epochs.
 * @example estimateTrainingTokens(10_000) // 15,000,000 (500 tokens, 3 epochs)
 */
export function estimateTrainingTokens(
  labeledExamples: number,
  tokensPerExample = DEFAULT_TOKENS_PER_EXAMPLE,
  epochs = DEFAULT_EPOCHS,
): number {
  return labeledExamples * tokensPerExample * epochs;
}

/** Plain-words statement of {@link estimateTrainingTokens}'s defaults, for assumption lists. */
export function trainingTokensAssumption(
  labeledExamples: number,
  tokensPerExample = DEFAULT_TOKENS_PER_EXAMPLE,
  epochs = DEFAULT_EPOCHS,
): string {
  return `Training tokens = ${labeledExamples} examples × ${tokensPerExample} tokens × ${epochs} epochs (assumed).`;
}
