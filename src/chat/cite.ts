/** @module Source marks numbered in the order an answer first cites them; a source the knowledge base lacks is unmarked. */
import type { Knowledge } from '../knowledge/knowledge.ts';

export interface Citer {
  /** The ids cited so far, in the order of their marks. */
  readonly cited: readonly string[];
  /** " [n]" for the source (numbered on first use), or "" when the knowledge base has no such source. */
  mark(id: string): string;
}

export function citer(knowledge: Knowledge): Citer {
  const cited: string[] = [];
  return {
    cited,
    mark(id) {
      if (!knowledge.sourceById.has(id)) return '';
      if (!cited.includes(id)) cited.push(id);
      return ` [${cited.indexOf(id) + 1}]`;
    },
  };
}
