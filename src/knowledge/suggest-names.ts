import type { Knowledge } from './knowledge.ts';
import { createNameIndex, type NamedEntry, type NameIndex } from './name-index.ts';

const indexes = new WeakMap<readonly NamedEntry[], NameIndex<NamedEntry>>();

function indexFor(entries: readonly NamedEntry[]): NameIndex<NamedEntry> {
  let index = indexes.get(entries);
  if (!index) {
    index = createNameIndex(entries);
    indexes.set(entries, index);
  }
  return index;
}

/** Up to `limit` catalog model names close to `query` (for "did you mean" in 400 errors), best first. */
export function suggestModelNames(knowledge: Knowledge, query: string, limit = 3): string[] {
  return indexFor(knowledge.models).suggest(query, limit);
}

/** Up to `limit` catalog GPU names close to `query`, best first. */
export function suggestGpuNames(knowledge: Knowledge, query: string, limit = 3): string[] {
  return indexFor(knowledge.gpus).suggest(query, limit);
}
