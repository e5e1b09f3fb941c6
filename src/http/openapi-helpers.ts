import { ErrorResponse } from './error-body.ts';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed JSON or a bad field (details name each one)',
  401: 'Credential missing or not valid',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body larger than BODY_LIMIT_BYTES',
  415: 'Content-Type is not application/json',
  429: 'Rate limited; retry after Retry-After seconds',
  500: 'Internal error',
  503: 'Not ready',
};

/** OpenAPI response entries for the given error statuses, all with the ErrorResponse body. */
export function errorResponses<const S extends number>(...statuses: S[]) {
  const responses = {} as Record<
    S,
    { description: string; content: { 'application/json': { schema: typeof ErrorResponse } } }
  >;
  for (const status of statuses) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? `HTTP ${status}`,
      content: { 'application/json': { schema: ErrorResponse } },
    };
  }
  return responses;
}

/** A JSON response entry. */
export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
