/**
 * @module http/profile-minimums: lower bounds on profile numbers that the profile schema accepts as "positive" but
 * that no real team has, checked at the HTTP edge before the engine sees them.
 *
 * `{"profile":{"modelParamsB":5e-324}}` passed `z.number().positive()` and made the estimator divide by a number that
 * underflows to zero: a 500. A model of fewer than a million parameters is not a foundation model, so such a value is
 * a 400 naming the field. (The lasting place for this bound is the profile schema; see the hardening report.)
 */
import type { MiddlewareHandler } from 'hono';
import type { ErrorDetail } from '../errors.ts';
import { ValidationError } from '../errors.ts';
import { summarizeDetails } from './error-body.ts';
import { peekJsonBody } from './security/llm-budget.ts';

/** Smallest accepted value of each profile number, with the reason given to the client. */
export const PROFILE_MINIMUMS: Readonly<Record<string, { min: number; meaning: string }>> = {
  modelParamsB: { min: 0.001, meaning: 'one million parameters' },
};

/** The problems of `profile` against {@link PROFILE_MINIMUMS} (paths like "profile.modelParamsB"). */
export function profileMinimumProblems(profile: unknown): ErrorDetail[] {
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) return [];
  const problems: ErrorDetail[] = [];
  for (const [field, { min, meaning }] of Object.entries(PROFILE_MINIMUMS)) {
    const value = (profile as Record<string, unknown>)[field];
    // Zero and negative numbers are left to the schema, which names them itself.
    if (typeof value === 'number' && value > 0 && value < min) {
      problems.push({ path: `profile.${field}`, message: `Too small: expected number to be >=${min} (${meaning})` });
    }
  }
  return problems;
}

/** Middleware for `POST /v1/recommendations`: a 400 validation_failed for profile numbers under their minimum. */
export function profileMinimums(): MiddlewareHandler {
  return async function profileMinimumsMiddleware(c, next) {
    if (c.req.method === 'POST' && c.req.path === '/v1/recommendations') {
      const body = await peekJsonBody(c);
      const profile = typeof body === 'object' && body !== null ? (body as { profile?: unknown }).profile : undefined;
      const problems = profileMinimumProblems(profile);
      if (problems.length > 0) {
        throw new ValidationError(`The request is invalid: ${summarizeDetails(problems)}`, problems);
      }
    }
    await next();
  };
}
