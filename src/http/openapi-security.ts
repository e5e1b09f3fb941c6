/**
 * @module http/openapi-security: the parts of the OpenAPI document that come from the security layer rather than from
 * each route — the API-key security schemes (so /docs "Authorize" then "Try it out" works on a server with API_KEYS)
 * and the refusals every `/v1` operation can answer: 401 (key), 403 (browser origin, chat widget routes), 409 (a full
 * chat session) and 429 (rate limits, with their headers).
 *
 * Applied to the generated document once, so route modules do not each have to repeat them.
 */

import { routeAccess, usesOpenAiErrors } from './security/route-access.ts';
import type { App } from './types.ts';

/** Name of the `Authorization: Bearer <key>` scheme. */
export const API_KEY_BEARER = 'apiKey';
/** Name of the `x-api-key: <key>` scheme. */
export const API_KEY_HEADER = 'apiKeyHeader';
/** Name of the `x-widget-token: <token>` scheme (chat widget routes). */
export const WIDGET_TOKEN = 'widgetToken';

/** Registers the two API-key schemes in the app's OpenAPI registry (call before the document is generated). */
export function registerApiKeySchemes(app: App): void {
  app.openAPIRegistry.registerComponent('securitySchemes', API_KEY_BEARER, {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key from API_KEYS, as `Authorization: Bearer <key>` (needed only when the server sets API_KEYS)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', API_KEY_HEADER, {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
    description:
      'An API key from API_KEYS, as `x-api-key: <key>` (on the chat widget routes, where Authorization may carry the session token)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', WIDGET_TOKEN, {
    type: 'apiKey',
    in: 'header',
    name: 'x-widget-token',
    description:
      'A short-lived widget token minted by a site backend with POST /v1/widget-tokens; valid only from the origin it names',
  });
}

interface Operation {
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const RATE_LIMIT_HEADERS = {
  'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' } },
  'RateLimit-Limit': { description: 'Requests allowed in the window', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in the window (0)', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window ends', schema: { type: 'integer' } },
  'RateLimit-Policy': { description: '`<limit>;w=<window seconds>`', schema: { type: 'string' } },
};

/**
 * Adds security requirements and the refusal responses to every operation of `document` (an OpenAPI 3.1 object, changed
 * in place and returned). With `apiKeysRequired`, the API routes require one of the two key schemes; the chat widget
 * routes take `x-api-key` or an allowed browser Origin (shown as the empty alternative); open routes (`/healthz`,
 * `/readyz`) say so with an empty list. Responses a route already documents are left as they are.
 */
export function addSecurityToDocument<T extends { paths?: Record<string, unknown> }>(
  document: T,
  options: { apiKeysRequired: boolean; originOnlyAccepted?: boolean },
): T {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (typeof item !== 'object' || item === null) continue;
    const access = routeAccess(path.replace(/\{[^}]+\}/g, 'x'));
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation === undefined) continue;
      if (access === 'open') {
        operation.security ??= [];
        continue;
      }
      const keyed: Record<string, string[]>[] =
        access === 'chat-widget'
          ? [{ [API_KEY_HEADER]: [] }, { [WIDGET_TOKEN]: [] }]
          : [{ [API_KEY_BEARER]: [] }, { [API_KEY_HEADER]: [] }];
      // Without API_KEYS (or with an allowed Origin on the chat widget routes) no key is needed: the empty alternative.
      const open = !options.apiKeysRequired || (access === 'chat-widget' && options.originOnlyAccepted !== false);
      operation.security ??= open ? [...keyed, {}] : keyed;
      const errorSchema = usesOpenAiErrors(path)
        ? { $ref: '#/components/schemas/OpenAiError' }
        : { $ref: '#/components/schemas/ErrorResponse' };
      const json = { 'application/json': { schema: errorSchema } };
      operation.responses ??= {};
      const responses = operation.responses;
      responses['401'] ??= {
        description:
          'API key missing or not valid (only when the server sets API_KEYS); the answer carries `WWW-Authenticate: Bearer`',
        content: json,
      };
      if (access === 'chat-widget') {
        responses['401'] = {
          description:
            'No valid API key, widget token (`invalid_widget_token`: expired, wrong origin, key removed) or accepted ' +
            'browser Origin (only when the server sets API_KEYS)',
          content: json,
        };
        responses['403'] ??= {
          description: 'The browser Origin is not listed in CORS_ORIGINS (`origin_not_allowed`)',
          content: json,
        };
      }
      if (access === 'chat-widget' && method === 'post') {
        responses['409'] ??= {
          description:
            'The chat session holds MAX_MESSAGES_PER_SESSION messages (`session_message_limit`); nothing saved',
          content: json,
        };
      }
      responses['429'] ??= {
        description:
          'Rate limited: `rate_limited` (RATE_LIMIT_PER_MINUTE), `llm_rate_limited` (RATE_LIMIT_LLM_PER_MINUTE), ' +
          '`origin_only_rate_limited` (chat without key or widget token: ORIGIN_ONLY_PER_MINUTE) or, for a new chat, ' +
          '`too_many_sessions` (MAX_SESSIONS_PER_CLIENT); retry after `Retry-After` seconds',
        headers: RATE_LIMIT_HEADERS,
        content: json,
      };
    }
  }
  return document;
}
