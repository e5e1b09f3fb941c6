import { z } from 'zod';
import { MAX_JOBS } from '../profile/job-schema.ts';
import { Profile } from '../profile/profile-schema.ts';

/**
 * What a conversation remembers between turns (Rasa-style form state): the accumulated profile, where each value
 * came from, the field last asked about, and how many questions were asked since the last answer.
 */
export const DialogueState = z.object({
  profile: Profile.partial(),
  /** For each profile field, the user's words it came from and who understood them. */
  evidence: z.record(z.string(), z.object({ text: z.string(), by: z.enum(['rules', 'llm']) })),
  requestedField: z.string().optional(),
  questionsAsked: z.number().int().min(0),
  /** Consecutive turns where the user's reply did not fill the field we asked about. */
  missedAnswers: z.number().int().min(0),
  /** Fields the user declined or could not answer: never asked again (the engine assumes a default). */
  skippedFields: z.array(z.string()),
  /** The last question whose reply was not understood: a late short answer to it is still read. */
  lastMissedField: z.string().optional(),
  /** True once the advisor has given a recommendation: later facts get an updated answer, not more questions. */
  answered: z.boolean(),
  /**
   * The destination of the last recommendation the user was shown: "still X" is said only of it (an answer to a side
   * question may have moved the advice without showing it).
   */
  shownDestination: z.object({ method: z.string(), model: z.string().nullable() }).optional(),
  /**
   * Numbers held back because they changed tenfold or more from what the user said before ("2 GPUs" → "100 GPUs"),
   * waiting for a "yes" in the next message (see {@link findTenfoldJumps}).
   */
  pendingConfirmation: z
    .array(
      z.object({
        field: z.string(),
        value: z.number(),
        previous: z.number(),
        text: z.string(),
        /** The jobs the figure was said of, when it was said of one or more of the team's jobs ("for both"). */
        jobs: z.array(z.string().max(200)).max(5).optional(),
      }),
    )
    .optional(),
  /**
   * A region the data must stay in ("the EU"), said earlier: no profile field holds it, so later answers still say
   * that data sent to a vendor is processed there.
   */
  dataRegion: z.string().max(40).optional(),
  /**
   * The model the last "what if" was about when it was not the team's ("could we serve Qwen2.5 72B instead?"): a later
   * "does the 72B fit on four 40GB cards?" names it by its size.
   */
  lastAskedModel: z.string().max(120).optional(),
  /** The job the pending question was asked for ("For the receipts: how many …?"): its answer is that job's. */
  requestedJob: z.string().max(120).optional(),
  /**
   * Two or more jobs the team listed ("write the reminder texts in our voice, and answer coverage questions"): each
   * with its name, the words that name it, and the facts said of it alone; the profile holds what they share.
   */
  jobs: z
    .array(
      z.object({
        name: z.string().max(120),
        keywords: z.array(z.string().max(40)).max(40),
        profile: Profile.partial(),
      }),
    )
    .max(MAX_JOBS)
    .optional(),
});
export type DialogueState = z.infer<typeof DialogueState>;

export function initialDialogueState(): DialogueState {
  return { profile: {}, evidence: {}, questionsAsked: 0, missedAnswers: 0, skippedFields: [], answered: false };
}

/** A number that moved at least this factor up or down since the user last stated it is confirmed before use. */
export const JUMP_FACTOR = 10;

/** The numeric facts a tenfold jump is checked on. */
export const CONFIRMED_NUMERIC_FIELDS: readonly string[] = [
  'gpuCount',
  'gpuMemoryGB',
  'labeledExamples',
  'oneTimeBudgetUSD',
  'monthlyBudgetUSD',
  'requestsPerDay',
  'latencyTargetMs',
  'timelineWeeks',
  'tasksCount',
  'modelParamsB',
];

/** A field whose value may follow from another one said in the same message (a new model has a new size). */
const FOLLOWS_FROM: Readonly<Record<string, string>> = { modelParamsB: 'modelName', gpuMemoryGB: 'gpuName' };

export type PendingConfirmation = NonNullable<DialogueState['pendingConfirmation']>[number];

/**
 * The numbers of `fields` that jumped {@link JUMP_FACTOR}-fold or more from the profile's value: a typo ("1000"
 * for "100") or a figure pasted from somewhere else changes the advice a lot, so it is confirmed before use.
 * Zero and missing values never count as a jump; neither do fields the user explicitly corrected ("actually 100"),
 * nor a size or memory that follows from a model or GPU named in the same message.
 */
export function findTenfoldJumps(
  profile: DialogueState['profile'],
  fields: Readonly<Record<string, unknown>>,
  evidence: Readonly<Record<string, string | undefined>>,
  corrected: readonly string[],
): PendingConfirmation[] {
  const jumps: PendingConfirmation[] = [];
  for (const field of CONFIRMED_NUMERIC_FIELDS) {
    const value = fields[field];
    const previous = (profile as Record<string, unknown>)[field];
    if (typeof value !== 'number' || typeof previous !== 'number' || value <= 0 || previous <= 0) continue;
    if (corrected.includes(field)) continue;
    const owner = FOLLOWS_FROM[field];
    if (owner !== undefined && fields[owner] !== undefined) continue;
    const ratio = value / previous;
    if (ratio >= JUMP_FACTOR || ratio <= 1 / JUMP_FACTOR)
      jumps.push({ field, value, previous, text: evidence[field] ?? String(value) });
  }
  return jumps;
}
