/**
 * A tiny structured logger: one JSON object per line, no dependency.
 * Every line has `time` (ISO), `level`, `msg` and the bindings of the logger and the call.
 * Values under secret-looking keys (authorization, token, apiKey, key, password, cookie, secret...) are
 * replaced by "[redacted]" at any depth, so a stray header object or config cannot leak credentials. And every
 * configured secret *value* (`secrets`, e.g. from {@link secretValues}) is replaced wherever it appears in a line:
 * in a message, an error's text or stack, an upstream reply quoted in a field.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries `bindings` (e.g. `{ requestId }`). */
  child(bindings: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; default: process.stdout. Each call receives one line ending in "\n". */
  write?: (line: string) => void;
  bindings?: LogFields;
  /** Secret values scrubbed from every line, wherever they appear (see {@link secretValues}). */
  secrets?: readonly string[];
}

const REDACTED = '[redacted]';
const SECRET_KEY_PARTS = ['authorization', 'token', 'apikey', 'password', 'passwd', 'cookie', 'secret'];
const MAX_DEPTH = 6;

/** True when a field name looks like it holds a credential (case-, dash- and underscore-insensitive). */
export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_\s]/g, '');
  if (normalised === 'key' || normalised.endsWith('key')) return true;
  return SECRET_KEY_PARTS.some((part) => normalised.includes(part));
}

/** Copies `value`, replacing secrets, turning errors into plain objects and cutting cycles and deep nesting. */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return value.toString();
    return value;
  }
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[truncated]';
  seen.add(value);
  if (value instanceof Error) {
    const plain: LogFields = { name: value.name, message: value.message };
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) plain.code = code;
    if (value.stack) plain.stack = value.stack;
    if (value.cause !== undefined) plain.cause = redact(value.cause, depth + 1, seen);
    return plain;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const copy: LogFields = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretKey(key) ? REDACTED : redact(item, depth + 1, seen);
  }
  return copy;
}

/** Secret values shorter than this are not scrubbed: they would match ordinary words and numbers. */
export const MIN_SECRET_LENGTH = 8;

/** Environment variables whose name says they hold a credential, besides those {@link isSecretKey} recognises. */
const SECRET_VARIABLE = /(?:KEY|KEYS|TOKEN|TOKENS|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;

/**
 * The secret values configured in `env`: every variable named like a credential (`OPENAI_API_KEY`, `API_KEYS` split
 * at commas, `METRICS_TOKEN`, `…_SECRET`, `…_PASSWORD`) and the password of any connection URL (`DATABASE_URL`), values
 * of at least {@link MIN_SECRET_LENGTH} characters.
 * @example createLogger({ secrets: secretValues(process.env) })
 */
export function secretValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    // A password inside a connection URL (DATABASE_URL=postgres://user:password@host/db), whatever the name.
    const password = urlPassword(value);
    if (password !== undefined && password.length >= MIN_SECRET_LENGTH) values.add(password);
    if (value === undefined || !(SECRET_VARIABLE.test(name) || isSecretKey(name))) continue;
    for (const part of [value, ...value.split(',')]) {
      const trimmed = part.trim();
      if (trimmed.length >= MIN_SECRET_LENGTH) values.add(trimmed);
    }
  }
  return [...values];
}

/** The decoded password of a `scheme://user:password@host` value, if it is one. */
function urlPassword(value: string | undefined): string | undefined {
  if (value === undefined || !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]*:[^/\s]*@/i.test(value)) return undefined;
  try {
    const password = new URL(value).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}

/**
 * A function that replaces every occurrence of the `secrets` in a text with "[redacted]": the values as typed, as
 * they look inside a JSON string and URL-encoded. The identity when there are none.
 */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  if (forms.size === 0) return (text) => text;
  // Longest first, so a secret that contains another is replaced whole.
  const alternation = [...forms]
    .sort((left, right) => right.length - left.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
  const pattern = new RegExp(alternation, 'g');
  return (text) => text.replace(pattern, REDACTED);
}

/** Creates a JSON-lines logger. `level: 'silent'` drops everything (tests). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const rawWrite = options.write ?? ((line: string) => process.stdout.write(line));
  const scrub = secretScrubber(options.secrets ?? []);
  const write = options.secrets === undefined ? rawWrite : (line: string) => rawWrite(scrub(line));
  const bindings = options.bindings ?? {};

  const emit = (lineLevel: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
    if (LEVEL_RANK[lineLevel] < LEVEL_RANK[level]) return;
    const record = redact({ ...bindings, ...fields }) as LogFields;
    let line: string;
    try {
      line = JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg: message, ...record });
    } catch {
      line = JSON.stringify({
        time: new Date().toISOString(),
        level: lineLevel,
        msg: message,
        logError: 'unserialisable fields',
      });
    }
    write(`${line}\n`);
  };

  return {
    level,
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    // The child writes through this logger's (scrubbing) writer.
    child: (childBindings) => createLogger({ level, write, bindings: { ...bindings, ...childBindings } }),
  };
}
