import { z } from 'zod';
import { ConfigError, type ErrorDetail } from '../errors.ts';
import { hashApiKey, MIN_API_KEY_LENGTH, splitApiKeys } from '../http/security/api-keys.ts';
import { originProblem } from '../http/security/cors.ts';
import { LOG_LEVELS } from '../logger.ts';

/**
 * The environment, parsed once at start-up by `parseEnv`. Every variable is documented in .env.example.
 * Other layers (LLM, security) extend this by adding their own section to the schema and to .env.example.
 */

const Port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0..65535 (0 = any free port)')
  .max(65_535, 'must be 0..65535 (0 = any free port)');
const PositiveInt = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be > 0');
const NonNegativeInt = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be >= 0 (0 turns the limit off)');
const BooleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** API_KEYS: comma-separated keys, replaced by their sha256 hex digests at parse time (Config never holds a key). */
const ApiKeyHashes = z.string().transform((raw, context) => {
  const keys = splitApiKeys(raw);
  keys.forEach((key, index) => {
    if (key.length < MIN_API_KEY_LENGTH || /\s/.test(key)) {
      context.addIssue({
        code: 'custom',
        message: `key #${index + 1} must be at least ${MIN_API_KEY_LENGTH} characters without spaces`,
      });
    }
  });
  return keys.map(hashApiKey);
});

/** CORS_ORIGINS: comma-separated exact origins (or `*`). */
const CorsOrigins = z.string().transform((raw, context) => {
  const origins = [
    ...new Set(
      raw
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    ),
  ];
  for (const origin of origins) {
    const problem = originProblem(origin);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  }
  return origins;
});

/** Variables, defaults and how to fix each one when it is wrong. */
const ENV_FIXES: Record<string, string> = {
  PORT: 'set PORT to a TCP port number such as 3000 (0 picks a free port)',
  HOST: 'set HOST to an interface address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
  DATA_DIR: 'set DATA_DIR to a writable directory path, e.g. ./data',
  KNOWLEDGE_DIR: 'set KNOWLEDGE_DIR to the directory holding the knowledge JSON files, e.g. ./knowledge',
  LOG_LEVEL: `set LOG_LEVEL to one of ${LOG_LEVELS.join(', ')}`,
  BODY_LIMIT_BYTES: 'set BODY_LIMIT_BYTES to a positive whole number of bytes, e.g. 1048576 (1 MiB)',
  SHUTDOWN_GRACE_MS: 'set SHUTDOWN_GRACE_MS to a positive whole number of milliseconds, e.g. 10000',
  RECOMMENDATION_CACHE_SIZE: 'set RECOMMENDATION_CACHE_SIZE to a whole number of entries, e.g. 1000 (0 = off)',
  SESSION_TTL_MS: 'set SESSION_TTL_MS to a positive whole number of milliseconds, e.g. 2592000000 (30 days)',
  SESSION_CACHE_BYTES: 'set SESSION_CACHE_BYTES to a positive whole number of bytes, e.g. 67108864 (64 MiB)',
  SESSION_MAX_BYTES: 'set SESSION_MAX_BYTES to a positive whole number of bytes, e.g. 4194304 (4 MiB)',
  SESSIONS_MAX_TOTAL_BYTES:
    'set SESSIONS_MAX_TOTAL_BYTES to a whole number of bytes, e.g. 1073741824 (1 GiB; 0 = no quota)',
  SESSIONS_MIN_FREE_DISK_BYTES:
    'set SESSIONS_MIN_FREE_DISK_BYTES to a whole number of bytes, e.g. 268435456 (256 MiB; 0 = no floor)',
  DATABASE_URL:
    'set DATABASE_URL to a PostgreSQL URL, e.g. postgres://advisor:password@localhost:5432/advisor, or leave it ' +
    'unset to keep sessions in files under DATA_DIR',
  PG_POOL_MAX: 'set PG_POOL_MAX to a positive whole number of connections per instance, e.g. 10',
  PG_CONNECT_TIMEOUT_MS: 'set PG_CONNECT_TIMEOUT_MS to a positive whole number of milliseconds, e.g. 5000',
  PG_STATEMENT_TIMEOUT_MS: 'set PG_STATEMENT_TIMEOUT_MS to a positive whole number of milliseconds, e.g. 5000',
  PG_LOCK_TIMEOUT_MS: 'set PG_LOCK_TIMEOUT_MS to a positive whole number of milliseconds, e.g. 30000',
  METRICS_TOKEN:
    'set METRICS_TOKEN to a random string of at least 16 characters (e.g. `openssl rand -hex 32`), or leave it empty',
  API_KEYS: 'set API_KEYS to comma-separated random keys of at least 16 characters (e.g. `openssl rand -hex 32`)',
  CORS_ORIGINS: 'set CORS_ORIGINS to comma-separated origins such as https://www.example.com,https://app.example.com',
  TRUST_PROXY: 'set TRUST_PROXY to true only when a reverse proxy in front sets X-Forwarded-For, else false',
  HSTS_ALWAYS: 'set HSTS_ALWAYS to true or false',
  RATE_LIMIT_PER_MINUTE: 'set RATE_LIMIT_PER_MINUTE to a whole number of requests per minute, e.g. 120 (0 = off)',
  RATE_LIMIT_LLM_PER_MINUTE:
    'set RATE_LIMIT_LLM_PER_MINUTE to a whole number of requests per minute, e.g. 20 (0 = off)',
  MAX_MESSAGE_CHARS: 'set MAX_MESSAGE_CHARS to a positive whole number of characters, e.g. 4000',
  REPLAY_MAX_CHARS: 'set REPLAY_MAX_CHARS to a positive whole number of characters, e.g. 32000',
  MAX_MESSAGES_PER_SESSION: 'set MAX_MESSAGES_PER_SESSION to a positive whole number, e.g. 200',
  MAX_SESSIONS_PER_CLIENT: 'set MAX_SESSIONS_PER_CLIENT to a whole number of sessions per hour, e.g. 50 (0 = off)',
  WIDGET_TOKEN_TTL_SECONDS:
    'set WIDGET_TOKEN_TTL_SECONDS to a whole number of seconds between 60 and 86400, e.g. 900 (15 minutes)',
  ORIGIN_ONLY_PER_MINUTE:
    'set ORIGIN_ONLY_PER_MINUTE to a whole number of requests per minute per address, e.g. 6 (0 = Origin alone is refused)',
  ORIGIN_ONLY_TOTAL_PER_MINUTE:
    'set ORIGIN_ONLY_TOTAL_PER_MINUTE to a whole number of requests per minute for all such clients together, e.g. 60 (0 = no total cap)',
  HEADERS_TIMEOUT_MS:
    'set HEADERS_TIMEOUT_MS to a positive whole number of milliseconds, e.g. 10000, no larger than REQUEST_TIMEOUT_MS',
  REQUEST_TIMEOUT_MS: 'set REQUEST_TIMEOUT_MS to a positive whole number of milliseconds, e.g. 30000',
  KEEP_ALIVE_TIMEOUT_MS: 'set KEEP_ALIVE_TIMEOUT_MS to a positive whole number of milliseconds, e.g. 5000',
  MAX_CONNECTIONS: 'set MAX_CONNECTIONS to a whole number of open connections, e.g. 1000 (0 = no cap)',
  MAX_CONNECTIONS_PER_ADDRESS:
    'set MAX_CONNECTIONS_PER_ADDRESS to a whole number of open connections per client address, e.g. 50 (0 = no cap)',
};

/** Variables holding secrets: their values are never repeated in error messages. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['METRICS_TOKEN', 'API_KEYS', 'DATABASE_URL']);

/** DATABASE_URL: a postgres:// or postgresql:// URL (its password, if any, is a secret: never echoed). */
const DatabaseUrl = z
  .string()
  .trim()
  .refine((raw) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(raw).protocol);
    } catch {
      return false;
    }
  }, 'must be a postgres:// or postgresql:// URL');

export const EnvSchema = z.object({
  PORT: Port.default(3000),
  /** This machine only by default; containers and hosts serving other machines set HOST=0.0.0.0 (or an address). */
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  KNOWLEDGE_DIR: z.string().trim().min(1, 'must not be empty').default('./knowledge'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  BODY_LIMIT_BYTES: PositiveInt.default(1_048_576),
  SHUTDOWN_GRACE_MS: PositiveInt.default(10_000),
  /** Serialized recommendations kept in memory (LRU) for repeated identical requests; 0 disables the cache. */
  RECOMMENDATION_CACHE_SIZE: NonNegativeInt.default(1000),
  /** Chat sessions not updated for this long are removed (checked hourly). Default 30 days. */
  SESSION_TTL_MS: PositiveInt.default(2_592_000_000),
  // session store bounds (src/store/file-session-store.ts). Documented in .env.example.
  /** Bytes of session JSON kept parsed in memory (an LRU bounded by bytes as well as by 500 sessions). */
  SESSION_CACHE_BYTES: PositiveInt.default(64 * 2 ** 20),
  /** Largest session file; a turn past it is refused with 409 session_message_limit. */
  SESSION_MAX_BYTES: PositiveInt.default(4 * 2 ** 20),
  /** New sessions get 503 once the session files hold this many bytes; 0 = no quota. */
  SESSIONS_MAX_TOTAL_BYTES: NonNegativeInt.default(2 ** 30),
  /** New sessions get 503 while the disk under DATA_DIR has less free space; 0 = no floor. */
  SESSIONS_MIN_FREE_DISK_BYTES: NonNegativeInt.default(256 * 2 ** 20),
  // PostgreSQL session store (src/store/postgres-session-store.ts), shared by several instances. See .env.example.
  /** Set: sessions live in this PostgreSQL database (migrated at start-up); unset: files under DATA_DIR. */
  DATABASE_URL: DatabaseUrl.optional(),
  /** Connections per instance in the session store's pool. */
  PG_POOL_MAX: PositiveInt.default(10),
  /** Longest wait for a database connection; past it, 503 store_unavailable. */
  PG_CONNECT_TIMEOUT_MS: PositiveInt.default(5_000),
  /** Longest a single SQL statement may run. */
  PG_STATEMENT_TIMEOUT_MS: PositiveInt.default(5_000),
  /** Longest wait for a session another instance is writing (and longest a turn may hold its session). */
  PG_LOCK_TIMEOUT_MS: PositiveInt.default(30_000),
  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  // security (src/http/security/): access control, CORS, rate and size limits. Documented in .env.example.
  /** sha256 hex digests of the API keys; empty = no key needed. */
  API_KEYS: ApiKeyHashes.default([]),
  /** Browser origins allowed on the chat widget routes without a key; empty = no CORS. */
  CORS_ORIGINS: CorsOrigins.default([]),
  TRUST_PROXY: BooleanFlag.default(false),
  HSTS_ALWAYS: BooleanFlag.default(false),
  RATE_LIMIT_PER_MINUTE: NonNegativeInt.default(120),
  RATE_LIMIT_LLM_PER_MINUTE: NonNegativeInt.default(20),
  MAX_MESSAGE_CHARS: PositiveInt.default(4000),
  /** Most characters of user messages one POST /v1/chat/completions replays (it re-reads the whole history). */
  REPLAY_MAX_CHARS: PositiveInt.default(32_000),
  MAX_MESSAGES_PER_SESSION: PositiveInt.default(200),
  MAX_SESSIONS_PER_CLIENT: NonNegativeInt.default(50),
  // widget tokens and Origin-only traffic (src/http/security/widget-tokens.ts); they matter only when API_KEYS is set.
  /** Longest lifetime of a widget token minted by POST /v1/widget-tokens (and the default one). */
  WIDGET_TOKEN_TTL_SECONDS: PositiveInt.min(60, 'must be at least 60')
    .max(86_400, 'must be at most 86400 (one day)')
    .default(900),
  /** Chat-widget requests per minute per address from a browser with an allowed Origin but no key or token. */
  ORIGIN_ONLY_PER_MINUTE: NonNegativeInt.default(6),
  /** The same, for all such clients together (the cap on what unauthenticated traffic can spend). */
  ORIGIN_ONLY_TOTAL_PER_MINUTE: NonNegativeInt.default(60),
  // connections (src/http/connection-limits.ts): timeouts and caps against idle and slow clients. See .env.example.
  /** Time allowed to receive a request's headers (counted from the connection or from the previous reply). */
  HEADERS_TIMEOUT_MS: PositiveInt.default(10_000),
  /** Time allowed to receive a whole request, headers and body. Replies and streams are not limited by it. */
  REQUEST_TIMEOUT_MS: PositiveInt.default(30_000),
  /** An idle keep-alive connection is closed after this long without a new request. */
  KEEP_ALIVE_TIMEOUT_MS: PositiveInt.default(5_000),
  /** Most open connections; further ones are closed on accept. 0 = no cap. */
  MAX_CONNECTIONS: NonNegativeInt.default(1000),
  /** Most open connections per client address (IPv6 by /64); unset = 50, or no cap when TRUST_PROXY is true. */
  MAX_CONNECTIONS_PER_ADDRESS: NonNegativeInt.optional(),
});

/** The application configuration, derived from the environment. */
export type Config = z.infer<typeof EnvSchema>;

/**
 * Parses environment variables into a typed Config. Empty strings count as "not set" (so the default applies).
 * Throws a ConfigError naming every bad variable, its value problem and how to fix it.
 * Pure: pass `process.env` in production and a literal object in tests.
 */
export function parseEnv(source: Record<string, string | undefined>): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) {
    const problems = relationProblems(result.data);
    if (problems.length === 0) return result.data;
    const lines = problems.map((detail) => `  - ${detail.path}: ${detail.message}`).join('\n');
    throw new ConfigError(`Invalid environment:\n${lines}`, problems);
  }
  const details: ErrorDetail[] = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(environment)');
    const fix = ENV_FIXES[variable] ?? 'check the variable against .env.example';
    const raw = source[variable];
    // Never echo a secret: the message ends up on stderr and in the process manager's logs.
    const got =
      SECRET_VARIABLES.has(variable) && raw !== undefined ? `${raw.length} characters` : JSON.stringify(raw ?? null);
    return { path: variable, message: `${issue.message} (got ${got}); ${fix}` };
  });
  const lines = details.map((detail) => `  - ${detail.path}: ${detail.message}`).join('\n');
  throw new ConfigError(`Invalid environment:\n${lines}`, details);
}

/** Problems between variables that are each valid on their own. */
function relationProblems(config: Config): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (config.HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS) {
    problems.push({
      path: 'HEADERS_TIMEOUT_MS',
      message:
        `must not exceed REQUEST_TIMEOUT_MS (got ${config.HEADERS_TIMEOUT_MS} > ${config.REQUEST_TIMEOUT_MS}); ` +
        ENV_FIXES.HEADERS_TIMEOUT_MS,
    });
  }
  return problems;
}
