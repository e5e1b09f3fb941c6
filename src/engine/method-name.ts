import type { Knowledge } from '../knowledge/knowledge.ts';
import type { MethodId } from '../profile/profile-schema.ts';

/** "LoRA (low-rank adaptation)" → "LoRA": the short name reads better inside a sentence. */
export function shortMethodName(knowledge: Knowledge, method: MethodId): string {
  return knowledge.methodById.get(method)?.name.replace(/\s*\(.*\)\s*$/, '') ?? method;
}
