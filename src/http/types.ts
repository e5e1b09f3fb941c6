import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config/env.ts';
import type { Explanation, Recommendation } from '../engine/recommendation-schema.ts';
import type { EstimateInput, EstimateResult } from '../estimator/types.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { LlmLayer } from '../llm/llm-layer.ts';
import type { Logger } from '../logger.ts';
import type { AppMetrics } from '../observability/app-metrics.ts';
import type { Profile } from '../profile/profile-schema.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { RateLimitStore } from './security/rate-limiter.ts';

/** Per-request values set by the request-context middleware. */
export interface AppVariables {
  requestId: string;
  /** Child logger bound to the request id. */
  logger: Logger;
}
export type AppEnv = { Variables: AppVariables };
export type App = OpenAPIHono<AppEnv>;

/** The engine's entry point (src/engine/recommend.ts). */
export type RecommendFunction = (
  profile: Profile,
  knowledge: Knowledge,
  options?: { explain?: 'none' | 'template' },
) => Recommendation;

/** The estimator's entry point (src/estimator/index.ts). */
export type EstimateFunction = (input: EstimateInput) => EstimateResult;

/**
 * Writes a recommendation's explanation with an LLM. Must not throw for LLM faults: it resolves to the template
 * text with `fallbackReason` set (src/llm/explain.ts `explainOnce` has this shape). Abort follows `signal`.
 */
export type LlmExplainFunction = (input: {
  recommendation: Recommendation;
  knowledge: Knowledge;
  signal?: AbortSignal;
}) => Promise<Explanation>;

/** One readiness probe; /readyz is ready when every probe reports ok. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<{ ok: boolean; reason?: string }>;
}

/** A module that adds routes (and may add middleware) to the app. Chat, LLM and admin layers plug in here. */
export type RouteModule = (app: App, deps: AppDeps) => void;

/**
 * Everything the HTTP layer needs, built once by src/index.ts (or tests/helpers/build-test-app.ts).
 * Grows as layers are added: later layers add optional fields here and a RouteModule in `routeModules`.
 */
export interface AppDeps {
  knowledge: Knowledge;
  config: Config;
  logger: Logger;
  /** Defaults to the engine's `recommend`. */
  recommend?: RecommendFunction;
  /** Defaults to the estimator's `estimate`. */
  estimate?: EstimateFunction;
  /**
   * Overrides the explainer of `explain: "llm"` (tests); by default `llm.explainOnce` is used. With neither (or the
   * LLM off) the answer keeps the template explanation with fallbackReason "llm-off".
   */
  explainWithLlm?: LlmExplainFunction;
  /**
   * The optional LLM layer (src/llm/llm-layer.ts), created by src/index.ts from the environment. Absent or
   * `enabled: false` means rule-only: template explanations, rule-based extraction, no upstream call.
   */
  llm?: LlmLayer;
  /**
   * True when an LLM is configured, so chat turns (`POST /v1/chat`, `POST /v1/chat/completions`) call it and draw on
   * the RATE_LIMIT_LLM_PER_MINUTE budget (src/http/security/llm-budget.ts). Default false.
   */
  llmEnabled?: boolean;
  /** Extra readiness probes (e.g. the session store). */
  readinessChecks?: readonly ReadinessCheck[];
  /** Extra route modules, mounted after the core routes and before the OpenAPI document is generated. */
  routeModules?: readonly RouteModule[];
  /** Durable chat sessions (POST/GET/DELETE /v1/chat); the chat route module requires it. */
  sessionStore?: SessionStore;
  /**
   * Where rate limits and session quotas are counted (src/http/security/rate-limiter.ts): default this process's
   * memory; src/index.ts passes the PostgreSQL store when DATABASE_URL is set, so every instance shares them.
   */
  rateLimitStore?: RateLimitStore;
  /**
   * Prometheus metrics (src/observability/app-metrics.ts), served at GET /metrics. Other layers record through it:
   * `metrics?.llmCall(outcome)`, `metrics?.llmFallback(reason)`, `metrics?.rateLimited(scope)`,
   * `metrics?.storeWrite(seconds)`. createApp creates one when absent and passes it on to route modules.
   */
  metrics?: AppMetrics;
}
