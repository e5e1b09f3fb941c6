import type { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { detailsFromZodIssues, summarizeDetails } from './error-body.ts';

/** What @hono/zod-openapi passes to a hook. */
interface ValidationResult {
  success: boolean;
  error?: z.ZodError;
  target: string;
}

/**
 * The single validation hook of every route: a failed request schema throws a ValidationError whose details
 * name each bad field (query fields are prefixed with "query.", path parameters with "params."); the error
 * handler turns it into a 400.
 */
export function validationHook(result: ValidationResult): void {
  if (result.success || !result.error) return;
  const prefix = result.target === 'query' ? ['query'] : result.target === 'param' ? ['params'] : [];
  const details = detailsFromZodIssues(result.error.issues, prefix);
  const summary = summarizeDetails(details);
  throw new ValidationError(`The request is invalid: ${summary}`, details);
}
