import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Model } from '../knowledge/schemas.ts';
import { reachableUnderAllowedProviders } from './allowed-providers.ts';
import { daysBetween } from './iso-dates.ts';

/** A model work moves onto (a substitute, a cheaper tier, a student) must live at least this long after the date. */
export const SUBSTITUTE_MIN_LIFETIME_DAYS = 183;

/** True when `model` has no announced end of life, or one far enough after `date` to be worth moving work onto. */
export function livesLongEnough(model: Model, date: string): boolean {
  return model.endOfLife === undefined || daysBetween(date, model.endOfLife) > SUBSTITUTE_MIN_LIFETIME_DAYS;
}

/**
 * The cheaper tiers of an API model's family (GPT-4o mini for GPT-4o): catalog models of the same family billed below
 * it that live long enough to move to (a tier shut down with the model in six weeks is no way out), the nearest tier
 * first. Empty for a model with no list price. Pure.
 */
export function cheaperTiers(model: Model, knowledge: Knowledge, date: string): Model[] {
  const price = model.apiPrice?.usdPerMillionInput;
  if (price === undefined) return [];
  return knowledge.models
    .filter(
      (other) =>
        other.family === model.family &&
        other.id !== model.id &&
        other.apiPrice !== undefined &&
        other.apiPrice.usdPerMillionInput < price &&
        livesLongEnough(other, date) &&
        reachableUnderAllowedProviders(other, knowledge),
    )
    .sort((a, b) => (b.apiPrice?.usdPerMillionInput ?? 0) - (a.apiPrice?.usdPerMillionInput ?? 0));
}
