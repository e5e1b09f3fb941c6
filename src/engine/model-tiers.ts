import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Model } from '../knowledge/schemas.ts';

/**
 * The cheaper tiers of an API model's family (GPT-4o mini for GPT-4o): live catalog models of the same family
 * billed below it, the nearest tier first. Empty for a model with no list price. Pure.
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
        (other.endOfLife === undefined || other.endOfLife > date),
    )
    .sort((a, b) => (b.apiPrice?.usdPerMillionInput ?? 0) - (a.apiPrice?.usdPerMillionInput ?? 0));
}
