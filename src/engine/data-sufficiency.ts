import type { Profile } from '../profile/profile-schema.ts';

/**
 * Stage 5 of the pipeline (shared/design.md): is there the right data, and enough of it, for each kind of fix?
 * Thresholds come from the sources the knowledge base cites: OpenAI sees improvements from 50–100 examples and
 * Google starts at about 100 (oai-sft, gcp-sft-data); LIMA tuned instruction following on 1,000 curated pairs
 * (lima); preference tuning follows an SFT stage on thousands of pairs (dpo, instructgpt); DreamBooth adapts an
 * image generator to a subject from 3–5 images. Pure.
 */

/** Below this, a supervised fine-tune has too little to learn from: demonstrations in the prompt instead. */
export const SFT_MIN_EXAMPLES = 100;
/** Once prompting has plateaued, OpenAI's starting point for a fine-tune: improvements from 50 examples (oai-sft). */
export const SFT_AFTER_PLATEAU_MIN_EXAMPLES = 50;
/** From here the data outgrows what a prompt can hold: training pays off even before prompting plateaus. */
export const SFT_AMPLE_EXAMPLES = 1000;
/** Few-shot prompting needs at least a handful of worked examples. */
export const FEW_SHOT_MIN_EXAMPLES = 3;
/** Instruction tuning of a base model: LIMA's 1,000 curated pairs; a few hundred is a start. */
export const INSTRUCTION_MIN_EXAMPLES = 300;
/** Below this many human labels, a named teacher's outputs on the traffic or corpus outweigh them as training data. */
export const TEACHER_OUTWEIGHS_LABELS_BELOW = 10_000;
/** Preference tuning needs hundreds to thousands of chosen/rejected pairs. */
export const PREFERENCE_MIN_PAIRS = 500;
/** A subject or style adapter for an image generator trains from a handful of images. */
export const IMAGE_ADAPTER_MIN_IMAGES = 5;
/** Continued pre-training pays off with a domain corpus of this many tokens (Biderman et al.: billions). */
export const CONTINUED_PRETRAINING_MIN_TOKENS = 1e9;

export type Amount = 'none' | 'few' | 'enough' | 'ample' | 'unknown';

export interface DataSufficiency {
  /** Supervised pairs for SFT (LoRA, QLoRA, full, managed). */
  readonly sft: Amount;
  /** Pairs for instruction tuning a base model. */
  readonly instruction: Amount;
  readonly preference: Amount;
  /** Documents to retrieve from: true, false, or undefined when unknown. */
  readonly corpus: boolean | undefined;
  /** A corpus large enough for continued pre-training. */
  readonly pretrainingCorpus: boolean;
  /** Worked examples for few-shot prompting. */
  readonly fewShot: boolean | undefined;
}

export function assessData(profile: Profile): DataSufficiency {
  const examples = profile.labeledExamples;
  const pairs = profile.preferencePairs;
  return {
    sft: amount(examples, SFT_MIN_EXAMPLES, SFT_AMPLE_EXAMPLES),
    instruction: amount(examples, INSTRUCTION_MIN_EXAMPLES, SFT_AMPLE_EXAMPLES),
    preference: amount(pairs, PREFERENCE_MIN_PAIRS, PREFERENCE_MIN_PAIRS * 4),
    corpus:
      profile.corpusTokens !== undefined
        ? profile.corpusTokens > 0
        : profile.unlabeledCorpus === undefined
          ? undefined
          : profile.unlabeledCorpus !== 'none',
    pretrainingCorpus: (profile.corpusTokens ?? 0) >= CONTINUED_PRETRAINING_MIN_TOKENS,
    fewShot: examples === undefined ? undefined : examples >= FEW_SHOT_MIN_EXAMPLES,
  };
}

function amount(count: number | undefined, minimum: number, ample: number): Amount {
  if (count === undefined) return 'unknown';
  if (count === 0) return 'none';
  if (count < minimum) return 'few';
  return count >= ample ? 'ample' : 'enough';
}

/** True when the amount is enough to train on. */
export function sufficient(amountValue: Amount): boolean {
  return amountValue === 'enough' || amountValue === 'ample';
}
