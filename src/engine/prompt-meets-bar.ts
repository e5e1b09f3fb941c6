/**
 * @module Whether the team's prompt already meets its quality bar: prompting or few-shot examples tried and reported
 * good enough. One reading for the engine (a tuned copy adds nothing but its price) and for the chat (the prompt's
 * bill is cut first). Pure.
 */
import type { Profile } from '../profile/profile-schema.ts';

export function promptMeetsBar(profile: Partial<Profile>): boolean {
  return (profile.tried ?? []).some(
    (entry) =>
      (entry.method === 'prompt-engineering' || entry.method === 'in-context-learning') &&
      entry.result === 'good-enough',
  );
}
