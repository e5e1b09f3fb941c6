import type { z } from 'zod';
import type { KnowledgeProblem } from '../errors.ts';

/** Formats a JSON path such as ["rules", 3, "when", "fact"] as "rules[3].when.fact". */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues for one knowledge file into problems with a JSON path and a fix. Union failures (rule
 * conditions) are narrowed to the branch that got furthest, so a typo in a fact name is reported as such
 * rather than as "invalid input".
 */
export function problemsFromZodIssues(file: string, issues: readonly Issue[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const issue of issues) collect(file, issue, [], problems);
  return problems;
}

function collect(file: string, issue: Issue, prefix: readonly PropertyKey[], out: KnowledgeProblem[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = pickBranch(issue.errors);
    if (branch.length > 0) {
      for (const nested of branch) collect(file, nested, path, out);
      return;
    }
  }
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      out.push({
        file,
        path: formatJsonPath([...path, key]),
        problem: `unrecognized key "${key}"`,
        fix: 'remove the key or correct its spelling (see src/knowledge/schemas.ts for the allowed keys)',
      });
    }
    return;
  }
  out.push({ file, path: formatJsonPath(path), problem: issue.message, fix: fixFor(issue) });
}

/** The union branch whose first issue is deepest (it matched the most structure), then the one with fewest issues. */
function pickBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  let best: readonly Issue[] = [];
  let bestDepth = -1;
  for (const branch of branches) {
    const depth = Math.max(...branch.map((issue) => (issue.code === 'unrecognized_keys' ? 0 : issue.path.length + 1)));
    if (depth > bestDepth || (depth === bestDepth && branch.length < best.length)) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}

function fixFor(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `give a value of type ${issue.expected}`;
    case 'invalid_value':
      return `use one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return `make it at least ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s) long' : ''}`;
    case 'too_big':
      return `make it at most ${String(issue.maximum)}${issue.origin === 'array' ? ' item(s) long' : ''}`;
    case 'invalid_format':
      return `write it in the expected ${issue.format} format`;
    case 'not_multiple_of':
      return `use a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'make it match one of the allowed shapes (see src/knowledge/schemas.ts)';
    default:
      return 'correct the value (see src/knowledge/schemas.ts)';
  }
}
