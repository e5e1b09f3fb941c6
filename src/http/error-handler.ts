import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../errors.ts';
import { errorBody } from './error-body.ts';
import type { AppEnv } from './types.ts';

/**
 * HTTP status of each AppError code. Layers that add their own error codes register them here
 * (e.g. "rate_limited" → 429). Unknown codes map to 500.
 */
export const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  validation_failed: 400,
  bad_request: 400,
  malformed_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

function requestIdOf(c: Context<AppEnv>): string {
  return c.get('requestId') ?? 'unknown';
}

/**
 * Maps every error to the JSON error body: AppError by code, HTTPException by status (Hono's "Malformed JSON"
 * becomes code malformed_json), anything else to a 500 whose body carries no stack (the stack is logged).
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const requestId = requestIdOf(c);
  if (isClientAbort(error, c)) {
    // Nobody will read this reply; 499 (nginx's "client closed request") keeps it out of the 5xx counts and alerts.
    c.get('logger')?.info('client closed the request before it was read', {
      reason: errorCode(error),
      message: error.message.slice(0, 200),
    });
    return c.json(
      errorBody('client_closed_request', 'The client closed the connection before the request was read', [], requestId),
      CLIENT_CLOSED_REQUEST as ContentfulStatusCode,
    );
  }
  if (error instanceof AppError) {
    const status = STATUS_BY_CODE[error.code] ?? 500;
    if (status >= 500) c.get('logger')?.error('request failed', { error });
    const message = status >= 500 ? 'Internal server error' : error.message;
    return c.json(errorBody(error.code, message, status >= 500 ? [] : error.details, requestId), status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const isMalformedJson = status === 400 && /malformed json/i.test(error.message);
    const code = isMalformedJson
      ? 'malformed_json'
      : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'));
    const message = isMalformedJson
      ? 'The request body is not valid JSON'
      : status === 415 || status === 413 || !error.message
        ? defaultMessage(status)
        : error.message;
    if (status >= 500) c.get('logger')?.error('request failed', { error });
    const headers = error.res?.headers.get('retry-after');
    if (headers) c.header('retry-after', headers);
    return c.json(errorBody(code, message, [], requestId), status as ContentfulStatusCode);
  }
  c.get('logger')?.error('unhandled error', { error });
  return c.json(errorBody('internal_error', 'Internal server error', [], requestId), 500);
};

/** Status of a request whose client went away while its body was being read (nginx's 499). */
export const CLIENT_CLOSED_REQUEST = 499;

const ABORT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : undefined;
}

/**
 * True when `error` comes from the client hanging up: the request's signal is aborted (@hono/node-server aborts it when
 * the connection closes early), or the error (or its cause) is a connection reset / premature close from reading the
 * body. Such a request is the client's doing, not a server fault.
 */
export function isClientAbort(error: unknown, c: Context<AppEnv>): boolean {
  if (error instanceof AppError || error instanceof HTTPException) return false;
  if (c.req.raw.signal?.aborted === true) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && ABORT_CODES.has(code)) return true;
    if (current.name === 'AbortError') return true;
    current = current.cause;
  }
  return false;
}

function defaultMessage(status: number): string {
  switch (status) {
    case 413:
      return 'The request body is too large';
    case 415:
      return 'Unsupported Media Type: send the body as JSON with content-type: application/json';
    default:
      return `HTTP ${status}`;
  }
}

/** JSON 404 for unknown paths. */
export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`, [], requestIdOf(c)), 404);

/** JSON 405 with an Allow header, for a known path called with the wrong method. */
export function methodNotAllowedResponse(c: Context<AppEnv>, methods: readonly string[]): Response {
  return c.json(
    errorBody(
      'method_not_allowed',
      `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(', ')}`,
      [],
      requestIdOf(c),
    ),
    405,
    { Allow: methods.join(', ') },
  );
}
