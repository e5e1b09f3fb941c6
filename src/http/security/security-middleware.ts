/**
 * @module http/security/security-middleware: access control, CORS and rate limits as two middlewares.
 *
 * `gate` runs before routing and before the body is read: it answers CORS preflights, refuses browser origins that
 * are not allowed on the chat widget routes (403), counts the request against the per-client limit (429) and checks
 * the API key (401). `usage` runs after the body limit, when the body may be read: it charges LLM-backed requests to
 * the tighter LLM budget (429) and limits how many chat sessions one client may create per hour (429).
 * Every `/v1` response carries `RateLimit-*` headers; the chat widget routes carry CORS headers for allowed origins.
 * The counters live in a {@link RateLimitStore}: this process's memory by default, or PostgreSQL shared by every
 * instance (shared-rate-limits.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../types.ts';
import { type ApiKeyVerifier, createApiKeyVerifier, presentedApiKeys } from './api-keys.ts';
import { addressBucket, clientAddress } from './client-address.ts';
import { corsPreflightHeaders, corsResponseHeaders, createOriginPolicy } from './cors.ts';
import { denyResponse } from './deny-response.ts';
import {
  createMemoryRateLimitStore,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitStore,
  rateLimitHeaders,
} from './rate-limiter.ts';
import { routeAccess } from './route-access.ts';
import { WIDGET_TOKEN_HEADER, type WidgetTokens } from './widget-tokens.ts';

/** Why the security layer refused a request (for logs and metrics). */
export type RejectionReason =
  | 'unauthorized'
  | 'origin_not_allowed'
  | 'rate_limited'
  | 'llm_rate_limited'
  | 'too_many_sessions'
  | 'invalid_widget_token'
  | 'origin_only_rate_limited';

export interface RejectionEvent {
  reason: RejectionReason;
  method: string;
  path: string;
  /** "api-key" when the request was counted by its key, else "address". */
  clientKind: 'api-key' | 'address';
}

export interface SecurityOptions {
  /** sha256 hex digests of the accepted API keys (`Config.API_KEYS`); empty = no key needed anywhere. */
  apiKeyHashes: readonly string[];
  /** Browser origins allowed on the chat widget routes without a key (`CORS_ORIGINS`); `*` = any. */
  corsOrigins: readonly string[];
  /** Read the client address from the last `X-Forwarded-For` entry (`TRUST_PROXY`). */
  trustProxy: boolean;
  /** Requests per minute per client on `/v1` routes; 0 = no limit. */
  rateLimitPerMinute: number;
  /** LLM-backed requests per minute per client; 0 = no separate limit. */
  llmRateLimitPerMinute: number;
  /** Chat sessions one client may create per hour; 0 = no limit. */
  maxSessionsPerClient: number;
  /** True when this request will call the LLM (see `isLlmBacked` in llm-budget.ts). May read the body. */
  isLlmBacked: (c: Context<AppEnv>) => boolean | Promise<boolean>;
  /** Reads the parsed JSON body, or undefined when it is absent or not JSON (see `peekJsonBody`). */
  peekBody: (c: Context<AppEnv>) => Promise<unknown>;
  /**
   * How many requests this one counts as against `rateLimitPerMinute` (at least 1), for requests whose work grows
   * with the body, such as a replayed chat history (see `replayRequestCost`). May read the body. Default 1.
   */
  requestCost?: (c: Context<AppEnv>) => number | Promise<number>;
  /** Widget tokens (`x-widget-token`) accepted on the chat widget routes instead of a key; absent = none. */
  widgetTokens?: WidgetTokens;
  /**
   * With API keys required: chat widget requests per minute per address that carry only an allowed Origin (no key, no
   * widget token). 0 = such requests are refused (a widget token is needed). Absent = no separate limit.
   */
  originOnlyPerMinute?: number;
  /** The same, for all Origin-only clients together; 0 or absent = no total cap. */
  originOnlyTotalPerMinute?: number;
  /** Called for every refusal (metrics). */
  onRejected?: (event: RejectionEvent) => void;
  /**
   * Where the counters live; default this process's memory, each limiter tracking at most `maxTrackedClients`
   * clients. A PostgreSQL store (shared-rate-limits.ts) shares the limits between instances.
   */
  rateLimitStore?: RateLimitStore;
  /** Most clients each in-memory limiter tracks at once (bounded memory); default 100,000. */
  maxTrackedClients?: number;
}

/** What the gate learnt about a request, for the usage middleware. */
interface RequestState {
  bucket: string;
  sessionBucket: string;
  clientKind: 'api-key' | 'address';
  decisions: RateLimitDecision[];
  corsHeaders?: Record<string, string>;
}

export interface Security {
  gate: MiddlewareHandler<AppEnv>;
  usage: MiddlewareHandler<AppEnv>;
  /** The limiters, for tests and diagnostics (undefined when that limit is off). */
  limiters: {
    general?: RateLimiter;
    llm?: RateLimiter;
    sessions?: RateLimiter;
    originOnly?: RateLimiter;
    originOnlyTotal?: RateLimiter;
  };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Creates the two middlewares; mount `gate` before routing and the body limit, `usage` after the body limit. */
export function createSecurity(options: SecurityOptions): Security {
  const verifier = createApiKeyVerifier(options.apiKeyHashes);
  const origins = createOriginPolicy(options.corsOrigins);
  if (origins.mode === 'any' && verifier.enabled) {
    throw new RangeError('CORS_ORIGINS="*" would let any web page use the chat without a key; list origins instead');
  }
  const store = options.rateLimitStore ?? createMemoryRateLimitStore({ maxKeys: options.maxTrackedClients });
  const newLimiter = (name: string, limit: number, windowMs: number) =>
    limit > 0 ? store.createLimiter({ name, limit, windowMs }) : undefined;
  const limiters: Security['limiters'] = {
    general: newLimiter('general', options.rateLimitPerMinute, MINUTE_MS),
    llm: newLimiter('llm', options.llmRateLimitPerMinute, MINUTE_MS),
    sessions: newLimiter('sessions', options.maxSessionsPerClient, HOUR_MS),
    originOnly: newLimiter('origin-only', options.originOnlyPerMinute ?? 0, MINUTE_MS),
    originOnlyTotal: newLimiter('origin-only-total', options.originOnlyTotalPerMinute ?? 0, MINUTE_MS),
  };
  // Origin alone opens the chat widget routes unless the operator set ORIGIN_ONLY_PER_MINUTE=0.
  const originOnlyAccepted = options.originOnlyPerMinute !== 0;
  const states = new WeakMap<Context, RequestState>();

  function reject(c: Context<AppEnv>, reason: RejectionReason, clientKind: RejectionEvent['clientKind']): void {
    options.onRejected?.({ reason, method: c.req.method, path: c.req.path, clientKind });
    c.get('logger')?.info('request refused', { reason, clientKind });
  }

  const gate: MiddlewareHandler<AppEnv> = async function securityGate(c, next) {
    const access = routeAccess(c.req.path);
    if (access === 'open') return next();

    const origin = c.req.header('origin');
    let corsHeaders: Record<string, string> | undefined;
    let originAllowed = false;
    // Answers differ by Origin on these routes, so shared caches must key on it.
    if (access === 'chat-widget' && origins.mode === 'list') corsHeaders = { Vary: 'Origin' };
    if (access === 'chat-widget' && origins.mode !== 'off' && origin !== undefined) {
      originAllowed = origins.allows(origin);
      if (!originAllowed) {
        reject(c, 'origin_not_allowed', 'address');
        return denyResponse(c, {
          status: 403,
          code: 'origin_not_allowed',
          message: `The origin ${JSON.stringify(origin.slice(0, 200))} may not use the chat; the server's CORS_ORIGINS does not list it`,
          openAiType: 'invalid_request_error',
          openAiCode: 'origin_not_allowed',
          headers: { Vary: 'Origin' },
        });
      }
      corsHeaders = corsResponseHeaders(origins, origin);
      if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
        return c.body(null, 204, corsPreflightHeaders(origins, origin));
      }
    }

    const keyHash = firstMatch(verifier, presentedApiKeys(c.req.raw.headers));
    const address = addressBucket(clientAddress(c, { trustProxy: options.trustProxy }));
    const state: RequestState = {
      bucket: keyHash === undefined ? `address:${address}` : `key:${keyHash}`,
      sessionBucket: keyHash === undefined ? `address:${address}` : `key:${keyHash}`,
      clientKind: keyHash === undefined ? 'address' : 'api-key',
      decisions: [],
      ...(corsHeaders === undefined ? {} : { corsHeaders }),
    };
    states.set(c, state);

    // Counted before the key check, so guessing keys is rate limited too.
    if (limiters.general !== undefined) {
      const decision = await limiters.general.consume(state.bucket);
      state.decisions.push(decision);
      if (!decision.allowed) {
        reject(c, 'rate_limited', state.clientKind);
        return denyResponse(c, {
          status: 429,
          code: 'rate_limited',
          message: `Too many requests: this client may send ${decision.limit} per minute; retry in ${decision.resetSeconds} s`,
          openAiType: 'requests',
          openAiCode: 'rate_limit_exceeded',
          headers: { ...rateLimitHeaders(decision), ...corsHeaders },
        });
      }
    }

    // A widget token stands in for the key on the chat widget routes (src/http/security/widget-tokens.ts).
    const widgetToken =
      access === 'chat-widget' && keyHash === undefined && options.widgetTokens?.enabled === true
        ? c.req.header(WIDGET_TOKEN_HEADER)
        : undefined;
    let widgetTokenOk = false;
    if (widgetToken !== undefined && options.widgetTokens !== undefined) {
      const check = options.widgetTokens.verify(widgetToken, origin);
      if (!check.ok) {
        reject(c, 'invalid_widget_token', state.clientKind);
        return denyResponse(c, {
          status: 401,
          code: 'invalid_widget_token',
          message: check.reason,
          openAiType: 'invalid_request_error',
          openAiCode: 'invalid_widget_token',
          headers: {
            'WWW-Authenticate': 'Bearer realm="advisor", error="invalid_token"',
            ...limitHeaders(state.decisions),
            ...corsHeaders,
          },
        });
      }
      widgetTokenOk = true;
    }

    // Origin only (no key, no token) on a server that requires keys: any script can send an allowed Origin, so this
    // traffic gets its own, much smaller budget, per address and for all such clients together.
    const originOnly =
      verifier.enabled && access === 'chat-widget' && originAllowed && keyHash === undefined && !widgetTokenOk;
    if (originOnly && originOnlyAccepted) {
      for (const [originLimiter, bucket, scope] of [
        [limiters.originOnly, state.bucket, 'this address'],
        [limiters.originOnlyTotal, 'origin-only', 'all browsers without a widget token together'],
      ] as const) {
        if (originLimiter === undefined) continue;
        const decision = await originLimiter.consume(bucket);
        state.decisions.push(decision);
        if (!decision.allowed) {
          reject(c, 'origin_only_rate_limited', state.clientKind);
          return denyResponse(c, {
            status: 429,
            code: 'origin_only_rate_limited',
            message:
              `Too many chat requests without a widget token: ${scope} may send ${decision.limit} per minute; retry in ` +
              `${decision.resetSeconds} s. Sites embedding the chat should send a widget token (x-widget-token) minted by their backend`,
            openAiType: 'requests',
            openAiCode: 'rate_limit_exceeded',
            headers: { ...rateLimitHeaders(decision), ...corsHeaders },
          });
        }
      }
    }

    const needsKey =
      verifier.enabled && !(access === 'chat-widget' && (widgetTokenOk || (originAllowed && originOnlyAccepted)));
    if (needsKey && keyHash === undefined) {
      reject(c, 'unauthorized', state.clientKind);
      const presented = presentedApiKeys(c.req.raw.headers).length > 0;
      return denyResponse(c, {
        status: 401,
        code: 'unauthorized',
        message: presented
          ? 'The API key is not valid'
          : access === 'chat-widget'
            ? originOnlyAccepted
              ? 'This route needs an API key (Authorization: Bearer <key> or x-api-key: <key>), a widget token (x-widget-token) or a browser origin listed in CORS_ORIGINS'
              : 'This route needs a widget token (x-widget-token, minted by the site backend with POST /v1/widget-tokens) or an API key (x-api-key: <key>)'
            : 'This route needs an API key: send Authorization: Bearer <key> or x-api-key: <key>',
        openAiType: 'invalid_request_error',
        openAiCode: presented ? 'invalid_api_key' : 'missing_api_key',
        headers: {
          'WWW-Authenticate': presented ? 'Bearer realm="advisor", error="invalid_token"' : 'Bearer realm="advisor"',
          ...limitHeaders(state.decisions),
          ...corsHeaders,
        },
      });
    }

    await next();
    setHeaders(c, { ...limitHeaders(state.decisions), ...corsHeaders });
  };

  const usage: MiddlewareHandler<AppEnv> = async function securityUsage(c, next) {
    const state = states.get(c);
    if (state === undefined) return next();

    // The gate counted one request before the body was read; a request doing the work of several pays the rest.
    const cost = limiters.general !== undefined && options.requestCost ? await options.requestCost(c) : 1;
    if (limiters.general !== undefined && cost > 1) {
      const decision = await limiters.general.consume(state.bucket, cost - 1);
      state.decisions.push(decision);
      if (!decision.allowed) {
        reject(c, 'rate_limited', state.clientKind);
        return denyResponse(c, {
          status: 429,
          code: 'rate_limited',
          message:
            `Too many requests: this request counts as ${cost} (it replays a long history) and this client may send ` +
            `${decision.limit} per minute; retry in ${decision.resetSeconds} s, or send a shorter history`,
          openAiType: 'requests',
          openAiCode: 'rate_limit_exceeded',
          headers: { ...rateLimitHeaders(decision), ...state.corsHeaders },
        });
      }
    }

    if (limiters.llm !== undefined && (await options.isLlmBacked(c))) {
      const decision = await limiters.llm.consume(state.bucket);
      state.decisions.push(decision);
      if (!decision.allowed) {
        reject(c, 'llm_rate_limited', state.clientKind);
        return denyResponse(c, {
          status: 429,
          code: 'llm_rate_limited',
          message:
            `Too many LLM-backed requests: this client may send ${decision.limit} per minute; retry in ` +
            `${decision.resetSeconds} s (rule-only requests such as explain "template" are not affected)`,
          openAiType: 'requests',
          openAiCode: 'rate_limit_exceeded',
          headers: { ...rateLimitHeaders(decision), ...state.corsHeaders },
        });
      }
    }

    const reservesSession = limiters.sessions !== undefined && (await mayCreateSession(c, options.peekBody));
    if (reservesSession && limiters.sessions !== undefined) {
      const decision = await limiters.sessions.consume(state.sessionBucket);
      if (!decision.allowed) {
        // The gate writes the RateLimit-* headers of the tightest decision on the way out; without this one it wrote
        // the general window's ("Remaining: 118") beside this refusal's Retry-After.
        state.decisions.push(decision);
        reject(c, 'too_many_sessions', state.clientKind);
        return denyResponse(c, {
          status: 429,
          code: 'too_many_sessions',
          message:
            `This client has started ${decision.limit} chat sessions in the last hour, the most allowed; continue an ` +
            `existing session (send its x-session-token) or retry in ${decision.resetSeconds} s`,
          openAiType: 'requests',
          openAiCode: 'rate_limit_exceeded',
          headers: { ...rateLimitHeaders(decision), ...state.corsHeaders },
        });
      }
    }
    try {
      await next();
    } finally {
      // Only a created session uses up the allowance: a refused or failed request gives its reservation back.
      if (reservesSession && !c.res.headers.has('x-session-token'))
        await limiters.sessions?.refund(state.sessionBucket);
    }
  };

  return { gate, usage, limiters };
}

/**
 * A POST /v1/chat may create a session only when it names none and sends no session token: no x-session-id header or
 * body `sessionId`, and no x-session-token header or body `sessionToken` (a later turn on a chat id sends only the
 * token, and must not be refused for the sessions its client started earlier).
 */
async function mayCreateSession(c: Context<AppEnv>, peekBody: SecurityOptions['peekBody']): Promise<boolean> {
  if (c.req.method !== 'POST' || c.req.path !== '/v1/chat') return false;
  if ((c.req.header('x-session-id') ?? '') !== '' || (c.req.header('x-session-token') ?? '') !== '') return false;
  const body = await peekBody(c);
  if (!isRecord(body)) return true;
  const named = (value: unknown) => typeof value === 'string' && value !== '';
  return !named(body.sessionId) && !named(body.sessionToken);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstMatch(verifier: ApiKeyVerifier, candidates: readonly string[]): string | undefined {
  let matched: string | undefined;
  for (const candidate of candidates) matched ??= verifier.verify(candidate);
  return matched;
}

/** Headers of the decision with the fewest requests left (the limit the client will hit first); none when unlimited. */
function limitHeaders(decisions: readonly RateLimitDecision[]): Record<string, string> {
  let tightest: RateLimitDecision | undefined;
  for (const decision of decisions)
    if (tightest === undefined || decision.remaining < tightest.remaining) tightest = decision;
  return tightest === undefined ? {} : rateLimitHeaders(tightest);
}

/** Sets headers on the final response, copying it first when its headers are immutable (e.g. a fetched Response). */
function setHeaders(c: Context, headers: Record<string, string>): void {
  const entries = Object.entries(headers);
  if (entries.length === 0) return;
  try {
    for (const [name, value] of entries) c.res.headers.set(name, value);
  } catch {
    const copy = new Response(c.res.body, c.res);
    for (const [name, value] of entries) copy.headers.set(name, value);
    c.res = copy;
  }
}
