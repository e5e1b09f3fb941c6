/**
 * Name normalisation for catalog lookups, so that "meta-llama/Llama-3.1-8B-Instruct", "llama 3.1 8b" and
 * "LLAMA_3.1_8B" meet on one key. Pure functions, no knowledge of the catalog.
 */

/** Suffixes that name a tuned variant of the same base checkpoint on model hubs. */
const VARIANT_SUFFIX = /[\s._-](?:instruct|chat|it|hf)$/;

/**
 * Lowercases, drops a leading "org/" (a hub namespace such as "meta-llama/"), and removes spaces, dashes,
 * underscores and dots. "Meta-Llama/Llama-3.1-8B-Instruct" → "llama318binstruct"; "A100 80GB" → "a10080gb".
 */
export function normalizeName(name: string): string {
  return stripOrg(name.trim().toLowerCase()).replace(/[\s._-]+/g, '');
}

/**
 * Like `normalizeName`, but first strips variant suffixes (-instruct, -chat, -it, -hf, repeatedly), so that
 * "Llama-3.1-8B-Instruct" and "Llama 3.1 8B" share the key "llama318b".
 */
export function baseName(name: string): string {
  let lowered = stripOrg(name.trim().toLowerCase());
  let previous = '';
  while (previous !== lowered) {
    previous = lowered;
    lowered = lowered.replace(VARIANT_SUFFIX, '');
  }
  return lowered.replace(/[\s._-]+/g, '');
}

function stripOrg(lowered: string): string {
  const slash = lowered.lastIndexOf('/');
  return slash >= 0 ? lowered.slice(slash + 1) : lowered;
}

/** Levenshtein edit distance (insertions, deletions, substitutions), O(a·b) time, O(b) memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previousRow = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previousRow[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previousRow[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previousRow = row;
  }
  return previousRow[b.length] ?? 0;
}
