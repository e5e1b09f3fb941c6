import { z } from 'zod';
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
  /** True once the advisor has given a recommendation: later facts get an updated answer, not more questions. */
  answered: z.boolean(),
});
export type DialogueState = z.infer<typeof DialogueState>;

export function initialDialogueState(): DialogueState {
  return { profile: {}, evidence: {}, questionsAsked: 0, missedAnswers: 0, skippedFields: [], answered: false };
}
