/**
 * @module config/env-file: loads `.env` (the file `.env.example` tells operators to create) into the environment at
 * start-up, with Node's own parser (`util.parseEnv`, the one behind `node --env-file`): no dependency.
 *
 * Variables already set in the environment win over the file, so a process manager or `PORT=3001 npm start` can still
 * override what `.env` says. A missing file is not an error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from '../errors.ts';

/** What {@link loadEnvFile} did. */
export interface EnvFileResult {
  /** Absolute path of the file read, or undefined when there was none. */
  path: string | undefined;
  /** Variables taken from the file (set in `target` because they were not set already). */
  applied: string[];
  /** Variables in the file that the environment already set (the environment won). */
  overridden: string[];
}

/**
 * The env file named by `ENV_FILE` (default `.env`, relative to the working directory); undefined when `ENV_FILE` is
 * `none` (the test harnesses set it, so a developer's `.env` never leaks into spawned test servers).
 */
export function envFileName(environment: Record<string, string | undefined> = process.env): string | undefined {
  const named = environment.ENV_FILE?.trim();
  if (named === 'none') return undefined;
  return named === undefined || named === '' ? '.env' : named;
}

/**
 * Reads `file` (default `.env` in the working directory) and sets every variable it defines that `target` (default
 * `process.env`) does not already have. Throws a ConfigError when the file exists but cannot be read.
 */
export function loadEnvFile(file = '.env', target: Record<string, string | undefined> = process.env): EnvFileResult {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path: undefined, applied: [], overridden: [] };
    const message = `cannot read ${file} (${code ?? String(error)}); fix its permissions or remove it`;
    throw new ConfigError(`Invalid environment:\n  - ${file}: ${message}`, [{ path: file, message }]);
  }
  const applied: string[] = [];
  const overridden: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (target[name] !== undefined) {
      overridden.push(name);
      continue;
    }
    target[name] = value;
    applied.push(name);
  }
  return { path, applied, overridden };
}
