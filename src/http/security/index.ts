/**
 * @module http/security: access control (API keys), CORS for the chat widget, rate limits and per-session limits.
 * `createAppSecurity(deps)` builds everything from `deps.config`; src/app.ts mounts the result.
 */
import { ConfigError } from '../../errors.ts';
import type { AppDeps } from '../types.ts';
import { isLlmBacked, peekJsonBody } from './llm-budget.ts';
import { replayRequestCost } from './replay-cost.ts';
import { createSecurity, type Security } from './security-middleware.ts';
import { limitSessionMessages, SESSION_MESSAGE_LIMIT_CODE } from './session-limits.ts';
import { createWidgetTokens } from './widget-tokens.ts';

export { hashApiKey } from './api-keys.ts';
export { isLlmBacked, peekJsonBody } from './llm-budget.ts';
export {
  createMemoryRateLimitStore,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitStore,
} from './rate-limiter.ts';
export type { RejectionEvent, RejectionReason, Security, SecurityOptions } from './security-middleware.ts';
export { createSecurity } from './security-middleware.ts';
export { limitSessionMessages, SessionMessageLimitError } from './session-limits.ts';
export { createPostgresRateLimitStore, openPostgresRateLimitStore } from './shared-rate-limits.ts';
export { createWidgetTokens, WIDGET_TOKEN_HEADER, type WidgetTokens } from './widget-tokens.ts';

/** HTTP status of the security layer's AppError codes, merged into the error handler's STATUS_BY_CODE by createApp. */
export const SECURITY_ERROR_STATUS = { [SESSION_MESSAGE_LIMIT_CODE]: 409 } as const;

/**
 * The security layer of one app, from `deps.config`: the `gate` and `usage` middlewares, and `deps` with the session
 * store wrapped so no session exceeds MAX_MESSAGES_PER_SESSION. Throws a ConfigError when CORS_ORIGINS is `*` while
 * API_KEYS is set (any web page could then use the chat without a key).
 */
export function createAppSecurity(deps: AppDeps): Security & { deps: AppDeps } {
  const { config } = deps;
  if (config.CORS_ORIGINS.includes('*') && config.API_KEYS.length > 0) {
    const message =
      'CORS_ORIGINS="*" is only allowed without API_KEYS (it would let any web page use the chat without a key); ' +
      'list the widget origins instead, e.g. CORS_ORIGINS=https://www.example.com';
    throw new ConfigError(`Invalid environment:\n  - CORS_ORIGINS: ${message}`, [{ path: 'CORS_ORIGINS', message }]);
  }
  const security = createSecurity({
    apiKeyHashes: config.API_KEYS,
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    llmRateLimitPerMinute: config.RATE_LIMIT_LLM_PER_MINUTE,
    maxSessionsPerClient: config.MAX_SESSIONS_PER_CLIENT,
    widgetTokens: createWidgetTokens(config.API_KEYS),
    originOnlyPerMinute: config.ORIGIN_ONLY_PER_MINUTE,
    originOnlyTotalPerMinute: config.ORIGIN_ONLY_TOTAL_PER_MINUTE,
    isLlmBacked: (c) => isLlmBacked(c, deps),
    peekBody: peekJsonBody,
    requestCost: (c) => replayRequestCost(c, peekJsonBody, config.REPLAY_MAX_CHARS),
    rateLimitStore: deps.rateLimitStore,
    onRejected: (event) => {
      if (event.reason === 'rate_limited')
        deps.metrics?.rateLimited(event.clientKind === 'api-key' ? 'key' : 'address');
      else if (event.reason === 'llm_rate_limited') deps.metrics?.rateLimited('llm-turns');
      else if (event.reason === 'too_many_sessions') deps.metrics?.rateLimited('sessions');
      else if (event.reason === 'origin_only_rate_limited') deps.metrics?.rateLimited('origin-only');
    },
  });
  const sessionStore =
    deps.sessionStore === undefined
      ? undefined
      : limitSessionMessages(deps.sessionStore, config.MAX_MESSAGES_PER_SESSION);
  return { ...security, deps: sessionStore === undefined ? deps : { ...deps, sessionStore } };
}
