import { z } from 'zod';
import { ConfigError, type ErrorDetail } from '../errors.ts';
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

/** Variables, defaults and how to fix each one when it is wrong. */
const ENV_FIXES: Record<string, string> = {
  PORT: 'set PORT to a TCP port number such as 3000 (0 picks a free port)',
  HOST: 'set HOST to an interface address such as 0.0.0.0 or 127.0.0.1',
  DATA_DIR: 'set DATA_DIR to a writable directory path, e.g. ./data',
  KNOWLEDGE_DIR: 'set KNOWLEDGE_DIR to the directory holding the knowledge JSON files, e.g. ./knowledge',
  LOG_LEVEL: `set LOG_LEVEL to one of ${LOG_LEVELS.join(', ')}`,
  BODY_LIMIT_BYTES: 'set BODY_LIMIT_BYTES to a positive whole number of bytes, e.g. 1048576 (1 MiB)',
  SHUTDOWN_GRACE_MS: 'set SHUTDOWN_GRACE_MS to a positive whole number of milliseconds, e.g. 10000',
  SESSION_TTL_MS: 'set SESSION_TTL_MS to a positive whole number of milliseconds, e.g. 2592000000 (30 days)',
};

export const EnvSchema = z.object({
  PORT: Port.default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  KNOWLEDGE_DIR: z.string().trim().min(1, 'must not be empty').default('./knowledge'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  BODY_LIMIT_BYTES: PositiveInt.default(1_048_576),
  SHUTDOWN_GRACE_MS: PositiveInt.default(10_000),
  /** Chat sessions not updated for this long are removed (checked hourly). Default 30 days. */
  SESSION_TTL_MS: PositiveInt.default(2_592_000_000),
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
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(environment)');
    const fix = ENV_FIXES[variable] ?? 'check the variable against .env.example';
    return { path: variable, message: `${issue.message} (got ${JSON.stringify(source[variable] ?? null)}); ${fix}` };
  });
  const lines = details.map((detail) => `  - ${detail.path}: ${detail.message}`).join('\n');
  throw new ConfigError(`Invalid environment:\n${lines}`, details);
}
