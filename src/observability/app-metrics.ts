/**
 * @module observability/app-metrics: the advisor's metrics, one object created at start-up and shared by every layer
 * (`AppDeps.metrics`). Layers record through small methods; GET /metrics renders everything.
 */
import {
  createMetricsRegistry,
  HTTP_DURATION_BUCKETS,
  type MetricsRegistry,
  STORE_WRITE_BUCKETS,
} from './metrics-registry.ts';
import { type ProcessMetricsHandle, type ProcessMetricsOptions, registerProcessMetrics } from './process-metrics.ts';

/** One finished HTTP request. `route` must be the matched route pattern (e.g. `/v1/chat/:id`), never the raw path. */
export interface HttpRequestSample {
  route: string;
  method: string;
  status: number;
  seconds: number;
}

/** What the HTTP, LLM, rate-limit and store layers record. Every method is cheap and never throws. */
export interface AppMetrics {
  /** Counts the request in `http_requests_total{route,method,status}` and times it in `http_request_duration_seconds{route,method}`. */
  httpRequest(sample: HttpRequestSample): void;
  /** `llm_calls_total{outcome}`: one per upstream LLM call; outcome "success" or the failure reason ("timeout", ...). */
  llmCall(outcome: string): void;
  /** `llm_fallbacks_total{reason}`: an answer fell back to the rule-only template ("circuit-open", "llm-error", ...). */
  llmFallback(reason: string): void;
  /** `rate_limit_rejections_total{scope}`: a request answered 429 ("key", "address", "llm-turns", ...). */
  rateLimited(scope: string): void;
  /** `connections_refused_total{reason}`: a connection closed on accept by a connection cap (src/http/connection-limits.ts). */
  connectionRefused?(reason: string): void;
  /** `store_write_duration_seconds`: one successful session write, in seconds. */
  storeWrite(seconds: number): void;
  /** `store_write_errors_total{code}`: a session write that failed (errno code such as "ENOSPC", "EROFS"). */
  storeWriteFailed(code: string): void;
  /** Sets the source of the `sessions_stored` gauge (read at each scrape). */
  observeSessions(count: () => number): void;
  /** Every metric in the Prometheus text format 0.0.4. */
  render(): string;
  /** Stops the process-metrics monitor (call on shutdown). */
  stop(): void;
}

export interface AppMetricsOptions {
  /** Process metrics (memory, heap, event-loop lag, uptime): true (default), false, or monitor options. */
  processMetrics?: boolean | ProcessMetricsOptions;
}

/** Methods kept as label values; anything else (the fuzz test sends random verbs) is counted as "OTHER". */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Free-text label values from other layers are kept only when short and plain; otherwise they count as "other". */
const PLAIN_LABEL_VALUE = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Cap on label sets for the small-vocabulary metrics (outcome, reason, scope, code). */
const SMALL_VOCABULARY_SERIES = 100;

/** A label value from a closed, short vocabulary: the value itself when plain, else "other". */
export function plainLabel(value: string): string {
  return PLAIN_LABEL_VALUE.test(value) ? value : 'other';
}

/** The method as a label: one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, else "OTHER". */
export function methodLabel(method: string): string {
  const upper = method.toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : 'OTHER';
}

/**
 * Creates the metrics object with every advisor metric registered (and, by default, the process metrics).
 * @example
 * const metrics = createAppMetrics();
 * metrics.llmFallback('circuit-open');
 * metrics.render(); // '... llm_fallbacks_total{reason="circuit-open"} 1 ...'
 */
export function createAppMetrics(options: AppMetricsOptions = {}): AppMetrics {
  const registry: MetricsRegistry = createMetricsRegistry();
  const requests = registry.counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by matched route pattern, method and status.',
    labelNames: ['route', 'method', 'status'],
  });
  const durations = registry.histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to its response being ready (first byte of a streamed body), in seconds.',
    labelNames: ['route', 'method'],
    buckets: HTTP_DURATION_BUCKETS,
  });
  const llmCalls = registry.counter({
    name: 'llm_calls_total',
    help: 'Upstream LLM calls, by outcome ("success" or the failure reason).',
    labelNames: ['outcome'],
    maxSeries: SMALL_VOCABULARY_SERIES,
  });
  const llmFallbacks = registry.counter({
    name: 'llm_fallbacks_total',
    help: 'Answers that fell back to the rule-only text, by reason.',
    labelNames: ['reason'],
    maxSeries: SMALL_VOCABULARY_SERIES,
  });
  const rateLimitRejections = registry.counter({
    name: 'rate_limit_rejections_total',
    help: 'Requests rejected with 429, by limit scope.',
    labelNames: ['scope'],
    maxSeries: SMALL_VOCABULARY_SERIES,
  });
  const connectionsRefused = registry.counter({
    name: 'connections_refused_total',
    help: 'Connections closed on accept by MAX_CONNECTIONS or MAX_CONNECTIONS_PER_ADDRESS, by reason.',
    labelNames: ['reason'],
    maxSeries: SMALL_VOCABULARY_SERIES,
  });
  const storeWrites = registry.histogram({
    name: 'store_write_duration_seconds',
    help: 'Duration of successful session-store writes as callers see them (lock wait, read, write, fsync), in seconds.',
    buckets: STORE_WRITE_BUCKETS,
  });
  const storeWriteErrors = registry.counter({
    name: 'store_write_errors_total',
    help: 'Session-store writes that failed, by error code (nothing was acknowledged for them).',
    labelNames: ['code'],
    maxSeries: SMALL_VOCABULARY_SERIES,
  });
  let sessionCount: (() => number) | undefined;
  registry.gauge({
    name: 'sessions_stored',
    help: 'Chat sessions held by the session store (files on disk, corrupt ones included).',
    collect: (gauge) => {
      if (sessionCount !== undefined) gauge.set({}, sessionCount());
    },
  });

  const processOption = options.processMetrics ?? true;
  let processHandle: ProcessMetricsHandle | undefined;
  if (processOption !== false) {
    processHandle = registerProcessMetrics(registry, processOption === true ? {} : processOption);
  }

  return {
    httpRequest({ route, method, status, seconds }) {
      const methodValue = methodLabel(method);
      requests.inc({ route, method: methodValue, status: String(status) });
      durations.observe({ route, method: methodValue }, seconds);
    },
    llmCall: (outcome) => llmCalls.inc({ outcome: plainLabel(outcome) }),
    llmFallback: (reason) => llmFallbacks.inc({ reason: plainLabel(reason) }),
    rateLimited: (scope) => rateLimitRejections.inc({ scope: plainLabel(scope) }),
    connectionRefused: (reason) => connectionsRefused.inc({ reason: plainLabel(reason) }),
    storeWrite: (seconds) => storeWrites.observe({}, seconds),
    storeWriteFailed: (code) => storeWriteErrors.inc({ code: plainLabel(code) }),
    observeSessions(count) {
      sessionCount = count;
    },
    render: () => registry.render(),
    stop() {
      processHandle?.stop();
      processHandle = undefined;
    },
  };
}
