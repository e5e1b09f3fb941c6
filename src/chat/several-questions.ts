/**
 * @module A message that asks several questions ("CPT or RAG over the corpus? and if CPT, LoRA or full? will full fit
 * across the 32 cards?"). One reading of the whole message keeps only some of what it asks; each question read on its
 * own that the first answer did not cover gets its own answer after it, in the order asked.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { ProfileField } from '../profile/profile-schema.ts';
import { footnotesFor } from './compact-answer.ts';
import { NOT_A_QUESTION_KEY } from './extract/intents.ts';
import type { AskedQuestion, ExtractionIntents } from './extract/types.ts';
import type { InfoAnswer } from './info-replies.ts';

/** Intent keys that only qualify a question (which GPUs, what for, which wording), never ask one of their own. */
const QUALIFIERS: ReadonlySet<string> = new Set([
  ...NOT_A_QUESTION_KEY,
  'asksServingPerDay',
  'asksConcurrentUsers',
  'asksPrivacy',
  'unanswered',
]);

/** Questions the reply answers alone, whatever else the message asks (each its own reply). */
const ANSWERED_ALONE: readonly string[] = [
  'whyNot',
  'whyMethod',
  'asksPerTask',
  'asksHallucination',
  'asksInstructVsBase',
  'asksContextFit',
  'asksEnoughData',
  'asksFormatGuarantee',
  'asksTrainOnMac',
  'asksOnDeviceRuntime',
  'asksEvaluation',
  'asksSteps',
  'asksDataQuality',
  'asksTimeline',
  'asksRisks',
  'asksSftBeforePreference',
  'asksSpeed',
  'asksLicence',
  'asksHostingFee',
  'asksRetirement',
  'asksTuningChannel',
  'asksCostLevers',
  'asksExactMatchRetrieval',
  'asksLongContext',
  'asksDataMix',
  'asksRetrievedExamples',
  'asksEncoderInstead',
  'asksEncoderLength',
  'asksKto',
  'asksSmallModelWorry',
  'asksRentMonthly',
  'asksBillMismatch',
  'asksRatingsForPreference',
  'asksWhyRent',
  'asksSafety',
  'asksLanguage',
];

/**
 * True when what `asked` asks is already asked by `answered`: every question key with the same value, or with `true`
 * (the plan's own method, "will it fit?") where the whole message named one.
 */
export function coveredBy(asked: ExtractionIntents, answered: ExtractionIntents): boolean {
  // A question the whole-message reply answers on its own ("is it shutting down?") leaves the others unanswered.
  const record = answered as unknown as Record<string, unknown>;
  const asking = asked as unknown as Record<string, unknown>;
  const on = (value: unknown) => value !== undefined && value !== false;
  if (ANSWERED_ALONE.some((key) => on(record[key]) && !on(asking[key]))) return false;
  // "Would QLoRA fit on the T4? And can the T4 even serve it?": a fit for serving is another question than the fit
  // for training, and a fit on one card another than on four.
  if (asked.asksFit !== undefined && answered.asksFit !== undefined) {
    if (asked.asksFitFor !== undefined && answered.asksFitFor !== undefined && asked.asksFitFor !== answered.asksFitFor)
      return false;
    if (asked.asksFitGpus !== undefined && asked.asksFitGpus !== answered.asksFitGpus) return false;
  }
  return Object.entries(asked).every(([key, value]) => {
    if (QUALIFIERS.has(key) || value === undefined || value === false) return true;
    const other = record[key];
    if (other === undefined || other === false) return false;
    // ("is OpenAI tuning open to new accounts?" after "where can I tune GPT-4o mini on OpenAI?": the same channel, the
    // model left to the whole message's reading.)
    if (typeof value === 'object' && value !== null && typeof other === 'object' && other !== null)
      return Object.entries(value).every(([field, said]) => (other as Record<string, unknown>)[field] === said);
    return value === true || JSON.stringify(value) === JSON.stringify(other);
  });
}

/** The first sentence of a reply (to tell an answer already given from a new one). */
function firstSentence(text: string): string {
  const end = text.search(/[.!?](?:\s|$)/);
  return (end < 0 ? text : text.slice(0, end + 1)).trim();
}

/**
 * Appends `more` after `first` as a paragraph of its own; its source marks are renumbered after the first answer's
 * (a source both cite keeps its number).
 */
export function joinAnswers(first: InfoAnswer, more: InfoAnswer, knowledge: Knowledge): InfoAnswer {
  const ids = (first.sources ?? []).map((source) => source.id);
  const renumbered = new Map<number, number>();
  for (const source of more.sources ?? []) {
    const at = ids.indexOf(source.id);
    renumbered.set(source.n, at >= 0 ? at + 1 : ids.push(source.id));
  }
  const text = `${first.text}\n\n${more.text.replace(/\[(\d+)\]/g, (mark, n: string) => {
    const to = renumbered.get(Number(n));
    return to === undefined ? mark : `[${to}]`;
  })}`;
  return ids.length === 0 ? { text } : { text, ...footnotesFor(ids, undefined, knowledge) };
}

/**
 * The first answer, then the answer to each question of the message that the whole-message reading did not ask and
 * whose answer is not already said.
 */
export function withTheOtherQuestions(
  first: InfoAnswer,
  intents: ExtractionIntents,
  answer: (asked: ExtractionIntents) => InfoAnswer | undefined,
  knowledge: Knowledge,
  /** True when a value a question asks about is not the team's ("and on 8 H100s?" of a team with two L4s). */
  differs: (field: ProfileField, value: unknown) => boolean,
): InfoAnswer {
  let joined = first;
  for (const question of intents.separately ?? ([] as readonly AskedQuestion[])) {
    // A "what if" on other values is no question about the plan as it stands.
    const asksAboutOthers = Object.entries(question.hypothetical ?? {}).some(([field, value]) =>
      differs(field as ProfileField, value),
    );
    if (asksAboutOthers || coveredBy(question.intents, intents)) continue;
    const more = answer(question.intents);
    if (
      more === undefined ||
      more.text.trim() === '' ||
      joined.text.toLowerCase().includes(firstSentence(more.text).toLowerCase())
    )
      continue;
    joined = joinAnswers(joined, more, knowledge);
  }
  return joined;
}

/**
 * The questions of a message asked before its first "what if" (of the plan as it stands) and the intents of the
 * "what if" and those after it (merged), when the message asks both kinds; otherwise no plain questions.
 */
export function questionsByHypothesis(
  intents: ExtractionIntents,
  differs: (field: ProfileField, value: unknown) => boolean,
): { plain: ExtractionIntents[]; varied: ExtractionIntents | undefined } {
  const plain: ExtractionIntents[] = [];
  const varied: ExtractionIntents[] = [];
  for (const question of intents.separately ?? ([] as readonly AskedQuestion[])) {
    const changes = Object.entries(question.hypothetical ?? {}).some(([field, value]) =>
      differs(field as ProfileField, value),
    );
    // ("Would CPT of the 70B fit across the 16 H100s, and how long would one pass take?": a question after the "what
    // if" goes on asking about it.)
    (changes || varied.length > 0 ? varied : plain).push(question.intents);
  }
  if (varied.length === 0 || plain.length === 0) return { plain: [], varied: undefined };
  return { plain, varied: Object.assign({}, ...varied) as ExtractionIntents };
}
