/**
 * @module http/security/route-access: which routes need what. Classification uses `c.req.path`, the same decoded path
 * Hono routes on, so an encoded path (`/v1/%63hat`) is classified as the route it reaches.
 *
 * - open: everything outside `/v1` (`/healthz`, `/readyz`, `/openapi.json`, `/docs`, and unknown paths, which 404);
 * - chat-widget: `/v1/chat` and `/v1/chat/{id}` — an API key, a widget token, or a browser Origin listed in
 *   CORS_ORIGINS (the last with a much smaller budget when API keys are required);
 * - api: every other `/v1` path (recommendations, estimates, methods, catalog, sources, chat completions, models)
 *   and the MCP endpoint `/mcp` — an API key when API_KEYS is set.
 */

export type RouteAccess = 'open' | 'chat-widget' | 'api';

const CHAT_SESSION_PATH = /^\/v1\/chat\/[^/]+$/;

/** The access class of a request path; see the module comment. */
export function routeAccess(path: string): RouteAccess {
  if (path === '/mcp' || path.startsWith('/mcp/')) return 'api';
  if (path !== '/v1' && !path.startsWith('/v1/')) return 'open';
  if (path === '/v1/chat') return 'chat-widget';
  if (path !== '/v1/chat/completions' && CHAT_SESSION_PATH.test(path)) return 'chat-widget';
  return 'api';
}

/** True for the OpenAI-compatible routes, whose errors use OpenAI's shape `{ error: { message, type, param, code } }`. */
export function usesOpenAiErrors(path: string): boolean {
  return path === '/v1/chat/completions' || path === '/v1/models' || path.startsWith('/v1/models/');
}
