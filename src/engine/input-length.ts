/**
 * @module How long the team's inputs are, and how a text encoder reads them. BERT-style encoders (BERT, XLM-RoBERTa)
 * have 512 learned positions (BERT paper, appendix A.2): a longer input is read in overlapping 512-token windows
 * whose predictions are pooled.
 */
import type { Profile } from '../profile/profile-schema.ts';

/** The positions a catalog text encoder reads (BERT and XLM-RoBERTa: 512 tokens). */
export const ENCODER_MAX_TOKENS = 512;
/** Consecutive windows overlap by a quarter: each starts this many tokens after the one before. */
const ENCODER_WINDOW_STRIDE = (ENCODER_MAX_TOKENS * 3) / 4;

/** The windows an encoder reads an input of `tokens` in: one up to 512, then one more per stride. */
export function encoderWindows(tokens: number): number {
  return tokens <= ENCODER_MAX_TOKENS ? 1 : 1 + Math.ceil((tokens - ENCODER_MAX_TOKENS) / ENCODER_WINDOW_STRIDE);
}

/**
 * The longest input the team stated: a training example or a production request, whichever is longer (a model must
 * read both whole).
 */
export function statedInputLength(profile: Partial<Profile>): number | undefined {
  const lengths = [profile.exampleTokens, profile.inputTokensPerRequest].filter(
    (length): length is number => length !== undefined,
  );
  return lengths.length === 0 ? undefined : Math.max(...lengths);
}
