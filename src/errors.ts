/**
 * Domain errors. They know nothing about HTTP: the HTTP edge (src/http/error-handler.ts) maps each `code`
 * to a status. Every error carries a stable machine-readable `code` and optional structured `details`.
 */

/** One problem inside an error: where (a dotted path such as "profile.gpuCount") and what. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** Base class of every error this application throws on purpose. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: string;
  readonly details: readonly ErrorDetail[];

  constructor(code: string, message: string, options?: { details?: readonly ErrorDetail[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details ?? [];
  }
}

/** The environment is invalid (bad or missing variable). `details` has one entry per variable. */
export class ConfigError extends AppError {
  override name = 'ConfigError';
  constructor(message: string, details: readonly ErrorDetail[] = []) {
    super('config_invalid', message, { details });
  }
}

/** A problem found in the knowledge files, as reported to the operator. */
export interface KnowledgeProblem {
  /** File name relative to the knowledge directory, e.g. "rules.json". */
  file: string;
  /** JSON path inside the file, e.g. "rules[3].sources[0]" ("" for the whole file). */
  path: string;
  problem: string;
  fix: string;
}

/** Formats one knowledge problem as `knowledge/<file>: <path>: <problem> — fix: <fix>`. */
export function formatKnowledgeProblem(problem: KnowledgeProblem): string {
  const where = problem.path === '' ? '(file)' : problem.path;
  return `knowledge/${problem.file}: ${where}: ${problem.problem} — fix: ${problem.fix}`;
}

/** The knowledge base is broken. `problems` lists every problem found (not just the first). */
export class KnowledgeError extends AppError {
  override name = 'KnowledgeError';
  readonly problems: readonly KnowledgeProblem[];
  constructor(problems: readonly KnowledgeProblem[]) {
    const lines = problems.map(formatKnowledgeProblem);
    super(
      'knowledge_invalid',
      `The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.map((line) => `  - ${line}`).join('\n')}`,
      { details: problems.map((problem) => ({ path: `${problem.file}:${problem.path}`, message: problem.problem })) },
    );
    this.problems = problems;
  }
}

/** A named thing (method, model, GPU, session...) does not exist. */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  constructor(message: string, details: readonly ErrorDetail[] = []) {
    super('not_found', message, { details });
  }
}

/** The caller's input is invalid in a way a schema could not express (e.g. an unknown model name). */
export class ValidationError extends AppError {
  override name = 'ValidationError';
  constructor(message: string, details: readonly ErrorDetail[] = []) {
    super('validation_failed', message, { details });
  }
}
