/**
 * @module "Why not fine-tune a BERT-style encoder classifier instead of an 8B LLM?": a text encoder weighed against
 * the plan's generating model. An encoder labels, tags and embeds text in one pass and writes none (BERT paper,
 * google-research/bert): for choosing labels or marking spans it is the cheap baseline the large model must beat, its
 * 512-token input is the catch for long documents, and for a task that writes text it is no option at all.
 */
import { SFT_AMPLE_EXAMPLES } from '../engine/data-sufficiency.ts';
import { ENCODER_MAX_TOKENS, encoderWindows, statedInputLength } from '../engine/input-length.ts';
import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Model } from '../knowledge/schemas.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { citer } from './cite.ts';
import { plainModelName } from './compact-answer.ts';
import { citedAnswer, type InfoAnswer } from './info-replies.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function encoderInsteadReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  const cite = citer(knowledge);
  const model = recommendation.destination.model.name;
  const large = model === null ? 'a generating model' : plainModelName(model);
  const task = profile.taskType;
  if (task === 'image-understand' || task === 'image-generate' || task === 'transcribe') {
    const text =
      task === 'image-understand'
        ? `A text encoder such as BERT reads no images${cite.mark('bert-readme')}. The same idea for pictures is an image encoder (CLIP's image tower, for one${cite.mark('clip-card')}) with a small classification head: a cheap baseline to score against ${large} on your labelled images.`
        : task === 'transcribe'
          ? `A text encoder such as BERT hears no audio${cite.mark('bert-readme')}: transcription needs a speech model.`
          : `A text encoder such as BERT draws nothing${cite.mark('bert-readme')}: generating images needs an image model.`;
    return citedAnswer(text, cite.cited, knowledge);
  }
  if (task !== undefined && task !== 'classify' && task !== 'extract' && task !== 'search') {
    const text = `Not for this task: an encoder such as BERT labels, tags and embeds text but writes none${cite.mark('bert-readme')}, and your task needs written output. It can still sit beside ${large}: as the retriever's embedding model, or as a cheap classifier that routes requests before the model answers them.`;
    return citedAnswer(text, cite.cited, knowledge);
  }
  const parts: string[] = [];
  const what =
    task === 'extract'
      ? 'marks the spans to extract token by token'
      : task === 'search'
        ? 'turns queries and documents into vectors to match'
        : 'puts a small classification head on its output';
  parts.push(
    `${task === undefined ? 'If the output is a label or a span of the input, it is worth doing' : 'Worth doing'}, as the baseline ${large} has to beat. A fine-tuned encoder such as BERT ${what}${cite.mark('bert-paper')}: it reads the input in one pass and writes no tokens, so it serves on a CPU or a small GPU at a fraction of the cost and latency of a model with billions of parameters.`,
  );
  const examples = profile.labeledExamples;
  if (examples !== undefined && task !== 'search')
    parts.push(
      examples >= SFT_AMPLE_EXAMPLES
        ? `Your ${count.format(examples)} labelled examples are enough to train it; keep a held-out part of them to score it.`
        : `With ${count.format(examples)} labelled examples it may learn the common labels only; the large model's few-shot prompt needs fewer, so compare both on held-out cases.`,
    );
  const length = statedInputLength(profile);
  parts.push(
    length !== undefined && length > ENCODER_MAX_TOKENS
      ? `The catch for you: BERT's position embeddings stop at ${ENCODER_MAX_TOKENS} tokens${cite.mark('bert-paper')} and your texts run about ${count.format(length)}. Split each into overlapping ${ENCODER_MAX_TOKENS}-token windows and pool their predictions, or use an encoder trained for long inputs; a label that hinges on one passage deep in the text is where ${large}, reading it whole, may still win.`
      : `Mind the input length: BERT's position embeddings stop at ${ENCODER_MAX_TOKENS} tokens${cite.mark('bert-paper')}, so longer texts are split into windows whose predictions are pooled.`,
  );
  if (task === 'extract')
    parts.push(
      'It marks spans of the text; if the fields must be rewritten or normalised rather than copied out, that part needs a generating model.',
    );
  parts.push(
    `Train it on the same split as ${large} and score both on the same held-out set: if the encoder is within the accuracy you need, serve it, and keep the large model only for the cases it gets wrong, if any.`,
  );
  if (task === undefined)
    parts.push(`If the task writes text instead, an encoder cannot do it: it writes none${cite.mark('bert-readme')}.`);
  return citedAnswer(parts.join(' '), cite.cited, knowledge);
}

/** The catalog's text encoder of that name (BERT, XLM-RoBERTa), if the name is one. */
export function catalogEncoder(knowledge: Knowledge, name: string | null | undefined): Model | undefined {
  const model = name == null ? undefined : knowledge.findModel(name);
  return model?.architecture?.kind === 'encoder' ? model : undefined;
}

/**
 * "XLM-RoBERTa only reads 512 tokens, right? Our letters are 3,000 tokens": yes, and what that means for the plan: the
 * input split into overlapping windows whose predictions are pooled when the plan keeps the encoder, or why it does not.
 */
export function encoderLengthReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
): InfoAnswer {
  const cite = citer(knowledge);
  const planModel = recommendation.destination.model.name;
  const planned = catalogEncoder(knowledge, planModel);
  const planIsEncoder = planned !== undefined;
  const encoder = planned ?? catalogEncoder(knowledge, profile.modelName);
  const which = encoder === undefined ? 'A BERT-style encoder' : plainModelName(encoder.name);
  const length = statedInputLength(profile);
  const opening = length === undefined ? '' : length > ENCODER_MAX_TOKENS ? 'Not whole: ' : 'Yes: ';
  const parts = [
    `${opening}${which} reads at most ${ENCODER_MAX_TOKENS} tokens at a time; its position embeddings stop there${cite.mark('bert-paper')}.`,
  ];
  if (length !== undefined && length > ENCODER_MAX_TOKENS) {
    const windows = encoderWindows(length);
    parts.push(
      `Your inputs run about ${count.format(length)} tokens, so one pass sees only the first ${ENCODER_MAX_TOKENS}: cut there, the rest is lost. The usual way round is to split each into about ${windows} overlapping ${ENCODER_MAX_TOKENS}-token windows, run the encoder on each and pool the windows' predictions (for labels such as codes, a label counts when any window gives it with enough confidence).`,
    );
  } else if (length === undefined) {
    parts.push(
      `Longer inputs are split into overlapping ${ENCODER_MAX_TOKENS}-token windows whose predictions are pooled; tell me how long your inputs run and I'll say how many windows that is.`,
    );
  } else {
    parts.push(`Your inputs run about ${count.format(length)} tokens, within that: it reads each one whole.`);
  }
  if (planIsEncoder && length !== undefined && length > ENCODER_MAX_TOKENS)
    parts.push(
      profile.gpuCount === 0 && !recommendation.computeOptions.some((option) => option.kind === 'rent')
        ? `The plan keeps it because with no GPU (and none to rent) an encoder is the model that trains on your CPU servers. Check on held-out inputs that labels resting on a passage deep in the text are still found; if windowing misses them, a GPU on your premises would let you tune a model that reads the whole input (LoRA on an 8B reads thousands of tokens).`
        : profile.gpuCount === 0
          ? `Check on held-out inputs that labels resting on a passage deep in the text are still found; if windowing misses them, a rented GPU can tune a model that reads the whole input instead (LoRA on an 8B reads thousands of tokens).`
          : `Check on held-out inputs that labels resting on a passage deep in the text are still found; if windowing misses them, tune a model that reads the whole input instead (LoRA on an 8B reads thousands of tokens).`,
    );
  else if (!planIsEncoder && planModel !== null && length !== undefined && length > ENCODER_MAX_TOKENS)
    parts.push(`The plan is on ${plainModelName(planModel)}, which reads the whole input.`);
  return citedAnswer(parts.join(' '), cite.cited, knowledge);
}
