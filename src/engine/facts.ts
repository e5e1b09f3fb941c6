import type { FactName } from '../knowledge/schemas.ts';

/** A value a rule condition can test. */
export type FactValue = string | number | boolean;

/**
 * The facts rules are evaluated against: the resolved profile plus the derived facts of FACT_TYPES.
 * A fact that is absent (undefined) is unknown, and any test on it (except `known`) is `unknown`.
 */
export type Facts = Partial<Record<FactName, FactValue>>;
