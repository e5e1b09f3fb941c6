/**
 * @module http/security/cors: the browser origins allowed to use the chat widget routes without an API key
 * (`CORS_ORIGINS`), and the CORS headers for them. Origins are compared exactly (scheme, host and port as the browser
 * sends them in `Origin`); `*` allows every origin and is accepted only when no API keys are configured.
 */

/** Request headers the AI SDK's `DefaultChatTransport` and the widget send cross-origin. */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'x-session-id',
  'x-session-token',
  'x-request-id',
  'authorization',
  'x-api-key',
  'x-widget-token',
] as const;

/** Response headers the widget may read: the session, the request id and the rate-limit state. */
export const CORS_EXPOSED_HEADERS = [
  'x-session-id',
  'x-session-token',
  'x-request-id',
  'x-vercel-ai-ui-message-stream',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
  'retry-after',
] as const;

/** Methods of the chat widget routes (POST /v1/chat, GET and DELETE /v1/chat/{id}). */
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'DELETE', 'OPTIONS'] as const;

/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/** The configured origin allowlist. */
export interface OriginPolicy {
  /** "off": no CORS_ORIGINS (no CORS headers, Origin not checked); "any": `*`; "list": exact origins. */
  readonly mode: 'off' | 'any' | 'list';
  /** True when `origin` may use the chat widget routes (always false in mode "off"). */
  allows(origin: string): boolean;
}

/** Builds the policy from `CORS_ORIGINS` entries (already validated by the env schema). */
export function createOriginPolicy(origins: readonly string[]): OriginPolicy {
  if (origins.length === 0) return { mode: 'off', allows: () => false };
  if (origins.includes('*')) return { mode: 'any', allows: () => true };
  const allowed = new Set(origins);
  return { mode: 'list', allows: (origin) => allowed.has(origin) };
}

/**
 * Why `value` is not a valid `CORS_ORIGINS` entry (undefined when it is): `*`, or an http(s) origin written exactly as
 * browsers send it — lowercase scheme and host, a port only when not the default, no path, no trailing slash.
 */
export function originProblem(value: string): string | undefined {
  if (value === '*') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL origin such as https://app.example.com`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${value}" must start with https:// or http://`;
  if (url.origin !== value) return `"${value}" must be written exactly as the browser sends it: "${url.origin}"`;
  return undefined;
}

/** Headers of an actual (non-preflight) cross-origin response for an allowed origin. */
export function corsResponseHeaders(policy: OriginPolicy, origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': policy.mode === 'any' ? '*' : origin,
    'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
    Vary: 'Origin',
  };
}

/** Headers of a preflight answer for an allowed origin. */
export function corsPreflightHeaders(policy: OriginPolicy, origin: string): Record<string, string> {
  return {
    ...corsResponseHeaders(policy, origin),
    'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS.join(', '),
    'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
    'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
  };
}
