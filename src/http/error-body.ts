import { z } from 'zod';
import type { ErrorDetail } from '../errors.ts';

/** The one error body every route returns: `{ error: { code, message, details }, requestId }`. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. "validation_failed", "not_found"'),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
    requestId: z.string(),
  })
  .meta({
    id: 'ErrorResponse',
    example: {
      error: {
        code: 'validation_failed',
        message: 'The request is invalid: profile.gpuCout: Unrecognized key: gpuCout',
        details: [{ path: 'profile.gpuCout', message: 'Unrecognized key: gpuCout' }],
      },
      requestId: '6f1c2e0a-5d1b-4a7e-9a43-0c1f3d2b8e77',
    },
  });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/**
 * Most details an error body carries. A 1 MiB body of 131,070 unknown keys used to get an 11.6 MB answer (one detail per
 * key, and every one repeated in the message); the first 20 are enough to fix a request.
 */
export const MAX_ERROR_DETAILS = 20;

/** Longest error message, in characters (a message that lists details is cut, saying how many were left out). */
export const MAX_ERROR_MESSAGE_CHARS = 2000;

/** Builds the error body; at most {@link MAX_ERROR_DETAILS} details and {@link MAX_ERROR_MESSAGE_CHARS} of message. */
export function errorBody(
  code: string,
  message: string,
  details: readonly ErrorDetail[],
  requestId: string,
): ErrorResponse {
  const kept = details.slice(0, MAX_ERROR_DETAILS).map((detail) => ({ ...detail }));
  const text = message.length > MAX_ERROR_MESSAGE_CHARS ? `${message.slice(0, MAX_ERROR_MESSAGE_CHARS - 1)}…` : message;
  return { error: { code, message: text, details: kept }, requestId };
}

/**
 * "path: message; path: message" for the first {@link MAX_ERROR_DETAILS} details, then "(and N more)" when there are
 * more: the summary used in validation error messages.
 */
export function summarizeDetails(details: readonly ErrorDetail[]): string {
  const shown = details
    .slice(0, MAX_ERROR_DETAILS)
    .map((detail) => `${detail.path}: ${detail.message}`)
    .join('; ');
  const more = details.length - MAX_ERROR_DETAILS;
  return more > 0 ? `${shown}; (and ${more} more)` : shown;
}

/** Formats a zod path (prefixed with the request part when useful) as "profile.gpuCount" or "items[2].name". */
function joinPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/**
 * One detail per problem. Unknown keys get one detail each, named by key ("Unrecognized key: gpuCout" at
 * "profile.gpuCout"), so a typo in a field name is never reported as a generic error.
 */
export function detailsFromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        details.push({ path: joinPath([...path, key]), message: `Unrecognized key: ${key}` });
    } else {
      details.push({ path: joinPath(path) || '(body)', message: issue.message });
    }
  }
  return details;
}
