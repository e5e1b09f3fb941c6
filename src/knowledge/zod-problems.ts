import type { z } from 'zod';
import type { KnowledgeProblem } from '../errors.ts';
import { editDistance } from './normalize-name.ts';

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
  if (issue.code === 'invalid_value' && issue.values.length > 8) {
    // long enums (fact names, method ids): name the bad value and the closest allowed ones instead of all of them
    const given = typeof issue.input === 'string' ? issue.input : JSON.stringify(issue.input);
    const allowed = issue.values.map(String);
    const closest = typeof issue.input === 'string' ? closestValues(issue.input, allowed) : [];
    out.push({
      file,
      path: formatJsonPath(path),
      problem: `${JSON.stringify(given)} is not an allowed value`,
      fix: `${closest.length > 0 ? `did you mean ${closest.map((value) => JSON.stringify(value)).join(' or ')}? ` : ''}allowed: ${allowed.join(', ')}`,
    });
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
      if (issue.format === 'url') return 'give a full URL such as https://example.org/page';
      if (issue.format === 'regex' && 'pattern' in issue) return `make it match the pattern ${String(issue.pattern)}`;
      return `write it in the ${issue.format} format`;
    case 'not_multiple_of':
      return `use a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'make it match one of the allowed shapes (see src/knowledge/schemas.ts)';
    default:
      return 'correct the value (see src/knowledge/schemas.ts)';
  }
}

/** Allowed values within edit distance 2 of `given` (case-insensitive), closest first. */
function closestValues(given: string, allowed: readonly string[]): string[] {
  const lowered = given.toLowerCase();
  return allowed
    .map((value) => ({ value, distance: editDistance(lowered, value.toLowerCase()) }))
    .filter((candidate) => candidate.distance <= 2)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 2)
    .map((candidate) => candidate.value);
}
