import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type App, type AppDeps, createApp } from './app.ts';
import { type Config, parseEnv } from './config/env.ts';
import { type EnvFileResult, envFileName, loadEnvFile } from './config/env-file.ts';
import { ConfigError, KnowledgeError } from './errors.ts';
import {
  type ConnectionTracker,
  connectionLimitsFromConfig,
  limitConnections,
  serverTimeoutOptions,
  throttledRefusalLog,
} from './http/connection-limits.ts';
import { chatRoutes } from './http/routes/chat.ts';
import { openAiCompatibleRoutes } from './http/routes/openai-compatible.ts';
import { openRateLimitStore } from './http/security/shared-rate-limits.ts';
import type { RouteModule } from './http/types.ts';
import type { Knowledge } from './knowledge/knowledge.ts';
import { loadKnowledge } from './knowledge/load-knowledge.ts';
import { createLlmFromEnv, recordLlmEvents } from './llm/llm-from-env.ts';
import { createLogger, type Logger, secretValues } from './logger.ts';
import { createAppMetrics } from './observability/app-metrics.ts';
import { instrumentSessionStore } from './observability/instrument-session-store.ts';
import { requestAwareLogger } from './observability/request-scope.ts';
import type { SessionStore } from './store/session-store.ts';
import { sessionStoreFromConfig } from './store/session-store-from-config.ts';
import { StoreUnavailableError } from './store/store-errors.ts';
import { warmUp, warmUpRoutes } from './warm-up.ts';

/** How often expired chat sessions are pruned. */
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** The route modules mounted when `deps.routeModules` is not given: the chat widget and OpenAI-compatible APIs. */
export function defaultRouteModules(): RouteModule[] {
  return [chatRoutes(), openAiCompatibleRoutes()];
}

/**
 * Opens the session store the configuration selects (src/store/session-store-from-config.ts: PostgreSQL when
 * DATABASE_URL is set, migrated here; else the files under DATA_DIR), reports corrupt sessions (left untouched), and
 * starts hourly TTL pruning.
 */
export async function openSessionStore(config: Config, logger: Logger): Promise<SessionStore> {
  const { store, location } = sessionStoreFromConfig(config, {
    onConnectionError: (error) =>
      logger.warn('session database connection lost; it is replaced on next use', { error }),
  });
  const { sessions, corrupt, migrations } = await store.init();
  for (const report of corrupt) logger.warn('corrupt session left untouched', { ...report });
  const schema =
    migrations === undefined ? {} : { schemaVersion: migrations.version, migrationsApplied: migrations.applied };
  logger.info('session store opened', { store: location, sessions, corrupt: corrupt.length, ...schema });
  if (migrations !== undefined && migrations.unknown.length > 0) {
    logger.warn('the database has migrations this release does not know (a newer release ran on it)', {
      versions: migrations.unknown,
    });
  }
  store.startPruning(PRUNE_INTERVAL_MS, (error) => logger.error('session pruning failed', { error }));
  return store;
}

/** Options of `startServer`; everything not given is derived from the environment defaults. */
export interface StartServerOptions {
  /** Overrides on top of `parseEnv(env)`; e.g. `{ PORT: 0, HOST: '127.0.0.1' }` for tests and benchmarks. */
  config?: Partial<Config>;
  /** Environment to parse; default process.env. */
  env?: Record<string, string | undefined>;
  /** Already loaded knowledge; default: loadKnowledge(config.KNOWLEDGE_DIR). */
  knowledge?: Knowledge;
  logger?: Logger;
  /** Extra dependencies for createApp (route modules, readiness checks, engine overrides). */
  deps?: Partial<Omit<AppDeps, 'knowledge' | 'config' | 'logger'>>;
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:43127" */
  url: string;
  port: number;
  app: App;
  server: ServerType;
  config: Config;
  logger: Logger;
  /** Open connections per address and connections refused by the caps (src/http/connection-limits.ts). */
  connections: ConnectionTracker;
  /**
   * Stops accepting connections and waits for in-flight requests up to SHUTDOWN_GRACE_MS, closing idle
   * keep-alive sockets every 50 ms (otherwise close() waits for the client's keep-alive timeout), then
   * force-closes whatever is left. Resolves when the server is closed.
   */
  close(): Promise<void>;
}

/** Stops `server` gracefully; see RunningServer.close. */
export function shutdownServer(server: ServerType, graceMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const http = 'closeIdleConnections' in server ? server : undefined;
    const reaper = setInterval(() => http?.closeIdleConnections(), 50);
    const force = setTimeout(() => http?.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(reaper);
      clearTimeout(force);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve();
    });
    http?.closeIdleConnections();
  });
}

/**
 * The error to report when listening fails: a ConfigError naming the variable to change for a busy port (PORT), a
 * privileged port (PORT) or an address this machine does not have (HOST); anything else unchanged.
 */
export function listenError(error: NodeJS.ErrnoException, config: Pick<Config, 'PORT' | 'HOST'>): Error {
  const where = `${config.HOST}:${config.PORT}`;
  const problems: Record<string, { path: string; message: string }> = {
    EADDRINUSE: {
      path: 'PORT',
      message: `port ${config.PORT} on ${config.HOST} is already in use by another process; stop it, or set PORT to a free port (e.g. PORT=${config.PORT === 3000 ? 3001 : 3000} npm start; PORT=0 picks any free port)`,
    },
    EACCES: {
      path: 'PORT',
      message: `not allowed to listen on ${where} (ports below 1024 need privileges); set PORT to 1024 or above, e.g. PORT=3000`,
    },
    EADDRNOTAVAIL: {
      path: 'HOST',
      message: `${config.HOST} is not an address of this machine; set HOST to 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)`,
    },
  };
  const problem = error.code === undefined ? undefined : problems[error.code];
  if (problem === undefined) return error;
  return new ConfigError(`Cannot listen:\n  - ${problem.path}: ${problem.message}`, [problem]);
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
}

/**
 * Loads what is missing (config, knowledge, logger), creates the app and listens. Creates DATA_DIR if needed.
 * Throws ConfigError / KnowledgeError (never exits the process). Port 0 picks a free port; see `url`.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const started = performance.now();
  const env = options.env ?? process.env;
  const config: Config = { ...parseEnv(env), ...options.config };
  // Lines logged during a request carry its requestId even when written through this process-wide logger.
  // Every configured secret value (OPENAI_API_KEY, API_KEYS, METRICS_TOKEN, …) is scrubbed from every log line.
  const logger = requestAwareLogger(
    options.logger ?? createLogger({ level: config.LOG_LEVEL, secrets: secretValues(env) }),
  );
  const metrics = options.deps?.metrics ?? createAppMetrics();
  // LLM variables are validated even when the LLM is off; prompts are read (and checked) only when it is on.
  const llm = options.deps?.llm ?? (await createLlmFromEnv(env, { onEvent: recordLlmEvents({ metrics, logger }) }));
  const knowledge = options.knowledge ?? (await loadKnowledge(config.KNOWLEDGE_DIR));
  // Compile the hot paths before listening, so the first user's turn is not the slow one (see warm-up.ts).
  const warmUpMs = await warmUp(knowledge);
  await mkdir(config.DATA_DIR, { recursive: true });
  const ownsStore = options.deps?.sessionStore === undefined;
  const sessionStore = instrumentSessionStore(
    options.deps?.sessionStore ?? (await openSessionStore(config, logger)),
    metrics,
  );
  // Rate limits and session quotas: in PostgreSQL, shared by every instance, when DATABASE_URL is set; else in memory.
  const ownsRateLimitStore = options.deps?.rateLimitStore === undefined;
  const rateLimitStore = options.deps?.rateLimitStore ?? (await openRateLimitStore(config.DATABASE_URL, logger));
  const app = createApp({
    ...options.deps,
    rateLimitStore,
    knowledge,
    config,
    logger,
    metrics,
    llm,
    llmEnabled: options.deps?.llmEnabled ?? llm.enabled,
    sessionStore,
    routeModules: options.deps?.routeModules ?? defaultRouteModules(),
    readinessChecks: [
      ...(options.deps?.readinessChecks ?? []),
      { name: 'session-store-writable', check: () => sessionStore.checkWritable() },
    ],
  });

  const limits = connectionLimitsFromConfig(config);
  const { server, address } = await new Promise<{ server: ServerType; address: AddressInfo }>((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: config.PORT,
        hostname: config.HOST,
        serverOptions: serverTimeoutOptions(limits),
      },
      (info) => resolve({ server, address: info }),
    );
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, config)));
  });
  const logRefusal = throttledRefusalLog((message, fields) => logger.warn(message, fields));
  const connections = limitConnections(server as Server, limits, {
    onRefused: (reason, client) => {
      metrics.connectionRefused?.(reason);
      logRefusal(reason, client);
    },
  });
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  logger.info('listening', {
    url,
    ...(isLoopback(address.address)
      ? { reachableFrom: 'this machine only (set HOST=0.0.0.0 to accept other machines, e.g. in a container)' }
      : {}),
    startupMs: Math.round(performance.now() - started),
    warmUpMs: Math.round(warmUpMs),
    knowledgeVersion: knowledge.version,
    connections: limits,
    llm: (({ mode, enabled, model, endpoint }) => ({ mode, enabled, model, endpoint }))(llm.status()),
  });

  if (config.API_KEYS.length > 0 && config.METRICS_TOKEN === undefined) {
    logger.warn('GET /metrics is closed (403): API_KEYS is set but METRICS_TOKEN is not; set METRICS_TOKEN to scrape');
  }
  // The routes too (validation, the store's write path, the stream encoder): one in-process turn right after
  // listening, deleted after, so the first visitor's turn does not compile them. Not with an LLM configured (a
  // start-up must not spend a model call). Closing waits for it.
  // (Started on the next turn of the event loop, so the caller's own start-up lines are written first.)
  const routesWarmUp: Promise<unknown> =
    (options.deps?.llmEnabled ?? llm.enabled)
      ? Promise.resolve()
      : new Promise((resolve) => setImmediate(() => resolve(warmUpRoutes(app))));
  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    app,
    server,
    config,
    logger,
    connections,
    close: () => {
      closing ??= routesWarmUp
        .then(() => shutdownServer(server, config.SHUTDOWN_GRACE_MS))
        .then(async () => {
          if (ownsStore) await sessionStore.stop();
          if (ownsRateLimitStore) await rateLimitStore.close();
          metrics.stop();
        });
      return closing;
    },
  };
}

/**
 * Process entry: start, then stop gracefully on SIGTERM/SIGINT (exit 0 once closed, 1 if closing failed). The only
 * place that exits the process. `options` lets test fixtures run the real entry with extra routes.
 */
export async function main(options: StartServerOptions = {}): Promise<void> {
  let running: RunningServer;
  let envFile: EnvFileResult | undefined;
  try {
    // `.env` (see .env.example) fills in what the environment does not set; only the real entry reads it.
    const file = options.env === undefined ? envFileName() : undefined;
    if (file !== undefined) envFile = loadEnvFile(file);
    running = await startServer(options);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StoreUnavailableError) {
      process.stderr.write(`Cannot start: ${error.message}\n`);
    } else {
      process.stderr.write(
        `Cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  }
  if (envFile?.path !== undefined) {
    running.logger.info('loaded .env', {
      path: envFile.path,
      variables: envFile.applied,
      ...(envFile.overridden.length > 0 ? { setByEnvironment: envFile.overridden } : {}),
    });
  }
  const onSignal = (signal: NodeJS.Signals) => {
    running.logger.info('shutting down', { signal, graceMs: running.config.SHUTDOWN_GRACE_MS });
    running
      .close()
      .then(() => {
        running.logger.info('closed');
        process.exit(0);
      })
      .catch((error: unknown) => {
        running.logger.error('shutdown failed', { error });
        process.exit(1);
      });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

if (import.meta.main) await main();
