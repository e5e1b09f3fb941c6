/**
 * @module Profile values in plain words, for acknowledgements ("Got it: 2 GPUs, monthly budget $500"). Each
 * field's wording lives in its registry entry (src/chat/fields/registry.ts).
 */
import type { Profile, ProfileField } from '../profile/profile-schema.ts';
import { FIELD_REGISTRY, type FieldEntry } from './fields/registry.ts';

export { joinWords } from './fields/join-words.ts';

/** A profile value in plain words: `describeField('monthlyBudgetUSD', 500)` → "monthly budget $500". */
export function describeField(field: string, value: unknown): string {
  const entry = FIELD_REGISTRY[field as ProfileField] as FieldEntry | undefined;
  if (!entry) return `${field}: ${String(value)}`;
  return (entry.describe as (value: unknown, label: string) => string)(value, entry.label);
}

/** Describe every field of a partial profile, in contract field order. */
export function describeProfile(profile: Partial<Profile>): string[] {
  return Object.entries(profile)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => describeField(field, value));
}
